using Collections.Domain.Calendar;

namespace Collections.Domain.Tests.Calendar;

/// <summary>The rules of 8200/8210 and 1300 one by one (the cobc differential covers them in bulk).</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = HolidayTableBuilder.Create([20260216, 20260525, 20260703, 20261225, 20270101, 20271231]);

    [Theory]
    [InlineData(20260302, 0, 20260302)]   // count 0: the from-date itself
    [InlineData(20260302, 1, 20260303)]
    [InlineData(20260306, 1, 20260309)]   // Friday -> Monday (Saturday remainder 6, Sunday remainder 0)
    [InlineData(20260307, 1, 20260309)]   // from a Saturday
    [InlineData(20260308, 1, 20260309)]   // from a Sunday
    [InlineData(20260213, 1, 20260217)]   // Friday before a Monday holiday
    [InlineData(20260216, 1, 20260217)]   // from the holiday itself
    [InlineData(20260302, 10, 20260316)]
    [InlineData(20260702, 1, 20260706)]   // Friday holiday and the weekend
    [InlineData(20261224, 2, 20261229)]
    [InlineData(20271230, 1, 20280103)]   // New Year's Day observed on Friday 2027-12-31
    public void AddWorkingDays_SkipsWeekendsAndHolidays(int from, int count, int expected)
        => Calendar.AddWorkingDays(from, count).Date.Should().Be(expected);

    [Theory]
    [InlineData(20260230, 0, 0)]          // impossible date, count 0: DATE-OF-INTEGER(0) = 0
    [InlineData(20260230, 1, 16010101)]   // counts from day 0: day 1 is Monday 1601-01-01
    [InlineData(0, 5, 16010105)]
    [InlineData(0, 6, 16010108)]          // day 6 (Saturday) and 7 (Sunday) skipped
    [InlineData(99991231, 0, 99991231)]
    [InlineData(99991230, 1, 99991231)]   // 9999-12-31 is a Friday
    [InlineData(99991231, 1, 0)]          // beyond DATE-OF-INTEGER's range: 0
    public void AddWorkingDays_AtTheLimitsOfTheDayNumbers(int from, int count, int expected)
        => Calendar.AddWorkingDays(from, count).Date.Should().Be(expected);

    [Fact]
    public void AddWorkingDays_BeyondTheTable_ReportsTheFirstWeekdayChecked()
    {
        Calendar.LastHolidayYear.Should().Be(2027);
        var r = Calendar.AddWorkingDays(20271229, 5);   // 12-30, (12-31 holiday), then Saturday 2028-01-01 and Sunday are skipped unchecked
        r.Date.Should().Be(20280106);
        r.FirstDateBeyondHolidayTable.Should().Be(20280103);
        r.WentBeyondHolidayTable.Should().BeTrue();
    }

    [Fact]
    public void AddWorkingDays_WithinTheTable_ReportsNothing()
    {
        var r = Calendar.AddWorkingDays(20271229, 1);
        r.FirstDateBeyondHolidayTable.Should().Be(0);
        r.WentBeyondHolidayTable.Should().BeFalse();
        Calendar.AddWorkingDays(20271231, 0).WentBeyondHolidayTable.Should().BeFalse("count 0 checks no day");
    }

    [Fact]
    public void AddWorkingDays_PastYear9999_DateZeroIsNotBeyondTheTable()
        => Calendar.AddWorkingDays(99991231, 3).Should().Be(new WorkingDayResult(0, 0));

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(100_000_000, 1)]
    [InlineData(20260302, -1)]
    [InlineData(20260302, 1000)]
    public void AddWorkingDays_OutsideThePictures_Throws(int from, int count)
        => ((Action)(() => Calendar.AddWorkingDays(from, count))).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void AddWorkingDays_LargestCount_Counts999()
        => Calendar.AddWorkingDays(20260302, 999).Date.Should().Be(Calendar.AddWorkingDays(Calendar.AddWorkingDays(20260302, 998).Date, 1).Date);

    [Theory]
    [InlineData(20260302, true)]
    [InlineData(20260307, false)]
    [InlineData(20260308, false)]
    [InlineData(20260216, false)]
    [InlineData(20260230, false)]   // impossible: day 0, a Sunday
    public void IsWorkingDay_ByWeekdayAndTable(int date, bool expected) => Calendar.IsWorkingDay(date).Should().Be(expected);

    [Fact]
    public void IsWorkingDayNumber_Weekday_ReportsDateBeyondTable()
    {
        Calendar.IsWorkingDayNumber(Cobol.Intrinsics.IntegerDate.IntegerOfDate(20280103), out var beyond).Should().BeTrue();
        beyond.Should().Be(20280103);
        Calendar.IsWorkingDayNumber(Cobol.Intrinsics.IntegerDate.IntegerOfDate(20280101), out beyond).Should().BeFalse();
        beyond.Should().Be(0, "weekends are not looked up");
        Calendar.IsWorkingDayNumber(Cobol.Intrinsics.IntegerDate.IntegerOfDate(20271231), out beyond).Should().BeFalse();
        beyond.Should().Be(0);
    }

    [Fact]
    public void Holidays_AreTheTable() => Calendar.Holidays.Should().Equal(20260216, 20260525, 20260703, 20261225, 20270101, 20271231);
}

public sealed class HolidayTableBuilderTests
{
    [Fact]
    public void Add_Ascending_Added()
    {
        var b = new HolidayTableBuilder();
        b.Add(1).Should().Be(HolidayAddResult.Added);
        b.Add(2).Should().Be(HolidayAddResult.Added);
        b.Count.Should().Be(2);
        b.TryBuild(out var c).Should().BeTrue();
        c.Holidays.Should().Equal(1, 2);
        c.LastHolidayYear.Should().Be(0);
    }

    [Theory]
    [InlineData(0)]          // not later than WS-PREV-HOL-DATE's initial zero
    [InlineData(20260101)]   // equal
    [InlineData(20251231)]   // earlier
    public void Add_NotLater_OutOfSequenceAndNotAdded(int date)
    {
        var b = new HolidayTableBuilder();
        if (date != 0) b.Add(20260101);
        b.Add(date).Should().Be(HolidayAddResult.OutOfSequence);
        b.Count.Should().Be(date == 0 ? 0 : 1);
    }

    [Fact]
    public void Add_301st_FullButSequenceCheckedFirst()
    {
        var b = new HolidayTableBuilder();
        for (var i = 1; i <= HolidayTableBuilder.Capacity; i++) b.Add(i).Should().Be(HolidayAddResult.Added);
        b.Add(300).Should().Be(HolidayAddResult.OutOfSequence);
        b.Add(301).Should().Be(HolidayAddResult.Full);
        b.Count.Should().Be(300);
    }

    [Fact]
    public void TryBuild_Empty_False() => new HolidayTableBuilder().TryBuild(out _).Should().BeFalse();

    [Fact]
    public void Create_InvalidTables_Throw()
    {
        ((Action)(() => HolidayTableBuilder.Create([]))).Should().Throw<ArgumentException>();
        ((Action)(() => HolidayTableBuilder.Create([2, 1]))).Should().Throw<ArgumentException>();
        HolidayTableBuilder.Create([20240101, 20281225]).LastHolidayYear.Should().Be(2028);
    }
}
