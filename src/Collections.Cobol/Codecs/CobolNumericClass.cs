using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Collections.Cobol.Codecs;

/// <summary>
/// The class condition <c>IS NUMERIC</c> as GnuCOBOL 3.1.2 evaluates it (the legacy's build flags), verified with cobc
/// (tests/Collections.Cobol.Tests/Codecs/CobolNumericClassTests.cs):
/// <list type="bullet">
/// <item>COMP-3: every digit nibble 0-9 (the pad nibble of an even digit count included), and the sign nibble C or
/// D for a signed field, F for an unsigned one (A, B, E are not numeric, nor F on a signed field).</item>
/// <item>Unsigned DISPLAY: every byte '0'-'9' (a space is not numeric).</item>
/// </list>
/// Allocation-free; <see cref="TryDecodePacked"/> tests and decodes in one pass (the hot path of a record edit).
/// </summary>
public static class CobolNumericClass
{
    /// <summary>Value of a byte of two digit nibbles (0-99), or 0xFF when a nibble is above 9.</summary>
    private static readonly byte[] Pair = BuildPairs();

    private static byte[] BuildPairs()
    {
        var t = new byte[256];
        for (var b = 0; b < 256; b++) t[b] = (b >> 4) <= 9 && (b & 0x0F) <= 9 ? (byte)((b >> 4) * 10 + (b & 0x0F)) : (byte)0xFF;
        return t;
    }

    /// <summary><c>field IS NUMERIC</c> for a COMP-3 field (any length).</summary>
    public static bool IsPacked(ReadOnlySpan<byte> field, bool signed) => Scan(field, signed, out _, out _);

    /// <summary>
    /// <c>IS NUMERIC</c> for a COMP-3 field of 1 to 10 bytes and, when it holds, its unscaled value (every digit
    /// nibble, an even digit count's pad nibble included since IS NUMERIC requires it to be a digit; negative with
    /// sign D). False when the field is not numeric. Throws when a 10-byte field holds more than 18 digits' worth.
    /// </summary>
    public static bool TryDecodePacked(ReadOnlySpan<byte> field, bool signed, out long value)
    {
        if (field.IsEmpty || field.Length > 10) throw new ArgumentException("a packed field of 1 to 10 bytes expected", nameof(field));
        value = 0;
        if (!Scan(field, signed, out var magnitude, out var negative)) return false;
        if (magnitude > long.MaxValue) throw new ArgumentOutOfRangeException(nameof(field), "the packed value has more than 18 digits");
        value = negative ? -(long)magnitude : (long)magnitude;
        return true;
    }

    /// <summary>One pass: every digit nibble 0-9 (table look-up per byte), the sign nibble by the field's signedness.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Scan(ReadOnlySpan<byte> field, bool signed, out ulong magnitude, out bool negative)
    {
        magnitude = 0;
        negative = false;
        if (field.IsEmpty) return false;
        ref var pairs = ref MemoryMarshal.GetArrayDataReference(Pair);
        var last = field.Length - 1;
        ulong acc = 0;
        uint bad = 0;
        unchecked
        {
            for (var i = 0; i < last; i++)
            {
                uint p = Unsafe.Add(ref pairs, field[i]);
                bad |= p;                              // 0xFF (a nibble above 9) has bit 7 set; 0-99 do not
                acc = (acc * 100) + p;                 // wraps for fields over 19 digits: the value is then unused
            }
            uint tail = field[last];
            var digit = tail >> 4;
            var sign = tail & 0x0F;
            if ((bad & 0x80) != 0 || digit > 9) return false;
            if (signed ? sign is not (0x0C or 0x0D) : sign != 0x0F) return false;
            magnitude = (acc * 10) + digit;
            negative = sign == 0x0D;
            return true;
        }
    }

    /// <summary><c>field IS NUMERIC</c> for an unsigned DISPLAY field: at least one byte, every byte '0'-'9'.</summary>
    public static bool IsUnsignedDisplay(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty) return false;
        foreach (var b in field)
            if (unchecked((uint)(b - '0')) > 9) return false;
        return true;
    }

    /// <summary>
    /// <c>IS NUMERIC</c> for an unsigned DISPLAY field of 1 to 18 bytes and, when it holds, its value, in one pass
    /// (the zoned codec's: eight digits per step). False when the field is not numeric (a space is not a digit).
    /// </summary>
    public static bool TryDecodeUnsignedDisplay(ReadOnlySpan<byte> field, out long value)
    {
        if (field.IsEmpty || field.Length > ZonedDecimal.MaxDigitsInt64) throw new ArgumentException("an unsigned DISPLAY field of 1 to 18 bytes expected", nameof(field));
        return ZonedDecimal.DecodeInt64(field, field.Length, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters, out value);
    }

    /// <inheritdoc cref="TryDecodeUnsignedDisplay(ReadOnlySpan{byte}, out long)"/>
    public static bool TryDecodeUnsignedDisplay(ReadOnlySpan<byte> field, out int value)
    {
        if (field.Length > 9) throw new ArgumentException("an unsigned DISPLAY field of 1 to 9 bytes expected for an int", nameof(field));
        var ok = TryDecodeUnsignedDisplay(field, out long v);
        value = (int)v;
        return ok;
    }

    /// <summary>The value of an unsigned DISPLAY field already known to be numeric (at most 18 digits).</summary>
    public static long UnsignedDisplayValue(ReadOnlySpan<byte> field)
    {
        if (field.Length > 18) throw new ArgumentException("at most 18 digits", nameof(field));
        long v = 0;
        foreach (var b in field) v = (v * 10) + (b - '0');
        return v;
    }
}
