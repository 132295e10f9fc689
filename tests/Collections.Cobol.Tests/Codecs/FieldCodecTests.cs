using Collections.Cobol.Codecs;
using Collections.Cobol.Text;
using Collections.Testing;

namespace Collections.Cobol.Tests.Codecs;

public sealed class FieldCodecTests
{
    [Fact]
    public void Packed_DecodeDecimalAndText_AtPicScale()
    {
        using var _ = HostileCulture.Enter();
        var codec = FieldCodec.Packed(13, 2, signed: true);
        codec.Length.Should().Be(7);
        byte[] raw = [0x00, 0x00, 0x00, 0x00, 0x91, 0x90, 0x0D];
        codec.DecodeDecimal(raw).Should().Be(-919.00m);
        codec.DecodeText(raw).Should().Be("-919.00");
        codec.DecodeValue(raw).Should().Be(-919.00m);
    }

    [Fact]
    public void Zoned_PScaling_DecodesMultiplied()
    {
        var codec = FieldCodec.Zoned(2, -3, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters);
        codec.DecodeDecimal("12"u8).Should().Be(12000m);
        codec.DecodeText("12"u8).Should().Be("12000");
    }

    [Fact]
    public void Alphanumeric_TextKeepsTrailingSpaces()
    {
        var codec = FieldCodec.Alphanumeric(5, CodePage.Cp037);
        codec.DecodeText([0xC1, 0xC2, 0x40, 0x40, 0x40]).Should().Be("AB   ");
        var field = new byte[5];
        codec.EncodeText("AB", field);
        field.Should().Equal(0xC1, 0xC2, 0x40, 0x40, 0x40);
    }

    [Fact]
    public void EncodeText_MoreDecimalsThanScale_Throws()
    {
        var codec = FieldCodec.Packed(5, 2, true);
        var act = () => codec.EncodeText("1.234", new byte[3]);
        act.Should().Throw<ArgumentException>();
    }

    // cobc with the legacy's flags (binary truncation on), x"3039" = 12345 in a PIC 9(4) COMP field:
    // DISPLAY shows 2345 (truncated), MOVE to PIC 9(6) gives 012345 (full value); COMP-5 is never truncated.
    [Theory]
    [InlineData(BinaryPicPolicy.FullValue, 12345L)]
    [InlineData(BinaryPicPolicy.Truncate, 2345L)]
    public void Binary_ValueBeyondPicDigits_PerPolicy(BinaryPicPolicy policy, long expected) =>
        FieldCodec.Binary(4, 0, false, 2, true, policy).DecodeUnscaled([0x30, 0x39]).Should().Be(expected);

    [Fact]
    public void Binary_ValueBeyondPicDigits_StrictThrows()
    {
        var act = () => FieldCodec.Binary(4, 0, false, 2).DecodeUnscaled([0x30, 0x39]);
        act.Should().Throw<CobolDataException>().Which.Reason.Should().Contain("12345");
        FieldCodec.Binary(4, 0, false, 2).TryDecodeUnscaled([0x30, 0x39], out _).Should().BeFalse();
    }

    [Fact]
    public void Binary_Comp5LittleEndian_Decodes()
    {
        var codec = FieldCodec.Binary(4, 2, true, 2, bigEndian: false);
        codec.DecodeDecimal([0x2E, 0xFB]).Should().Be(-12.34m);
        var field = new byte[2];
        codec.EncodeUnscaled(-1234, field);
        field.Should().Equal(0x2E, 0xFB);
    }

    /// <summary>Differential: cobc stores values into COMP, COMP-5 and BINARY fields of the 2-4-8 and 1-2-4-8 sizes and
    /// writes them to a file; we decode each field and compare with the value cobc DISPLAYs.</summary>
    [Theory]
    [InlineData("-fbinary-size=2-4-8", BinarySizes.Size248)]
    [InlineData("-fbinary-size=1-2-4-8", BinarySizes.Size1248)]
    public void Binary_CobcWrittenFields_DecodeAsCobcDisplays(string sizeFlag, BinarySizes sizes)
    {
        using var dir = new TempDir("bin");
        const string program = """
                   IDENTIFICATION DIVISION.
                   PROGRAM-ID. BINW.
                   ENVIRONMENT DIVISION.
                   INPUT-OUTPUT SECTION.
                   FILE-CONTROL.
                       SELECT F ASSIGN TO "bin.out" ORGANIZATION SEQUENTIAL.
                   DATA DIVISION.
                   FILE SECTION.
                   FD F.
                   01 R.
                      05 A PIC S9(2) COMP.
                      05 B PIC 9(4) COMP.
                      05 C PIC S9(7)V99 BINARY.
                      05 D PIC S9(15) COMP-4.
                      05 E PIC S9(4) COMP-5.
                      05 G PIC 9(9) COMP-5.
                   WORKING-STORAGE SECTION.
                   01 I PIC S9(5).
                   PROCEDURE DIVISION.
                       OPEN OUTPUT F
                       PERFORM VARYING I FROM -99 BY 33 UNTIL I > 99
                         COMPUTE A = I
                         COMPUTE B = I * I
                         COMPUTE C = I * 12345.67
                         COMPUTE D = I * 1234567890123
                         COMPUTE E = I * 99
                         COMPUTE G = I * I * 98765
                         WRITE R
                         DISPLAY A " " B " " C " " D " " E " " G
                       END-PERFORM
                       CLOSE F
                       STOP RUN.
            """;
        File.WriteAllText(dir.Combine("binw.cbl"), program);
        var exe = Cobc.Compile(dir.Combine("binw.cbl"), ["-std=default", "-fsign=EBCDIC", sizeFlag]);
        var run = Cobc.Run(exe, [], dir.Path, null);
        run.ExitCode.Should().Be(0);
        FieldCodec[] codecs =
        [
            FieldCodec.Binary(2, 0, true, BinaryInteger.ByteLengthFor(2, sizes)),
            FieldCodec.Binary(4, 0, false, BinaryInteger.ByteLengthFor(4, sizes)),
            FieldCodec.Binary(9, 2, true, BinaryInteger.ByteLengthFor(9, sizes)),
            FieldCodec.Binary(15, 0, true, BinaryInteger.ByteLengthFor(15, sizes)),
            FieldCodec.Binary(4, 0, true, BinaryInteger.ByteLengthFor(4, sizes), bigEndian: false),
            FieldCodec.Binary(9, 0, false, BinaryInteger.ByteLengthFor(9, sizes), bigEndian: false),
        ];
        var recordLength = codecs.Sum(c => c.Length);
        var data = File.ReadAllBytes(dir.Combine("bin.out"));
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        data.Length.Should().Be(recordLength * lines.Length, "cobc's record length equals our field sizes");
        for (var n = 0; n < lines.Length; n++)
        {
            var shown = lines[n].Split(' ');
            var offset = n * recordLength;
            for (var k = 0; k < codecs.Length; k++)
            {
                var field = data.AsSpan(offset, codecs[k].Length);
                offset += codecs[k].Length;
                var expected = decimal.Parse(shown[k], System.Globalization.CultureInfo.InvariantCulture);
                codecs[k].DecodeDecimal(field).Should().Be(expected, "record {0} field {1}", n + 1, k);
                var again = new byte[codecs[k].Length];
                codecs[k].EncodeUnscaled(codecs[k].DecodeUnscaled(field), again);
                again.Should().Equal(field.ToArray());
            }
        }
    }
}
