using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Collections.Cobol.Codecs;

/// <summary>
/// Zoned decimal (USAGE DISPLAY numeric) fields: one byte per digit, the sign over-punched on the first or last
/// digit or held in a separate '+'/'-' byte. Decoding is strict: a non-digit, an invalid over-punch or a bad
/// separate sign is a <see cref="CobolDataException"/> (spaces are not zero). Values are unscaled integers; the
/// PIC scale (V, P) is the caller's (see <see cref="FixedPoint"/>).
/// </summary>
public static class ZonedDecimal
{
    /// <summary>The most digits the <see cref="long"/> API accepts.</summary>
    public const int MaxDigitsInt64 = 18;

    /// <summary>The most digits the <see cref="Int128"/> API accepts.</summary>
    public const int MaxDigitsInt128 = 38;

    /// <summary>Length in bytes of a zoned field of <paramref name="digits"/> digit positions.</summary>
    public static int ByteLength(int digits, SignPlacement sign) =>
        digits + (sign is SignPlacement.LeadingSeparate or SignPlacement.TrailingSeparate ? 1 : 0);

    /// <summary>Decodes a zoned field of exactly <see cref="ByteLength"/> bytes; throws <see cref="CobolDataException"/> on invalid data.</summary>
    public static long Decode(ReadOnlySpan<byte> field, int digits, SignPlacement sign, OverpunchStyle style)
    {
        CheckArguments(field.Length, digits, sign, style, MaxDigitsInt64);
        if (!DecodeInt64(field, digits, sign, style, out var value)) ThrowInvalid(field, digits, sign, style);
        return value;
    }

    /// <summary>Decodes a zoned field; false on invalid data. Wrong lengths or arguments still throw (they are bugs, not data).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> field, int digits, SignPlacement sign, OverpunchStyle style, out long unscaled)
    {
        CheckArguments(field.Length, digits, sign, style, MaxDigitsInt64);
        return DecodeInt64(field, digits, sign, style, out unscaled);
    }

    /// <summary>Decodes a zoned field of up to 38 digits.</summary>
    public static Int128 DecodeInt128(ReadOnlySpan<byte> field, int digits, SignPlacement sign, OverpunchStyle style)
    {
        CheckArguments(field.Length, digits, sign, style, MaxDigitsInt128);
        if (!DecodeCore(field, digits, sign, style, out Int128 value)) ThrowInvalid(field, digits, sign, style);
        return value;
    }

    /// <summary>Decodes a zoned field of up to 38 digits; false on invalid data.</summary>
    public static bool TryDecodeInt128(ReadOnlySpan<byte> field, int digits, SignPlacement sign, OverpunchStyle style, out Int128 unscaled)
    {
        CheckArguments(field.Length, digits, sign, style, MaxDigitsInt128);
        return DecodeCore(field, digits, sign, style, out unscaled);
    }

    /// <summary>
    /// Encodes <paramref name="unscaled"/> into a zoned field as GnuCOBOL (or IBM, for <see cref="OverpunchStyle.Ebcdic"/>)
    /// writes it. Throws <see cref="ArgumentOutOfRangeException"/> if the value has more digits than the field or is
    /// negative for an unsigned field (truncation is the caller's decision, made explicitly).
    /// </summary>
    public static void Encode(long unscaled, Span<byte> field, int digits, SignPlacement sign, OverpunchStyle style)
    {
        CheckArguments(field.Length, digits, sign, style, MaxDigitsInt64);
        EncodeCore(unscaled, field, digits, sign, style);
    }

    /// <inheritdoc cref="Encode(long, Span{byte}, int, SignPlacement, OverpunchStyle)"/>
    public static void Encode(Int128 unscaled, Span<byte> field, int digits, SignPlacement sign, OverpunchStyle style)
    {
        CheckArguments(field.Length, digits, sign, style, MaxDigitsInt128);
        EncodeCore(unscaled, field, digits, sign, style);
    }

    /// <summary>
    /// MOVE of an integer to an unsigned DISPLAY field (PIC 9(n), n = the field's length): the magnitude's low-order n
    /// digits (high-order truncation, the sign dropped), zero-filled on the left, as GnuCOBOL stores it. Digits in the
    /// zone of <paramref name="style"/> ('0'-'9' for ASCII, 0xF0-0xF9 for EBCDIC). Two digits per step, no allocation.
    /// </summary>
    public static void MoveUnsigned(long value, Span<byte> field, OverpunchStyle style = OverpunchStyle.AsciiEbcdicLetters)
    {
        if ((uint)style > (uint)OverpunchStyle.GnuCobolAscii) throw new ArgumentOutOfRangeException(nameof(style), style, null);
        var zone = style == OverpunchStyle.Ebcdic ? (byte)0xF0 : (byte)'0';
        unchecked
        {
            var v = value < 0 ? 0UL - (ulong)value : (ulong)value;   // long.MinValue included
            var i = field.Length - 1;
            for (; i > 0 && v != 0; i -= 2)
            {
                var q = v / 100;
                var pair = (uint)(v - (q * 100));
                var tens = pair / 10;
                field[i] = (byte)(zone + pair - (tens * 10));
                field[i - 1] = (byte)(zone + tens);
                v = q;
            }
            if (i == 0)
            {
                field[0] = (byte)(zone + (v % 10));
                return;
            }
            field[..(i + 1)].Fill(zone);
        }
    }

    /// <summary>
    /// The <see cref="long"/> decoder (arguments already checked): eight plain digits at a time with SWAR arithmetic,
    /// the over-punched digit apart. Overflow is impossible (at most 18 digits), so the arithmetic is unchecked.
    /// </summary>
    internal static bool DecodeInt64(ReadOnlySpan<byte> field, int digits, SignPlacement sign, OverpunchStyle style, out long value)
    {
        value = 0;
        var zone = style == OverpunchStyle.Ebcdic ? 0xF0u : 0x30u;
        var negative = false;
        ReadOnlySpan<byte> d = field;
        var signIndex = -1;
        switch (sign)
        {
            case SignPlacement.Unsigned:
                break;
            case SignPlacement.TrailingOverpunch:
                signIndex = digits - 1;
                break;
            case SignPlacement.LeadingOverpunch:
                signIndex = 0;
                break;
            case SignPlacement.LeadingSeparate:
                if (!SeparateSign(field[0], style, out negative)) return false;
                d = field[1..];
                break;
            default:
                if (!SeparateSign(field[^1], style, out negative)) return false;
                d = field[..^1];
                break;
        }

        var i = signIndex == 0 ? 1 : 0;
        var end = signIndex == d.Length - 1 ? d.Length - 1 : d.Length;
        unchecked
        {
            ulong acc = 0;
            var zones = zone * 0x0101010101010101UL;
            while (end - i >= 8)
            {
                var v = BinaryPrimitives.ReadUInt64LittleEndian(d.Slice(i, 8));
                if ((v & 0xF0F0F0F0F0F0F0F0UL) != zones || ((v + 0x0606060606060606UL) & 0xF0F0F0F0F0F0F0F0UL) != zones) return false;
                v &= 0x0F0F0F0F0F0F0F0FUL;
                v = (v * 2561) >> 8;
                v &= 0x00FF00FF00FF00FFUL;
                v = (v * 6553601) >> 16;
                v &= 0x0000FFFF0000FFFFUL;
                v = (v * 42949672960001UL) >> 32;
                acc = acc * 100_000_000UL + v;
                i += 8;
            }
            for (; i < end; i++)
            {
                var x = d[i] - zone;
                if (x > 9) return false;
                acc = acc * 10 + x;
            }
            if (signIndex >= 0)
            {
                var b = d[signIndex];
                var x = b - zone;
                if (x > 9 && !Overpunch(b, style, out x, out negative)) return false;
                acc = signIndex == 0 ? x * Pow10[digits - 1] + acc : acc * 10 + x;
            }
            value = negative ? -(long)acc : (long)acc;
        }
        return true;
    }

    private static readonly ulong[] Pow10 = BuildPow10();

    private static ulong[] BuildPow10()
    {
        var p = new ulong[20];
        p[0] = 1;
        for (var k = 1; k < p.Length; k++) p[k] = p[k - 1] * 10;
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool DecodeCore<T>(ReadOnlySpan<byte> field, int digits, SignPlacement sign, OverpunchStyle style, out T value)
        where T : IBinaryInteger<T>
    {
        value = T.Zero;
        var zero = style == OverpunchStyle.Ebcdic ? 0xF0 : 0x30;
        var negative = false;
        ReadOnlySpan<byte> d;
        var signIndex = -1;
        switch (sign)
        {
            case SignPlacement.Unsigned:
                d = field;
                break;
            case SignPlacement.TrailingOverpunch:
                d = field;
                signIndex = digits - 1;
                break;
            case SignPlacement.LeadingOverpunch:
                d = field;
                signIndex = 0;
                break;
            case SignPlacement.LeadingSeparate:
                if (!SeparateSign(field[0], style, out negative)) return false;
                d = field[1..];
                break;
            default: // TrailingSeparate
                if (!SeparateSign(field[^1], style, out negative)) return false;
                d = field[..^1];
                break;
        }

        var ten = T.CreateTruncating(10);
        var acc = T.Zero;
        unchecked
        {
            for (var i = 0; i < d.Length; i++)
            {
                var x = (uint)(d[i] - zero);
                if (x > 9)
                {
                    if (i != signIndex || !Overpunch(d[i], style, out x, out negative)) return false;
                }
                acc = acc * ten + T.CreateTruncating(x);
            }
        }
        value = negative ? -acc : acc;
        return true;
    }

    /// <summary>Reads an over-punched sign digit that is not a plain digit.</summary>
    private static bool Overpunch(byte b, OverpunchStyle style, out uint digit, out bool negative)
    {
        switch (style)
        {
            case OverpunchStyle.Ebcdic:
            {
                digit = (uint)(b & 0x0F);
                var zone = b >> 4;
                negative = zone == 0xD;
                return digit <= 9 && (zone == 0xC || zone == 0xD);
            }
            case OverpunchStyle.AsciiEbcdicLetters:
                if (b == (byte)'{') { digit = 0; negative = false; return true; }
                if (b == (byte)'}') { digit = 0; negative = true; return true; }
                if (b is >= (byte)'A' and <= (byte)'I') { digit = (uint)(b - 'A' + 1); negative = false; return true; }
                if (b is >= (byte)'J' and <= (byte)'R') { digit = (uint)(b - 'J' + 1); negative = true; return true; }
                break;
            case OverpunchStyle.GnuCobolAscii:
                if (b is >= (byte)'p' and <= (byte)'y') { digit = (uint)(b - 'p'); negative = true; return true; }
                break;
        }
        digit = 0;
        negative = false;
        return false;
    }

    private static bool SeparateSign(byte b, OverpunchStyle style, out bool negative)
    {
        var (plus, minus) = SeparateSignBytes(style);
        negative = b == minus;
        return b == plus || b == minus;
    }

    private static (byte Plus, byte Minus) SeparateSignBytes(OverpunchStyle style) =>
        style == OverpunchStyle.Ebcdic ? ((byte)0x4E, (byte)0x60) : ((byte)'+', (byte)'-');

    private static void EncodeCore<T>(T unscaled, Span<byte> field, int digits, SignPlacement sign, OverpunchStyle style)
        where T : IBinaryInteger<T>
    {
        var negative = T.IsNegative(unscaled);
        if (negative && sign == SignPlacement.Unsigned)
            throw new ArgumentOutOfRangeException(nameof(unscaled), unscaled, "negative value for an unsigned zoned field");

        Span<byte> d = sign switch
        {
            SignPlacement.LeadingSeparate => field[1..],
            SignPlacement.TrailingSeparate => field[..^1],
            _ => field,
        };
        var zero = style == OverpunchStyle.Ebcdic ? (byte)0xF0 : (byte)'0';
        var ten = T.CreateTruncating(10);
        var rest = unscaled;
        for (var i = d.Length - 1; i >= 0; i--)
        {
            var digit = int.CreateTruncating(T.Abs(rest % ten));
            d[i] = (byte)(zero + digit);
            rest /= ten;
        }
        if (!T.IsZero(rest))
            throw new ArgumentOutOfRangeException(nameof(unscaled), unscaled, $"value does not fit in {digits} digits");

        switch (sign)
        {
            case SignPlacement.TrailingOverpunch:
                d[^1] = PunchSign(d[^1], negative, style);
                break;
            case SignPlacement.LeadingOverpunch:
                d[0] = PunchSign(d[0], negative, style);
                break;
            case SignPlacement.LeadingSeparate:
            case SignPlacement.TrailingSeparate:
                var (plus, minus) = SeparateSignBytes(style);
                field[sign == SignPlacement.LeadingSeparate ? 0 : ^1] = negative ? minus : plus;
                break;
        }
    }

    private static byte PunchSign(byte plainDigit, bool negative, OverpunchStyle style)
    {
        switch (style)
        {
            case OverpunchStyle.Ebcdic:
                return (byte)((negative ? 0xD0 : 0xC0) | (plainDigit & 0x0F));
            case OverpunchStyle.AsciiEbcdicLetters:
            {
                var digit = plainDigit - '0';
                if (digit == 0) return negative ? (byte)'}' : (byte)'{';
                return (byte)((negative ? 'J' : 'A') + digit - 1);
            }
            default:
                return negative ? (byte)(plainDigit - '0' + 'p') : plainDigit;
        }
    }

    private static void CheckArguments(int length, int digits, SignPlacement sign, OverpunchStyle style, int maxDigits)
    {
        if (digits < 1 || digits > maxDigits)
            throw new ArgumentOutOfRangeException(nameof(digits), digits, $"digits must be between 1 and {maxDigits}");
        if ((uint)sign > (uint)SignPlacement.LeadingSeparate) throw new ArgumentOutOfRangeException(nameof(sign), sign, null);
        if ((uint)style > (uint)OverpunchStyle.GnuCobolAscii) throw new ArgumentOutOfRangeException(nameof(style), style, null);
        var expected = ByteLength(digits, sign);
        if (length != expected)
            throw new ArgumentException(
                $"zoned field of {digits} digits ({sign}) is {expected} bytes, got {length}", "field");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowInvalid(ReadOnlySpan<byte> field, int digits, SignPlacement sign, OverpunchStyle style) =>
        throw new CobolDataException(Diagnose(field, digits, sign, style), field);

    /// <summary>Why a field does not decode (first offending byte, 0-based position within the field).</summary>
    internal static string Diagnose(ReadOnlySpan<byte> field, int digits, SignPlacement sign, OverpunchStyle style)
    {
        var inv = CultureInfo.InvariantCulture;
        var start = 0;
        if (sign == SignPlacement.LeadingSeparate)
        {
            if (!SeparateSign(field[0], style, out _))
                return string.Format(inv, "invalid separate sign byte 0x{0:X2} at position 0", field[0]);
            start = 1;
        }
        else if (sign == SignPlacement.TrailingSeparate && !SeparateSign(field[^1], style, out _))
        {
            return string.Format(inv, "invalid separate sign byte 0x{0:X2} at position {1}", field[^1], field.Length - 1);
        }

        var zero = style == OverpunchStyle.Ebcdic ? 0xF0 : 0x30;
        var signIndex = sign switch
        {
            SignPlacement.TrailingOverpunch => digits - 1,
            SignPlacement.LeadingOverpunch => 0,
            _ => -1,
        };
        for (var i = 0; i < digits; i++)
        {
            var b = field[start + i];
            if (unchecked((uint)(b - zero)) <= 9) continue;
            if (i == signIndex)
            {
                if (Overpunch(b, style, out _, out _)) continue;
                return string.Format(inv, "invalid sign over-punch byte 0x{0:X2} at position {1} ({2})", b, start + i, style);
            }
            return string.Format(inv, "non-digit byte 0x{0:X2} at position {1}", b, start + i);
        }
        return "invalid zoned decimal";
    }
}
