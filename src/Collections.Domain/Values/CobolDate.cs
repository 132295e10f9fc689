using System.Globalization;
using Collections.Cobol.Codecs;

namespace Collections.Domain.Values;

/// <summary>
/// A calendar date held as the legacy holds it, CCYYMMDD, valid by the legacy's rule (CLV100 8100-VALIDATE-DATE):
/// eight digits, year 1990-2099, month 01-12, day 01 to the month's last day (Gregorian leap years).
/// Ordering is chronological. Default value: <see cref="None"/> (0, "00000000"), which is not a valid date and is
/// what the legacy stores for "no date" (e.g. the statement date of a non-statement entry).
/// </summary>
public readonly struct CobolDate : IEquatable<CobolDate>, IComparable<CobolDate>, IComparable
{
    public const int MinYear = 1990, MaxYear = 2099;
    private static readonly byte[] DaysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    private readonly int _value;

    private CobolDate(int value) => _value = value;

    /// <summary>No date (00000000), the default value.</summary>
    public static CobolDate None => default;

    /// <summary>The date as the number CCYYMMDD.</summary>
    public int Value => _value;
    public int Year => _value / 10000;
    public int Month => _value / 100 % 100;
    public int Day => _value % 100;
    public bool IsNone => _value == 0;

    /// <summary>True when <paramref name="ccyymmdd"/> is a date the legacy accepts.</summary>
    public static bool IsValid(int ccyymmdd)
    {
        if (ccyymmdd is < 0 or > 99_999_999) return false;
        int y = ccyymmdd / 10000, m = ccyymmdd / 100 % 100, d = ccyymmdd % 100;
        if (y is < MinYear or > MaxYear || m is < 1 or > 12) return false;
        int max = DaysInMonth[m - 1];
        if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) max = 29;
        return d >= 1 && d <= max;
    }

    public static bool TryCreate(int ccyymmdd, out CobolDate date)
    {
        date = default;
        if (!IsValid(ccyymmdd)) return false;
        date = new CobolDate(ccyymmdd);
        return true;
    }

    public static CobolDate Create(int year, int month, int day) =>
        FromValue(year * 10000 + month * 100 + day);

    public static CobolDate FromValue(int ccyymmdd) =>
        TryCreate(ccyymmdd, out var d) ? d : throw new ArgumentOutOfRangeException(nameof(ccyymmdd), ccyymmdd, "not a valid CCYYMMDD date (1990-2099)");

    /// <summary>Parses eight ASCII digits CCYYMMDD (the legacy's class test NUMERIC, then the date rule).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CobolDate date)
    {
        date = default;
        if (text.Length != 8) return false;
        int v = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            v = v * 10 + (c - '0');
        }
        return TryCreate(v, out date);
    }

    /// <summary>Parses eight ASCII digit bytes (IS NUMERIC and the value by the toolkit's <see cref="CobolNumericClass"/>, then the date rule).</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out CobolDate date)
    {
        date = default;
        return text.Length == 8 && CobolNumericClass.TryDecodeUnsignedDisplay(text, out int v) && TryCreate(v, out date);
    }

    public DateOnly ToDateOnly() => IsNone ? throw new InvalidOperationException("no date") : new DateOnly(Year, Month, Day);

    public static CobolDate FromDateOnly(DateOnly d) => Create(d.Year, d.Month, d.Day);

    /// <summary>The first day of the calendar quarter holding this date (the legacy's 2250 computation).</summary>
    public CobolDate QuarterStart() => new(Year * 10000 + ((Month - 1) / 3 * 3 + 1) * 100 + 1);

    public bool Equals(CobolDate other) => _value == other._value;
    public override bool Equals(object? obj) => obj is CobolDate d && Equals(d);
    public override int GetHashCode() => _value;
    public int CompareTo(CobolDate other) => _value.CompareTo(other._value);
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        CobolDate d => CompareTo(d),
        _ => throw new ArgumentException("not a CobolDate", nameof(obj)),
    };
    public static bool operator ==(CobolDate a, CobolDate b) => a._value == b._value;
    public static bool operator !=(CobolDate a, CobolDate b) => a._value != b._value;
    public static bool operator <(CobolDate a, CobolDate b) => a._value < b._value;
    public static bool operator >(CobolDate a, CobolDate b) => a._value > b._value;
    public static bool operator <=(CobolDate a, CobolDate b) => a._value <= b._value;
    public static bool operator >=(CobolDate a, CobolDate b) => a._value >= b._value;

    /// <summary>CCYYMMDD, eight digits ("00000000" for <see cref="None"/>).</summary>
    public override string ToString() => _value.ToString("D8", CultureInfo.InvariantCulture);
}

/// <summary>
/// A U.S. government fiscal year: FY n runs from October 1 of year n-1 to September 30 of year n (the fee
/// schedule's periods). Default value: FY 0 (not meaningful; use <see cref="Of"/>).
/// </summary>
public readonly struct FiscalYear : IEquatable<FiscalYear>, IComparable<FiscalYear>
{
    private readonly int _year;

    private FiscalYear(int year) => _year = year;

    public int Year => _year;

    public static FiscalYear FromYear(int year) =>
        year is >= CobolDate.MinYear and <= CobolDate.MaxYear + 1 ? new FiscalYear(year) : throw new ArgumentOutOfRangeException(nameof(year), year, "fiscal year out of range");

    /// <summary>The fiscal year a date falls in (October starts the next year's FY).</summary>
    public static FiscalYear Of(CobolDate date) => new(date.Month >= 10 ? date.Year + 1 : date.Year);

    /// <summary>October 1 of the previous calendar year, as CCYYMMDD.</summary>
    public int StartValue => (_year - 1) * 10000 + 1001;

    /// <summary>September 30 of the year, as CCYYMMDD.</summary>
    public int EndValue => _year * 10000 + 930;

    public bool Contains(CobolDate date) => date.Value >= StartValue && date.Value <= EndValue;

    public bool Equals(FiscalYear other) => _year == other._year;
    public override bool Equals(object? obj) => obj is FiscalYear f && Equals(f);
    public override int GetHashCode() => _year;
    public int CompareTo(FiscalYear other) => _year.CompareTo(other._year);
    public static bool operator ==(FiscalYear a, FiscalYear b) => a._year == b._year;
    public static bool operator !=(FiscalYear a, FiscalYear b) => a._year != b._year;
    public static bool operator <(FiscalYear a, FiscalYear b) => a._year < b._year;
    public static bool operator >(FiscalYear a, FiscalYear b) => a._year > b._year;
    public static bool operator <=(FiscalYear a, FiscalYear b) => a._year <= b._year;
    public static bool operator >=(FiscalYear a, FiscalYear b) => a._year >= b._year;

    /// <summary>"FY2026".</summary>
    public override string ToString() => "FY" + _year.ToString("D4", CultureInfo.InvariantCulture);
}
