using System.Numerics;
using Collections.Cobol.Codecs;
using Collections.Cobol.Numerics;

namespace Collections.Cobol.Tests.Numerics;

/// <summary>
/// The word-parallel readings of <see cref="PackedNumber"/> and <see cref="DisplayNumber"/> against the byte-by-byte
/// references they replace (<see cref="LenientNumeric"/>, <see cref="CobolNumericClass"/>, <see cref="CobolArithmetic.Store(CobolDecimal, NumericPic, CobolRoundingMode, bool)"/>),
/// on random fields of every size, valid and damaged.
/// </summary>
public class FastFieldPathTests
{
    private static byte RandomPackedByte(Random r) => r.Next(4) switch
    {
        0 => (byte)r.Next(256),                               // anything, nibbles above 9 included
        _ => (byte)((r.Next(10) << 4) | r.Next(10)),          // two digits
    };

    [Fact]
    public void Packed_UnscaledAndIsNumeric_AsTheByteReadings()
    {
        var r = new Random(20261203);
        for (var digits = 1; digits <= 18; digits++)
            foreach (var signed in new[] { true, false })
            {
                var pic = new NumericPic(digits, Math.Min(2, digits), signed);
                var field = new byte[(digits / 2) + 1];
                for (var n = 0; n < 3000; n++)
                {
                    for (var i = 0; i < field.Length; i++) field[i] = RandomPackedByte(r);
                    var sign = r.Next(8) switch { 0 => r.Next(16), 1 or 2 or 3 => 0x0C, 4 or 5 => 0x0D, _ => 0x0F };
                    field[^1] = (byte)((field[^1] & 0xF0) | sign);
                    if (r.Next(4) == 0 && digits % 2 == 0) field[0] &= 0x0F;   // a clean pad nibble
                    var p = PackedNumber.FromBytes(field, pic);
                    var hex = Convert.ToHexString(field);
                    p.Unscaled.Should().Be(LenientNumeric.PackedUnscaled(field, digits), hex);
                    p.IsNumeric.Should().Be(CobolNumericClass.IsPacked(field, signed), hex);
                    p.CompareToZero().Should().Be(Math.Sign(LenientNumeric.PackedUnscaled(field, digits)), hex);
                }
            }
    }

    [Fact]
    public void Packed_Store_AsCobolArithmeticStore()
    {
        var r = new Random(7);
        for (var digits = 1; digits <= 18; digits++)
            foreach (var signed in new[] { true, false })
                for (var scale = 0; scale <= Math.Min(3, digits); scale++)
                {
                    var pic = new NumericPic(digits, scale, signed);
                    for (var n = 0; n < 2000; n++)
                    {
                        var magnitude = (long)(r.NextDouble() * Math.Pow(10, r.Next(0, 19)));
                        if (n % 50 == 0) magnitude = (long)Pow10(Math.Min(18, digits)) * r.Next(0, 9);   // exact multiples: negative zero
                        var unscaled = r.Next(2) == 0 ? -magnitude : magnitude;
                        var valueScale = r.Next(3) == 0 ? r.Next(0, 5) : scale;
                        var value = CobolDecimal.FromUnscaled(unscaled, valueScale);
                        var expected = CobolArithmetic.Store(value, pic);
                        var reference = PackedNumber.FromUnscaled(expected.Value.ToUnscaledInt64(scale), pic, expected.NegativeZero);
                        Convert.ToHexString(PackedNumber.Store(value, pic).ToArray())
                            .Should().Be(Convert.ToHexString(reference.ToArray()), $"{value} into {pic}");
                    }
                }
    }

    [Fact]
    public void Packed_Compare_AsTheDecimalValues()
    {
        var r = new Random(3);
        var a = new NumericPic(13, 2, true);
        var b = new NumericPic(11, 2, true);
        var c = new NumericPic(9, 4, true);
        for (var n = 0; n < 5000; n++)
        {
            var x = PackedNumber.FromUnscaled(r.NextInt64(-999_999_999_999, 999_999_999_999), a);
            var y = PackedNumber.FromUnscaled(r.NextInt64(-99_999_999_999, 99_999_999_999), b);
            var z = PackedNumber.FromUnscaled(r.NextInt64(-999_999_999, 999_999_999), c);
            PackedNumber.Compare(x, y).Should().Be(x.Value.CompareTo(y.Value));
            PackedNumber.Compare(x, z).Should().Be(x.Value.CompareTo(z.Value));
            PackedNumber.Compare(x, x).Should().Be(0);
        }
    }

    [Fact]
    public void Display_Readings_AsTheByteReadings()
    {
        var r = new Random(11);
        for (var length = 1; length <= DisplayNumber.MaxLength; length++)
        {
            var field = new byte[length];
            for (var n = 0; n < 3000; n++)
            {
                for (var i = 0; i < length; i++)
                    field[i] = r.Next(6) switch
                    {
                        0 when n % 3 == 0 => (byte)r.Next(256),
                        1 when n % 3 == 0 => (byte)(r.Next(2) == 0 ? '0' - 1 : '9' + 1),
                        _ => (byte)('0' + r.Next(10)),
                    };
                var d = DisplayNumber.FromBytes(field);
                var text = Convert.ToHexString(field);
                d.IsNumeric.Should().Be(CobolNumericClass.IsUnsignedDisplay(field), text);
                d.GetInt().Should().Be(LenientNumeric.UnsignedDisplayGetInt(field), text);
                d.Value.Should().Be(CobolDecimal.FromUnscaled(LenientNumeric.UnsignedDisplayUnscaled(field), 0), text);
                var addend = r.Next(3) switch { 0 => 1, 1 => -r.Next(1000), _ => r.Next() };
                var sum = BigInteger.Abs(LenientNumeric.UnsignedDisplayUnscaled(field) + addend) % BigInteger.Pow(10, length);
                d.AddInt(addend).ToArray().Should().Equal(addend == 0 ? field : DigitsOf(sum, length), text);
            }
        }
    }

    [Fact]
    public void Display_FromValue_TheLowOrderDigitsOfTheMagnitude()
    {
        var r = new Random(5);
        var values = new List<long> { 0, 1, -1, long.MaxValue, long.MinValue, 99_999_999, 100_000_000, -100_000_000 };
        for (var n = 0; n < 5000; n++) values.Add(r.NextInt64(long.MinValue, long.MaxValue) >> r.Next(0, 63));
        foreach (var v in values)
            for (var length = 1; length <= DisplayNumber.MaxLength; length++)
            {
                var magnitude = BigInteger.Abs(v) % BigInteger.Pow(10, length);
                DisplayNumber.FromValue(v, length).ToArray().Should().Equal(DigitsOf(magnitude, length), $"{v} in {length}");
            }
    }

    private static byte[] DigitsOf(BigInteger value, int length) =>
        System.Text.Encoding.ASCII.GetBytes(value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(length, '0'));

    private static BigInteger Pow10(int n) => BigInteger.Pow(10, n);
}
