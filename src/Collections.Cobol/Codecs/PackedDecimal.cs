using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Collections.Cobol.Codecs;

/// <summary>
/// Packed decimal (COMP-3, PACKED-DECIMAL): two digits per byte, the last nibble the sign. A field of n digit
/// positions is n/2 + 1 bytes; with an even n the first (pad) nibble must be zero. Decoding is strict: a digit
/// nibble above 9, a non-zero pad nibble or an invalid sign nibble is a <see cref="CobolDataException"/>.
/// </summary>
public static class PackedDecimal
{
    /// <summary>The most digits the <see cref="long"/> API accepts.</summary>
    public const int MaxDigitsInt64 = 18;

    /// <summary>The most digits the <see cref="Int128"/> API accepts.</summary>
    public const int MaxDigitsInt128 = 38;

    /// <summary>Bytes of a packed field of <paramref name="digits"/> digit positions: digits/2 + 1.</summary>
    public static int ByteLength(int digits)
    {
        if (digits < 1) throw new ArgumentOutOfRangeException(nameof(digits), digits, "digits must be at least 1");
        return digits / 2 + 1;
    }

    /// <summary>Decodes a packed field; throws <see cref="CobolDataException"/> on an invalid digit or sign.</summary>
    public static long Decode(ReadOnlySpan<byte> field, int digits, bool signed, PackedSignPolicy policy = PackedSignPolicy.Strict)
    {
        CheckArguments(field.Length, digits, policy, MaxDigitsInt64);
        if (!DecodeInt64(field, digits, signed, policy, out var value)) ThrowInvalid(field, digits, signed, policy);
        return value;
    }

    /// <summary>Decodes a packed field; false on invalid data (wrong lengths or arguments still throw).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> field, int digits, bool signed, out long unscaled, PackedSignPolicy policy = PackedSignPolicy.Strict)
    {
        CheckArguments(field.Length, digits, policy, MaxDigitsInt64);
        return DecodeInt64(field, digits, signed, policy, out unscaled);
    }

    /// <summary>Decodes a packed field of up to 38 digits.</summary>
    public static Int128 DecodeInt128(ReadOnlySpan<byte> field, int digits, bool signed, PackedSignPolicy policy = PackedSignPolicy.Strict)
    {
        CheckArguments(field.Length, digits, policy, MaxDigitsInt128);
        if (!DecodeCore(field, digits, signed, policy, out Int128 value)) ThrowInvalid(field, digits, signed, policy);
        return value;
    }

    /// <summary>Decodes a packed field of up to 38 digits; false on invalid data.</summary>
    public static bool TryDecodeInt128(ReadOnlySpan<byte> field, int digits, bool signed, out Int128 unscaled, PackedSignPolicy policy = PackedSignPolicy.Strict)
    {
        CheckArguments(field.Length, digits, policy, MaxDigitsInt128);
        return DecodeCore(field, digits, signed, policy, out unscaled);
    }

    /// <summary>
    /// Encodes as GnuCOBOL writes COMP-3: sign nibble C (≥ 0) or D (&lt; 0) for signed fields, F for unsigned.
    /// Throws <see cref="ArgumentOutOfRangeException"/> when the value has more than <paramref name="digits"/> digits or is
    /// negative for an unsigned field.
    /// </summary>
    public static void Encode(long unscaled, Span<byte> field, int digits, bool signed) =>
        PackedDecimalEncoder.Encode(unscaled, field, digits, signed);

    /// <inheritdoc cref="Encode(long, Span{byte}, int, bool)"/>
    public static void Encode(Int128 unscaled, Span<byte> field, int digits, bool signed)
    {
        CheckArguments(field.Length, digits, PackedSignPolicy.Strict, MaxDigitsInt128);
        EncodeCore(unscaled, field, digits, signed);
    }

    /// <summary>Value of a byte holding two digit nibbles (0-99), or 0xFF when either nibble is above 9.</summary>
    private static readonly byte[] DigitPair = BuildDigitPairs();

    private static byte[] BuildDigitPairs()
    {
        var t = new byte[256];
        for (var b = 0; b < 256; b++) t[b] = (b >> 4) <= 9 && (b & 0x0F) <= 9 ? (byte)((b >> 4) * 10 + (b & 0x0F)) : (byte)0xFF;
        return t;
    }

    /// <summary>The <see cref="long"/> decoder (arguments already checked): one table look-up per digit pair,
    /// unchecked arithmetic (at most 18 digits cannot overflow).</summary>
    internal static bool DecodeInt64(ReadOnlySpan<byte> field, int digits, bool signed, PackedSignPolicy policy, out long value)
    {
        value = 0;
        var last = field.Length - 1;
        if ((digits & 1) == 0 && field[0] > 0x09) return false;
        ref var pairs = ref MemoryMarshal.GetArrayDataReference(DigitPair);
        unchecked
        {
            ulong acc = 0;
            var i = 0;
            // eight digits (four bytes) at a time: validate every nibble <= 9, then BCD to binary with SWAR
            for (; i + 4 <= last; i += 4)
            {
                var v = BinaryPrimitives.ReadUInt32BigEndian(field.Slice(i, 4));
                var lo = v & 0x0F0F0F0Fu;
                var hi = (v >> 4) & 0x0F0F0F0Fu;
                if (((lo + 0x06060606u) & 0x10101010u) != 0 || ((hi + 0x06060606u) & 0x10101010u) != 0) return false;
                var bytes = hi * 10 + lo;                                      // four values 0-99, most significant first
                var halves = ((bytes >> 8) & 0x00FF00FFu) * 100 + (bytes & 0x00FF00FFu); // two values 0-9999
                acc = acc * 100_000_000UL + (halves >> 16) * 10000 + (halves & 0xFFFFu);
            }
            for (; i < last; i++)
            {
                uint pair = Unsafe.Add(ref pairs, field[i]);
                if (pair == 0xFF) return false;
                acc = acc * 100 + pair;
            }
            uint tail = field[last];
            var digit = tail >> 4;
            if (digit > 9) return false;
            acc = acc * 10 + digit;
            switch (SignOf(tail & 0x0F, signed, policy))
            {
                case 1: value = (long)acc; return true;
                case -1: value = -(long)acc; return true;
                default: return false;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool DecodeCore<T>(ReadOnlySpan<byte> field, int digits, bool signed, PackedSignPolicy policy, out T value)
        where T : IBinaryInteger<T>
    {
        value = T.Zero;
        var last = field.Length - 1;
        // even digit count: the high nibble of the first byte is padding and must be zero
        if ((digits & 1) == 0 && field[0] > 0x09) return false;
        var hundred = T.CreateTruncating(100);
        var acc = T.Zero;
        unchecked
        {
            for (var i = 0; i < last; i++)
            {
                uint b = field[i];
                uint hi = b >> 4, lo = b & 0x0F;
                if (hi > 9 || lo > 9) return false;
                acc = acc * hundred + T.CreateTruncating(hi * 10 + lo);
            }
            uint tail = field[last];
            uint digit = tail >> 4;
            if (digit > 9) return false;
            acc = acc * T.CreateTruncating(10) + T.CreateTruncating(digit);
            switch (SignOf(tail & 0x0F, signed, policy))
            {
                case 1: value = acc; return true;
                case -1: value = -acc; return true;
                default: return false;
            }
        }
    }

    /// <summary>+1, -1, or 0 for an invalid sign nibble.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SignOf(uint nibble, bool signed, PackedSignPolicy policy)
    {
        switch (nibble)
        {
            case 0xC:
            case 0xF:
                return 1;
            case 0xD:
                return signed ? -1 : 0;
            case 0xA:
            case 0xE:
                return policy == PackedSignPolicy.Ibm ? 1 : 0;
            case 0xB:
                return policy == PackedSignPolicy.Ibm && signed ? -1 : 0;
            default:
                return 0;
        }
    }

    private static void EncodeCore<T>(T unscaled, Span<byte> field, int digits, bool signed)
        where T : IBinaryInteger<T>
    {
        var negative = T.IsNegative(unscaled);
        if (negative && !signed)
            throw new ArgumentOutOfRangeException(nameof(unscaled), unscaled, "negative value for an unsigned packed field");
        var ten = T.CreateTruncating(10);
        var rest = unscaled;
        // nibble index n counts from the sign nibble (0) leftwards; digits occupy nibbles 1..digits
        var sign = signed ? (negative ? 0x0D : 0x0C) : 0x0F;
        field.Clear();
        field[^1] = (byte)sign;
        for (var n = 1; n <= digits; n++)
        {
            var digit = int.CreateTruncating(T.Abs(rest % ten));
            rest /= ten;
            var byteIndex = field.Length - 1 - n / 2;
            field[byteIndex] |= (byte)((n & 1) == 1 ? digit << 4 : digit);
        }
        if (!T.IsZero(rest))
            throw new ArgumentOutOfRangeException(nameof(unscaled), unscaled, $"value does not fit in {digits} digits");
    }

    private static void CheckArguments(int length, int digits, PackedSignPolicy policy, int maxDigits)
    {
        if (digits < 1 || digits > maxDigits)
            throw new ArgumentOutOfRangeException(nameof(digits), digits, $"digits must be between 1 and {maxDigits}");
        if ((uint)policy > (uint)PackedSignPolicy.Ibm) throw new ArgumentOutOfRangeException(nameof(policy), policy, null);
        var expected = digits / 2 + 1;
        if (length != expected)
            throw new ArgumentException($"packed field of {digits} digits is {expected} bytes, got {length}", "field");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowInvalid(ReadOnlySpan<byte> field, int digits, bool signed, PackedSignPolicy policy) =>
        throw new CobolDataException(Diagnose(field, digits, signed, policy), field);

    internal static string Diagnose(ReadOnlySpan<byte> field, int digits, bool signed, PackedSignPolicy policy)
    {
        var inv = CultureInfo.InvariantCulture;
        if ((digits & 1) == 0 && field[0] > 0x09)
            return string.Format(inv, "non-zero pad nibble 0x{0:X} in byte 0 of an even-digit ({1}) field", field[0] >> 4, digits);
        for (var i = 0; i < field.Length; i++)
        {
            var hi = field[i] >> 4;
            var lo = field[i] & 0x0F;
            if (hi > 9) return string.Format(inv, "invalid digit nibble 0x{0:X} in byte {1}", hi, i);
            if (i < field.Length - 1 && lo > 9) return string.Format(inv, "invalid digit nibble 0x{0:X} in byte {1}", lo, i);
        }
        var nibble = (uint)(field[^1] & 0x0F);
        if (!signed && (nibble == 0xD || (nibble == 0xB && policy == PackedSignPolicy.Ibm)))
            return string.Format(inv, "negative sign nibble 0x{0:X} in an unsigned field", nibble);
        return string.Format(inv, "invalid sign nibble 0x{0:X}", nibble);
    }
}
