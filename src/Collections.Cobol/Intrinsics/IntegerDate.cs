namespace Collections.Cobol.Intrinsics;

/// <summary>
/// The intrinsic functions INTEGER-OF-DATE and DATE-OF-INTEGER as GnuCOBOL 3.1.2 computes them: day 1 is
/// 1601-01-01 (a Monday), Gregorian calendar. An argument out of range gives 0 (libcob sets EC-ARGUMENT-FUNCTION and
/// returns zero; a program without ON EXCEPTION goes on with the zero), which is what the legacy then computes with.
/// </summary>
public static class IntegerDate
{
    /// <summary>DATE-OF-INTEGER's largest argument: 9999-12-31.</summary>
    public const int MaxDayNumber = 3_067_671;

    private static readonly int[] CumulativeDays = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    /// <summary>True for a Gregorian leap year.</summary>
    public static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    /// <summary>Days in a month (1-12) of a year.</summary>
    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>
    /// FUNCTION INTEGER-OF-DATE (<paramref name="ccyymmdd"/>): the day number of a date 1601-01-01 .. 9999-12-31
    /// (1 .. 3,067,671), or 0 when the argument is not such a date (year below 1601, month or day out of range,
    /// negative, or more than eight digits).
    /// </summary>
    public static int IntegerOfDate(long ccyymmdd)
    {
        if (ccyymmdd < 16_010_101 || ccyymmdd > 99_991_231) return 0;
        long year = ccyymmdd / 10_000;
        int month = (int)(ccyymmdd / 100 % 100), day = (int)(ccyymmdd % 100);
        if (month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month)) return 0;
        long y = year - 1601;
        long days = y * 365 + y / 4 - y / 100 + y / 400 + CumulativeDays[month - 1] + day;
        if (month > 2 && IsLeapYear(year)) days++;
        return (int)days;
    }

    /// <summary>
    /// FUNCTION DATE-OF-INTEGER (<paramref name="dayNumber"/>): the date CCYYMMDD of a day number 1 .. 3,067,671, or 0
    /// when the argument is outside that range.
    /// </summary>
    public static int DateOfInteger(long dayNumber)
    {
        if (dayNumber < 1 || dayNumber > MaxDayNumber) return 0;
        long d = dayNumber - 1;                        // days since 1601-01-01
        long cycles400 = d / 146_097; d %= 146_097;
        long cycles100 = Math.Min(d / 36_524, 3); d -= cycles100 * 36_524;
        long cycles4 = d / 1_461; d %= 1_461;
        long years = Math.Min(d / 365, 3); d -= years * 365;
        long year = 1601 + cycles400 * 400 + cycles100 * 100 + cycles4 * 4 + years;
        int month = 1;
        while (true)
        {
            int dim = DaysInMonth(year, month);
            if (d < dim) break;
            d -= dim;
            month++;
        }
        return (int)(year * 10_000 + month * 100 + d + 1);
    }

    /// <summary>
    /// The date after <paramref name="ccyymmdd"/>, a valid date before 9999-12-31: what
    /// <c>DATE-OF-INTEGER (INTEGER-OF-DATE (date) + 1)</c> gives, without the day-number round trip (for loops over
    /// consecutive days).
    /// </summary>
    public static int NextDate(int ccyymmdd)
    {
        var day = ccyymmdd % 100;
        var month = ccyymmdd / 100 % 100;
        if (day < 28 || day < DaysInMonth(ccyymmdd / 10_000, month)) return ccyymmdd + 1;
        return month < 12 ? ccyymmdd - day + 101 : (((ccyymmdd / 10_000) + 1) * 10_000) + 101;
    }

    /// <summary>Day of the week of a day number as the legacy tests it (DIVIDE by 7 REMAINDER): 1 Monday .. 6 Saturday, 0 Sunday.</summary>
    public static int WeekdayRemainder(long dayNumber) => (int)(dayNumber % 7);
}
