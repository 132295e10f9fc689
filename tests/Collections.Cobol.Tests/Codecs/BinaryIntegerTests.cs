using Collections.Cobol.Codecs;

namespace Collections.Cobol.Tests.Codecs;

public sealed class BinaryIntegerTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE }, 2, true, true, -2L)]
    [InlineData(new byte[] { 0xFF, 0xFE }, 2, false, true, 65534L)]
    [InlineData(new byte[] { 0xFE, 0xFF }, 2, true, false, -2L)]
    [InlineData(new byte[] { 0x00, 0x00, 0x01, 0x00 }, 4, true, true, 256L)]
    [InlineData(new byte[] { 0x80 }, 1, true, true, -128L)]
    [InlineData(new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 0 }, 8, true, true, long.MinValue)]
    public void Decode_ReturnsValue(byte[] field, int length, bool signed, bool bigEndian, long expected) =>
        BinaryInteger.Decode(field, length, signed, bigEndian).Should().Be(expected);

    [Fact]
    public void Decode_UnsignedEightBytesAboveLongMax_Throws()
    {
        var act = () => BinaryInteger.Decode([0xFF, 0, 0, 0, 0, 0, 0, 0], 8, false, true);
        act.Should().Throw<CobolDataException>().Which.RawHex.Should().Be("FF00000000000000");
    }

    [Fact]
    public void EncodeDecode_RoundTrip_AllSizesAndEndians()
    {
        foreach (var len in new[] { 1, 2, 4, 8 })
        foreach (var big in new[] { true, false })
        foreach (var v in new long[] { 0, 1, -1, 100, -100 })
        {
            var buffer = new byte[len];
            BinaryInteger.Encode(v, buffer, len, true, big);
            BinaryInteger.Decode(buffer, len, true, big).Should().Be(v);
        }
    }

    [Fact]
    public void Encode_DoesNotFit_Throws()
    {
        var act = () => BinaryInteger.Encode(40000, new byte[2], 2, true, true);
        act.Should().Throw<ArgumentOutOfRangeException>();
        var neg = () => BinaryInteger.Encode(-1, new byte[2], 2, false, true);
        neg.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(1, BinarySizes.Size248, 2)]
    [InlineData(4, BinarySizes.Size248, 2)]
    [InlineData(5, BinarySizes.Size248, 4)]
    [InlineData(9, BinarySizes.Size248, 4)]
    [InlineData(10, BinarySizes.Size248, 8)]
    [InlineData(2, BinarySizes.Size1248, 1)]
    [InlineData(3, BinarySizes.Size1248, 2)]
    public void ByteLengthFor_SizeOption_MatchesCobc(int digits, BinarySizes sizes, int expected) =>
        BinaryInteger.ByteLengthFor(digits, sizes).Should().Be(expected);
}
