using System.Text;
using Collections.Domain.EntryFees;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv500Parity;

/// <summary>
/// Crafted data sets for the report's edges, each run through the live legacy CLV500 and our step: the report, the
/// sysout and the RC must be identical. Each test also checks that its edge was reached.
/// </summary>
public class Clv500CraftedDayTests
{
    internal static (Clv500Outcome Legacy, Clv500Outcome Ours) Run(Clv500CraftedDay day)
    {
        using var temp = new TempDir("clv500-crafted");
        var legacyDir = temp.Combine("legacy");
        var oursDir = temp.Combine("ours");
        day.Write(legacyDir);
        day.Write(oursDir);
        var legacy = Clv500Harness.RunLegacy(legacyDir);
        var ours = Clv500Harness.RunOurs(oursDir);
        ours.ShouldMatch(legacy);
        return (legacy, ours);
    }

    private static string Report(Clv500Outcome o) => Encoding.Latin1.GetString(o.Report!);

    private static readonly int[] ScrambledPorts = [.. Enumerable.Range(0, 350).Select(i => 1000 + ((i * 7919) % 350) * 13)];

    [Fact]
    public void Run_MorePortsThanTheTableHolds_NewPortsCountedWithTheLastPort()
    {
        var day = new Clv500CraftedDay();
        foreach (var p in ScrambledPorts) day.Entry(p, dutyCents: p * 100, lines: p % 7 + 1);
        day.Entry(ScrambledPorts[0], dutyCents: 5_00);   // a port already in the table after it filled up
        day.Entry(999, dutyCents: 1_00);                 // lower than every port: still counted with the last one

        var (legacy, ours) = Run(day);

        ours.Sysout.Should().Contain("CLV2301W PORT TABLE FULL - PORT 0999 COUNTED WITH LAST PORT");
        Report(ours).Should().Contain("PAGE    8");
        legacy.ReturnCode.Should().Be(0);
    }

    public static TheoryData<int> PortCounts() => [.. Enumerable.Range(0, 61)];

    [Theory]
    [MemberData(nameof(PortCounts))]
    public void Run_PortCountsMovingEverySectionAcrossPageBoundaries_Identical(int ports)
    {
        var day = new Clv500CraftedDay();
        for (var i = 0; i < ports; i++) day.Entry(1000 + i * 3, dutyCents: 10_00 + i);
        for (var i = 0; i < ports % 7; i++) day.Reject("L" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
        for (var s = 0; s < 3; s++)
            for (var q = 1; q <= 5 + ports % 4; q++) day.ControlTotal("CLV" + (s + 1) + "00", q, "TOTAL " + q, q, -q * 100);

        var (_, ours) = Run(day);

        Report(ours).Should().Contain("*** END OF DAILY REVENUE REPORT ***");
    }

    [Fact]
    public void Run_MoreRejectReasonsThanTheTableHolds_CountedWithTheLastReason()
    {
        var day = new Clv500CraftedDay();
        var codes = Enumerable.Range(0, 130).Select(i => "X" + ((i * 37) % 130).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var c in codes) day.Reject(c, c[3] % 2 == 0 ? 'E' : 'W', "FIRST MESSAGE OF " + c);
        foreach (var c in codes.Take(20)) day.Reject(c, 'W', "LATER MESSAGE OF " + c);
        day.Reject("A000", 'E', "BELOW EVERY CODE");

        var (_, ours) = Run(day);

        var report = Report(ours);
        report.Should().Contain("FIRST MESSAGE OF X000").And.NotContain("LATER MESSAGE").And.NotContain("BELOW EVERY CODE");
    }

    [Fact]
    public void Run_NegativeAmounts_CreditAndMinusSigns()
    {
        var day = new Clv500CraftedDay();
        day.Entry(2704, dutyCents: -1_234_56, fees: [new EntryFee(FeeClasses.Mpf, -33_58), new EntryFee(FeeClasses.Hmf, -12_00)], add: -5_00, valueCents: -9_999_99);
        day.Entry(2704, dutyCents: 1_234_56, s301: 77_00);
        day.Entry(1001, dutyCents: -50_00, cvd: -1);
        day.ControlTotal("CLV100", 1, "NEGATIVE", 3, -123_456_789);

        var (_, ours) = Run(day);

        Report(ours).Should().Contain("CR").And.Contain("-");
    }

    [Fact]
    public void Run_AmountsNeedingEveryDigitAndMore_HighOrderDigitsDropped()
    {
        var day = new Clv500CraftedDay();
        const long Max = 99_999_999_999_99;   // S9(11)V99
        for (var i = 0; i < 10_050; i++)
        {
            day.Entry(i % 2 == 0 ? 1001 : 9999, dutyCents: Max, lines: 999, valueCents: Max, s301: Max, add: Max,
                fees: [new EntryFee(FeeClasses.Mpf, 999_999_999_99), new EntryFee(FeeClasses.Hmf, 999_999_999_99)],
                feeTotal: Max, totalAssessed: Max);
        }
        day.ControlTotal("CLV100", 1, "LARGEST", 999_999_999, 999_999_999_999_999_99);
        day.ControlTotal("CLV100", 2, "LARGEST NEGATIVE", 1, -999_999_999_999_999_99);

        var (_, ours) = Run(day);

        ours.Sysout.Should().Contain("CLV9001I ENTRIES REPORTED       10,050");
    }

    [Fact]
    public void Run_FeeClassesUnknownRepeatedOrOutOfOrder_OnlyTheFiveFeeClassesShown()
    {
        var day = new Clv500CraftedDay();
        day.Entry(2704, fees: [new EntryFee("311", 2_69), new EntryFee("501", 10_00), new EntryFee("501", 5_00), new EntryFee("999", 7_00), new EntryFee("056", 1_00)]);
        day.Entry(2704, dutyCents: 0, fees: [new EntryFee("500", 0)]);   // nothing but a zero fee: no class counts it
        day.Entry(3002, dutyCents: 0, fees: [new EntryFee("499", 1_00), new EntryFee("499", -1_00)]);   // sums to zero: not counted

        var (_, ours) = Run(day);

        Report(ours).Should().Contain("HARBOR MAINTENANCE FEE");
    }

    [Fact]
    public void Run_EmptyDay_EverySectionWithZeros()
    {
        var (legacy, _) = Run(new Clv500CraftedDay());

        Report(legacy).Should().Contain("NO REJECTS OR WARNINGS");
        legacy.ReturnCode.Should().Be(0);
    }

    [Fact]
    public void Run_ControlTotalsMissing_ReportSaysSoAndRc4()
    {
        var day = new Clv500CraftedDay();
        day.Entry(2704);
        day.Missing.Add("CTLTOTS");

        var (legacy, _) = Run(day);

        legacy.ReturnCode.Should().Be(4);
        Report(legacy).Should().Contain("CONTROL TOTALS FILE NOT AVAILABLE");
    }

    [Fact]
    public void Run_ControlTotalsDamaged_NonNumericShownAsZeroAndShortLinesPadded()
    {
        var day = new Clv500CraftedDay();
        day.ControlTotal("CLV100", 1, "GOOD", 12, 34_56);
        day.ControlTotalLines.Add("CLV100   20260302 02 NON-NUMERIC COUNT               00000001X 00000000000001234");
        day.ControlTotalLines.Add("CLV100   20260302 03 NON-NUMERIC AMOUNT              000000001 0000000000000123Z");
        day.ControlTotalLines.Add("CLV100   20260302 04 SPACES IN AMOUNT                000000001        1234");
        day.ControlTotalLines.Add("CLV200   20260302 1  SEQUENCE NOT 01");
        day.ControlTotalLines.Add("CLV300   20260302 01 UNSIGNED LAST DIGIT             000000005 00000000000001234");
        day.ControlTotalLines.Add("");

        var (_, ours) = Run(day);

        ours.Diagnostics.Should().Contain("CTLTOTS RECORD 2: CT-COUNT").And.Contain("CTLTOTS RECORD 3: CT-AMOUNT");
    }

    [Theory]
    [InlineData("RUNDATE=2026030\n")]
    [InlineData("RUNDATE=19900000\n")]
    [InlineData("RUNDATE=21000000\n")]
    [InlineData("rundate=20260302\n")]
    [InlineData("RUNDATE=2026030\r\n")]
    [InlineData("RUNDATE=\t20260302\n")]
    [InlineData("")]
    public void Run_InvalidControlCard_Rc8AndAnEmptyReport(string sysin)
    {
        var day = new Clv500CraftedDay { Sysin = sysin };
        day.Entry(2704);

        var (legacy, ours) = Run(day);

        legacy.ReturnCode.Should().Be(8);
        ours.Report.Should().BeEmpty();
    }

    [Theory]
    [InlineData("RUNDATE=19900001\n")]
    [InlineData("RUNDATE=20991231 TRAILING TEXT\n")]
    [InlineData("RUNDATE=20260302\r\n")]
    [InlineData("RUNDATE=20260231\n")]
    public void Run_ControlCardAtTheLimits_Accepted(string sysin)
    {
        var (legacy, _) = Run(new Clv500CraftedDay { Sysin = sysin });

        legacy.ReturnCode.Should().Be(0);
    }
}
