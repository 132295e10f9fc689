using System.Globalization;

namespace Collections.Cobol.Numerics;

/// <summary>
/// The content of a COMP-3 (PACKED-DECIMAL) field of at most 18 digits, byte for byte, with the readings GnuCOBOL
/// 3.1.2 applies to it. A field read from a file keeps its bytes even when they are not a valid packed number, so a
/// program that copies it (a MOVE between fields of the same PICTURE compiles to a byte copy) passes them on
/// unchanged, while arithmetic and comparisons use the lenient value libcob takes (<see cref="LenientNumeric"/>).
/// A value stored by an arithmetic statement (<see cref="Store"/>) is encoded as libcob encodes it. Equality is byte
/// equality (and the same PICTURE). Default value: an empty field of no digits (use <see cref="Zero"/>).
/// </summary>
public readonly struct PackedNumber : IEquatable<PackedNumber>
{
    private readonly UInt128 _bytes;   // the field's bytes, first byte most significant
    private readonly NumericPic _pic;

    private PackedNumber(UInt128 bytes, NumericPic pic)
    {
        _bytes = bytes;
        _pic = pic;
    }

    /// <summary>The field's PICTURE (digits, scale, sign).</summary>
    public NumericPic Pic => _pic;

    /// <summary>Bytes of the field: digits / 2 + 1.</summary>
    public int Length => _pic.Digits == 0 ? 0 : _pic.Digits / 2 + 1;

    private static void Check(NumericPic pic)
    {
        if (pic.Digits is < 1 or > 18) throw new ArgumentOutOfRangeException(nameof(pic), pic, "a packed field of 1 to 18 digits");
    }

    /// <summary>The field as it is stored in <paramref name="field"/> (digits / 2 + 1 bytes), valid or not.</summary>
    public static PackedNumber FromBytes(ReadOnlySpan<byte> field, NumericPic pic)
    {
        Check(pic);
        if (field.Length != pic.Digits / 2 + 1)
            throw new ArgumentException($"a packed field of {pic.Digits} digits is {pic.Digits / 2 + 1} bytes, got {field.Length}", nameof(field));
        return new PackedNumber(FieldBytes.Read(field), pic);
    }

    /// <summary>INITIALIZE / MOVE ZERO (cob_set_packed_zero): zero digits, sign C (F for an unsigned field).</summary>
    public static PackedNumber Zero(NumericPic pic)
    {
        Check(pic);
        return new PackedNumber(pic.Signed ? 0x0CU : 0x0FU, pic);
    }

    /// <summary>
    /// The field after an arithmetic statement without ROUNDED and without ON SIZE ERROR stored
    /// <paramref name="value"/> (cob_decimal_get_field): excess fraction digits truncated, high-order digits that do
    /// not fit dropped, sign C / D (F when unsigned, magnitude only). A zero result is written with sign C, except the
    /// negative zero libcob leaves when high-order truncation of a negative value keeps only zero digits (sign D).
    /// </summary>
    public static PackedNumber Store(CobolDecimal value, NumericPic pic)
    {
        Check(pic);
        var r = CobolArithmetic.Store(value, pic);
        var unscaled = r.Value.ToUnscaledInt64(pic.Scale);
        return Encode(unscaled, pic, r.NegativeZero);
    }

    /// <summary>A valid field holding <paramref name="unscaled"/> (at the field's scale; must fit its digits).</summary>
    public static PackedNumber FromUnscaled(long unscaled, NumericPic pic) => FromUnscaled(unscaled, pic, negativeZero: false);

    /// <summary>A valid field holding <paramref name="unscaled"/>; with <paramref name="negativeZero"/> a zero gets sign D (signed fields).</summary>
    public static PackedNumber FromUnscaled(long unscaled, NumericPic pic, bool negativeZero)
    {
        Check(pic);
        var limit = Pow10.Int128Table[pic.Digits];
        if (unscaled >= limit || unscaled <= -limit) throw new ArgumentOutOfRangeException(nameof(unscaled), unscaled, $"does not fit {pic}");
        if (unscaled < 0 && !pic.Signed) throw new ArgumentOutOfRangeException(nameof(unscaled), unscaled, "negative value for an unsigned field");
        return Encode(unscaled, pic, negativeZero && unscaled == 0 && pic.Signed);
    }

    private static PackedNumber Encode(long unscaled, NumericPic pic, bool negativeZero)
    {
        var negative = unscaled < 0 || negativeZero;
        var magnitude = unscaled < 0 ? (ulong)(-unscaled) : (ulong)unscaled;
        UInt128 b = pic.Signed ? (negative ? 0x0DU : 0x0CU) : 0x0FU;
        var shift = 4;
        for (var n = 0; n < pic.Digits; n++)
        {
            b |= (UInt128)(magnitude % 10) << shift;
            magnitude /= 10;
            shift += 4;
        }
        return new PackedNumber(b, pic);
    }

    /// <summary>Writes the field's bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length != Length) throw new ArgumentException($"{Length} bytes expected", nameof(destination));
        FieldBytes.Write(_bytes, destination);
    }

    /// <summary>The field's bytes.</summary>
    public byte[] ToArray()
    {
        var a = new byte[Length];
        CopyTo(a);
        return a;
    }

    /// <summary>The unscaled value libcob takes (<see cref="LenientNumeric.PackedUnscaled"/>).</summary>
    public long Unscaled
    {
        get
        {
            Span<byte> f = stackalloc byte[10];
            f = f[..Length];
            CopyTo(f);
            return LenientNumeric.PackedUnscaled(f, _pic.Digits);
        }
    }

    /// <summary>The value libcob takes in arithmetic and comparisons, at the field's scale.</summary>
    public CobolDecimal Value => CobolDecimal.FromUnscaled(Unscaled, _pic.Scale);

    /// <summary>The class condition IS NUMERIC (digit nibbles 0-9, sign C or D, or F when unsigned).</summary>
    public bool IsNumeric
    {
        get
        {
            Span<byte> f = stackalloc byte[10];
            f = f[..Length];
            CopyTo(f);
            return Codecs.CobolNumericClass.IsPacked(f, _pic.Signed);
        }
    }

    /// <summary>The sign nibble (low nibble of the last byte): C, D, F for valid fields.</summary>
    public int SignNibble => (int)(_bytes & 0x0F);

    /// <summary>The comparison with ZERO as cobc compiles it (cob_cmp_llint: the lenient value's sign): -1, 0 or 1.</summary>
    public int CompareToZero() => Math.Sign(Unscaled);

    /// <summary>A numeric comparison of two fields (cob_numeric_cmp on the lenient values).</summary>
    public static int Compare(PackedNumber a, PackedNumber b) => a.Value.CompareTo(b.Value);

    public bool Equals(PackedNumber other) => _bytes == other._bytes && _pic == other._pic;

    public override bool Equals(object? obj) => obj is PackedNumber p && Equals(p);

    public override int GetHashCode() => HashCode.Combine(_bytes, _pic);

    public static bool operator ==(PackedNumber a, PackedNumber b) => a.Equals(b);

    public static bool operator !=(PackedNumber a, PackedNumber b) => !a.Equals(b);

    /// <summary>The value ("-12.34"), followed by the raw bytes in hex when the field is not a valid packed number.</summary>
    public override string ToString() =>
        IsNumeric ? Value.ToString() : string.Create(CultureInfo.InvariantCulture, $"{Value} (X'{Convert.ToHexString(ToArray())}')");
}

/// <summary>A field of up to 16 bytes held in a <see cref="UInt128"/>, first byte most significant (so integer order is byte order).</summary>
internal static class FieldBytes
{
    public static UInt128 Read(ReadOnlySpan<byte> field)
    {
        UInt128 b = 0;
        foreach (var x in field) b = (b << 8) | x;
        return b;
    }

    public static void Write(UInt128 bytes, Span<byte> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)(bytes & 0xFF);
            bytes >>= 8;
        }
    }
}
