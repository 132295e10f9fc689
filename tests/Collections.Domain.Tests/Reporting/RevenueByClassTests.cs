using Collections.Domain.EntryFees;
using Collections.Domain.Reporting;

namespace Collections.Domain.Tests.Reporting;

public class RevenueByClassTests
{
    internal static EntryRevenue Entry(string port = "2704", long duty = 0, IReadOnlyList<EntryFee>? fees = null, long s301 = 0, long s232 = 0,
        long ieepa = 0, long s122 = 0, long oth99 = 0, long add = 0, long cvd = 0, int lines = 1, long value = 0, long feeTotal = 0, long total = 0) => new()
    {
        PortCode = port, DutyCents = duty, Section301Cents = s301, Section232Cents = s232, IeepaCents = ieepa, Section122Cents = s122,
        OtherChapter99Cents = oth99, AntidumpingCents = add, CountervailingCents = cvd, Fees = fees ?? [], LinesAccepted = lines,
        EnteredValueCents = value, FeeTotalCents = feeTotal, TotalAssessedCents = total,
    };

    private static long[] Amounts(RevenueByClass r) => [.. r.Classes.Select(c => c.AmountCents)];
    private static long[] Entries(RevenueByClass r) => [.. r.Classes.Select(c => c.Entries)];

    [Fact]
    public void Classes_InReportOrderWithCodesAndDescriptions()
    {
        var r = new RevenueByClass();

        r.Classes.Select(c => c.Class.Code).Should().Equal("DTY", "301", "232", "IEP", "122", "O99", "ADD", "CVD", "499", "311", "500", "501", "056");
        r.Classes.Select(c => c.Class.Description).Should().Equal(
            "REGULAR DUTY", "SECTION 301 (CHINA)", "SECTION 232 (STEEL AND ALUMINUM)", "IEEPA RECIPROCAL", "SECTION 122 SURCHARGE",
            "OTHER CHAPTER 99 DUTIES", "ANTIDUMPING CASH DEPOSIT", "COUNTERVAILING CASH DEPOSIT", "MERCHANDISE PROCESSING FEE",
            "INFORMAL ENTRY FEE", "MANUAL ENTRY SURCHARGE", "HARBOR MAINTENANCE FEE", "COTTON FEE");
        RevenueClasses.Count.Should().Be(13);
        RevenueClasses.FirstFeeClass.Should().Be(8);
        RevenueClasses.All[RevenueClasses.FirstFeeClass].Code.Should().Be(FeeClasses.Mpf);
    }

    [Fact]
    public void Add_EveryClass_EachAmountUnderItsClass()
    {
        var r = new RevenueByClass();

        r.Add(Entry(duty: 1, s301: 2, s232: 3, ieepa: 4, s122: 5, oth99: 6, add: 7, cvd: 8,
            fees: [new EntryFee("499", 9), new EntryFee("311", 10), new EntryFee("500", 11), new EntryFee("501", 12), new EntryFee("056", 13)]));

        Amounts(r).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        Entries(r).Should().Equal(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        r.EntriesReported.Should().Be(1);
        r.TotalAssessedCents.Should().Be(91);
    }

    [Fact]
    public void Add_ZeroAmounts_EntryReportedButCountedInNoClass()
    {
        var r = new RevenueByClass();

        r.Add(Entry(fees: [new EntryFee("499", 0)]));

        Entries(r).Should().OnlyContain(e => e == 0);
        r.EntriesReported.Should().Be(1);
    }

    [Fact]
    public void Add_NegativeAmount_CountsTheEntryAndSubtracts()
    {
        var r = new RevenueByClass();

        r.Add(Entry(duty: -500, fees: [new EntryFee("501", -3)]));
        r.Add(Entry(duty: 200));

        r.Classes[0].Should().Be(new RevenueClassTotal(RevenueClasses.All[0], 2, -300));
        r.Classes[11].Should().Be(new RevenueClassTotal(RevenueClasses.All[11], 1, -3));
        r.TotalAssessedCents.Should().Be(-303);
    }

    [Fact]
    public void Add_FeesOfAClassSummedPerEntry_UnknownClassesInNoClass()
    {
        var r = new RevenueByClass();

        r.Add(Entry(fees: [new EntryFee("501", 100), new EntryFee("501", 25), new EntryFee("999", 7), new EntryFee("49 ", 8), new EntryFee("DTY", 9)]));

        r.Classes[11].Should().Be(new RevenueClassTotal(RevenueClasses.All[11], 1, 125));
        Amounts(r).Sum().Should().Be(125);
        Entries(r).Sum().Should().Be(1);
    }

    [Fact]
    public void Add_FeesCancellingOut_EntryNotCountedInTheClass()
    {
        var r = new RevenueByClass();

        r.Add(Entry(fees: [new EntryFee("499", 100), new EntryFee("499", -100)]));

        r.Classes[8].Entries.Should().Be(0);
    }

    [Fact]
    public void Add_FeesOfAClassBeyondS9_11_V99_HighOrderDigitsLost()
    {
        var r = new RevenueByClass();

        // ADD ECT-FEE-AMT TO WS-ENTRY-CLASS-AMT, PIC S9(11)V99: 13 digits
        r.Add(Entry(fees: [new EntryFee("499", 9_000_000_000_000), new EntryFee("499", 2_000_000_000_005)]));

        r.Classes[8].AmountCents.Should().Be(1_000_000_000_005);
    }

    [Fact]
    public void Add_FeesWrappingToZero_EntryNotCounted()
    {
        var r = new RevenueByClass();

        r.Add(Entry(fees: [new EntryFee("056", 9_000_000_000_000), new EntryFee("056", 1_000_000_000_000)]));

        r.Classes[12].Should().Be(new RevenueClassTotal(RevenueClasses.All[12], 0, 0));
    }

    [Fact]
    public void Add_DutyAmountsTakenAsGiven_ACopiedFieldIsNotTruncated()
    {
        var r = new RevenueByClass();

        // a damaged packed amount read leniently can exceed 13 digits; MOVE between equal PICTUREs copies the bytes
        r.Add(Entry(duty: 15_000_000_000_000));

        r.Classes[0].AmountCents.Should().Be(15_000_000_000_000);
    }

    [Fact]
    public void Add_ClassTotalBeyondS9_15_V99_HighOrderDigitsLost()
    {
        var r = new RevenueByClass();
        const long Max = 9_999_999_999_999;   // 13 digits: the largest entry class amount

        for (var i = 0; i < 10_001; i++) r.Add(Entry(duty: Max));

        // 10,001 x 9,999,999,999,999 = 100,009,999,999,989,999 -> the low 17 digits 00,009,999,999,989,999
        r.Classes[0].AmountCents.Should().Be(9_999_999_989_999);
        r.Classes[0].Entries.Should().Be(10_001);
        r.EntriesReported.Should().Be(10_001);
    }

    [Fact]
    public void TotalAssessed_SumOfClassesBeyondS9_15_V99_HighOrderDigitsLost()
    {
        var r = new RevenueByClass();
        const long Big = 6_000_000_000_000;

        for (var i = 0; i < 10_000; i++) r.Add(Entry(duty: Big, s301: Big));

        r.Classes[0].AmountCents.Should().Be(60_000_000_000_000_000);
        r.TotalAssessedCents.Should().Be(20_000_000_000_000_000);
    }

    [Fact]
    public void Add_Null_Throws()
    {
        var act = () => new RevenueByClass().Add(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
