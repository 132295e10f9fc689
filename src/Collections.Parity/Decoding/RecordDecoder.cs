using System.Text;
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
        long value = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            var hi = b >> 4;
            var lo = b & 0x0F;
            if (hi > 9) throw Error(f, raw, $"invalid digit nibble 0x{hi:X} in byte {i}");
            value = value * 10 + hi;
            if (i < raw.Length - 1)
            {
                if (lo > 9) throw Error(f, raw, $"invalid digit nibble 0x{lo:X} in byte {i}");
                value = value * 10 + lo;
            }
            else
            {
                switch (lo)
                {
                    case 0xC: break;
                    case 0xF: break;
                    case 0xD:
                        if (!f.Signed) throw Error(f, raw, "negative sign nibble 0xD in an unsigned field");
                        value = -value;
                        break;
                    default: throw Error(f, raw, $"invalid sign nibble 0x{lo:X}");
                }
            }
        }
        return value;
    }

    private static long DecodeZoned(FieldDef f, ReadOnlySpan<byte> raw)
    {
        long value = 0;
        var negative = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            int digit;
            if (b is >= (byte)'0' and <= (byte)'9') digit = b - '0';
            else if (f.Signed && i == raw.Length - 1)
            {
                // -fsign=EBCDIC on an ASCII file: '{' 'A'..'I' = +0..+9, '}' 'J'..'R' = -0..-9
                if (b == '{') digit = 0;
                else if (b is >= (byte)'A' and <= (byte)'I') digit = b - 'A' + 1;
                else if (b == '}') { digit = 0; negative = true; }
                else if (b is >= (byte)'J' and <= (byte)'R') { digit = b - 'J' + 1; negative = true; }
                else throw Error(f, raw, $"invalid sign byte 0x{b:X2} at position {i}");
            }
            else throw Error(f, raw, $"non-digit byte 0x{b:X2} at position {i}");
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private static FieldDecodeException Error(FieldDef f, ReadOnlySpan<byte> raw, string reason) =>
        new(f.Name, f.Offset, Convert.ToHexString(raw), reason);

    /// <summary>Writes an unscaled value into the field (used by tests and record transforms).</summary>
    public static void Encode(FieldDef f, long value, Span<byte> record)
    {
        var dst = record.Slice(f.Offset, f.Length);
        if (value < 0 && !f.Signed) throw new ArgumentOutOfRangeException(nameof(value), $"{f.Name} is unsigned");
        var abs = (ulong)Math.Abs(value);
        if (f.Kind == FieldKind.Packed)
        {
            var nibbles = new int[f.Length * 2];
            nibbles[^1] = !f.Signed ? 0xF : value < 0 ? 0xD : 0xC;
            for (var i = nibbles.Length - 2; i >= 0; i--) { nibbles[i] = (int)(abs % 10); abs /= 10; }
            if (abs != 0) throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit {f.Name}");
            for (var i = 0; i < f.Length; i++) dst[i] = (byte)((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
            return;
        }
        if (f.Kind != FieldKind.Zoned) throw new InvalidOperationException($"{f.Name} is not numeric");
        for (var i = f.Length - 1; i >= 0; i--) { dst[i] = (byte)('0' + (int)(abs % 10)); abs /= 10; }
        if (abs != 0) throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit {f.Name}");
        if (f.Signed)
        {
            var d = dst[^1] - '0';
            dst[^1] = value < 0 ? (d == 0 ? (byte)'}' : (byte)('J' + d - 1)) : (d == 0 ? (byte)'{' : (byte)('A' + d - 1));
        }
    }
}
