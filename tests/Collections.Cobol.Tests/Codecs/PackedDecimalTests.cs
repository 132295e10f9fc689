using Collections.Cobol.Codecs;

namespace Collections.Cobol.Tests.Codecs;

public sealed class PackedDecimalTests
{
    [Theory]
    [InlineData(new byte[] { 0x12, 0x3C }, 3, true, 123)]
    [InlineData(new byte[] { 0x12, 0x3D }, 3, true, -123)]
    [InlineData(new byte[] { 0x12, 0x3F }, 3, false, 123)]
    [InlineData(new byte[] { 0x12, 0x3F }, 3, true, 123)]
    [InlineData(new byte[] { 0x01, 0x23, 0x4C }, 4, true, 1234)]
    [InlineData(new byte[] { 0x00, 0x00, 0x0D }, 4, true, 0)]
    public void Decode_ValidSigns_ReturnsValue(byte[] field, int digits, bool signed, long expected) =>
        PackedDecimal.Decode(field, digits, signed).Should().Be(expected);

    [Theory]
    [InlineData(new byte[] { 0x12, 0x3A }, "invalid sign nibble 0xA")]
    [InlineData(new byte[] { 0x12, 0x3B }, "invalid sign nibble 0xB")]
    [InlineData(new byte[] { 0x12, 0x3E }, "invalid sign nibble 0xE")]
    [InlineData(new byte[] { 0x12, 0x30 }, "invalid sign nibble 0x0")]
    [InlineData(new byte[] { 0x1A, 0x3C }, "invalid digit nibble 0xA in byte 0")]
    [InlineData(new byte[] { 0x40, 0x40 }, "invalid sign nibble 0x0")]
    [InlineData(new byte[] { 0x12, 0xFC }, "invalid digit nibble 0xF in byte 1")]
    public void Decode_Invalid_ThrowsWithReasonAndHex(byte[] field, string reason)
    {
        var act = () => PackedDecimal.Decode(field, 3, signed: true);
        var ex = act.Should().Throw<CobolDataException>().Which;
        ex.Reason.Should().Be(reason);
        ex.RawHex.Should().Be(Convert.ToHexString(field));
        PackedDecimal.TryDecode(field, 3, true, out _).Should().BeFalse();
    }

    [Fact]
    public void Decode_EvenDigitsWithNonZeroPadNibble_Throws()
    {
        var act = () => PackedDecimal.Decode([0x11, 0x23, 0x4C], 4, true);
        act.Should().Throw<CobolDataException>().Which.Reason.Should().Contain("pad nibble");
    }

    [Fact]
    public void Decode_NegativeInUnsignedField_Throws()
    {
        var act = () => PackedDecimal.Decode([0x12, 0x3D], 3, signed: false);
        act.Should().Throw<CobolDataException>().Which.Reason.Should().Contain("unsigned");
    }

    [Theory]
    [InlineData(new byte[] { 0x12, 0x3A }, 123)]
    [InlineData(new byte[] { 0x12, 0x3E }, 123)]
    [InlineData(new byte[] { 0x12, 0x3B }, -123)]
    public void Decode_IbmPolicy_AcceptsAlternateSigns(byte[] field, long expected) =>
        PackedDecimal.Decode(field, 3, true, PackedSignPolicy.Ibm).Should().Be(expected);

    [Theory]
    [InlineData(-91900L, 13, true, "0000000091900D")]
    [InlineData(91900L, 13, true, "0000000091900C")]
    [InlineData(5L, 3, false, "005F")]
    [InlineData(1234L, 4, true, "01234C")]
    public void Encode_WritesNibbles(long value, int digits, bool signed, string hex)
    {
        var buffer = new byte[PackedDecimal.ByteLength(digits)];
        PackedDecimal.Encode(value, buffer, digits, signed);
        Convert.ToHexString(buffer).Should().Be(hex);
    }

    [Theory]
    [InlineData(1000, 3, true)]
    [InlineData(10000, 4, true)]
    [InlineData(-1, 3, false)]
    public void Encode_DoesNotFit_ThrowsArgumentOutOfRange(long value, int digits, bool signed)
    {
        var act = () => PackedDecimal.Encode(value, new byte[PackedDecimal.ByteLength(digits)], digits, signed);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ByteLength_IsHalfDigitsPlusOne()
    {
        PackedDecimal.ByteLength(1).Should().Be(1);
        PackedDecimal.ByteLength(13).Should().Be(7);
        PackedDecimal.ByteLength(11).Should().Be(6);
        PackedDecimal.ByteLength(18).Should().Be(10);
    }

    [Fact]
    public void RoundTrip_RandomValues_AllDigitCounts()
    {
        var rng = new Random(42);
        for (var digits = 1; digits <= 18; digits++)
        {
            var limit = (long)Math.Pow(10, digits);
            for (var k = 0; k < 200; k++)
            {
                var v = rng.NextInt64(-limit + 1, limit);
                var buffer = new byte[PackedDecimal.ByteLength(digits)];
                PackedDecimal.Encode(v, buffer, digits, true);
                PackedDecimal.Decode(buffer, digits, true).Should().Be(v);
            }
        }
    }

    [Fact]
    public void Int128_ThirtyOneDigits_RoundTrips()
    {
        var v = Int128.Parse("-1234567890123456789012345678901", System.Globalization.CultureInfo.InvariantCulture);
        var buffer = new byte[16];
        PackedDecimal.Encode(v, buffer, 31, true);
        Convert.ToHexString(buffer).Should().Be("1234567890123456789012345678901D");
        PackedDecimal.DecodeInt128(buffer, 31, true).Should().Be(v);
    }

    [Fact]
    public void TryDecode_FastAndGenericPaths_AgreeOnRandomBytes()
    {
        var rng = new Random(5);
        for (var digits = 1; digits <= 18; digits++)
        for (var k = 0; k < 300; k++)
        {
            var field = new byte[PackedDecimal.ByteLength(digits)];
            rng.NextBytes(field);
            if (k % 3 != 0)
            {
                // mostly valid digits with a random sign nibble, so that both outcomes occur
                for (var i = 0; i < field.Length; i++) field[i] = (byte)((rng.Next(10) << 4) | rng.Next(10));
                field[^1] = (byte)((field[^1] & 0xF0) | rng.Next(16));
                if ((digits & 1) == 0) field[0] &= 0x0F;
            }
            foreach (var signed in new[] { true, false })
            foreach (var policy in new[] { PackedSignPolicy.Strict, PackedSignPolicy.Ibm })
            {
                var fast = PackedDecimal.TryDecode(field, digits, signed, out var a, policy);
                var slow = PackedDecimal.TryDecodeInt128(field, digits, signed, out var b, policy);
                fast.Should().Be(slow, Convert.ToHexString(field));
                if (fast) ((Int128)a).Should().Be(b);
            }
        }
    }
}
