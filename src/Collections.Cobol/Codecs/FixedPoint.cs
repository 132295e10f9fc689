using System.Globalization;

namespace Collections.Cobol.Codecs;

/// <summary>
/// Exact decimal text for an unscaled integer at a PIC scale, always invariant:
/// <c>Format(-91900, 2) == "-919.00"</c>, <c>Format(747, 0) == "747"</c>, <c>Format(12, -3) == "12000"</c> (P scaling).
/// </summary>
public static class FixedPoint
{
    /// <summary>The largest scale (number of fraction digits) accepted; also the most negative P scaling.</summary>
    public const int MaxScale = 38;

    /// <summary>Exact text of <paramref name="unscaled"/> × 10^-<paramref name="scale"/>: a leading '-' when negative,
    /// exactly <paramref name="scale"/> fraction digits (none, and no point, when scale ≤ 0), at least one integer digit.</summary>
    public static string Format(long unscaled, int scale)
    {
        CheckScale(scale);
        var negative = unscaled < 0;
        // magnitude as ulong copes with long.MinValue
        var magnitude = negative ? unchecked(0UL - (ulong)unscaled) : (ulong)unscaled;
        Span<char> digits = stackalloc char[20];
        magnitude.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
        return Compose(negative, digits[..n], scale);
    }

    /// <inheritdoc cref="Format(long, int)"/>
    public static string Format(Int128 unscaled, int scale)
    {
        CheckScale(scale);
        var negative = unscaled < 0;
        var magnitude = negative ? unchecked((UInt128)(-(unscaled + 1)) + 1) : (UInt128)unscaled;
        Span<char> digits = stackalloc char[40];
        magnitude.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
        return Compose(negative, digits[..n], scale);
    }

    /// <summary>
    /// Parses invariant decimal text ("-919.00", "+5", "0.5", "12000") to an unscaled integer at <paramref name="scale"/>.
    /// Fewer fraction digits than the scale are padded with zeros; more are rejected (no rounding); with a negative
    /// scale the dropped low-order integer digits must be zero. No white space, no group separators, no exponent.
    /// Returns false on malformed text or overflow.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, int scale, out long unscaled)
    {
        unscaled = 0;
        if (!TryParseInt128(text, scale, out var wide) || wide > long.MaxValue || wide < long.MinValue) return false;
        unscaled = (long)wide;
        return true;
    }

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, int, out long)"/>
    public static bool TryParseInt128(ReadOnlySpan<char> text, int scale, out Int128 unscaled)
    {
        CheckScale(scale);
        unscaled = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }

        var intStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        var intDigits = text[intStart..i];
        ReadOnlySpan<char> fracDigits = default;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fracStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            fracDigits = text[fracStart..i];
        }

        if (i != text.Length || intDigits.Length + fracDigits.Length == 0) return false;
        if (fracDigits.Length > Math.Max(scale, 0)) return false;

        // value = int.frac ; unscaled = value * 10^scale
        UInt128 acc = 0;
        var limit = UInt128.MaxValue / 10;
        int keepInt = intDigits.Length;
        if (scale < 0)
        {
            // the last -scale integer digits must be zero and are dropped
            var drop = -scale;
            if (intDigits.Length < drop)
            {
                foreach (var c in intDigits) if (c != '0') return false;
                keepInt = 0;
            }
            else
            {
                foreach (var c in intDigits[(intDigits.Length - drop)..]) if (c != '0') return false;
                keepInt = intDigits.Length - drop;
            }
        }

        foreach (var c in intDigits[..keepInt])
        {
            if (acc > limit) return false;
            acc = acc * 10 + (uint)(c - '0');
        }
        for (var k = 0; k < Math.Max(scale, 0); k++)
        {
            var d = k < fracDigits.Length ? (uint)(fracDigits[k] - '0') : 0u;
            if (acc > limit) return false;
            acc = acc * 10 + d;
        }

        var max = negative ? (UInt128)Int128.MaxValue + 1 : (UInt128)Int128.MaxValue;
        if (acc > max) return false;
        unscaled = negative ? (acc == max ? Int128.MinValue : -(Int128)acc) : (Int128)acc;
        return true;
    }

    /// <summary>The exact <see cref="decimal"/> of <paramref name="unscaled"/> × 10^-<paramref name="scale"/> (scale 0..28).</summary>
    public static decimal ToDecimal(long unscaled, int scale)
    {
        if (scale is < 0 or > 28) throw new ArgumentOutOfRangeException(nameof(scale), scale, "decimal scale must be 0..28");
        var negative = unscaled < 0;
        var magnitude = negative ? unchecked(0UL - (ulong)unscaled) : (ulong)unscaled;
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, negative, (byte)scale);
    }

    private static string Compose(bool negative, ReadOnlySpan<char> digits, int scale)
    {
        if (scale <= 0)
        {
            var isZero = digits is ['0'];
            var total = (negative ? 1 : 0) + digits.Length + (isZero ? 0 : -scale);
            return string.Create(total, (negative, digits.ToString(), isZero), static (span, s) =>
            {
                var p = 0;
                if (s.negative) span[p++] = '-';
                s.Item2.AsSpan().CopyTo(span[p..]);
                p += s.Item2.Length;
                span[p..].Fill('0');
            });
        }

        var intLen = Math.Max(digits.Length - scale, 1);
        var len = (negative ? 1 : 0) + intLen + 1 + scale;
        Span<char> buffer = stackalloc char[len];
        var pos = 0;
        if (negative) buffer[pos++] = '-';
        if (digits.Length <= scale)
        {
            buffer[pos++] = '0';
            buffer[pos++] = '.';
            buffer.Slice(pos, scale - digits.Length).Fill('0');
            pos += scale - digits.Length;
            digits.CopyTo(buffer[pos..]);
        }
        else
        {
            digits[..(digits.Length - scale)].CopyTo(buffer[pos..]);
            pos += digits.Length - scale;
            buffer[pos++] = '.';
            digits[^scale..].CopyTo(buffer[pos..]);
        }
        return new string(buffer);
    }

    /// <summary>
    /// <see cref="Format(long, int)"/>'s text as UTF-8 into <paramref name="destination"/> (at least 64 bytes for the
    /// scales of a <see cref="FieldCodec"/>, -18 to 18); returns the bytes written. Allocates nothing.
    /// </summary>
    internal static int FormatUtf8(long unscaled, int scale, Span<byte> destination)
    {
        var negative = unscaled < 0;
        var magnitude = negative ? unchecked(0UL - (ulong)unscaled) : (ulong)unscaled;
        Span<byte> digits = stackalloc byte[20];
        magnitude.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
        digits = digits[..n];
        var pos = 0;
        if (negative) destination[pos++] = (byte)'-';
        if (scale <= 0)
        {
            digits.CopyTo(destination[pos..]);
            pos += n;
            if (magnitude != 0)
            {
                destination.Slice(pos, -scale).Fill((byte)'0');
                pos += -scale;
            }
            return pos;
        }
        if (n <= scale)
        {
            destination[pos++] = (byte)'0';
            destination[pos++] = (byte)'.';
            destination.Slice(pos, scale - n).Fill((byte)'0');
            pos += scale - n;
            digits.CopyTo(destination[pos..]);
            return pos + n;
        }
        digits[..(n - scale)].CopyTo(destination[pos..]);
        pos += n - scale;
        destination[pos++] = (byte)'.';
        digits[(n - scale)..].CopyTo(destination[pos..]);
        return pos + scale;
    }

    private static void CheckScale(int scale)
    {
        if (scale is > MaxScale or < -MaxScale)
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"scale must be between -{MaxScale} and {MaxScale}");
    }
}
