using System.Text;
using Collections.Cobol.Codecs;

namespace Collections.Legacy.Clv200;

/// <summary>Field codecs for the CLV200 records (ASCII text, unsigned display digits, COMP-3).</summary>
internal static class Fields
{
    public static string Text(ReadOnlySpan<byte> record, int offset, int length) => Encoding.Latin1.GetString(record.Slice(offset, length));

    public static void PutText(Span<byte> record, int offset, int length, string value)
    {
        var field = record.Slice(offset, length);
        field.Fill((byte)' ');
        if (value.Length > length) throw new ArgumentOutOfRangeException(nameof(value), $"'{value}' longer than {length}");
        Encoding.Latin1.GetBytes(value, field);
    }

    /// <summary>Unsigned display numeric PIC 9(n): every byte a digit, else a <see cref="CobolDataException"/>-style error.</summary>
    public static int Digits(ReadOnlySpan<byte> record, int offset, int length, string fieldName)
    {
        try
        {
            return checked((int)ZonedDecimal.Decode(record.Slice(offset, length), length, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters));
        }
        catch (CobolDataException e)
        {
            throw e.WithField(fieldName, offset);
        }
    }

    public static bool TryDigits(ReadOnlySpan<byte> record, int offset, int length, out int value)
    {
        value = 0;
        foreach (var b in record.Slice(offset, length))
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            value = (value * 10) + (b - '0');
        }
        return true;
    }

    public static void PutDigits(Span<byte> record, int offset, int length, long value)
        => ZonedDecimal.Encode(value, record.Slice(offset, length), length, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters);

    /// <summary>A signed COMP-3 field through the shared codec (<see cref="PackedDecimal"/>); invalid data throws naming the field and offset.</summary>
    public static long Packed(ReadOnlySpan<byte> record, int offset, int digits, string fieldName)
    {
        var field = record.Slice(offset, (digits / 2) + 1);
        return PackedDecimal.TryDecode(field, digits, signed: true, out var value) ? value : Invalid(field, digits, offset, fieldName);
    }

    private static long Invalid(ReadOnlySpan<byte> field, int digits, int offset, string fieldName)
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

    public static void PutPacked(Span<byte> record, int offset, int digits, long value)
        => PackedDecimal.Encode(value, record.Slice(offset, PackedDecimal.ByteLength(digits)), digits, signed: true);
}
