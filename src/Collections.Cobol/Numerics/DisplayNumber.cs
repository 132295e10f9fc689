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
        var m = value < 0 ? (UInt128)(ulong)(-(value + 1)) + 1 : (UInt128)(ulong)value;
        UInt128 b = 0;
        var shift = 0;
        for (var i = 0; i < length; i++)
        {
            b |= (UInt128)((byte)'0' + (byte)(m % 10)) << shift;
            m /= 10;
            shift += 8;
        }
        return new DisplayNumber(b, length);
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
            var b = _bytes;
            for (var i = 0; i < _length; i++)
            {
                var c = (byte)(b & 0xFF);
                if (c is < (byte)'0' or > (byte)'9') return false;
                b >>= 8;
            }
            return _length > 0;
        }
    }

    /// <summary>The integer cob_get_int takes (<see cref="LenientNumeric.UnsignedDisplayGetInt"/>).</summary>
    public int GetInt()
    {
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
