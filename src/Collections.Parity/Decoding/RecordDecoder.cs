using System.Text;
using CobolDataException = Collections.Cobol.Codecs.CobolDataException;
using OverpunchStyle = Collections.Cobol.Codecs.OverpunchStyle;
using PackedDecimal = Collections.Cobol.Codecs.PackedDecimal;
using SignPlacement = Collections.Cobol.Codecs.SignPlacement;
using ZonedDecimal = Collections.Cobol.Codecs.ZonedDecimal;
using Collections.Parity.Layouts;

namespace Collections.Parity.Decoding;

/// <summary>
/// Decodes the fields of a record. The harness codes against this interface; <see cref="StrictRecordDecoder"/> is
/// its implementation (ASCII data, EBCDIC-style over-punched zoned signs as the legacy writes them, COMP-3).
/// </summary>
public interface IRecordDecoder
{
    /// <summary>Unscaled value of a numeric field; throws <see cref="FieldDecodeException"/> on invalid data.</summary>
    long DecodeNumber(FieldDef field, ReadOnlySpan<byte> record);

    /// <summary>Text of an alphanumeric field (or of any field's raw bytes, for display).</summary>
    string DecodeText(FieldDef field, ReadOnlySpan<byte> record);
}

/// <summary>Invalid data in a field: names the field, its offset and the raw bytes in hex.</summary>
public sealed class FieldDecodeException(string field, int offset, string rawHex, string reason)
    : FormatException($"{field} at offset {offset}: {reason} (raw {rawHex})")
{
    public string Field { get; } = field;
    public int Offset { get; } = offset;
    public string RawHex { get; } = rawHex;
    public string Reason { get; } = reason;
}

/// <summary>Strict decoding: an invalid digit or sign is an error, never a silent zero.</summary>
public sealed class StrictRecordDecoder : IRecordDecoder
{
    public static readonly StrictRecordDecoder Instance = new();

    public long DecodeNumber(FieldDef field, ReadOnlySpan<byte> record)
    {
        var raw = Slice(field, record);
        return field.Kind switch
        {
            FieldKind.Packed => DecodePacked(field, raw),
            FieldKind.Zoned => DecodeZoned(field, raw),
            _ => throw new InvalidOperationException($"{field.Name} is not numeric"),
        };
    }

    public string DecodeText(FieldDef field, ReadOnlySpan<byte> record)
    {
        var raw = Slice(field, record);
        return Encoding.Latin1.GetString(raw);
    }

    /// <summary>The field's bytes; a record shorter than the field (variable / text records) is blank padded.</summary>
    public static ReadOnlySpan<byte> Slice(FieldDef field, ReadOnlySpan<byte> record)
    {
        if (field.Offset + field.Length <= record.Length) return record.Slice(field.Offset, field.Length);
        var buf = new byte[field.Length];
        Array.Fill(buf, (byte)' ');
        if (field.Offset < record.Length) record[field.Offset..].CopyTo(buf);
        return buf;
    }

    private static long DecodePacked(FieldDef f, ReadOnlySpan<byte> raw)
    {
        try { return PackedDecimal.Decode(raw, f.Digits, f.Signed); }
        catch (CobolDataException e) { throw Error(f, raw, e.Reason); }
    }

    private static long DecodeZoned(FieldDef f, ReadOnlySpan<byte> raw)
    {
        try { return ZonedDecimal.Decode(raw, f.Digits, Placement(f), Style); }
        catch (CobolDataException e) { throw Error(f, raw, e.Reason); }
    }

    /// <summary>-fsign=EBCDIC on an ASCII file: '{' 'A'..'I' = +0..+9, '}' 'J'..'R' = -0..-9 on the last digit.</summary>
    private const OverpunchStyle Style = OverpunchStyle.AsciiEbcdicLetters;

    private static SignPlacement Placement(FieldDef f) => f.Signed ? SignPlacement.TrailingOverpunch : SignPlacement.Unsigned;

    private static FieldDecodeException Error(FieldDef f, ReadOnlySpan<byte> raw, string reason) =>
        new(f.Name, f.Offset, Convert.ToHexString(raw), reason);

    /// <summary>Writes an unscaled value into the field (used by tests and record transforms).</summary>
    public static void Encode(FieldDef f, long value, Span<byte> record)
    {
        var dst = record.Slice(f.Offset, f.Length);
        switch (f.Kind)
        {
            case FieldKind.Packed:
                PackedDecimal.Encode(value, dst, f.Digits, f.Signed);
                return;
            case FieldKind.Zoned:
                ZonedDecimal.Encode(value, dst, f.Digits, Placement(f), Style);
                return;
            default:
                throw new InvalidOperationException($"{f.Name} is not numeric");
        }
    }
}
