using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Text;

namespace Collections.Cobol.Tests.Codecs;

public sealed class CodePageTests
{
    [Theory]
    [InlineData("cp037", 37)]
    [InlineData("cp1140", 1140)]
    public void Table_AllBytes_MatchCodePagesEncodingProvider(string name, int codePage)
    {
        var reference = CodePagesEncodingProvider.Instance.GetEncoding(codePage);
        reference.Should().NotBeNull();
        var page = CodePage.FromName(name);
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        page.Decode(all).Should().Be(reference!.GetString(all));
        var text = reference.GetString(all);
        var back = new byte[256];
        page.Encode(text, back);
        back.Should().Equal(all);
    }

    [Fact]
    public void Cp1140_DiffersFromCp037OnlyAtEuro()
    {
        for (var b = 0; b < 256; b++)
        {
            if (b == 0x9F) continue;
            CodePage.Cp1140.ToChar((byte)b).Should().Be(CodePage.Cp037.ToChar((byte)b));
        }
        CodePage.Cp1140.ToChar(0x9F).Should().Be('€');
        CodePage.Cp037.ToChar(0x9F).Should().Be('¤');
    }

    [Fact]
    public void Decode_Cp037KnownBytes()
    {
        CodePage.Cp037.Decode([0xC8, 0xC5, 0xD3, 0xD3, 0xD6, 0x40, 0xF1, 0x4B, 0x60]).Should().Be("HELLO 1.-");
    }

    [Fact]
    public void Decode_AsciiHighByte_ThrowsCobolDataException()
    {
        var act = () => CodePage.Ascii.Decode([0x41, 0xC3]);
        var ex = act.Should().Throw<CobolDataException>().Which;
        ex.Reason.Should().Be("byte 0xC3 at position 1 is not defined in ascii");
        ex.RawHex.Should().Be("41C3");
    }

    [Fact]
    public void Encode_PadsWithTheCodePageSpace()
    {
        var field = new byte[4];
        CodePage.Cp037.Encode("A", field);
        field.Should().Equal(0xC1, 0x40, 0x40, 0x40);
        CodePage.Ascii.Encode("A", field);
        field.Should().Equal(0x41, 0x20, 0x20, 0x20);
    }

    [Fact]
    public void Encode_UnmappableOrTooLong_Throws()
    {
        var unmappable = () => CodePage.Cp037.Encode("€", new byte[1]);
        unmappable.Should().Throw<ArgumentException>().WithMessage("*U+20AC*cp037*");
        var tooLong = () => CodePage.Ascii.Encode("abc", new byte[2]);
        tooLong.Should().Throw<ArgumentException>();
    }
}
