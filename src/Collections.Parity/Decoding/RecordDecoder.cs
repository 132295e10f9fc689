using System.Text;
using Collections.Cobol.Codecs;
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

/// <summary>
/// Strict decoding through each field's toolkit codec (<see cref="FieldDef.Codec"/>): an invalid digit or sign is an
/// error naming the field, never a silent zero.
/// </summary>
public sealed class StrictRecordDecoder : IRecordDecoder
{
    public static readonly StrictRecordDecoder Instance = new();

    public long DecodeNumber(FieldDef field, ReadOnlySpan<byte> record)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!field.IsNumeric) throw new InvalidOperationException($"{field.Name} is not numeric");
        var raw = Slice(field, record);
        try
        {
            return field.Codec.DecodeUnscaled(raw);
        }
        catch (CobolDataException e)
        {
            throw new FieldDecodeException(field.Name, field.Offset, Convert.ToHexString(raw), e.Reason);
        }
    }

    public string DecodeText(FieldDef field, ReadOnlySpan<byte> record)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Encoding.Latin1.GetString(Slice(field, record));
    }

    /// <summary>The field's bytes; a record shorter than the field (variable / text records) is blank padded.</summary>
    public static ReadOnlySpan<byte> Slice(FieldDef field, ReadOnlySpan<byte> record)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Offset + field.Length <= record.Length) return record.Slice(field.Offset, field.Length);
        var buf = new byte[field.Length];
        Array.Fill(buf, (byte)' ');
        if (field.Offset < record.Length) record[field.Offset..].CopyTo(buf);
        return buf;
    }

    /// <summary>Writes an unscaled value into the field (used by tests and record transforms).</summary>
    public static void Encode(FieldDef f, long value, Span<byte> record)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!f.IsNumeric) throw new InvalidOperationException($"{f.Name} is not numeric");
        f.Codec.EncodeUnscaled(value, record.Slice(f.Offset, f.Length));
    }
}
