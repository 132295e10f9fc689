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
        if (value.Scale == pic.Scale && value.TryGetUnscaled(out long v) && v != long.MinValue)
        {
            // the value is already at the receiver's scale: only the sign and the high-order digits can change
            if (!pic.Signed && v < 0) v = -v;
            var limit = Pow10.Int64Table[pic.Digits];
            if (v < limit && v > -limit) return Encode(v, pic, false);
            var kept = v % limit;
            return Encode(kept, pic, kept == 0 && v < 0);
        }
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
        ulong sign = pic.Signed ? (negative ? 0x0DU : 0x0CU) : 0x0FU;
        // the magnitude has at most pic.Digits digits (callers check); digit k goes to nibble k + 1
        var low = Bcd.Encode16(magnitude % 10_000_000_000_000_000, out _);
        var high = magnitude / 10_000_000_000_000_000;   // at most two more digits (18-digit fields)
        UInt128 b = ((UInt128)(((high / 10) << 4) | (high % 10)) << 68) | ((UInt128)low << 4) | sign;
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
            // every digit nibble at its raw value (0-15) in its decimal position; an even count's pad nibble is not a digit
            var digits = _pic.Digits;
            var nibbles = _bytes >> 4;
            ulong low = unchecked((ulong)nibbles);
            long value;
            if (digits < 16) value = (long)Bcd.DecodeLenient16(low & ((1UL << (4 * digits)) - 1));
            else
            {
                value = (long)Bcd.DecodeLenient16(low);
                if (digits > 16)
                {
                    var high = (ulong)(nibbles >> 64);
                    var extra = digits == 17 ? high & 0x0F : (high & 0x0F) + ((high >> 4 & 0x0F) * 10);
                    value += (long)extra * 10_000_000_000_000_000;
                }
            }
            return (_bytes & 0x0F) == 0x0D ? -value : value;
        }
    }

    /// <summary>The value libcob takes in arithmetic and comparisons, at the field's scale.</summary>
    public CobolDecimal Value => CobolDecimal.FromUnscaled(Unscaled, _pic.Scale);

    /// <summary>The class condition IS NUMERIC (digit nibbles 0-9, sign C or D, or F when unsigned).</summary>
    public bool IsNumeric
    {
        get
        {
            var sign = (int)(_bytes & 0x0F);
            if (_pic.Signed ? sign is not (0x0C or 0x0D) : sign != 0x0F) return false;
            // every nibble of the field but the sign (the pad nibble of an even digit count included) must be 0-9
            var nibbles = (2 * Length) - 1;
            var rest = _bytes >> 4;
            if (nibbles > 16)
            {
                var high = (ulong)(rest >> 64) & ((1UL << (4 * (nibbles - 16))) - 1);
                if (Bcd.HasNibbleAbove9(high)) return false;
                nibbles = 16;
            }
            var low = unchecked((ulong)rest);
            if (nibbles < 16) low &= (1UL << (4 * nibbles)) - 1;
            return !Bcd.HasNibbleAbove9(low);
        }
    }

    /// <summary>The sign nibble (low nibble of the last byte): C, D, F for valid fields.</summary>
    public int SignNibble => (int)(_bytes & 0x0F);

    /// <summary>The comparison with ZERO as cobc compiles it (cob_cmp_llint: the lenient value's sign): -1, 0 or 1.</summary>
    public int CompareToZero() => Math.Sign(Unscaled);

    /// <summary>A numeric comparison of two fields (cob_numeric_cmp on the lenient values).</summary>
    public static int Compare(PackedNumber a, PackedNumber b) =>
        a._pic.Scale == b._pic.Scale ? a.Unscaled.CompareTo(b.Unscaled) : a.Value.CompareTo(b.Value);

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
        if (field.Length <= 8) return ReadUpTo8(field);
        return ((UInt128)ReadUpTo8(field[..^8]) << 64) | System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(field[^8..]);
    }

    private static ulong ReadUpTo8(ReadOnlySpan<byte> field)
    {
        if (field.Length == 8) return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(field);
        ulong b = 0;
        foreach (var x in field) b = (b << 8) | x;
        return b;
    }

    public static void Write(UInt128 bytes, Span<byte> destination)
    {
        if (destination.Length > 8)
        {
            WriteUpTo8((ulong)(bytes >> 64), destination[..^8]);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[^8..], unchecked((ulong)bytes));
        }
        else WriteUpTo8(unchecked((ulong)bytes), destination);
    }

    private static void WriteUpTo8(ulong bytes, Span<byte> destination)
    {
        if (destination.Length == 8)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination, bytes);
            return;
        }
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = unchecked((byte)bytes);
            bytes >>= 8;
        }
    }
}

/// <summary>Nibble and byte arithmetic on 64-bit words (SWAR) for packed and DISPLAY digits.</summary>
internal static class Bcd
{
    private const ulong Low4 = 0x0F0F_0F0F_0F0F_0F0F, Low8 = 0x00FF_00FF_00FF_00FF, Low16 = 0x0000_FFFF_0000_FFFF;

    /// <summary>
    /// The value of 16 nibbles, nibble k (bits 4k..4k+3) weighing 10^k, each taken at its raw value 0-15 (libcob's
    /// lenient reading: a nibble A adds 10 at its place). Lanes never overflow: 15 + 150, 165 + 16,500, ... fit.
    /// </summary>
    public static ulong DecodeLenient16(ulong x)
    {
        unchecked
        {
            var t = (x & Low4) + (((x >> 4) & Low4) * 10);
            t = (t & Low8) + (((t >> 8) & Low8) * 100);
            t = (t & Low16) + (((t >> 16) & Low16) * 10_000);
            return (t & 0xFFFF_FFFF) + ((t >> 32) * 100_000_000);
        }
    }

    /// <summary>The value of eight digit bytes 0-9 (already masked to their low nibbles), the last byte the units.</summary>
    public static ulong DecodeDigitBytes8(ulong x)
    {
        unchecked
        {
            // byte k weighs 10^k: pairs of bytes, then pairs of 16-bit lanes, then the two halves
            var t = (x & Low8) + (((x >> 8) & Low8) * 10);
            t = (t & Low16) + (((t >> 16) & Low16) * 100);
            return (t & 0xFFFF_FFFF) + ((t >> 32) * 10_000);
        }
    }

    /// <summary>True when a nibble of <paramref name="x"/> is above 9.</summary>
    public static bool HasNibbleAbove9(ulong x)
    {
        unchecked
        {
            // a nibble v is above 9 when its bit 3 is set and its low three bits are 2 or more (low3 + 6 sets bit 3)
            return ((x & 0x8888_8888_8888_8888) & ((x & 0x7777_7777_7777_7777) + 0x6666_6666_6666_6666)) != 0;
        }
    }

    private static readonly ushort[] PairTable = BuildPairs();

    private static ushort[] BuildPairs()
    {
        var t = new ushort[100];
        for (var i = 0; i < 100; i++) t[i] = (ushort)(((i / 10) << 4) | (i % 10));
        return t;
    }

    /// <summary>The low 16 decimal digits of <paramref name="value"/> as nibbles (digit k in nibble k); the rest in <paramref name="rest"/>.</summary>
    public static ulong Encode16(ulong value, out ulong rest)
    {
        ulong b = 0;
        var shift = 0;
        while (value != 0 && shift < 64)
        {
            var q = value / 100;
            b |= (ulong)PairTable[(int)(value - (q * 100))] << shift;
            value = q;
            shift += 8;
        }
        rest = value;
        return b;
    }
}
