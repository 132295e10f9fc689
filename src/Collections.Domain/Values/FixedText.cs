using System.Buffers.Binary;

namespace Collections.Domain.Values;

/// <summary>
/// Fixed-width legacy text (PIC X(n)) compared as the legacy compares it: byte for byte. Reference data holds such
/// codes as strings of one char per byte (Latin-1); a record being processed holds them as bytes. These helpers
/// compare the two without making a string, and pack short codes into integers for table look-ups.
/// </summary>
public static class FixedText
{
    /// <summary>True when <paramref name="text"/> (one char per byte) has exactly the bytes of <paramref name="bytes"/>.</summary>
    public static bool Equal(string text, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != bytes.Length) return false;
        for (var i = 0; i < bytes.Length; i++)
            if (text[i] != bytes[i]) return false;
        return true;
    }

    /// <summary>True when every byte is a space (and for an empty field).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) if (b != (byte)' ') return false;
        return true;
    }

    /// <summary>Two bytes as one number (a country, SPI or stacking group code).</summary>
    public static ushort Key2(ReadOnlySpan<byte> bytes) => bytes.Length == 2
        ? BinaryPrimitives.ReadUInt16LittleEndian(bytes)
        : throw new ArgumentException("two bytes expected", nameof(bytes));

    /// <summary>A two-char code as <see cref="Key2(ReadOnlySpan{byte})"/> gives it; null when not two Latin-1 chars.</summary>
    public static ushort? Key2(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != 2 || text[0] > 0xFF || text[1] > 0xFF) return null;
        return (ushort)(text[0] | text[1] << 8);
    }

    /// <summary>The Latin-1 bytes of <paramref name="text"/> into <paramref name="bytes"/>; false when a char is above U+00FF or the lengths differ.</summary>
    public static bool TryLatin1(string text, Span<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != bytes.Length) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0xFF) return false;
            bytes[i] = (byte)text[i];
        }
        return true;
    }
}

/// <summary>A ten-byte code (HTS number, Chapter 99 heading, AD/CVD case number) packed for hashing and comparison.</summary>
public readonly record struct Key10(ulong Head, ushort Tail)
{
    public static Key10 Of(ReadOnlySpan<byte> bytes) => bytes.Length == 10
        ? new(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]))
        : throw new ArgumentException("ten bytes expected", nameof(bytes));

    /// <summary>The key of a ten-char code; null when not ten Latin-1 chars (no record can hold it).</summary>
    public static Key10? Of(string text)
    {
        Span<byte> b = stackalloc byte[10];
        return FixedText.TryLatin1(text, b) ? Of(b) : null;
    }

    public bool Equals(Key10 other) => Head == other.Head && Tail == other.Tail;

    public override int GetHashCode() => unchecked((int)((Head * 0x9E3779B97F4A7C15UL) >> 32) ^ (Tail * 0x45D9F3B));
}
