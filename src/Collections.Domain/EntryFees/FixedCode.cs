using System.Buffers.Binary;
using System.Text;

namespace Collections.Domain.EntryFees;

/// <summary>
/// A short fixed-width alphanumeric code of a record (HTS number, SPI, entry type, port, entry number: at most 16
/// Latin-1 characters) held by value in two 64-bit words, so lines can be classified without a string per field.
/// Compared ordinally, byte for byte, as COBOL compares PIC X fields of the same length.
/// </summary>
public readonly struct FixedCode : IEquatable<FixedCode>
{
    public const int MaxLength = 16;

    private readonly ulong _lo;   // characters 0-7, character 0 in the low byte
    private readonly ulong _hi;   // characters 8-15
    private readonly byte _length;

    private FixedCode(ulong lo, ulong hi, int length)
    {
        _lo = lo;
        _hi = hi;
        _length = (byte)length;
    }

    /// <summary>Number of characters.</summary>
    public int Length => _length;

    /// <summary>The code of <paramref name="latin1"/> (1 byte per character, at most <see cref="MaxLength"/>).</summary>
    public static FixedCode FromLatin1(ReadOnlySpan<byte> latin1)
    {
        if (latin1.Length > MaxLength) throw new ArgumentException($"a code has at most {MaxLength} characters, not {latin1.Length}", nameof(latin1));
        ulong lo, hi = 0;
        if (latin1.Length >= 8)
        {
            lo = BinaryPrimitives.ReadUInt64LittleEndian(latin1);
            hi = latin1.Length == 16 ? BinaryPrimitives.ReadUInt64LittleEndian(latin1[8..]) : Partial(latin1[8..]);
        }
        else lo = Partial(latin1);
        return new FixedCode(lo, hi, latin1.Length);
    }

    /// <summary>The code of <paramref name="text"/> (Latin-1 characters only).</summary>
    public static FixedCode From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength) throw new ArgumentException($"a code has at most {MaxLength} characters: '{text}'", nameof(text));
        Span<byte> bytes = stackalloc byte[MaxLength];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0xFF) throw new ArgumentException($"'{text}' is not Latin-1", nameof(text));
            bytes[i] = (byte)text[i];
        }
        return FromLatin1(bytes[..text.Length]);
    }

    public static implicit operator FixedCode(string text) => From(text);

    private static ulong Partial(ReadOnlySpan<byte> bytes)
    {
        ulong v = 0;
        for (var i = 0; i < bytes.Length; i++) v |= (ulong)bytes[i] << (8 * i);
        return v;
    }

    private static ulong Mask(int characters) => characters >= 8 ? ulong.MaxValue : (1UL << (8 * characters)) - 1;

    /// <summary>True when the code begins with <paramref name="prefix"/> (LC-HTS-NO(1:2) = '98').</summary>
    public bool StartsWith(FixedCode prefix)
    {
        var n = prefix._length;
        if (n > _length) return false;
        if (n <= 8) return (_lo & Mask(n)) == prefix._lo;
        return _lo == prefix._lo && (_hi & Mask(n - 8)) == prefix._hi;
    }

    /// <summary>True when every character is a space (or the code is empty): COBOL's <c>= SPACES</c>.</summary>
    public bool IsBlank
    {
        get
        {
            const ulong spaces = 0x2020202020202020UL;
            return _length <= 8
                ? _lo == (spaces & Mask(_length))
                : _lo == spaces && _hi == (spaces & Mask(_length - 8));
        }
    }

    public bool Equals(FixedCode other) => _lo == other._lo && _hi == other._hi && _length == other._length;

    public override bool Equals(object? obj) => obj is FixedCode other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_lo, _hi, _length);

    public static bool operator ==(FixedCode left, FixedCode right) => left.Equals(right);

    public static bool operator !=(FixedCode left, FixedCode right) => !left.Equals(right);

    /// <summary>Writes the characters (1 byte each) to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        Span<byte> bytes = stackalloc byte[MaxLength];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, _lo);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], _hi);
        bytes[.._length].CopyTo(destination);
    }

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[MaxLength];
        CopyTo(bytes);
        return Encoding.Latin1.GetString(bytes[.._length]);
    }
}
