using Collections.Domain.Receivables;

namespace Collections.Domain.Tests.Receivables;

public sealed class MonthlyStatementPeriodTests
{
    [Theory]
    [InlineData(20260101, 202601)]
    [InlineData(20260131, 202601)]
    [InlineData(20260228, 202602)]
    [InlineData(20260331, 202603)]
    [InlineData(20260430, 202604)]
    [InlineData(20260431, 202605)]   // a day the month does not have: after the cut-off
    [InlineData(20260630, 202606)]
    [InlineData(20260631, 202607)]
    [InlineData(20260930, 202609)]
    [InlineData(20260931, 202610)]
    [InlineData(20261130, 202611)]
    [InlineData(20261131, 202612)]
    [InlineData(20261231, 202612)]
    [InlineData(20261232, 202701)]   // December rolls into January of the next year
    [InlineData(20280228, 202802)]
    [InlineData(20280229, 202803)]   // the legacy's table has February 28 (docs/deviations.md)
    [InlineData(99991232, 000001)]   // PIC 9(04) year: 9999 + 1 = 0000
    public void PeriodOf_LegacyTable(int entryDate, int period) => MonthlyStatementPeriod.PeriodOf(entryDate).Should().Be(period);

    [Theory]
    [InlineData(20280229, 202802)]
    [InlineData(20270229, 202703)]   // not a leap year: still after the month end
    [InlineData(20280230, 202803)]
    [InlineData(20260131, 202601)]
    [InlineData(20260132, 202602)]
    [InlineData(21000229, 210003)]   // 2100 is not a leap year
    [InlineData(20000229, 200002)]
    public void PeriodOf_CalendarMonthEnd(int entryDate, int period)
        => MonthlyStatementPeriod.PeriodOf(entryDate, PeriodCutOff.CalendarMonthEnd).Should().Be(period);

    [Theory]
    [InlineData(20260001)]
    [InlineData(20261301)]
    [InlineData(0)]
    public void PeriodOf_MonthOutsideTheTable_Throws(int entryDate)
    {
        MonthlyStatementPeriod.HasTableMonth(entryDate).Should().BeFalse();
        ((Action)(() => MonthlyStatementPeriod.PeriodOf(entryDate))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(20260101, true)]
    [InlineData(20261231, true)]
    public void HasTableMonth_01To12(int entryDate, bool expected) => MonthlyStatementPeriod.HasTableMonth(entryDate).Should().Be(expected);

    [Theory]
    [InlineData(202601, 20260131)]
    [InlineData(202602, 20260228)]
    [InlineData(202802, 20280229)]   // the counting starts from the calendar's last day, February 29 included
    [InlineData(202611, 20261130)]
    [InlineData(202612, 20261231)]   // next month is January of the next year
    [InlineData(999912, 16010101)]   // next month 0000-01: INTEGER-OF-DATE 0, 0 - 1 stored unsigned as 1
    [InlineData(160012, 0)]          // next month 1601-01-01 is day 1: 1 - 1 = 0, DATE-OF-INTEGER(0) = 0
    [InlineData(202600, 20251231)]   // month 00 (no entry gives it): next month is 01
    public void CountingStartOf_LastDayOfThePeriodMonth(int period, int expected)
        => MonthlyStatementPeriod.CountingStartOf(period).Should().Be(expected);

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void CountingStartOf_OutsidePic_Throws(int period)
        => ((Action)(() => MonthlyStatementPeriod.CountingStartOf(period))).Should().Throw<ArgumentOutOfRangeException>();
}

public sealed class StatementNumbersTests
{
    [Fact]
    public void Daily_DYymmddFiler() => StatementNumbers.Daily(20260305, "316").Should().Be("D260305316      ");

    [Fact]
    public void PmsImporter_PYymmImporterWithoutHyphen() => StatementNumbers.PmsImporter(202603, "22-014590000").Should().Be("P260322014590000");

    [Fact]
    public void PmsImporter_TakesCharacters1To2And4To12WhateverTheyAre() => StatementNumbers.PmsImporter(202612, "ABCDEFGHIJKL").Should().Be("P2612ABDEFGHIJKL");

    [Fact]
    public void PmsFiler_BYymmFiler() => StatementNumbers.PmsFiler(202801, "1A2").Should().Be("B28011A2        ");

    [Fact]
    public void Numbers_PadDigits() => StatementNumbers.PmsFiler(101, "316").Should().Be("B0101316        ");

    [Fact]
    public void Numbers_InvalidArguments_Throw()
    {
        ((Action)(() => StatementNumbers.PmsImporter(202603, "22-0145900"))).Should().Throw<ArgumentException>();
        ((Action)(() => StatementNumbers.Daily(-1, "316"))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => StatementNumbers.Daily(100_000_000, "316"))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => StatementNumbers.Daily(20260305, "31612345678"))).Should().Throw<ArgumentException>();
    }
}

public sealed class Clv300FieldsTests
{
    [Theory]
    [InlineData(0, 5, 1)]
    [InlineData(99_998, 5, 99_999)]
    [InlineData(99_999, 5, 0)]             // PIC 9(05)
    [InlineData(9_999_999, 7, 0)]          // PIC S9(07) COMP-3
    [InlineData(9_999_998, 7, 9_999_999)]
    public void CountUp_DropsTheHighOrderDigit(long counter, int digits, long expected) => Clv300Fields.CountUp(counter, digits).Should().Be(expected);

    [Theory]
    [InlineData(9_999_999_999_999, 1, 0)]
    [InlineData(9_999_999_999_999, 9_999_999_999_999, 9_999_999_999_998)]
    [InlineData(-9_999_999_999_999, -2, -1)]   // the sign is kept
    [InlineData(5, -7, -2)]
    public void Add_S9_11_V99(long receiver, long addend, long expected) => Clv300Fields.Add(receiver, addend, Clv300Fields.StatementAmountDigits).Should().Be(expected);

    [Fact]
    public void Add_S9_15_V99_Wraps() => Clv300Fields.Add(99_999_999_999_999_999, 1, Clv300Fields.RunAmountDigits).Should().Be(0);

    [Fact]
    public void PackedSum_NegativeSumLosingEveryDigit_IsNegativeZero()
    {
        var s = new PackedSum(-9_999_999_999_999, false).Add(-1, 13);
        s.Should().Be(new PackedSum(0, true));
        s.Add(0, 13).Should().Be(new PackedSum(0, false), "adding computes a fresh sign: -0 + 0 is +0");
        new PackedSum(9_999_999_999_999, false).Add(1, 13).Should().Be(new PackedSum(0, false), "a positive wrap is +0");
        new PackedSum(5, false).Add(-5, 13).Should().Be(new PackedSum(0, false), "an exact zero is +0");
        new PackedSum(-9_999_999_999_999, false).Add(-2, 13).Should().Be(new PackedSum(-1, false));
    }
}
