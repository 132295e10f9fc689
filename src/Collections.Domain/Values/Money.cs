using Collections.Cobol.Codecs;

namespace Collections.Domain.Values;

/// <summary>
/// An amount of U.S. money in whole cents (the legacy's PIC S9(n)V99 fields). Exact: a <see cref="long"/> of cents,
/// never a binary floating point. Default value: zero dollars.
/// </summary>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable
{
    private readonly long _cents;

    private Money(long cents) => _cents = cents;

    /// <summary>Zero dollars (also the default value).</summary>
    public static Money Zero => default;

    /// <summary>The amount in cents.</summary>
    public long Cents => _cents;

    /// <summary>An amount of <paramref name="cents"/> cents (any sign).</summary>
    public static Money FromCents(long cents) => new(cents);

    /// <summary>An amount of whole dollars.</summary>
    public static Money FromDollars(long dollars) => new(checked(dollars * 100));

    /// <summary>Parses invariant text such as "-919.00" or "12.5" (at most two decimals).</summary>
    public static bool TryParse(string? text, out Money value)
    {
        value = default;
        if (text is null || !FixedPoint.TryParse(text.AsSpan(), 2, out var cents)) return false;
        value = new Money(cents);
        return true;
    }

    /// <summary>Parses invariant text; throws <see cref="FormatException"/> on bad input.</summary>
    public static Money Parse(string text) =>
        TryParse(text, out var m) ? m : throw new FormatException($"'{text}' is not an amount with at most two decimals");

    public static Money operator +(Money a, Money b) => new(checked(a._cents + b._cents));
    public static Money operator -(Money a, Money b) => new(checked(a._cents - b._cents));
    public static Money operator -(Money a) => new(checked(-a._cents));
    public static bool operator ==(Money a, Money b) => a._cents == b._cents;
    public static bool operator !=(Money a, Money b) => a._cents != b._cents;
    public static bool operator <(Money a, Money b) => a._cents < b._cents;
    public static bool operator >(Money a, Money b) => a._cents > b._cents;
    public static bool operator <=(Money a, Money b) => a._cents <= b._cents;
    public static bool operator >=(Money a, Money b) => a._cents >= b._cents;

    public bool Equals(Money other) => _cents == other._cents;
    public override bool Equals(object? obj) => obj is Money m && Equals(m);
    public override int GetHashCode() => _cents.GetHashCode();
    public int CompareTo(Money other) => _cents.CompareTo(other._cents);
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money m => CompareTo(m),
        _ => throw new ArgumentException("not a Money", nameof(obj)),
    };

    /// <summary>Invariant text with two decimals, e.g. "-919.00".</summary>
    public override string ToString() => FixedPoint.Format(_cents, 2);
}
