using Collections.Cobol.Codecs;

namespace Collections.Cobol.Tests.Codecs;

/// <summary>
/// The fast encoder against the generic one (<see cref="PackedDecimal.Encode(Int128, Span{byte}, int, bool)"/>, a digit
/// per step, written independently); cobc-written bytes are checked in <see cref="SignConventionCobcTests"/>.
/// </summary>
public sealed class PackedDecimalEncoderTests
{
    [Fact]
    public void Encode_RandomValuesEveryDigitCount_SameBytesAsGenericEncoder()
    {
        var rnd = new Random(314);
        for (var digits = 1; digits <= 18; digits++)
        {
            var max = (long)Math.Pow(10, digits) - 1;
            var len = digits / 2 + 1;
            var fast = new byte[len];
            var generic = new byte[len];
            foreach (var signed in new[] { true, false })
            for (var i = 0; i < 2000; i++)
            {
                var v = i switch { 0 => 0, 1 => max, 2 => 1, _ => rnd.NextInt64(0, max + 1) / rnd.NextInt64(1, 1 + (max / 10) + 1) };
                if (signed && i % 2 == 1) v = -v;
                fast.AsSpan().Fill(0xEE);
                PackedDecimalEncoder.Encode(v, fast, digits, signed);
                PackedDecimal.Encode((Int128)v, generic, digits, signed);
                Convert.ToHexString(fast).Should().Be(Convert.ToHexString(generic), "{0} in {1} digits, signed {2}", v, digits, signed);
            }
        }
    }

    [Theory]
    [InlineData(1000L, 3)]
    [InlineData(100L, 2)]
    [InlineData(-1000L, 3)]
    [InlineData(10_000L, 4)]
    public void Encode_TooManyDigits_Throws(long value, int digits)
    {
        var act = () => PackedDecimalEncoder.Encode(value, new byte[digits / 2 + 1], digits, signed: true);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Encode_NegativeUnsignedOrWrongLength_Throws()
    {
        FluentActions.Invoking(() => PackedDecimalEncoder.Encode(-1, new byte[2], 3, signed: false)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => PackedDecimalEncoder.Encode(1, new byte[3], 3, signed: true)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void TryEncode_LongMinValue_NoOverflowFalse()
    {
        PackedDecimalEncoder.TryEncode(long.MinValue, new byte[10], signed: true).Should().BeTrue();
        PackedDecimalEncoder.TryEncode(long.MinValue, new byte[9], signed: true).Should().BeFalse();
        var f = new byte[10];
        PackedDecimalEncoder.TryEncode(-123, f, signed: true);
        Convert.ToHexString(f).Should().Be("0000000000000000123D");
    }

    [Fact]
    public void TryEncode_AtTheLimitOfEveryLength_FitsExactlyUpToIt()
    {
        long limit = 10;
        for (var length = 1; length <= 9; length++, limit = length <= 9 ? limit * 100 : limit)
        {
            var field = new byte[length];
            PackedDecimalEncoder.TryEncode(limit - 1, field, signed: true).Should().BeTrue("length {0}", length);
            Convert.ToHexString(field).Should().Be(new string('9', (2 * length) - 1) + "C");
            PackedDecimalEncoder.TryEncode(-(limit - 1), field, signed: true).Should().BeTrue();
            Convert.ToHexString(field).Should().Be(new string('9', (2 * length) - 1) + "D");
            PackedDecimalEncoder.TryEncode(limit - 1, field, signed: false).Should().BeTrue();
            Convert.ToHexString(field).Should().Be(new string('9', (2 * length) - 1) + "F");
            PackedDecimalEncoder.TryEncode(limit, field, signed: true).Should().BeFalse("length {0}", length);
            PackedDecimalEncoder.TryEncode(-limit, field, signed: true).Should().BeFalse();
        }
    }

    [Fact]
    public void TryEncode_EveryDigitInEveryPosition_SameAsTheDigitsWritten()
    {
        var field = new byte[8];
        for (var position = 0; position < 15; position++)
        for (var digit = 0; digit <= 9; digit++)
        {
            var v = digit * (long)Math.Pow(10, position) + 123_456_789_012_345 % (long)Math.Pow(10, position);
            PackedDecimalEncoder.TryEncode(v, field, signed: true).Should().BeTrue();
            Convert.ToHexString(field).Should().Be(v.ToString("D15", System.Globalization.CultureInfo.InvariantCulture) + "C");
        }
    }
}
