using System.Globalization;

namespace Collections.Cobol.Numerics;

/// <summary>
/// The content of an unsigned DISPLAY integer field (PIC 9(n), n at most 16), byte for byte, with the readings
/// GnuCOBOL 3.1.2 applies to it. A field read from a file keeps its bytes even when they are not digits: a MOVE to a
/// field of the same PICTURE copies them, a comparison with another such field compares the bytes (cobc compiles it
/// to memcmp), and arithmetic takes the lenient values of <see cref="LenientNumeric"/>. Equality and
/// <see cref="CompareTo"/> are byte comparisons. Default value: an empty field (use <see cref="FromValue"/>).
/// </summary>
public readonly struct DisplayNumber : IEquatable<DisplayNumber>, IComparable<DisplayNumber>
{
    public const int MaxLength = 16;

    private readonly UInt128 _bytes;   // first byte most significant, so the integer order is the byte order
    private readonly byte _length;

    private DisplayNumber(UInt128 bytes, int length)
    {
        _bytes = bytes;
        _length = (byte)length;
    }

    /// <summary>Digit positions (bytes) of the field.</summary>
    public int Length => _length;

    private static void Check(int length)
    {
        if (length is < 1 or > MaxLength) throw new ArgumentOutOfRangeException(nameof(length), length, "1 to 16 bytes");
    }

    /// <summary>The field as stored, digits or not.</summary>
    public static DisplayNumber FromBytes(ReadOnlySpan<byte> field)
    {
        Check(field.Length);
        return new DisplayNumber(FieldBytes.Read(field), field.Length);
    }

    /// <summary>
    /// The field after storing <paramref name="value"/> as a MOVE or an arithmetic statement without ON SIZE ERROR
    /// does: the magnitude's low-order <paramref name="length"/> digits (the sign is dropped, high-order digits lost).
    /// </summary>
    public static DisplayNumber FromValue(long value, int length)
    {
        Check(length);
        var m = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        // the low-order digits in two words of eight digit bytes, '0' = 0x30 in every byte position
        var low = Digits8(m % 100_000_000);
        UInt128 b = low;
        if (length > 8) b |= (UInt128)Digits8(m / 100_000_000 % 100_000_000) << 64;
        if (length < 16) b &= (UInt128.One << (8 * length)) - 1;
        return new DisplayNumber(b, length);
    }

    /// <summary>The eight decimal digits of <paramref name="value"/> (below 10^8) as bytes '0'-'9', the last digit in the lowest byte.</summary>
    private static ulong Digits8(ulong value)
    {
        ulong b = 0x3030_3030_3030_3030;
        var shift = 0;
        while (value != 0)
        {
            var q = value / 10;
            b += (value - (q * 10)) << shift;
            value = q;
            shift += 8;
        }
        return b;
    }

    /// <summary>Writes the field's bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length != _length) throw new ArgumentException($"{_length} bytes expected", nameof(destination));
        FieldBytes.Write(_bytes, destination);
    }

    /// <summary>The field's bytes.</summary>
    public byte[] ToArray()
    {
        var a = new byte[_length];
        CopyTo(a);
        return a;
    }

    /// <summary>The class condition IS NUMERIC: every byte '0'-'9'.</summary>
    public bool IsNumeric
    {
        get
        {
            if (_length == 0) return false;
            return AllDigits(unchecked((ulong)_bytes), Math.Min((int)_length, 8)) && (_length <= 8 || AllDigits((ulong)(_bytes >> 64), _length - 8));
        }
    }

    /// <summary>True when the low <paramref name="count"/> bytes of <paramref name="word"/> are '0'-'9'.</summary>
    private static bool AllDigits(ulong word, int count)
    {
        var mask = count == 8 ? ulong.MaxValue : (1UL << (8 * count)) - 1;
        unchecked
        {
            // every byte 0x30-0x39: high nibble 3, low nibble not above 9 (bit 3 set with low three bits of 2 or more)
            if ((((word & 0xF0F0_F0F0_F0F0_F0F0) ^ 0x3030_3030_3030_3030) & mask) != 0) return false;
            return ((word & 0x0808_0808_0808_0808) & ((word & 0x0707_0707_0707_0707) + 0x0606_0606_0606_0606) & mask) == 0;
        }
    }

    /// <summary>The value of a field of digits only (at most 16 bytes).</summary>
    private long DigitsValue()
    {
        var low = unchecked((ulong)_bytes) & 0x0F0F_0F0F_0F0F_0F0F;
        var value = (long)Bcd.DecodeDigitBytes8(low);
        if (_length <= 8) return value;
        var high = (ulong)(_bytes >> 64) & 0x0F0F_0F0F_0F0F_0F0F;
        return value + ((long)Bcd.DecodeDigitBytes8(high) * 100_000_000);
    }

    /// <summary>The integer cob_get_int takes (<see cref="LenientNumeric.UnsignedDisplayGetInt"/>).</summary>
    public int GetInt()
    {
        if (_length <= 9 && IsNumeric) return (int)DigitsValue();   // digits only: no wrapping below 10^9
        Span<byte> f = stackalloc byte[MaxLength];
        f = f[.._length];
        CopyTo(f);
        return LenientNumeric.UnsignedDisplayGetInt(f);
    }

    /// <summary>The value the field has as an arithmetic operand (<see cref="LenientNumeric.UnsignedDisplayUnscaled"/>).</summary>
    public CobolDecimal Value
    {
        get
        {
            if (IsNumeric) return CobolDecimal.FromUnscaled(DigitsValue(), 0);
            Span<byte> f = stackalloc byte[MaxLength];
            f = f[.._length];
            CopyTo(f);
            return CobolDecimal.FromUnscaled(LenientNumeric.UnsignedDisplayUnscaled(f), 0);
        }
    }

    /// <summary>
    /// ADD <paramref name="addend"/> TO this field, the addend an integer (cob_add_int): a zero addend leaves the
    /// field's bytes as they are; otherwise the lenient value plus the addend is stored (sign dropped, high-order
    /// digits lost).
    /// </summary>
    public DisplayNumber AddInt(int addend)
    {
        if (addend == 0) return this;
        if (IsNumeric)
        {
            var total = DigitsValue() + addend;   // at most 10^16 + 2^31: no overflow
            return FromValue(Math.Abs(total) % Pow10.Int64Table[_length], _length);
        }
        var sum = Value + CobolDecimal.FromInt64(addend);
        var magnitude = System.Numerics.BigInteger.Abs(sum.Unscaled) % System.Numerics.BigInteger.Pow(10, _length);
        return FromValue((long)magnitude, _length);
    }

    /// <summary>Byte comparison (memcmp) with a field of the same length, as cobc compiles a comparison of two such fields.</summary>
    public int CompareTo(DisplayNumber other)
    {
        if (other._length != _length) throw new ArgumentException("fields of different lengths", nameof(other));
        return _bytes.CompareTo(other._bytes);
    }

    public bool Equals(DisplayNumber other) => _bytes == other._bytes && _length == other._length;

    public override bool Equals(object? obj) => obj is DisplayNumber d && Equals(d);

    public override int GetHashCode() => HashCode.Combine(_bytes, _length);

    public static bool operator ==(DisplayNumber a, DisplayNumber b) => a.Equals(b);
    public static bool operator !=(DisplayNumber a, DisplayNumber b) => !a.Equals(b);
    public static bool operator <(DisplayNumber a, DisplayNumber b) => a.CompareTo(b) < 0;
    public static bool operator >(DisplayNumber a, DisplayNumber b) => a.CompareTo(b) > 0;
    public static bool operator <=(DisplayNumber a, DisplayNumber b) => a.CompareTo(b) <= 0;
    public static bool operator >=(DisplayNumber a, DisplayNumber b) => a.CompareTo(b) >= 0;

    /// <summary>The bytes as text when they are digits, else the hex of the bytes (X'...').</summary>
    public override string ToString()
    {
        var a = ToArray();
        return IsNumeric ? System.Text.Encoding.ASCII.GetString(a) : string.Create(CultureInfo.InvariantCulture, $"X'{Convert.ToHexString(a)}'");
    }
}
