using System.Globalization;
using Collections.Cobol.Intrinsics;
using Collections.Testing;

namespace Collections.Cobol.Tests.Intrinsics;

/// <summary>INTEGER-OF-DATE and DATE-OF-INTEGER against GnuCOBOL (cobc with the legacy's flags) and against .NET's calendar.</summary>
public sealed class IntegerDateTests
{
    [Theory]
    [InlineData(16010101, 1)]
    [InlineData(20260302, 155289)]
    [InlineData(99991231, IntegerDate.MaxDayNumber)]
    [InlineData(20240229, 154557)]
    public void IntegerOfDate_KnownDates_DayNumber(long date, int expected)
    {
        IntegerDate.IntegerOfDate(date).Should().Be(expected);
        IntegerDate.DateOfInteger(expected).Should().Be((int)date);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16001231)]
    [InlineData(16010100)]
    [InlineData(16010132)]
    [InlineData(20260230)]
    [InlineData(20250229)]
    [InlineData(21000229)]
    [InlineData(20261301)]
    [InlineData(20260001)]
    [InlineData(100000101)]
    [InlineData(-20260302)]
    public void IntegerOfDate_NotADate_Zero(long date) => IntegerDate.IntegerOfDate(date).Should().Be(0);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(IntegerDate.MaxDayNumber + 1)]
    public void DateOfInteger_OutOfRange_Zero(long day) => IntegerDate.DateOfInteger(day).Should().Be(0);

    [Fact]
    public void BothFunctions_EveryDay1990To2100_AgreeWithDotNetCalendar()
    {
        var epoch = new DateTime(1601, 1, 1);
        for (var d = new DateTime(1990, 1, 1); d.Year <= 2100; d = d.AddDays(1))
        {
            int ccyymmdd = d.Year * 10000 + d.Month * 100 + d.Day;
            int n = (int)(d - epoch).TotalDays + 1;
            IntegerDate.IntegerOfDate(ccyymmdd).Should().Be(n);
            IntegerDate.DateOfInteger(n).Should().Be(ccyymmdd);
            IntegerDate.WeekdayRemainder(n).Should().Be((int)d.DayOfWeek, "day 1 (1601-01-01) is a Monday");
        }
    }

    [Fact]
    public void BothFunctions_SampleOfDays_EqualCobc()
    {
        if (!Cobc.IsAvailable) return;
        using var dir = new TempDir("intdate");
        var days = new List<long>();
        var rng = new Random(20261203);
        for (int i = 0; i < 400; i++) days.Add(rng.NextInt64(-5, IntegerDate.MaxDayNumber + 5));
        days.AddRange([0, 1, 59, 60, 61, 36524, 36525, 146097, 146098, IntegerDate.MaxDayNumber, IntegerDate.MaxDayNumber + 1]);
        var dates = new List<long> { 0, 16001231, 16010101, 20240229, 20250229, 21000228, 21000229, 20000229, 99991231, 20261301, 20260431, 20260100 };
        for (int i = 0; i < 400; i++) dates.Add(rng.NextInt64(15000000, 99999999));
        var src = dir.Combine("intdate.cbl");
        var lines = new List<string>
        {
            "       IDENTIFICATION DIVISION.", "       PROGRAM-ID. INTDATE.", "       DATA DIVISION.", "       WORKING-STORAGE SECTION.",
            "       01 N7 PIC S9(08).", "       01 D8 PIC 9(08).", "       01 R8 PIC 9(08).", "       01 R7 PIC 9(07).", "       PROCEDURE DIVISION.",
        };
        foreach (var n in days)
        {
            lines.Add("           MOVE " + n.ToString(CultureInfo.InvariantCulture) + " TO N7");
            lines.Add("           COMPUTE R8 = FUNCTION DATE-OF-INTEGER (N7)");
            lines.Add("           DISPLAY R8");
        }
        foreach (var d in dates)
        {
            lines.Add("           MOVE " + d.ToString(CultureInfo.InvariantCulture) + " TO D8");
            lines.Add("           COMPUTE R7 = FUNCTION INTEGER-OF-DATE (D8)");
            lines.Add("           DISPLAY R7");
        }
        lines.Add("           STOP RUN.");
        File.WriteAllLines(src, lines);
        var run = Cobc.Run(Cobc.Compile(src), [], dir.Path, null);
        run.ExitCode.Should().Be(0, run.StdErr);
        var output = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = days.Select(n => IntegerDate.DateOfInteger(n).ToString("D8", CultureInfo.InvariantCulture))
            .Concat(dates.Select(d => IntegerDate.IntegerOfDate(d).ToString("D7", CultureInfo.InvariantCulture)));
        output.Should().Equal(expected);
    }

    [Fact]
    public void NextDate_EveryDayNumber_IsDateOfIntegerOfTheNextDay()
    {
        var date = IntegerDate.DateOfInteger(1);
        for (var day = 1; day < IntegerDate.MaxDayNumber; day++)
        {
            var next = IntegerDate.NextDate(date);
            var expected = IntegerDate.DateOfInteger(day + 1);
            if (next != expected) next.Should().Be(expected, "the day after {0} (day number {1})", date, day);
            date = next;
        }
        date.Should().Be(99991231);
    }
}
