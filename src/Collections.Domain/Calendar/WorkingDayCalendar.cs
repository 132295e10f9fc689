using Collections.Cobol.Intrinsics;

namespace Collections.Domain.Calendar;

/// <summary>
/// The outcome of <see cref="WorkingDayCalendar.AddWorkingDays"/>: the date reached, and the first weekday the count
/// looked at whose year is later than the holiday table's last year (0 when none), which the legacy reports once per
/// run (CLV8211W, RC 4).
/// </summary>
/// <param name="Date">WS-WD-RESULT-DATE: CCYYMMDD, or 0 when the day number is outside DATE-OF-INTEGER's range</param>
/// <param name="FirstDateBeyondHolidayTable">CCYYMMDD of the first weekday checked beyond the table's last year, or 0</param>
public readonly record struct WorkingDayResult(int Date, int FirstDateBeyondHolidayTable)
{
    /// <summary>True when the count looked at a weekday beyond the holiday table.</summary>
    public bool WentBeyondHolidayTable => FirstDateBeyondHolidayTable != 0;
}

/// <summary>
/// Working days as CLV300 counts them (8200-ADD-WORKING-DAYS, 8210-CHECK-WORKING-DAY): a day is a working day
/// unless its day number (FUNCTION INTEGER-OF-DATE, day 1 = Monday 1601-01-01) leaves remainder 6 (Saturday) or 0
/// (Sunday) when divided by 7, or its date is on the holiday table. The legacy's storage sizes are part of the rule:
/// counts are PIC 9(03) and dates PIC 9(08); day numbers are PIC 9(07), which no count can overflow; an invalid
/// from-date counts from day 0 (INTEGER-OF-DATE gives 0), and a day number beyond 9999-12-31 gives the date 0 (and is
/// checked as the date 0: year 0, never beyond the table, never a holiday). Immutable and pure: the once-per-run CLV8211W
/// warning is the caller's (see <see cref="WorkingDayResult.FirstDateBeyondHolidayTable"/>).
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>WS-WD-COUNT PIC 9(03): the largest count.</summary>
    public const int MaxCount = 999;

    private readonly int[] _holidays;

    internal WorkingDayCalendar(int[] holidays)
    {
        _holidays = holidays;
        LastHolidayYear = holidays.Length == 0 ? 0 : holidays[^1] / 10_000;
    }

    /// <summary>The holiday dates (CCYYMMDD), ascending.</summary>
    public IReadOnlyList<int> Holidays => _holidays;

    /// <summary>WS-HOL-LAST-YEAR: the year of the last holiday on the table; later years are "beyond the table".</summary>
    public int LastHolidayYear { get; }

    /// <summary>SEARCH ALL WS-HOL-ENTRY: the date is on the holiday table.</summary>
    public bool IsHoliday(int date) => Array.BinarySearch(_holidays, date) >= 0;

    /// <summary>
    /// 8210-CHECK-WORKING-DAY for a day number: not Saturday or Sunday (remainder of day number / 7) and not a
    /// holiday. <paramref name="dateBeyondTable"/> is the date when it is a weekday in a year after
    /// <see cref="LastHolidayYear"/> (the case CLV8211W reports), else 0.
    /// </summary>
    public bool IsWorkingDayNumber(int dayNumber, out int dateBeyondTable)
    {
        dateBeyondTable = 0;
        var remainder = IntegerDate.WeekdayRemainder(dayNumber);
        if (remainder is 6 or 0) return false;
        var date = IntegerDate.DateOfInteger(dayNumber);
        if (date / 10_000 > LastHolidayYear) dateBeyondTable = date;
        return !IsHoliday(date);
    }

    /// <summary>A date (CCYYMMDD) is a working day by <see cref="IsWorkingDayNumber"/> (an invalid date counts as day 0, a Sunday).</summary>
    public bool IsWorkingDay(int date) => IsWorkingDayNumber(IntegerDate.IntegerOfDate(date), out _);

    /// <summary>
    /// 8200-ADD-WORKING-DAYS: the <paramref name="count"/>th working day after <paramref name="fromDate"/> (the
    /// from-date itself never counts). Count 0 gives DATE-OF-INTEGER (INTEGER-OF-DATE (from)): the from-date when it
    /// is valid, else 0.
    /// </summary>
    public WorkingDayResult AddWorkingDays(int fromDate, int count)
    {
        if (fromDate is < 0 or > 99_999_999) throw new ArgumentOutOfRangeException(nameof(fromDate), fromDate, "a PIC 9(08) date");
        if (count is < 0 or > MaxCount) throw new ArgumentOutOfRangeException(nameof(count), count, "a PIC 9(03) count");
        var day = IntegerDate.IntegerOfDate(fromDate);
        var found = 0;
        var firstBeyond = 0;
        while (found < count)
        {
            day++;   // ADD 1 TO WS-WD-DAY-INT: PIC 9(07) cannot overflow (at most 3,067,671 plus a few thousand days)
            if (IsWorkingDayNumber(day, out var beyond)) found++;
            if (firstBeyond == 0) firstBeyond = beyond;
        }
        return new WorkingDayResult(IntegerDate.DateOfInteger(day), firstBeyond);
    }
}
