using Collections.Cobol.Codecs;

namespace Collections.Legacy.Records;

/// <summary>
/// CLV100's fixed-width text and counter helpers. The class test IS NUMERIC and the packed codecs live in
/// Collections.Cobol (<see cref="CobolNumericClass"/>, <see cref="PackedDecimalEncoder"/>).
/// </summary>
public static class LegacyNumeric
{
    /// <summary>IS NUMERIC for an unsigned DISPLAY field (<see cref="CobolNumericClass.IsUnsignedDisplay"/>).</summary>
    public static bool IsDigits(ReadOnlySpan<byte> field) => CobolNumericClass.IsUnsignedDisplay(field);

    /// <summary>The value of digit bytes (<see cref="CobolNumericClass.UnsignedDisplayValue"/>).</summary>
    public static long Digits(ReadOnlySpan<byte> field) => CobolNumericClass.UnsignedDisplayValue(field);

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

    /// <summary>MOVE count TO a PIC ZZZ,ZZ9 field: the low six digits, zero suppressed, a comma after the thousands.</summary>
    public static string EditCount(long count)
    {
        var v = Math.Abs(count) % 1_000_000;
        var text = v >= 1000
            ? (v / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + (v % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)
            : v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return text.PadLeft(7);
    }

    /// <summary>Upper-case hex of raw bytes (for diagnostics).</summary>
    public static string Hex(ReadOnlySpan<byte> raw) => Convert.ToHexString(raw);

    private static readonly long[] Pow10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000];

    /// <summary>High-order truncation to <paramref name="digits"/> digits, sign kept (ADD without ON SIZE ERROR).</summary>
    public static long Wrap(long value, int digits)
    {
        var p = Pow10[digits];
        return value < p && value > -p ? value : value % p;   // the common case without a division
    }
}
