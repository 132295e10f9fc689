using Collections.Cobol.Copybooks;

namespace Collections.Cobol.Tests.Copybooks;

public sealed class PictureTests
{
    [Theory]
    [InlineData("9(5)", PictureCategory.Numeric, 5, 5, 0, false)]
    [InlineData("S9(11)V99", PictureCategory.Numeric, 13, 13, 2, true)]
    [InlineData("s9(4)v9(6)", PictureCategory.Numeric, 10, 10, 6, true)]
    [InlineData("SV99", PictureCategory.Numeric, 2, 2, 2, true)]
    [InlineData("99PPP", PictureCategory.Numeric, 2, 2, -3, false)]
    [InlineData("9(3)P(2)V", PictureCategory.Numeric, 3, 3, -2, false)]
    [InlineData("PPP99", PictureCategory.Numeric, 2, 2, 5, false)]
    [InlineData("VP(3)9(2)", PictureCategory.Numeric, 2, 2, 5, false)]
    [InlineData("SP(2)9", PictureCategory.Numeric, 1, 1, 3, true)]
    [InlineData("X(10)", PictureCategory.Alphanumeric, 10, 0, 0, false)]
    [InlineData("A(3)", PictureCategory.Alphabetic, 3, 0, 0, false)]
    [InlineData("AX9", PictureCategory.Alphanumeric, 3, 0, 0, false)]
    [InlineData("XXBXX0/", PictureCategory.AlphanumericEdited, 7, 0, 0, false)]
    [InlineData("ZZ,ZZ9.99CR", PictureCategory.NumericEdited, 11, 7, 2, true)]
    [InlineData("$$$,$$9.99", PictureCategory.NumericEdited, 10, 7, 2, false)]
    [InlineData("---9", PictureCategory.NumericEdited, 4, 3, 0, true)]
    [InlineData("***9.99DB", PictureCategory.NumericEdited, 9, 6, 2, true)]
    [InlineData("99/99/99", PictureCategory.NumericEdited, 8, 6, 0, false)]
    [InlineData("9(3)B9(2)0", PictureCategory.NumericEdited, 7, 5, 0, false)]
    [InlineData("+Z(4)9.9(2)", PictureCategory.NumericEdited, 9, 7, 2, true)]
    public void Parse_ValidPicture_HasCobolCategoryAndSize(string text, PictureCategory category, int size, int digits, int scale, bool signed)
    {
        var pic = Picture.Parse(text);
        pic.Category.Should().Be(category);
        pic.Size.Should().Be(size);
        pic.Digits.Should().Be(digits);
        pic.Scale.Should().Be(scale);
        pic.Signed.Should().Be(signed);
    }

    [Theory]
    [InlineData("9(")]
    [InlineData("9(0)")]
    [InlineData("9S9")]
    [InlineData("9V9V9")]
    [InlineData("9P9")]
    [InlineData("X9V")]
    [InlineData("SX(3)")]
    [InlineData("9(3)E+99")]
    [InlineData("N(5)")]
    [InlineData("9Q")]
    [InlineData("")]
    public void Parse_InvalidPicture_Throws(string text)
    {
        var act = () => Picture.Parse(text);
        act.Should().Throw<FormatException>();
    }
}
