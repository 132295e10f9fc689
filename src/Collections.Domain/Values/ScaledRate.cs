using Collections.Cobol.Codecs;
using Collections.Cobol.Numerics;

namespace Collections.Domain.Values;

/// <summary>
/// An ad valorem rate as the tariff, Chapter 99 and fee tables hold it: PIC 9(01)V9(06), a fraction of value
/// (0.025000 = 2.5 %), six decimals, 0 to 9.999999. Stored as millionths. Default value: a rate of zero.
/// </summary>
public readonly struct AdValoremRate : IEquatable<AdValoremRate>, IComparable<AdValoremRate>
{
    /// <summary>The picture of the legacy fields holding the rate.</summary>
    public static readonly NumericPic Picture = new(7, 6, false);
    private const long Max = 9_999_999;
    private readonly int _millionths;

    private AdValoremRate(int millionths) => _millionths = millionths;

    public static AdValoremRate Zero => default;

    /// <summary>The rate in millionths (the unscaled PIC 9V9(6) value).</summary>
    public long Millionths => _millionths;

    /// <summary>The rate as an exact COBOL decimal at scale 6.</summary>
    public CobolDecimal Value => CobolDecimal.FromUnscaled(_millionths, 6);

    /// <summary>Creates a rate from millionths; false when outside 0 .. 9.999999.</summary>
    public static bool TryFromMillionths(long millionths, out AdValoremRate rate)
    {
        rate = default;
        if (millionths is < 0 or > Max) return false;
        rate = new AdValoremRate((int)millionths);
        return true;
    }

    public static AdValoremRate FromMillionths(long millionths) =>
        TryFromMillionths(millionths, out var r) ? r : throw new ArgumentOutOfRangeException(nameof(millionths), millionths, "an ad valorem rate is 0 to 9.999999");

    /// <summary>Parses "0.025" (invariant, at most six decimals).</summary>
    public static bool TryParse(string? text, out AdValoremRate rate)
    {
        rate = default;
        return text is not null && FixedPoint.TryParse(text.AsSpan(), 6, out var u) && TryFromMillionths(u, out rate);
    }

    public bool Equals(AdValoremRate other) => _millionths == other._millionths;
    public override bool Equals(object? obj) => obj is AdValoremRate r && Equals(r);
    public override int GetHashCode() => _millionths;
    public int CompareTo(AdValoremRate other) => _millionths.CompareTo(other._millionths);
    public static bool operator ==(AdValoremRate a, AdValoremRate b) => a.Equals(b);
    public static bool operator !=(AdValoremRate a, AdValoremRate b) => !a.Equals(b);
    public static bool operator <(AdValoremRate a, AdValoremRate b) => a._millionths < b._millionths;
    public static bool operator >(AdValoremRate a, AdValoremRate b) => a._millionths > b._millionths;
    public static bool operator <=(AdValoremRate a, AdValoremRate b) => a._millionths <= b._millionths;
    public static bool operator >=(AdValoremRate a, AdValoremRate b) => a._millionths >= b._millionths;

    /// <summary>Invariant text with six decimals, e.g. "0.025000".</summary>
    public override string ToString() => FixedPoint.Format(_millionths, 6);
}

/// <summary>
/// A specific (per unit) or per-kilogram rate in dollars: PIC 9(04)V9(06) (tariff specific rate, AD/CVD deposit
/// rate), 0 to 9999.999999, stored as millionths of a dollar. Default value: zero.
/// </summary>
public readonly struct SpecificRate : IEquatable<SpecificRate>, IComparable<SpecificRate>
{
    public static readonly NumericPic Picture = new(10, 6, false);
    private const long Max = 9_999_999_999;
    private readonly long _millionths;

    private SpecificRate(long millionths) => _millionths = millionths;

    public static SpecificRate Zero => default;
    public long Millionths => _millionths;
    public CobolDecimal Value => CobolDecimal.FromUnscaled(_millionths, 6);

    public static bool TryFromMillionths(long millionths, out SpecificRate rate)
    {
        rate = default;
        if (millionths is < 0 or > Max) return false;
        rate = new SpecificRate(millionths);
        return true;
    }

    public static SpecificRate FromMillionths(long millionths) =>
        TryFromMillionths(millionths, out var r) ? r : throw new ArgumentOutOfRangeException(nameof(millionths), millionths, "a specific rate is 0 to 9999.999999");

    public static bool TryParse(string? text, out SpecificRate rate)
    {
        rate = default;
        return text is not null && FixedPoint.TryParse(text.AsSpan(), 6, out var u) && TryFromMillionths(u, out rate);
    }

    public bool Equals(SpecificRate other) => _millionths == other._millionths;
    public override bool Equals(object? obj) => obj is SpecificRate r && Equals(r);
    public override int GetHashCode() => _millionths.GetHashCode();
    public int CompareTo(SpecificRate other) => _millionths.CompareTo(other._millionths);
    public static bool operator ==(SpecificRate a, SpecificRate b) => a.Equals(b);
    public static bool operator !=(SpecificRate a, SpecificRate b) => !a.Equals(b);
    public static bool operator <(SpecificRate a, SpecificRate b) => a._millionths < b._millionths;
    public static bool operator >(SpecificRate a, SpecificRate b) => a._millionths > b._millionths;
    public static bool operator <=(SpecificRate a, SpecificRate b) => a._millionths <= b._millionths;
    public static bool operator >=(SpecificRate a, SpecificRate b) => a._millionths >= b._millionths;

    /// <summary>Invariant text with six decimals, e.g. "0.190000".</summary>
    public override string ToString() => FixedPoint.Format(_millionths, 6);
}

/// <summary>
/// A certified exchange rate: foreign currency units per one U.S. dollar, PIC 9(06)V9(06) (0.000001 to
/// 999999.999999; the legacy rejects a zero rate when loading the table). Stored as millionths. Default value:
/// zero, which is not a usable rate (<see cref="IsZero"/>); <see cref="UsDollar"/> is 1.
/// </summary>
public readonly struct ExchangeRate : IEquatable<ExchangeRate>, IComparable<ExchangeRate>
{
    public static readonly NumericPic Picture = new(12, 6, false);
    private const long Max = 999_999_999_999;
    private readonly long _millionths;

    private ExchangeRate(long millionths) => _millionths = millionths;

    /// <summary>1.000000: the rate of a U.S. dollar entry.</summary>
    public static ExchangeRate UsDollar => new(1_000_000);

    public long Millionths => _millionths;
    public bool IsZero => _millionths == 0;
    public CobolDecimal Value => CobolDecimal.FromUnscaled(_millionths, 6);

    public static bool TryFromMillionths(long millionths, out ExchangeRate rate)
    {
        rate = default;
        if (millionths is < 0 or > Max) return false;
        rate = new ExchangeRate(millionths);
        return true;
    }

    public static ExchangeRate FromMillionths(long millionths) =>
        TryFromMillionths(millionths, out var r) ? r : throw new ArgumentOutOfRangeException(nameof(millionths), millionths, "an exchange rate is 0 to 999999.999999");

    public static bool TryParse(string? text, out ExchangeRate rate)
    {
        rate = default;
        return text is not null && FixedPoint.TryParse(text.AsSpan(), 6, out var u) && TryFromMillionths(u, out rate);
    }

    public bool Equals(ExchangeRate other) => _millionths == other._millionths;
    public override bool Equals(object? obj) => obj is ExchangeRate r && Equals(r);
    public override int GetHashCode() => _millionths.GetHashCode();
    public int CompareTo(ExchangeRate other) => _millionths.CompareTo(other._millionths);
    public static bool operator ==(ExchangeRate a, ExchangeRate b) => a.Equals(b);
    public static bool operator !=(ExchangeRate a, ExchangeRate b) => !a.Equals(b);
    public static bool operator <(ExchangeRate a, ExchangeRate b) => a._millionths < b._millionths;
    public static bool operator >(ExchangeRate a, ExchangeRate b) => a._millionths > b._millionths;
    public static bool operator <=(ExchangeRate a, ExchangeRate b) => a._millionths <= b._millionths;
    public static bool operator >=(ExchangeRate a, ExchangeRate b) => a._millionths >= b._millionths;

    /// <summary>Invariant text with six decimals, e.g. "1.453099".</summary>
    public override string ToString() => FixedPoint.Format(_millionths, 6);
}
