using Collections.Cobol.Codecs;
using Collections.Cobol.Numerics;

namespace Collections.Legacy.Records;

/// <summary>
/// The field operations the legacy ports use on record bytes, each one the toolkit's (Collections.Cobol): the class
/// test IS NUMERIC and its value (<see cref="CobolNumericClass"/>), MOVE to an unsigned DISPLAY field
/// (<see cref="ZonedDecimal.MoveUnsigned"/>), packed decoding with the field named in the error
/// (<see cref="PackedDecimal"/>), high-order truncation (<see cref="CobolArithmetic.TruncateHighOrder"/>). Text is
/// one char per byte (Latin-1), so ordinal comparison equals the legacy's byte comparison.
/// </summary>
public static class LegacyNumeric
{
    /// <summary>IS NUMERIC for an unsigned DISPLAY field (<see cref="CobolNumericClass.IsUnsignedDisplay"/>).</summary>
    public static bool IsDigits(ReadOnlySpan<byte> field) => CobolNumericClass.IsUnsignedDisplay(field);

    /// <summary>The value of digit bytes (<see cref="CobolNumericClass.UnsignedDisplayValue"/>).</summary>
    public static long Digits(ReadOnlySpan<byte> field) => CobolNumericClass.UnsignedDisplayValue(field);

    /// <summary>IS NUMERIC and, when it holds, the value of an unsigned DISPLAY field of 1 to 9 bytes, in one pass (<see cref="CobolNumericClass.TryDecodeUnsignedDisplay(ReadOnlySpan{byte}, out int)"/>).</summary>
    public static bool TryDigits(ReadOnlySpan<byte> field, out int value) => CobolNumericClass.TryDecodeUnsignedDisplay(field, out value);

    /// <summary>
    /// An unsigned DISPLAY field of <paramref name="record"/> (PIC 9(n), n = <paramref name="length"/>); invalid data
    /// throws the codec's <see cref="CobolDataException"/> naming <paramref name="fieldName"/> and its offset.
    /// </summary>
    public static int Digits(ReadOnlySpan<byte> record, int offset, int length, string fieldName)
    {
        var field = record.Slice(offset, length);
        if (CobolNumericClass.TryDecodeUnsignedDisplay(field, out int value)) return value;
        try
        {
            ZonedDecimal.Decode(field, length, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters);   // throws the codec's diagnosis
            throw new InvalidOperationException("the class test and the codec disagree");
        }
        catch (CobolDataException e)
        {
            throw e.WithField(fieldName, offset);
        }
    }

    /// <summary>
    /// A signed COMP-3 field of <paramref name="record"/> (<paramref name="digits"/> digits, digits/2 + 1 bytes) through
    /// <see cref="PackedDecimal"/>; invalid data throws the codec's <see cref="CobolDataException"/> naming the field and offset.
    /// </summary>
    public static long Packed(ReadOnlySpan<byte> record, int offset, int digits, string fieldName)
    {
        var field = record.Slice(offset, (digits / 2) + 1);
        return PackedDecimal.TryDecode(field, digits, signed: true, out var value) ? value : InvalidPacked(field, digits, offset, fieldName);
    }

    private static long InvalidPacked(ReadOnlySpan<byte> field, int digits, int offset, string fieldName)
    {
        try
        {
            return PackedDecimal.Decode(field, digits, signed: true);   // throws the codec's diagnosis
        }
        catch (CobolDataException e)
        {
            throw e.WithField(fieldName, offset);
        }
    }

    /// <summary>The bytes as text, one char per byte (Latin-1), so ordinal comparison equals the legacy's byte comparison.</summary>
    public static string Text(ReadOnlySpan<byte> field) => System.Text.Encoding.Latin1.GetString(field);

    /// <summary>MOVE text TO a PIC X field: one byte per char, padded with spaces or cut to the field's width.</summary>
    public static void PutText(Span<byte> field, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        field.Fill((byte)' ');
        for (int i = 0; i < field.Length && i < text.Length; i++) field[i] = (byte)text[i];
    }

    /// <summary>MOVE an integer TO an unsigned display field (PIC 9(n)): the low-order digits (<see cref="ZonedDecimal.MoveUnsigned"/>).</summary>
    public static void PutDigits(Span<byte> field, long value) => ZonedDecimal.MoveUnsigned(value, field);

    /// <summary>WS-DISPLAY-COUNT PIC ZZZ,ZZ9 of CLV100, CLV200 and CLV400 (the toolkit's <see cref="EditedPicture"/>).</summary>
    private static readonly EditedPicture DisplayCountPicture = new("ZZZ,ZZ9");

    /// <summary>MOVE count TO WS-DISPLAY-COUNT (PIC ZZZ,ZZ9): the low six digits, zero-suppressed, 7 characters.</summary>
    public static string EditCount(long count) => DisplayCountPicture.Format(count, 0);

    /// <summary>Upper-case hex of raw bytes (for diagnostics).</summary>
    public static string Hex(ReadOnlySpan<byte> raw) => CobolDataException.Hex(raw);

    /// <summary>High-order truncation to <paramref name="digits"/> digits, sign kept (ADD without ON SIZE ERROR; <see cref="CobolArithmetic.TruncateHighOrder"/>).</summary>
    public static long Wrap(long value, int digits) => CobolArithmetic.TruncateHighOrder(value, digits);
}
