using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Collections.Cobol.Codecs;

/// <summary>How COMP-1 (4 bytes) and COMP-2 (8 bytes) items are stored.</summary>
public enum FloatFormat
{
    /// <summary>IBM hexadecimal floating point (the mainframe's, System/360 HFP): sign bit, 7-bit exponent of 16 biased
    /// by 64, then a 24-bit (COMP-1) or 56-bit (COMP-2) fraction. Every bit pattern is a number.</summary>
    IbmHexadecimal,

    /// <summary>IEEE 754 binary32 (COMP-1) / binary64 (COMP-2), as GnuCOBOL stores them. NaN and infinities are not
    /// numbers: decoding them is an error.</summary>
    Ieee754,
}

/// <summary>
/// COMP-1 and COMP-2 values, decoded exactly and written as the shortest decimal that converts back to the same value
/// in the same format: the shortest decimal within the half-way points to the neighbouring values (IEEE 754: the
/// half-way points included for an even significand, as a round-to-nearest-even conversion reads them; IBM HFP:
/// excluded), the nearer of two such, computed with exact integer arithmetic. Numbers from 1E-6 up to below 1E+21 are
/// written plainly ("322.93671", "-0.000123"), others with an exponent ("7.2370051E+75"); zero is "0" or "-0".
/// </summary>
public static class FloatingPoint
{
    /// <summary>
    /// Reads a 4- or 8-byte floating-point field; the bits come back big-endian-ordered in <paramref name="bits"/> (the
    /// low 32 bits for a 4-byte field). False (with the reason) for an IEEE NaN or infinity.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> field, FloatFormat format, bool bigEndian, out ulong bits, out string? error)
    {
        error = null;
        switch (field.Length)
        {
            case 4:
                bits = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(field) : BinaryPrimitives.ReadUInt32LittleEndian(field);
                if (format == FloatFormat.Ieee754 && (bits & 0x7F80_0000UL) == 0x7F80_0000UL)
                {
                    error = (bits & 0x007F_FFFFUL) == 0 ? "IEEE 754 infinity is not a number" : "IEEE 754 NaN is not a number";
                    return false;
                }
                return true;
            case 8:
                bits = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(field) : BinaryPrimitives.ReadUInt64LittleEndian(field);
                if (format == FloatFormat.Ieee754 && (bits & 0x7FF0_0000_0000_0000UL) == 0x7FF0_0000_0000_0000UL)
                {
                    error = (bits & 0x000F_FFFF_FFFF_FFFFUL) == 0 ? "IEEE 754 infinity is not a number" : "IEEE 754 NaN is not a number";
                    return false;
                }
                return true;
            default:
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"a floating-point field is 4 or 8 bytes, got {field.Length}"), nameof(field));
        }
    }

    /// <summary>Decodes a field to its shortest round-trip decimal text; <see cref="CobolDataException"/> for an IEEE NaN or infinity.</summary>
    public static string Decode(ReadOnlySpan<byte> field, FloatFormat format, bool bigEndian)
    {
        if (!TryRead(field, format, bigEndian, out var bits, out var error)) throw new CobolDataException(error!, field);
        return Format(bits, field.Length, format);
    }

    /// <summary>The nearest <see cref="double"/> to the value (exact for IEEE and for IBM COMP-1; an IBM COMP-2 has 56
    /// fraction bits and is rounded to 53).</summary>
    public static double ToDouble(ulong bits, int length, FloatFormat format)
    {
        if (format == FloatFormat.Ieee754)
        {
            return length == 4 ? BitConverter.Int32BitsToSingle(unchecked((int)(uint)bits)) : BitConverter.Int64BitsToDouble(unchecked((long)bits));
        }
        var (negative, m, e2) = IbmParts(bits, length);
        var value = Math.ScaleB(m, e2); // (double)m rounds to nearest; the scaling is exact (HFP's range is inside double's)
        return negative ? -value : value;
    }

    /// <summary>The shortest round-trip decimal text of a value read by <see cref="TryRead"/>.</summary>
    public static string Format(ulong bits, int length, FloatFormat format)
    {
        bool negative;
        BigInteger digits;
        int exponent;
        if (format == FloatFormat.Ieee754)
        {
            var (neg, m, e2, below) = IeeeParts(bits, length);
            negative = neg;
            if (m == 0) return negative ? "-0" : "0";
            // a decimal half-way between two values reads as the one with the even significand: the bounds belong to an even one
            (digits, exponent) = Shortest(m, e2, below, inclusive: (m & 1) == 0);
        }
        else
        {
            var (neg, m, e2) = IbmParts(bits, length);
            negative = neg;
            if (m == 0) return negative ? "-0" : "0";
            (m, e2, var below) = NormalizeIbm(m, e2, length == 4 ? 24 : 56);
            // HFP conversions do not define a rounding of exact half-way decimals: the bounds are excluded
            (digits, exponent) = Shortest(m, e2, below, inclusive: false);
        }
        return Write(negative, digits, exponent);
    }

    /// <summary>Sign, significand and binary exponent of an IEEE 754 value (value = significand × 2^exponent), and the
    /// gap to the next lower value as a power-of-two fraction of the gap above (1 at the bottom of a binade, else 0).</summary>
    internal static (bool Negative, ulong Significand, int Exponent, int GapBelowShift) IeeeParts(ulong bits, int length)
    {
        int fractionBits = length == 4 ? 23 : 52, exponentBits = length == 4 ? 8 : 11;
        var negative = (bits >> (length * 8 - 1)) != 0;
        var biased = (int)((bits >> fractionBits) & ((1UL << exponentBits) - 1));
        var fraction = bits & ((1UL << fractionBits) - 1);
        var bias = (1 << (exponentBits - 1)) - 1;
        if (biased == 0) return (negative, fraction, 1 - bias - fractionBits, 0); // subnormal (or zero)
        return (negative, fraction | (1UL << fractionBits), biased - bias - fractionBits, fraction == 0 && biased > 1 ? 1 : 0);
    }

    /// <summary>Sign, fraction and binary exponent of an IBM HFP value: value = fraction × 2^exponent.</summary>
    internal static (bool Negative, ulong Fraction, int Exponent) IbmParts(ulong bits, int length)
    {
        var fractionBits = length == 4 ? 24 : 56;
        var word = length == 4 ? bits << 32 : bits;
        var negative = (word >> 63) != 0;
        var characteristic = (int)((word >> 56) & 0x7F);
        var fraction = length == 4 ? (bits & 0x00FF_FFFFUL) : bits & 0x00FF_FFFF_FFFF_FFFFUL;
        return (negative, fraction, 4 * (characteristic - 64) - fractionBits);
    }

    /// <summary>An HFP value normalized as far as the exponent allows (the same value; the top hex digit non-zero unless
    /// the characteristic is 0), and its gap below: 16 times smaller (shift 4) at a normalized fraction's lowest value.</summary>
    private static (ulong Fraction, int Exponent, int GapBelowShift) NormalizeIbm(ulong fraction, int exponent, int fractionBits)
    {
        var minExponent = 4 * (0 - 64) - fractionBits;
        var top = fractionBits - 4;
        while ((fraction >> top) == 0 && exponent - 4 >= minExponent)
        {
            fraction <<= 4;
            exponent -= 4;
        }
        return (fraction, exponent, fraction == 1UL << top && exponent > minExponent ? 4 : 0);
    }

    /// <summary>
    /// The shortest decimal digits × 10^exponent within half the gaps from significand × 2^exponent to its neighbours
    /// (the gap above is 2^exponent, the gap below 2^(exponent − <paramref name="gapBelowShift"/>)); the bounds count
    /// when <paramref name="inclusive"/>. Of two candidates of that length, the nearer (on a tie, the even one).
    /// Exact integer arithmetic throughout.
    /// </summary>
    private static (BigInteger Digits, int Exponent) Shortest(ulong significand, int exponent, int gapBelowShift, bool inclusive)
    {
        // in units of 2^(exponent - 5): the value is 32·s, half the gap up 16, half the gap down 16 >> shift
        var v = new BigInteger(significand) * 32;
        var lo = v - (16 >> gapBelowShift);
        var hi = v + 16;
        var unit = exponent - 5;
        BigInteger num = 1, den = 1; // value of one unit = num / den
        if (unit >= 0) num = BigInteger.Pow(2, unit); else den = BigInteger.Pow(2, -unit);

        // p = floor(log10(value))
        var p = (int)Math.Floor(BigInteger.Log10(v) + (unit * Math.Log10(2)));
        while (Compare(BigInteger.One, p + 1, v, num, den) <= 0) p++;
        while (Compare(BigInteger.One, p, v, num, den) > 0) p--;

        for (var k = 1; ; k++)
        {
            var q = p - k + 1;
            var t = FloorDiv(v, num, den, q);
            BigInteger best = -1;
            var bestDistance = BigInteger.Zero;
            foreach (var c in (ReadOnlySpan<BigInteger>)[t, t + 1])
            {
                int below = Compare(c, q, lo, num, den), above = Compare(c, q, hi, num, den);
                if (below < 0 || above > 0 || (!inclusive && (below == 0 || above == 0))) continue;
                var distance = BigInteger.Abs(Difference(c, q, v, num, den));
                if (best < 0 || distance < bestDistance || (distance == bestDistance && c.IsEven))
                {
                    best = c;
                    bestDistance = distance;
                }
            }
            if (best >= 0)
            {
                while (!best.IsZero && (best % 10).IsZero)
                {
                    best /= 10;
                    q++;
                }
                return (best, q);
            }
        }
    }

    /// <summary>c·10^q·den − x·num, scaled to integers (the sign is the comparison of c·10^q with x units).</summary>
    private static BigInteger Difference(BigInteger c, int q, BigInteger x, BigInteger num, BigInteger den) =>
        q >= 0 ? c * BigInteger.Pow(10, q) * den - x * num : c * den - x * num * BigInteger.Pow(10, -q);

    private static int Compare(BigInteger c, int q, BigInteger x, BigInteger num, BigInteger den) => Difference(c, q, x, num, den).Sign;

    /// <summary>floor(x units / 10^q).</summary>
    private static BigInteger FloorDiv(BigInteger x, BigInteger num, BigInteger den, int q) =>
        q >= 0 ? BigInteger.Divide(x * num, den * BigInteger.Pow(10, q)) : BigInteger.Divide(x * num * BigInteger.Pow(10, -q), den);

    /// <summary>digits × 10^exponent as text: plain from 1E-6 up to below 1E+21 (as JavaScript writes numbers), else d.dddE±x.</summary>
    private static string Write(bool negative, BigInteger digits, int exponent)
    {
        var sign = negative ? "-" : "";
        if (digits.IsZero) return sign + "0";
        var d = digits.ToString(CultureInfo.InvariantCulture);
        var point = d.Length + exponent; // digits before the decimal point in plain notation
        var sb = new StringBuilder(sign);
        if (point is > 21 or < -5)
        {
            sb.Append(d[0]);
            if (d.Length > 1) sb.Append('.').Append(d, 1, d.Length - 1);
            var x = point - 1;
            sb.Append('E').Append(x < 0 ? '-' : '+').Append(Math.Abs(x).ToString(CultureInfo.InvariantCulture));
        }
        else if (point <= 0)
        {
            sb.Append("0.").Append('0', -point).Append(d);
        }
        else if (point >= d.Length)
        {
            sb.Append(d).Append('0', point - d.Length);
        }
        else
        {
            sb.Append(d, 0, point).Append('.').Append(d, point, d.Length - point);
        }
        return sb.ToString();
    }
}
