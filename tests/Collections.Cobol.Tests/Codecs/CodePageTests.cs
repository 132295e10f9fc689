using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Text;

namespace Collections.Cobol.Tests.Codecs;

public sealed class CodePageTests
{
    [Theory]
    [InlineData("cp037", 37)]
    [InlineData("cp1140", 1140)]
    [InlineData("cp273", 20273)]
    [InlineData("cp1141", 1141)]
    [InlineData("cp500", 500)]
    [InlineData("cp1148", 1148)]
    [InlineData("cp285", 20285)]
    [InlineData("cp1146", 1146)]
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

    [Theory]
    [InlineData("cp1140", "cp037")]
    [InlineData("cp1141", "cp273")]
    [InlineData("cp1146", "cp285")]
    [InlineData("cp1148", "cp500")]
    public void EuroPage_DiffersFromItsBaseOnlyAtEuro(string euro, string basePage)
    {
        var e = CodePage.FromName(euro);
        var b = CodePage.FromName(basePage);
        for (var x = 0; x < 256; x++)
        {
            if (x != 0x9F) e.ToChar((byte)x).Should().Be(b.ToChar((byte)x));
        }
        e.ToChar(0x9F).Should().Be('\u20AC');
        b.ToChar(0x9F).Should().Be('\u00A4');
    }

    /// <summary>A second, independent reference: Python's codecs (cp037, cp273, cp500, cp1140; Python has no cp285,
    /// cp1141, cp1146 or cp1148). They agree with .NET's tables except cp273 0xBC, where Python has U+203E (overline) and
    /// IBM's CDRA table and .NET U+00AF (macron); we follow IBM.</summary>
    [Theory]
    [InlineData("cp037")]
    [InlineData("cp273")]
    [InlineData("cp500")]
    [InlineData("cp1140")]
    public void Table_AllBytes_MatchPythonCodecs(string name)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"print(' '.join('%04X' % ord(bytes([b]).decode('{name}')) for b in range(256)))");
        using var p = System.Diagnostics.Process.Start(psi)!;
        var python = p.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.TrimEntries).Select(h => (char)Convert.ToInt32(h, 16)).ToArray();
        p.WaitForExit();
        python.Should().HaveCount(256);
        var page = CodePage.FromName(name);
        for (var b = 0; b < 256; b++)
        {
            var expected = name == "cp273" && b == 0xBC ? '\u00AF' : python[b];
            page.ToChar((byte)b).Should().Be(expected, $"{name} byte 0x{b:X2}");
        }
        if (name == "cp273") python[0xBC].Should().Be('\u203E');
    }

    [Theory]
    [InlineData("cp273", new byte[] { 0x4A, 0x5A, 0xE0, 0xC0, 0xD0, 0x6A, 0xA1, 0x7C }, "\u00C4\u00DC\u00D6\u00E4\u00FC\u00F6\u00DF\u00A7")]
    [InlineData("cp285", new byte[] { 0x5B, 0x4A, 0xB1 }, "\u00A3$[")]
    [InlineData("cp500", new byte[] { 0x4A, 0x5A, 0x4F, 0x5B }, "[]!$")]
    [InlineData("cp1148", new byte[] { 0x9F, 0xC1 }, "\u20ACA")]
    public void Decode_NationalCharacters(string name, byte[] bytes, string text)
    {
        CodePage.FromName(name).Decode(bytes).Should().Be(text);
    }

    [Theory]
    [InlineData("cp037", "cp037")]
    [InlineData("ibm01140", "cp1140")]
    [InlineData("273", "cp273")]
    [InlineData("IBM01141", "cp1141")]
    [InlineData("cp500", "cp500")]
    [InlineData("1148", "cp1148")]
    [InlineData("ibm285", "cp285")]
    [InlineData("cp1146", "cp1146")]
    public void ParseEncoding_EveryEbcdicPage_ItsTable(string text, string page)
    {
        var options = new Collections.Cobol.Decoding.RecordDecoderOptions { Encoding = Collections.Cobol.Decoding.RecordDecoderOptions.ParseEncoding(text) };
        options.CodePage.Should().BeSameAs(CodePage.FromName(page));
        options.CodePage.IsEbcdic.Should().BeTrue();
        options.EffectiveOverpunch.Should().Be(OverpunchStyle.Ebcdic);
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
