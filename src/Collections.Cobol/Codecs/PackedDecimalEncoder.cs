using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Collections.Cobol.Codecs;

/// <summary>
/// The fast, allocation-free COMP-3 encoder behind <see cref="PackedDecimal.Encode(long, Span{byte}, int, bool)"/>:
/// two digits per step (one division by the constant 100, which the JIT turns into a multiply, and a 100-entry BCD
/// table), stopping once the rest of the value is zero. Writes exactly what GnuCOBOL writes: sign nibble C (≥ 0) or D
/// (&lt; 0) for a signed field, F for an unsigned one, a zero pad nibble for an even digit count.
/// </summary>
public static class PackedDecimalEncoder
{
    /// <summary>BCD byte of 0-99: tens in the high nibble, units in the low.</summary>
    private static readonly byte[] Bcd = BuildBcd();

    private static byte[] BuildBcd()
    {
        var t = new byte[100];
        for (var i = 0; i < 100; i++) t[i] = (byte)((i / 10) << 4 | (i % 10));
        return t;
    }

    /// <summary>
    /// Encodes <paramref name="unscaled"/> into a packed field of <paramref name="digits"/> digit positions
    /// (<paramref name="field"/> is digits/2 + 1 bytes). Throws <see cref="ArgumentOutOfRangeException"/> when the value
    /// has more digits than the field or is negative for an unsigned field, <see cref="ArgumentException"/> when the
    /// field's length does not match the digit count.
    /// </summary>
    public static void Encode(long unscaled, Span<byte> field, int digits, bool signed)
    {
        if (digits is < 1 or > PackedDecimal.MaxDigitsInt64)
            throw new ArgumentOutOfRangeException(nameof(digits), digits, $"digits must be between 1 and {PackedDecimal.MaxDigitsInt64}");
        if (field.Length != digits / 2 + 1)
            throw new ArgumentException($"packed field of {digits} digits is {digits / 2 + 1} bytes, got {field.Length}", nameof(field));
        if (unscaled < 0 && !signed)
            throw new ArgumentOutOfRangeException(nameof(unscaled), unscaled, "negative value for an unsigned packed field");
        if (!TryEncode(unscaled, field, signed) || ((digits & 1) == 0 && field[0] > 0x09))
            throw new ArgumentOutOfRangeException(nameof(unscaled), unscaled, $"value does not fit in {digits} digits");
    }

    /// <summary>
    /// Encodes into every digit position of <paramref name="field"/> (2 × length − 1 digits: an even-digit field's pad
    /// nibble is not checked here), the sign as for a signed or unsigned field (an unsigned field gets the magnitude,
    /// as a MOVE to an unsigned receiver does). False when the value has more digits than the field holds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryEncode(long unscaled, Span<byte> field, bool signed)
    {
        ref var bcd = ref MemoryMarshal.GetArrayDataReference(Bcd);
        unchecked
        {
            var negative = unscaled < 0;
            var v = negative ? 0UL - (ulong)unscaled : (ulong)unscaled;   // long.MinValue included
            var sign = signed ? (negative ? 0x0D : 0x0C) : 0x0F;
            var last = field.Length - 1;
            var q = v / 10;
            field[last] = (byte)((int)(v - q * 10) << 4 | sign);
            v = q;
            var i = last - 1;
            for (; i >= 0 && v != 0; i--)
            {
                q = v / 100;
                field[i] = Unsafe.Add(ref bcd, (int)(v - q * 100));
                v = q;
            }
            for (; i >= 0; i--) field[i] = 0;
            return v == 0;
        }
    }
}
