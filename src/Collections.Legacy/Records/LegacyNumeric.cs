using Collections.Cobol.Codecs;

namespace Collections.Legacy.Records;

/// <summary>
/// The class test IS NUMERIC as GnuCOBOL 3.1.2 (legacy flags) evaluates it, and fixed-width text helpers.
/// Verified with cobc: a signed COMP-3 field is numeric only with sign nibble C or D (F, A, B, E are not);
/// an unsigned DISPLAY field is numeric when every byte is '0'-'9'.
/// </summary>
public static class LegacyNumeric
{
    /// <summary>IS NUMERIC for a packed field (no pad nibble: an odd digit count).</summary>
    public static bool IsPackedNumeric(ReadOnlySpan<byte> field, bool signed)
    {
        for (int i = 0; i < field.Length - 1; i++)
            if ((field[i] & 0xF0) > 0x90 || (field[i] & 0x0F) > 0x09) return false;
        var last = field[^1];
        if ((last & 0xF0) > 0x90) return false;
        var sign = last & 0x0F;
        return signed ? sign is 0x0C or 0x0D : sign == 0x0F;
    }

    /// <summary>Decodes a packed field when IS NUMERIC holds, else null.</summary>
    public static long? PackedOrNull(ReadOnlySpan<byte> field, int digits, bool signed) =>
        IsPackedNumeric(field, signed) ? PackedDecimal.Decode(field, digits, signed) : null;

    /// <summary>IS NUMERIC for an unsigned DISPLAY field.</summary>
    public static bool IsDigits(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty) return false;
        foreach (var b in field) if (b is < (byte)'0' or > (byte)'9') return false;
        return true;
    }

    public static long Digits(ReadOnlySpan<byte> field)
    {
        long v = 0;
        foreach (var b in field) v = v * 10 + (b - '0');
        return v;
    }

    /// <summary>The bytes as text, one char per byte (Latin-1), so ordinal comparison equals the legacy's byte comparison.</summary>
    public static string Text(ReadOnlySpan<byte> field) => System.Text.Encoding.Latin1.GetString(field);

    /// <summary>Writes text (one byte per char) into a field, padded with spaces or cut to the field's width.</summary>
    public static void PutText(Span<byte> field, string text)
    {
        field.Fill((byte)' ');
        for (int i = 0; i < field.Length && i < text.Length; i++) field[i] = (byte)text[i];
    }

    /// <summary>Writes an unsigned display number (PIC 9(n)), keeping the low-order digits as a COBOL MOVE does.</summary>
    public static void PutDigits(Span<byte> field, long value)
    {
        if (value < 0) value = -value;
        for (int i = field.Length - 1; i >= 0; i--)
        {
            field[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    /// <summary>Upper-case hex of raw bytes (for diagnostics).</summary>
    public static string Hex(ReadOnlySpan<byte> raw) => Convert.ToHexString(raw);

    private static readonly long[] Pow10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000];

    /// <summary>High-order truncation to <paramref name="digits"/> digits, sign kept (ADD without ON SIZE ERROR).</summary>
    public static long Wrap(long value, int digits) => value % Pow10[digits];
}
