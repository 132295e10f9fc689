using Collections.Domain.EntryFees;
using Collections.Testing;
using static Collections.Domain.Tests.EntryFees.EntryFeeTestData;

namespace Collections.Domain.Tests.EntryFees;

public class EntryFeeCalculatorTests
{
    // ---- MPF 499: rounded sum of the raw line MPF, held within the fiscal year's minimum and maximum ----

    [Theory]
    [InlineData(20260302, 3357499, 3358, MpfLimitApplied.Minimum)]   // 33.57499 -> 33.57 < 33.58: minimum
    [InlineData(20260302, 3357500, 3358, MpfLimitApplied.None)]      // 33.575 rounds up to 33.58: at the minimum
    [InlineData(20260302, 3358500, 3359, MpfLimitApplied.None)]      // just over
    [InlineData(20260302, 65149500, 65150, MpfLimitApplied.None)]    // 651.495 -> 651.50: at the maximum
    [InlineData(20260302, 65150500, 65150, MpfLimitApplied.Maximum)] // 651.505 -> 651.51 > 651.50: maximum
    [InlineData(20250930, 3270499, 3271, MpfLimitApplied.Minimum)]   // FY2025 minimum 32.71
    [InlineData(20250930, 3270500, 3271, MpfLimitApplied.None)]
    [InlineData(20250930, 63462500, 63462, MpfLimitApplied.Maximum)] // 634.625 -> 634.63 > 634.62
    [InlineData(20250930, 63462499, 63462, MpfLimitApplied.None)]
    public void CompleteEntry_FormalEntry_MpfRoundedAndHeldWithinFiscalYearLimits(int date, long rawE5, long expectedCents, MpfLimitApplied limit)
    {
        var r = Run(Formal(date), Line(1, 1_000_00, rawE5));

        r.MpfCents.Should().Be(expectedCents);
        r.MpfLimit.Should().Be(limit);
        r.MpfLimitIndicator.Should().Be(limit switch { MpfLimitApplied.Minimum => 'N', MpfLimitApplied.Maximum => 'X', _ => ' ' });
        r.Fees[0].Should().Be(new EntryFee("499", expectedCents));
    }

    [Fact]
    public void CompleteEntry_FiscalYearBoundary_Sep30UsesFy2025AndOct1UsesFy2026()
    {
        var sep30 = Run(Formal(20250930), Line(1, 1_000_00, 3300000));
        var oct1 = Run(Formal(20251001), Line(1, 1_000_00, 3300000));

        sep30.MpfCents.Should().Be(33_00);
        sep30.MpfLimit.Should().Be(MpfLimitApplied.None);
        oct1.MpfCents.Should().Be(33_58);
        oct1.MpfLimit.Should().Be(MpfLimitApplied.Minimum);
    }

    [Fact]
    public void CompleteEntry_SeveralLines_RoundsTheSumNotEachLine()
    {
        // 10.00004 + 10.00004 + 13.57492 = 33.575: rounds to 33.58 (each line rounded first would give 33.57)
        var r = Run(Formal(), Line(1, 1, 1000004), Line(2, 1, 1000004), Line(3, 1, 1357492));

        r.MpfRawE5.Should().Be(3357500);
        r.MpfCents.Should().Be(33_58);
        r.MpfLimit.Should().Be(MpfLimitApplied.None);
    }

    [Fact]
    public void CompleteEntry_NoLiableLine_MpfZeroWithoutMinimum()
    {
        var r = Run(Formal(), Line(1, 1_000_00, spi: "S "));

        r.MpfCents.Should().Be(0);
        r.MpfLimit.Should().Be(MpfLimitApplied.None);
        r.Fees.Should().Equal(new EntryFee("499", 0));
        r.Allocations.Should().BeEmpty();
    }

    // ---- liability ----

    [Theory]
    [InlineData("S ", "8471300100", false)]   // USMCA: exempt
    [InlineData("P+", "8471300100", false)]
    [InlineData("A ", "8471300100", true)]    // GSP: not exempt
    [InlineData("JO", "8471300100", true)]    // in the table, not exempt
    [InlineData("ZZ", "8471300100", true)]    // unknown SPI: liable
    [InlineData("  ", "9801001000", false)]   // Chapter 98: exempt
    [InlineData("  ", "9802006000", true)]    // except 9802.00.60
    [InlineData("  ", "9802008000", true)]    // and 9802.00.80
    [InlineData("  ", "9802004000", false)]
    public void IsMpfLiable_SpiAndHeading_AsTheLegacyTable(string spi, string hts, bool liable)
    {
        var calc = new EntryFeeCalculator(FeeReference());
        calc.StartEntry(Formal());

        calc.IsMpfLiable(Line(1, 100, spi: spi, hts: hts)).Should().Be(liable);
    }

    [Fact]
    public void CompleteEntry_ExemptAndRejectedLines_NotInLiableValueButInEnteredValue()
    {
        var r = Run(Formal(), Line(1, 100_000_00), Line(2, 50_000_00, spi: "S "), Line(3, 7_00, assessable: false));

        r.EnteredValueCents.Should().Be(150_000_00);
        r.MpfLiableValueCents.Should().Be(100_000_00);
        r.LinesAccepted.Should().Be(2);
        r.LinesRejected.Should().Be(1);
        r.Allocations.Select(a => a.LineNumber).Should().Equal(1);
    }

    // ---- informal fee 311, manual surcharge 500 ----

    [Theory]
    [InlineData("11", 20260302, 269)]
    [InlineData("12", 20260302, 269)]
    [InlineData("11", 20250930, 262)]
    public void CompleteEntry_InformalEntry_FlatFeeAndNoMpf(string type, int date, long fee)
    {
        var r = Run(Formal(date, type: type), Line(1, 1_000_000_00));

        r.Fees.Should().Equal(new EntryFee("311", fee));
        r.MpfCents.Should().Be(0);
        r.MpfLiableValueCents.Should().Be(0);
        r.MpfRawE5.Should().Be(0);
        r.Allocations.Should().BeEmpty();
    }

    [Fact]
    public void CompleteEntry_ManualEntry_AddsSurchargeAfterTheProcessingFee()
    {
        var r = Run(Formal(manual: true), Line(1, 100_000_00));

        r.Fees.Should().Equal(new EntryFee("499", 346_40), new EntryFee("500", 4_03));
        r.FeeTotalCents.Should().Be(350_43);
        r.TotalAssessedCents.Should().Be(350_43);
    }

    // ---- HMF 501 and its $3 rule ----

    [Theory]
    [InlineData("1001", 10, 10_000_00, 12_50)] // vessel at an HMF port: 0.125%
    [InlineData("2704", 11, 10_000_00, 12_50)]
    [InlineData("3901", 10, 10_000_00, 0)]     // not an HMF port
    [InlineData("1001", 40, 10_000_00, 0)]     // not a vessel
    [InlineData("1001", 12, 10_000_00, 0)]
    [InlineData("1001", 10, 2_404_00, 3_01)]   // 3.005 rounds half up to 3.01: charged
    public void CompleteEntry_Hmf_ChargedOnVesselCargoAtHmfPorts(string port, int mode, long usd, long hmf)
    {
        var r = Run(Formal(port: port, mode: mode), Line(1, usd, duty: 1));

        r.HmfCents.Should().Be(hmf);
        r.Fees.Any(f => f.FeeClass == "501").Should().Be(hmf != 0);
    }

    [Theory]
    [InlineData(2_392_00, 0, 0, true)]       // 2.99, nothing else due: waived
    [InlineData(2_400_00, 0, 0, true)]       // exactly 3.00: waived (not greater than 3.00)
    [InlineData(2_408_00, 0, 3_01, false)]   // 3.01: charged
    [InlineData(2_392_00, 1, 2_99, false)]   // 2.99 with a cent of duty: charged
    [InlineData(2_400_00, 1, 3_00, false)]   // 3.00 with duty: charged
    public void CompleteEntry_HmfThreeDollarRule_WaivedOnlyWhenNothingElseIsDue(long usd, long duty, long hmf, bool waived)
    {
        var r = Run(Formal(port: "1001", mode: 10), Line(1, usd, duty: duty));

        r.HmfCents.Should().Be(hmf);
        r.HmfWaived.Should().Be(waived);
        r.MpfCents.Should().BeGreaterThan(0, "the legacy ignores the MPF when it applies the $3 rule");
    }

    [Theory]
    // 2450: IF WS-CUR-HMF > ZERO guards the $3 rule: an HMF that rounds to zero (3.99 x 0.125 % = 0.0049875) is
    // neither waived nor counted; the smallest HMF (4.00 -> 0.005 -> 0.01) is waived when nothing else is due
    [InlineData(3_99, 0, false, 0, 0)]
    [InlineData(4_00, 0, true, 1, 0)]
    [InlineData(4_00, 1, false, 0, 1)]
    public void CompleteEntry_HmfZeroOrOneCent_WaiverOnlyForAPositiveFee(long usd, long duty, bool waived, int waivedCount, int hmfCount)
    {
        var calc = new EntryFeeCalculator(FeeReference());

        var r = Run(calc, Formal(port: "1001", mode: 10), Line(1, usd, duty: duty));

        r.HmfWaived.Should().Be(waived);
        r.HmfCents.Should().Be(hmfCount == 1 ? 1 : 0);
        calc.Totals.HmfWaivedCount.Should().Be(waivedCount);
        calc.Totals.HmfCount.Should().Be(hmfCount);
        calc.Totals.HmfCents.Should().Be(hmfCount == 1 ? 1 : 0);
        r.Fees.Any(f => f.FeeClass == "501").Should().Be(hmfCount == 1);
    }

    [Fact]
    public void CompleteEntry_HmfThreeDollars_ChargedWithCottonManualOrInformalFee()
    {
        Run(Formal(port: "1001", mode: 10), Line(1, 2_400_00, cotton: 1)).HmfCents.Should().Be(3_00);
        Run(Formal(port: "1001", mode: 10, manual: true), Line(1, 2_400_00)).HmfCents.Should().Be(3_00);
        Run(Formal(port: "1001", mode: 10, type: "11"), Line(1, 2_400_00)).HmfCents.Should().Be(3_00);
    }

    [Fact]
    public void CompleteEntry_HmfWaiverConsidersMpfPolicy_ChargesWhenMpfIsDue()
    {
        var calc = new EntryFeeCalculator(FeeReference(), EntryFeePolicies.Legacy with { HmfWaiverConsidersMpf = true });

        Run(calc, Formal(port: "1001", mode: 10), Line(1, 2_400_00)).HmfCents.Should().Be(3_00);
    }

    // ---- cotton 056 and totals ----

    [Fact]
    public void CompleteEntry_CottonAndDuties_TotalsByCategory()
    {
        var line1 = Line(1, 10_000_00, duty: 500_00, cotton: 12_34) with
        {
            Chapter99First = new Chapter99Charge(true, Chapter99Class.Section301, 100_00),
            Chapter99Second = new Chapter99Charge(true, Chapter99Class.Ieepa, 200_00),
            Chapter99Third = new Chapter99Charge(false, Chapter99Class.Section232, 999_00),
            AdCvdIsCountervailing = true,
            AdCvdCents = 50_00,
        };
        var line2 = Line(2, 5_000_00, cotton: 1_00) with
        {
            Chapter99First = new Chapter99Charge(true, Chapter99Class.Section122, 7_00),
            Chapter99Second = new Chapter99Charge(true, Chapter99Class.Other, 3_00),
            AdCvdCents = 20_00,
        };

        var r = Run(Formal(), line1, line2);

        r.DutyCents.Should().Be(500_00);
        r.Section301Cents.Should().Be(100_00);
        r.IeepaCents.Should().Be(200_00);
        r.Section232Cents.Should().Be(0);
        r.Section122Cents.Should().Be(7_00);
        r.OtherChapter99Cents.Should().Be(3_00);
        r.CountervailingCents.Should().Be(50_00);
        r.AntidumpingCents.Should().Be(20_00);
        r.CottonCents.Should().Be(13_34);
        r.AllDutiesCents.Should().Be(880_00);
        r.Fees.Should().Equal(new EntryFee("499", 51_96), new EntryFee("056", 13_34)); // 15,000.00 x 0.3464% = 51.96
        r.TotalAssessedCents.Should().Be(880_00 + 51_96 + 13_34);
    }

    [Fact]
    public void CompleteEntry_AllLinesRejected_NotAssessed()
    {
        var r = Run(Formal(), Line(1, 0, assessable: false));

        r.Status.Should().Be(EntryFeeStatus.NoAssessedLines);
    }

    [Fact]
    public void CompleteEntry_NoScheduleForDate_ReportsFirstMissingClass()
    {
        var r = Run(new EntryFeeCalculator(FeeReference(Rows.Where(x => x.FeeClass != "500"))), Formal(), Line(1, 100));

        r.Status.Should().Be(EntryFeeStatus.NoFeeSchedule);
        r.MissingFeeClass.Should().Be("500");
    }

    [Fact]
    public void CompleteEntry_RunTotals_CountWhatTheLegacyCounts()
    {
        var calc = new EntryFeeCalculator(FeeReference());
        Run(calc, Formal(port: "1001", mode: 10), Line(1, 2_400_00));            // MPF minimum, HMF waived
        Run(calc, Formal(type: "11", manual: true), Line(1, 10_00));            // informal + manual
        Run(calc, Formal(), Line(1, 1_000_000_00), Line(2, 5_00, assessable: false)); // maximum

        var t = calc.Totals;
        t.MpfEntries.Should().Be(2);
        t.MpfMinimumCount.Should().Be(1);
        t.MpfMaximumCount.Should().Be(1);
        t.MpfCents.Should().Be(33_58 + 651_50);
        t.InformalCount.Should().Be(1);
        t.ManualCount.Should().Be(1);
        t.HmfWaivedCount.Should().Be(1);
        t.HmfCount.Should().Be(0);
        t.LinesAssessed.Should().Be(3);
        t.LinesRejected.Should().Be(1);
        t.EntriesWritten.Should().Be(3);
        t.AllocationsWritten.Should().Be(2);
        t.AllocatedCents.Should().Be(33_58 + 651_50);
    }

    [Fact]
    public void CompleteEntry_UnderHostileCulture_SameAmounts()
    {
        using var _ = HostileCulture.Enter();

        var r = Run(Formal(port: "1001", mode: 10, manual: true), Line(1, 123_456_78), Line(2, 9_99));

        r.MpfCents.Should().Be(427_69);   // 123,466.77 x 0.3464% = 427.688... (sum of truncated raw lines, rounded)
        r.HmfCents.Should().Be(154_33);   // 123,466.77 x 0.125% = 154.333...
        r.Fees.Select(f => f.FeeClass).Should().Equal("499", "500", "501");
    }
}
