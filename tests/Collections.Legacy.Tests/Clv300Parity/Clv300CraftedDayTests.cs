using Collections.Domain.EntryFees;
using Collections.Domain.Receivables;
using Collections.Legacy.Records;

namespace Collections.Legacy.Tests.Clv300Parity;

/// <summary>
/// Crafted ENTCALC days run through the real CLV300 and ours: STMTOUT, STMTDTL, CTLTOTS, sysout and RC byte for
/// byte. Each day aims at one rule of 2200-3400 (payment types, the daily statement limit, month ends and the
/// February table, year roll-over, holidays and weekends, the holiday table's end, unknown fee classes, duplicate
/// keys, overflow of the sums).
/// </summary>
public class Clv300CraftedDayTests
{
    private static string Card(int runDate) => "RUNDATE=" + runDate.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n";

    private static CraftedEntry E(string entry, int date, int type, int stmt = 0) =>
        new() { EntryNumber = entry, EntryDate = date, PaymentType = type, StatementDate = stmt };

    [Fact]
    public void Run_EveryPaymentType_MatchesLegacy()
    {
        var entries = Enumerable.Range(0, 10).Select(t => E($"31600000{t:D2}1", 20260226, t, t == 2 ? 20260305 : 0) with { Duty = 1000 * (t + 1) });
        Clv300Harness.Compare(Card(20260302), EntcalcBuilder.Build(entries));
    }

    [Theory]
    [InlineData(20260302)]   // Monday
    [InlineData(20260227)]   // Friday
    [InlineData(20260228)]   // Saturday
    [InlineData(20260213)]   // Friday before Washington's Birthday (Monday 02-16)
    [InlineData(20261224)]   // before Christmas and New Year
    public void Run_DailyStatementAroundTheTenDayLimit_MatchesLegacy(int entryDate)
    {
        var scheduled = new[] { 0, 20250101, entryDate, entryDate + 9, entryDate + 13, entryDate + 14, entryDate + 15, entryDate + 16, entryDate + 30, 20291231 };
        var entries = scheduled.Select((s, i) => E($"{(i % 3 == 0 ? "ABC" : "316")}000{i:D4}1", entryDate, 2, s) with { Duty = 500 + i });
        Clv300Harness.Compare(Card(20270115), EntcalcBuilder.Build(entries));
    }

    public static TheoryData<int> MonthEnds => new()
    {
        20260131, 20260201, 20260227, 20260228, 20260331, 20260430, 20260531, 20260630, 20260731, 20260831, 20260930,
        20261031, 20261130, 20261201, 20261231, 20270228, 20280131, 20280228, 20280229, 20280301, 20280331, 20281130,
    };

    [Theory]
    [MemberData(nameof(MonthEnds))]
    public void Run_PeriodicMonthlyAtMonthEnds_MatchesLegacy(int entryDate)
    {
        var entries = new[]
        {
            E("31600000011", entryDate, 6) with { Importer = "22-014590000" },
            E("31600000021", entryDate, 7),
            E("31600000031", entryDate, 6) with { Importer = "22-014590000", Fees = [new(FeeClasses.Mpf, 2_900), new(FeeClasses.Hmf, 125)] },
            E("ABC00000041", entryDate, 7) with { Fees = [new(FeeClasses.InformalFee, 221), new(FeeClasses.Cotton, 77)] },
            E("31600000051", entryDate, 6) with { Importer = "98-7654321AB" },
        };
        Clv300Harness.Compare(Card(20260302), EntcalcBuilder.Build(entries));
    }

    [Fact]
    public void Run_LeapFebruary2028_Feb29GoesToTheMarchPeriodLikeLegacy()
    {
        var entries = new[] { E("31600000011", 20280228, 7), E("31600000021", 20280229, 7), E("31600000031", 20280229, 6), E("31600000041", 20280301, 7) };
        Clv300Harness.Compare(Card(20280301), EntcalcBuilder.Build(entries));
    }

    [Theory]
    [InlineData(20261123)]   // Thanksgiving week
    [InlineData(20261218)]   // Christmas and New Year's Day
    [InlineData(20270701)]   // Independence Day observed Monday 07-05
    [InlineData(20270610)]   // Juneteenth observed Friday 06-18
    [InlineData(20271220)]   // Christmas Eve and New Year's Eve observed
    [InlineData(20250101)]   // a holiday itself
    [InlineData(20260307)]   // Saturday
    [InlineData(20260308)]   // Sunday
    public void Run_SinglePayAcrossHolidaysAndWeekends_MatchesLegacy(int entryDate)
    {
        var entries = new[] { E("31600000011", entryDate, 1), E("31600000021", entryDate, 2, 29991231), E("31600000031", entryDate, 6), E("31600000041", entryDate, 7) };
        Clv300Harness.Compare(Card(20280105), EntcalcBuilder.Build(entries));
    }

    [Fact]
    public void Run_DatesBeyondTheHolidayTable_WarnsOnceWithRc4LikeLegacy()
    {
        var entries = new[]
        {
            E("31600000011", 20281201, 1),            // within 2028
            E("31600000021", 20281220, 1),            // 10 working days reach 2029: CLV8211W
            E("31600000031", 20281222, 2, 20290131),  // again beyond: no second warning
            E("31600000041", 20281130, 7),            // PMS 202811: December dates
            E("31600000051", 20281205, 6),            // PMS 202812: January 2029 dates
            E("31600000061", 20300615, 1),
        };
        var legacy = Clv300Harness.Compare(Card(20281229), EntcalcBuilder.Build(entries));
        legacy.ReturnCode.Should().Be(4);
        legacy.Sysout.Should().Contain("CLV8211W");
    }

    [Fact]
    public void Run_PeriodicStatementOnlyDueBeyondTheTable_WarnsWithTheFirstSuchDate()
    {
        Clv300Harness.Compare(Card(20281229), EntcalcBuilder.Build([E("31600000051", 20281205, 6), E("31600000061", 20281206, 7)]));
    }

    [Fact]
    public void Run_UnknownFeeClasses_WarnAndRc4LikeLegacy()
    {
        var entries = new[]
        {
            E("31600000011", 20260302, 1) with { Fees = [new(FeeClasses.Mpf, 100), new("999", 5_000), new(FeeClasses.Hmf, 30)] },
            E("31600000021", 20260302, 7) with { Fees = [new("49 ", 100), new(" 49", 200), new("   ", 300), new(FeeClasses.ManualSurcharge, 400)] },
            E("31600000031", 20260302, 2, 20260303) with { Fees = [new(FeeClasses.Mpf, 100), new(FeeClasses.Mpf, 250), new(FeeClasses.Cotton, 1), new(FeeClasses.Cotton, 2)] },
            E("31600000041", 20260302, 6) with { Fees = [new("056", 999_999_999_99), new("056", 999_999_999_99), new("311", -5)] },
        };
        var legacy = Clv300Harness.Compare(Card(20260302), EntcalcBuilder.Build(entries));
        legacy.ReturnCode.Should().Be(4);
    }

    [Fact]
    public void Run_DuplicateEntryNumbers_KeepArrivalOrderLikeLegacy()
    {
        var entries = new[]
        {
            E("31600000099", 20260302, 1) with { Duty = 1 },
            E("31600000099", 20260227, 1) with { Duty = 2 },
            E("31600000011", 20260226, 7) with { Duty = 3 },
            E("31600000011", 20260220, 7) with { Duty = 4 },
            E("31600000099", 20260302, 7) with { Duty = 5 },
            E("31600000011", 20260302, 2, 20260305) with { Duty = 6 },
            E("31600000011", 20260302, 2, 20260305) with { Duty = 7 },
            E("31600000099", 20260225, 1) with { Duty = 8 },
        };
        Clv300Harness.Compare(Card(20260302), EntcalcBuilder.Build(entries));
    }

    [Fact]
    public void Run_CategorySumsOverflow_HighOrderDigitsDroppedLikeLegacy()
    {
        const long max = 99_999_999_999_99;
        var entries = new[]
        {
            E("31600000011", 20260302, 7) with { Duty = max, S301 = max, Add = 1, Total = max },
            E("31600000021", 20260302, 7) with { Duty = max, S301 = 1, Add = max - 1, Total = max },
            E("31600000031", 20260302, 7) with { Duty = 2, Cvd = -max, Total = 5 },
            E("31600000041", 20260302, 6) with { Duty = -max, Ieepa = -1, Total = -max },
            E("31600000051", 20260302, 6) with { Duty = -1, Ieepa = -max, Total = -1, Fees = [new(FeeClasses.Mpf, -1)] },
            E("31600000061", 20260302, 1) with { Duty = -max, Total = -max, Fees = [new(FeeClasses.Mpf, -999_999_999_99), new(FeeClasses.Mpf, -1)] },
        };
        var legacy = Clv300Harness.Compare(Card(20260302), EntcalcBuilder.Build(entries));

        // the day does reach the cases: a wrapped sum and a packed negative zero on a header
        var headers = Enumerable.Range(0, legacy.Stmtout!.Length / 200).Select(i => StatementHeaderRecord.Decode(legacy.Stmtout.AsSpan(i * 200, 200))).ToList();
        headers.Should().Contain(h => h.Reference.StartsWith("B2603316", StringComparison.Ordinal) && h.EntryCount == 3 && h.Categories.CentsOf(ReceivableCategory.Duty) == 0 && h.Categories.CentsOf(ReceivableCategory.Antidumping) == max);
        headers.Should().Contain(h => (h.NegativeZeroMask & (1 << StatementHeaderRecord.TotalBit)) != 0);
        headers.Should().Contain(h => (h.NegativeZeroMask & (1 << (int)ReceivableCategory.Ieepa)) != 0);
    }

    [Fact]
    public void Run_ImpossibleAndExtremeDates_MatchLegacy()
    {
        var entries = new[]
        {
            E("31600000011", 20260230, 1),             // no such day: INTEGER-OF-DATE 0
            E("31600000021", 0, 2, 20260305),          // entry date 0
            E("31600000031", 20261300, 1),             // month 13, single pay (no month table)
            E("31600000041", 99991231, 7),             // December 9999: the period's next month is 0000-01
            E("31600000051", 99991220, 1),             // counting past 9999-12-31: date 0
            E("31600000061", 16010105, 2, 16010201),   // the first days of INTEGER-OF-DATE
            E("31600000071", 20260231, 6),             // day 31 of February: after the cut-off
            E("31600000081", 20991231, 6),
        };
        Clv300Harness.Compare(Card(20260302), EntcalcBuilder.Build(entries));
    }

    [Fact]
    public void Run_EmptyEntcalc_WritesZeroTotalsLikeLegacy() => Clv300Harness.Compare(Card(20260302), []);

    [Fact]
    public void Run_OnlyAllocationRecordsAndNoCtltots_MatchesLegacy()
    {
        var entries = EntcalcBuilder.Build([E("31600000011", 20260302, 1) with { Allocations = 3 }]);
        Clv300Harness.Compare(Card(20260302), entries, ctltots: null);
    }
}
