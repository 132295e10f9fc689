using Collections.Cobol.Numerics;
using Collections.Testing;

namespace Collections.Cobol.Tests.Numerics;

public class NumericPicTests
{
    [Theory]
    [InlineData("S9(11)V99", 13, 2, true)]
    [InlineData("9(4)V9(6)", 10, 6, false)]
    [InlineData("SV99", 2, 2, true)]
    [InlineData("99PPP", 2, -3, false)]
    [InlineData("PPP99", 2, 5, false)]
    [InlineData("VPPP99", 2, 5, false)]
    [InlineData("SP(2)9", 1, 3, true)]
    [InlineData("s9(5)", 5, 0, true)]
    [InlineData("9(18)", 18, 0, false)]
    [InlineData("S9(3)V9(2)", 5, 2, true)]
    [InlineData("9P(4)", 1, -4, false)]
    public void Parse_ValidPicture_GivesDigitsScaleSign(string picture, int digits, int scale, bool signed)
    {
        using var _ = HostileCulture.Enter();
        NumericPic.Parse(picture).Should().Be(new NumericPic(digits, scale, signed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("X(5)")]
    [InlineData("9V9V9")]
    [InlineData("99P9")]
    [InlineData("9S9")]
    [InlineData("9(39)")]
    [InlineData("9(")]
    [InlineData("PP")]
    [InlineData("9VP9")]
    public void Parse_InvalidPicture_Throws(string picture)
    {
        var act = () => NumericPic.Parse(picture);
        act.Should().Throw<FormatException>().WithMessage($"*'{picture}'*");
    }

    [Theory]
    [InlineData("S9(11)V99")]
    [InlineData("99PPP")]
    [InlineData("PPP99")]
    [InlineData("SV99")]
    [InlineData("9(7)")]
    public void ToString_RoundTripsThroughParse(string picture)
    {
        var pic = NumericPic.Parse(picture);
        NumericPic.Parse(pic.ToString()).Should().Be(pic);
    }
}
