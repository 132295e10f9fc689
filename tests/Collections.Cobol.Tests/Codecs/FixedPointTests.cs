using Collections.Cobol.Codecs;
using Collections.Testing;

namespace Collections.Cobol.Tests.Codecs;

public sealed class FixedPointTests
{
    [Theory]
    [InlineData(-91900L, 2, "-919.00")]
    [InlineData(747L, 0, "747")]
    [InlineData(5L, 2, "0.05")]
    [InlineData(-5L, 3, "-0.005")]
    [InlineData(0L, 2, "0.00")]
    [InlineData(12L, -3, "12000")]
    [InlineData(0L, -3, "0")]
    [InlineData(long.MinValue, 0, "-9223372036854775808")]
    [InlineData(long.MinValue, 19, "-0.9223372036854775808")]
    public void Format_Long_ExactInvariantText(long unscaled, int scale, string expected)
    {
        using var _ = HostileCulture.Enter();
        FixedPoint.Format(unscaled, scale).Should().Be(expected);
    }

    [Fact]
    public void Format_Int128Extremes_ExactText()
    {
        FixedPoint.Format(Int128.MinValue, 2).Should().Be("-1701411834604692317316873037158841057.28");
        FixedPoint.Format(Int128.MaxValue, 0).Should().Be("170141183460469231731687303715884105727");
    }

    [Theory]
    [InlineData("-919.00", 2, -91900L)]
    [InlineData("-919", 2, -91900L)]
    [InlineData("+0.5", 2, 50L)]
    [InlineData(".5", 1, 5L)]
    [InlineData("747", 0, 747L)]
    [InlineData("12000", -3, 12L)]
    [InlineData("-9223372036854775808", 0, long.MinValue)]
    public void TryParse_Valid_ReturnsUnscaled(string text, int scale, long expected)
    {
        using var _ = HostileCulture.Enter();
        FixedPoint.TryParse(text, scale, out var v).Should().BeTrue();
        v.Should().Be(expected);
    }

    [Theory]
    [InlineData("1.234", 2)]
    [InlineData("1,5", 1)]
    [InlineData("", 0)]
    [InlineData("-", 0)]
    [InlineData(" 1", 0)]
    [InlineData("1e3", 0)]
    [InlineData("12345", -3)]
    [InlineData("9223372036854775808", 0)]
    [InlineData("1.", 0)]
    public void TryParse_Invalid_ReturnsFalse(string text, int scale)
    {
        if (text == "1.")
        {
            // a bare trailing point is accepted (no fraction digits)
            FixedPoint.TryParse(text, scale, out var one).Should().BeTrue();
            one.Should().Be(1);
            return;
        }
        FixedPoint.TryParse(text, scale, out _).Should().BeFalse();
    }

    [Fact]
    public void FormatThenParse_RandomValues_RoundTrip()
    {
        var rng = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var v = rng.NextInt64(long.MinValue, long.MaxValue);
            var scale = rng.Next(-5, 19);
            if (scale < 0 && Math.Abs((double)v) * Math.Pow(10, -scale) > 9e18) scale = 0;
            var text = FixedPoint.Format(v, scale);
            FixedPoint.TryParse(text, scale, out var back).Should().BeTrue(text);
            back.Should().Be(v);
        }
    }
}
