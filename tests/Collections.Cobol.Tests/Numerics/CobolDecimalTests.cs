using System.Numerics;
using Collections.Cobol.Numerics;
using Collections.Testing;

namespace Collections.Cobol.Tests.Numerics;

public class CobolDecimalTests
{
    [Theory]
    [InlineData("-12.340", -12340, 3)]
    [InlineData("0.05", 5, 2)]
    [InlineData("747", 747, 0)]
    [InlineData("+1.5", 15, 1)]
    [InlineData(".25", 25, 2)]
    public void Parse_Text_KeepsScale(string text, long unscaled, int scale)
    {
        using var _ = HostileCulture.Enter();
        var d = CobolDecimal.Parse(text);
        d.Unscaled.Should().Be(new BigInteger(unscaled));
        d.Scale.Should().Be(scale);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,5")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("1e5")]
    public void Parse_Invalid_Throws(string text)
    {
        var act = () => CobolDecimal.Parse(text);
        act.Should().Throw<FormatException>();
    }

    [Theory]
    [InlineData(-91900, 2, "-919.00")]
    [InlineData(747, 0, "747")]
    [InlineData(5, 3, "0.005")]
    [InlineData(-5, 3, "-0.005")]
    [InlineData(12, -3, "12000")]
    public void ToString_IsExactInvariant(long unscaled, int scale, string expected)
    {
        using var _ = HostileCulture.Enter();
        CobolDecimal.FromUnscaled(unscaled, scale).ToString().Should().Be(expected);
    }

    [Fact]
    public void Add_DifferentScales_AlignsToLargerScale()
    {
        var r = CobolDecimal.Parse("1.5") + CobolDecimal.Parse("2.25");
        r.ToString().Should().Be("3.75");
        r.Scale.Should().Be(2);
    }

    [Fact]
    public void Multiply_ScalesAdd()
    {
        var r = CobolDecimal.Parse("1.50") * CobolDecimal.Parse("2.0");
        r.Scale.Should().Be(3);
        r.ToString().Should().Be("3.000");
    }

    [Fact]
    public void Arithmetic_BeyondInt128_StaysExact()
    {
        var big = CobolDecimal.Parse("99999999999999999999999999999999999999"); // 38 nines
        var r = big * big + CobolDecimal.One;
        r.ToString().Should().Be((BigInteger.Pow(10, 38) - 1).Pow2().Add1().ToString(System.Globalization.CultureInfo.InvariantCulture));
        (r - big * big).Should().Be(CobolDecimal.One);
    }

    [Fact]
    public void Equality_IsNumeric_IdentityIncludesScale()
    {
        var a = CobolDecimal.Parse("1.5");
        var b = CobolDecimal.Parse("1.50");
        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.IsIdenticalTo(b).Should().BeFalse();
        CobolDecimal.FromUnscaled(12, -3).Should().Be(CobolDecimal.Parse("12000"));
        CobolDecimal.FromUnscaled(12, -3).GetHashCode().Should().Be(CobolDecimal.Parse("12000").GetHashCode());
    }

    [Fact]
    public void CompareTo_OrdersNumerically()
    {
        CobolDecimal.Parse("-1.01").Should().BeLessThan(CobolDecimal.Parse("-1"));
        CobolDecimal.Parse("0.1").Should().BeGreaterThan(CobolDecimal.Parse("0.09999"));
    }

    [Fact]
    public void Trim_DropsTrailingFractionZerosOnly()
    {
        CobolDecimal.Parse("12.3400").Trim().IsIdenticalTo(CobolDecimal.Parse("12.34")).Should().BeTrue();
        CobolDecimal.Parse("1200").Trim().Scale.Should().Be(0);
    }

    [Fact]
    public void ToUnscaledInt64_LosingDigits_Throws()
    {
        CobolDecimal.Parse("1.230").ToUnscaledInt64(2).Should().Be(123);
        var act = () => CobolDecimal.Parse("1.235").ToUnscaledInt64(2);
        act.Should().Throw<InvalidOperationException>();
    }
}

internal static class BigIntegerTestExtensions
{
    public static BigInteger Pow2(this BigInteger v) => v * v;
    public static BigInteger Add1(this BigInteger v) => v + 1;
}
