using System.Globalization;
using System.Numerics;

namespace Collections.Cobol.Numerics;

/// <summary>
/// An exact decimal number as GnuCOBOL's <c>cob_decimal</c> holds it: an arbitrary-precision integer
/// <see cref="Unscaled"/> and a <see cref="Scale"/> (value = Unscaled * 10^-Scale). The scale is kept exactly as the
/// operations produce it (no normalisation), because GnuCOBOL's division depends on the operands' scales.
/// Values that fit in an <see cref="Int128"/> are held without allocation; larger ones in a <see cref="BigInteger"/>.
/// Equality and ordering are numeric (1.5 equals 1.50); <see cref="IsIdenticalTo"/> also compares the scale.
/// </summary>
public readonly struct CobolDecimal : IEquatable<CobolDecimal>, IComparable<CobolDecimal>, IComparable
{
    // Invariant: when _big is null, the value is _small; _small is never Int128.MinValue.
    private readonly Int128 _small;
    private readonly BigInteger? _big;
    private readonly int _scale;

    private CobolDecimal(Int128 small, int scale)
    {
        _small = small;
        _big = null;
        _scale = scale;
    }

    private CobolDecimal(BigInteger big, int scale)
    {
        if (big >= MinSmall && big <= MaxSmall)
        {
            _small = (Int128)big;
            _big = null;
        }
        else
        {
            _small = 0;
            _big = big;
        }
        _scale = scale;
    }

    private static readonly BigInteger MaxSmall = (BigInteger)Int128.MaxValue;
    private static readonly BigInteger MinSmall = -(BigInteger)Int128.MaxValue;

    public static CobolDecimal Zero => default;

    public static CobolDecimal One => new((Int128)1, 0);

    /// <summary>Creates <c>unscaled * 10^-scale</c>. A negative scale means trailing zeros (P scaling).</summary>
    public static CobolDecimal FromUnscaled(long unscaled, int scale) => new((Int128)unscaled, scale);

    public static CobolDecimal FromUnscaled(Int128 unscaled, int scale) =>
        unscaled == Int128.MinValue ? new CobolDecimal((BigInteger)unscaled, scale) : new CobolDecimal(unscaled, scale);

    public static CobolDecimal FromUnscaled(BigInteger unscaled, int scale) => new(unscaled, scale);

    /// <summary>An integer at scale 0.</summary>
    public static CobolDecimal FromInt64(long value) => new((Int128)value, 0);

    public static implicit operator CobolDecimal(long value) => FromInt64(value);

    /// <summary>The power of ten the unscaled integer is divided by.</summary>
    public int Scale => _scale;

    /// <summary>The unscaled integer.</summary>
    public BigInteger Unscaled => _big ?? (BigInteger)_small;

    /// <summary>True when the unscaled integer is held in an Int128 (no allocation).</summary>
    internal bool IsSmall => _big is null;

    internal Int128 Small => _small;

    internal BigInteger Big => _big ?? (BigInteger)_small;

    public int Sign => _big is { } b ? b.Sign : Int128.Sign(_small);

    public bool IsZero => _big is null && _small == 0;

    /// <summary>The unscaled integer if it fits in an Int128.</summary>
    public bool TryGetUnscaled(out Int128 unscaled)
    {
        unscaled = _small;
        return _big is null;
    }

    /// <summary>The unscaled integer if it fits in a long.</summary>
    public bool TryGetUnscaled(out long unscaled)
    {
        if (_big is null && _small >= long.MinValue && _small <= long.MaxValue)
        {
            unscaled = (long)_small;
            return true;
        }
        unscaled = 0;
        return false;
    }

    /// <summary>
    /// The value as an unscaled long at <paramref name="scale"/>. Throws when digits would be lost (fraction
    /// digits beyond <paramref name="scale"/> that are not zero) or when it does not fit in a long.
    /// </summary>
    public long ToUnscaledInt64(int scale)
    {
        var r = Rescale(scale);
        if (r.CompareTo(this) != 0)
            throw new InvalidOperationException($"{this} has more than {scale} significant fraction digits");
        if (!r.TryGetUnscaled(out long v))
            throw new OverflowException($"{this} does not fit in a long at scale {scale}");
        return v;
    }

    /// <summary>The same value at another scale: more fraction digits are appended as zeros, fewer are truncated toward zero.</summary>
    public CobolDecimal Rescale(int scale)
    {
        int n = scale - _scale;
        if (n == 0) return this;
        if (IsZero) return new CobolDecimal((Int128)0, scale);
        return Shift(n);
    }

    /// <summary>GnuCOBOL's shift_decimal: value *= 10^n (n &gt; 0) or truncating value /= 10^-n (n &lt; 0); scale += n.</summary>
    internal CobolDecimal Shift(int n)
    {
        if (n == 0) return this;
        if (n > 0)
        {
            if (_big is null && n <= 18 && _small > -FitsLong && _small < FitsLong)
                return new CobolDecimal(_small * Pow10.Int128Table[n], _scale + n);
            return new CobolDecimal(Big * Pow10.Big(n), _scale + n);
        }
        int m = -n;
        if (_big is null)
        {
            if (m > Pow10.MaxInt128Exponent) return new CobolDecimal((Int128)0, _scale + n);
            return new CobolDecimal(_small / Pow10.Int128Table[m], _scale + n);
        }
        return new CobolDecimal(BigInteger.Divide(_big.Value, Pow10.Big(m)), _scale + n);
    }

    private static readonly Int128 FitsLong = (Int128)long.MaxValue;
    private static readonly Int128 Fits2e125 = Int128.One << 125;

    /// <summary>GnuCOBOL's cob_trim_decimal: drops trailing zero fraction digits (scale never goes below 0); zero gets scale 0.</summary>
    public CobolDecimal Trim()
    {
        if (IsZero) return Zero;
        var v = this;
        while (v._scale > 0)
        {
            if (v._big is null)
            {
                if (v._small % 10 != 0) break;
                v = new CobolDecimal(v._small / 10, v._scale - 1);
            }
            else
            {
                var q = BigInteger.DivRem(v._big.Value, 10, out var rem);
                if (!rem.IsZero) break;
                v = new CobolDecimal(q, v._scale - 1);
            }
        }
        return v;
    }

    public static CobolDecimal operator -(CobolDecimal a) =>
        a._big is { } b ? new CobolDecimal(-b, a._scale) : new CobolDecimal(-a._small, a._scale);

    public static CobolDecimal operator +(CobolDecimal a, CobolDecimal b) => AddCore(a, b, negateB: false);

    public static CobolDecimal operator -(CobolDecimal a, CobolDecimal b) => AddCore(a, b, negateB: true);

    /// <summary>Exact product; the scales add (as cob_decimal_mul).</summary>
    public static CobolDecimal operator *(CobolDecimal a, CobolDecimal b)
    {
        int scale = a._scale + b._scale;
        if (a._big is null && b._big is null
            && a._small > -FitsLong && a._small < FitsLong && b._small > -FitsLong && b._small < FitsLong)
        {
            return new CobolDecimal(a._small * b._small, scale);
        }
        return new CobolDecimal(a.Big * b.Big, scale);
    }

    /// <summary>GnuCOBOL's division (see <see cref="CobolArithmetic.Divide"/>).</summary>
    public static CobolDecimal operator /(CobolDecimal a, CobolDecimal b) => CobolArithmetic.Divide(a, b);

    // cob_decimal_add / cob_decimal_sub (3.1.2): always align to the larger scale, then add exactly; the result
    // keeps that scale even when an operand is zero (it matters for division and ROUNDED MODE PROHIBITED).
    private static CobolDecimal AddCore(CobolDecimal a, CobolDecimal b, bool negateB)
    {
        int scale = Math.Max(a._scale, b._scale);
        var x = a._scale == scale ? a : a.Shift(scale - a._scale);
        var y = b._scale == scale ? b : b.Shift(scale - b._scale);
        if (x._big is null && y._big is null
            && x._small > -Fits2e125 && x._small < Fits2e125 && y._small > -Fits2e125 && y._small < Fits2e125)
        {
            return new CobolDecimal(negateB ? x._small - y._small : x._small + y._small, scale);
        }
        return new CobolDecimal(negateB ? x.Big - y.Big : x.Big + y.Big, scale);
    }

    public static CobolDecimal Abs(CobolDecimal a) => a.Sign < 0 ? -a : a;

    public int CompareTo(CobolDecimal other)
    {
        int sa = Sign, sb = other.Sign;
        if (sa != sb) return sa.CompareTo(sb);
        if (sa == 0) return 0;
        int scale = Math.Max(_scale, other._scale);
        var x = Rescale(scale);
        var y = other.Rescale(scale);
        if (x._big is null && y._big is null) return x._small.CompareTo(y._small);
        return x.Big.CompareTo(y.Big);
    }

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        CobolDecimal d => CompareTo(d),
        _ => throw new ArgumentException("not a CobolDecimal", nameof(obj)),
    };

    public bool Equals(CobolDecimal other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is CobolDecimal d && Equals(d);

    /// <summary>Same value and same scale.</summary>
    public bool IsIdenticalTo(CobolDecimal other) => _scale == other._scale && Equals(other);

    public override int GetHashCode()
    {
        var t = Trim();
        // Trim keeps scale >= 0; negative scales (P) are normalised to scale 0 here.
        if (t._scale < 0) t = t.Rescale(0);
        return HashCode.Combine(t.Big, t._scale);
    }

    public static bool operator ==(CobolDecimal a, CobolDecimal b) => a.Equals(b);
    public static bool operator !=(CobolDecimal a, CobolDecimal b) => !a.Equals(b);
    public static bool operator <(CobolDecimal a, CobolDecimal b) => a.CompareTo(b) < 0;
    public static bool operator >(CobolDecimal a, CobolDecimal b) => a.CompareTo(b) > 0;
    public static bool operator <=(CobolDecimal a, CobolDecimal b) => a.CompareTo(b) <= 0;
    public static bool operator >=(CobolDecimal a, CobolDecimal b) => a.CompareTo(b) >= 0;

    /// <summary>Exact invariant text with exactly <see cref="Scale"/> fraction digits ("-12.340"); negative scales print trailing zeros.</summary>
    public override string ToString()
    {
        var u = Unscaled;
        bool neg = u.Sign < 0;
        string digits = BigInteger.Abs(u).ToString(CultureInfo.InvariantCulture);
        string body;
        if (_scale <= 0)
        {
            body = _scale == 0 || u.IsZero ? digits : digits + new string('0', -_scale);
        }
        else
        {
            if (digits.Length <= _scale) digits = new string('0', _scale - digits.Length + 1) + digits;
            body = digits[..^_scale] + "." + digits[^_scale..];
        }
        return neg ? "-" + body : body;
    }

    /// <summary>Parses invariant decimal text: optional sign, digits, optional '.' and fraction digits ("-12.340" has scale 3).</summary>
    public static CobolDecimal Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var d)) throw new FormatException($"invalid decimal text '{text}'");
        return d;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out CobolDecimal value)
    {
        value = default;
        text = text.Trim();
        if (text.IsEmpty) return false;
        bool neg = false;
        if (text[0] is '+' or '-')
        {
            neg = text[0] == '-';
            text = text[1..];
        }
        int dot = text.IndexOf('.');
        ReadOnlySpan<char> intPart = dot < 0 ? text : text[..dot];
        ReadOnlySpan<char> fracPart = dot < 0 ? default : text[(dot + 1)..];
        if (intPart.IsEmpty && fracPart.IsEmpty) return false;
        foreach (var c in intPart) if (c is < '0' or > '9') return false;
        foreach (var c in fracPart) if (c is < '0' or > '9') return false;
        BigInteger u = BigInteger.Zero;
        foreach (var c in intPart) u = u * 10 + (c - '0');
        foreach (var c in fracPart) u = u * 10 + (c - '0');
        value = new CobolDecimal(neg ? -u : u, fracPart.Length);
        return true;
    }
}
