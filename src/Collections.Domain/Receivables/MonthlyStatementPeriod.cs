using Collections.Cobol.Intrinsics;

namespace Collections.Domain.Receivables;

/// <summary>Where a periodic monthly statement period ends (the period cut-off of CLV300 2330).</summary>
public enum PeriodCutOff
{
    /// <summary>
    /// Legacy: the month-end table WS-MONTH-END-DATA '312831303130313130313031' (February always 28), so an entry of
    /// February 29 of a leap year goes to the March period. A deviation from the regulations (docs/deviations.md).
    /// </summary>
    LegacyMonthEndTable,

    /// <summary>Alternative: the calendar's last day of the month (February 29 in a leap year).</summary>
    CalendarMonthEnd,
}

/// <summary>
/// CLV300 2330-PERIODIC-MONTHLY: the statement period of an entry and the day the preliminary statement and payment
/// due dates are counted from. The legacy's field sizes are part of the rule: years are PIC 9(04) (9999 + 1 gives
/// 0000), the day number PIC 9(07) (INTEGER-OF-DATE of an impossible date is 0, and 0 - 1 is stored as 1).
/// </summary>
public static class MonthlyStatementPeriod
{
    /// <summary>WS-MONTH-END-DD (1..12): '312831303130313130313031'.</summary>
    private static readonly int[] LegacyMonthEnd = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>
    /// True when the entry date's month is 01-12, the only months the legacy's table has (a month outside it
    /// subscripts storage beside the table, which cannot be reproduced).
    /// </summary>
    public static bool HasTableMonth(int entryDate) => entryDate / 100 % 100 is >= 1 and <= 12;

    /// <summary>
    /// The period CCYYMM: the entry's year and month, or the next month when the entry's day is after the period
    /// cut-off (December rolls into January of the next year).
    /// </summary>
    public static int PeriodOf(int entryDate, PeriodCutOff cutOff = PeriodCutOff.LegacyMonthEndTable)
    {
        if (!HasTableMonth(entryDate)) throw new ArgumentOutOfRangeException(nameof(entryDate), entryDate, "the month must be 01-12");
        int year = entryDate / 10_000, month = entryDate / 100 % 100, day = entryDate % 100;
        if (day > MonthEnd(year, month, cutOff)) (year, month) = NextMonth(year, month);
        return (year * 100) + month;
    }

    /// <summary>The last day of the period's month (or its stand-in for an impossible period): the day counting starts after.</summary>
    public static int CountingStartOf(int period)
    {
        if (period is < 0 or > 999_999) throw new ArgumentOutOfRangeException(nameof(period), period, "a PIC 9(06) period");
        var (year, month) = NextMonth(period / 100, period % 100);
        var firstOfNextMonth = (year * 10_000) + (month * 100) + 1;
        // COMPUTE WS-WD-DAY-INT (PIC 9(07), unsigned) = INTEGER-OF-DATE (...) - 1: the absolute value is stored
        var dayNumber = Math.Abs(IntegerDate.IntegerOfDate(firstOfNextMonth) - 1);
        return IntegerDate.DateOfInteger(dayNumber);
    }

    private static int MonthEnd(int year, int month, PeriodCutOff cutOff) => cutOff switch
    {
        PeriodCutOff.LegacyMonthEndTable => LegacyMonthEnd[month - 1],
        PeriodCutOff.CalendarMonthEnd => IntegerDate.DaysInMonth(year, month),
        _ => throw new ArgumentOutOfRangeException(nameof(cutOff), cutOff, null),
    };

    /// <summary>ADD 1 TO the month (PIC 9(02)); past 12 it is 1 and ADD 1 TO the year (PIC 9(04): 9999 becomes 0000).</summary>
    private static (int Year, int Month) NextMonth(int year, int month) =>
        month + 1 > 12 ? ((year + 1) % 10_000, 1) : (year, month + 1);
}
