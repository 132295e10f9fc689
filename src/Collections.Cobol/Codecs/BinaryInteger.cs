using System.Buffers.Binary;

namespace Collections.Cobol.Codecs;

/// <summary>
/// Two's-complement binary integers: big-endian for COMP, COMP-4 and BINARY (as cobc stores them, and IBM),
/// native little-endian for COMP-5 on x86/ARM. Sizes 1, 2, 4 and 8 bytes (cobc's -fbinary-size=1-2-4-8; 2-4-8 never
/// uses 1). PIC-digit truncation is not applied here.
/// </summary>
public static class BinaryInteger
{
    /// <summary>Reads a 1/2/4/8-byte integer. An unsigned 8-byte value above <see cref="long.MaxValue"/> is a
    /// <see cref="CobolDataException"/> (no PIC can hold it).</summary>
    public static long Decode(ReadOnlySpan<byte> field, int byteLength, bool signed, bool bigEndian)
    {
        if (field.Length != byteLength)
            throw new ArgumentException($"binary field is {byteLength} bytes, got {field.Length}", nameof(field));
        switch (byteLength)
        {
            case 1:
                return signed ? unchecked((sbyte)field[0]) : field[0];
            case 2:
                return bigEndian
                    ? (signed ? BinaryPrimitives.ReadInt16BigEndian(field) : BinaryPrimitives.ReadUInt16BigEndian(field))
                    : (signed ? BinaryPrimitives.ReadInt16LittleEndian(field) : BinaryPrimitives.ReadUInt16LittleEndian(field));
            case 4:
                return bigEndian
                    ? (signed ? BinaryPrimitives.ReadInt32BigEndian(field) : BinaryPrimitives.ReadUInt32BigEndian(field))
                    : (signed ? BinaryPrimitives.ReadInt32LittleEndian(field) : BinaryPrimitives.ReadUInt32LittleEndian(field));
            case 8:
                if (signed)
                    return bigEndian ? BinaryPrimitives.ReadInt64BigEndian(field) : BinaryPrimitives.ReadInt64LittleEndian(field);
                var u = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(field) : BinaryPrimitives.ReadUInt64LittleEndian(field);
                if (u > long.MaxValue)
                    throw new CobolDataException("unsigned 8-byte binary value exceeds 18 digits", field);
                return (long)u;
            default:
                throw new ArgumentOutOfRangeException(nameof(byteLength), byteLength, "binary length must be 1, 2, 4 or 8");
        }
    }

    /// <summary>Writes a 1/2/4/8-byte integer; <see cref="ArgumentOutOfRangeException"/> if it does not fit the
    /// size or is negative for an unsigned field.</summary>
    public static void Encode(long value, Span<byte> field, int byteLength, bool signed, bool bigEndian)
    {
        if (field.Length != byteLength)
            throw new ArgumentException($"binary field is {byteLength} bytes, got {field.Length}", nameof(field));
        if (!signed && value < 0)
            throw new ArgumentOutOfRangeException(nameof(value), value, "negative value for an unsigned binary field");
        var (min, max) = Range(byteLength, signed);
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"value does not fit in {byteLength} bytes");
        switch (byteLength)
        {
            case 1:
                field[0] = unchecked((byte)value);
                break;
            case 2:
                if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(field, unchecked((ushort)value));
                else BinaryPrimitives.WriteUInt16LittleEndian(field, unchecked((ushort)value));
                break;
            case 4:
                if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(field, unchecked((uint)value));
                else BinaryPrimitives.WriteUInt32LittleEndian(field, unchecked((uint)value));
                break;
            default:
                if (bigEndian) BinaryPrimitives.WriteInt64BigEndian(field, value);
                else BinaryPrimitives.WriteInt64LittleEndian(field, value);
                break;
        }
    }

    /// <summary>Storage size cobc gives a binary field of <paramref name="digits"/> PIC digits.
    /// <paramref name="sizes"/> is the -fbinary-size option.</summary>
    public static int ByteLengthFor(int digits, BinarySizes sizes)
    {
        if (digits < 1 || digits > 18)
            throw new ArgumentOutOfRangeException(nameof(digits), digits, "binary fields hold 1 to 18 digits");
        if (sizes == BinarySizes.Size1248 && digits <= 2) return 1;
        if (digits <= 4) return 2;
        if (digits <= 9) return 4;
        return 8;
    }

    private static (long Min, long Max) Range(int byteLength, bool signed) => byteLength switch
    {
        1 => signed ? (sbyte.MinValue, sbyte.MaxValue) : (0, byte.MaxValue),
        2 => signed ? (short.MinValue, short.MaxValue) : (0, ushort.MaxValue),
        4 => signed ? (int.MinValue, int.MaxValue) : (0, uint.MaxValue),
        8 => (signed ? long.MinValue : 0, long.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(byteLength), byteLength, "binary length must be 1, 2, 4 or 8"),
    };
}

/// <summary>cobc's -fbinary-size option: which storage sizes binary fields get.</summary>
public enum BinarySizes
{
    /// <summary>-fbinary-size=2-4-8 (the legacy's flag, IBM halfword/fullword/doubleword): 1-4 digits 2 bytes, 5-9 4, 10-18 8.</summary>
    Size248,

    /// <summary>-fbinary-size=1-2-4-8: 1-2 digits 1 byte, 3-4 2, 5-9 4, 10-18 8.</summary>
    Size1248,
}
