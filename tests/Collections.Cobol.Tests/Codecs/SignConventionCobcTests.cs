using Collections.Cobol.Codecs;
using Collections.Testing;

namespace Collections.Cobol.Tests.Codecs;

/// <summary>
/// Differential: cobc writes signed zoned and packed fields to a record-sequential file, with the legacy's
/// -fsign=EBCDIC and with GnuCOBOL's default ASCII sign; our encoders must write the same bytes and our decoders read
/// back the values cobc moved.
/// </summary>
public sealed class SignConventionCobcTests
{
    private const string Program = """
               IDENTIFICATION DIVISION.
               PROGRAM-ID. ZSIGN.
               ENVIRONMENT DIVISION.
               INPUT-OUTPUT SECTION.
               FILE-CONTROL.
                   SELECT F ASSIGN TO "zsign.out" ORGANIZATION SEQUENTIAL.
               DATA DIVISION.
               FILE SECTION.
               FD F.
               01 R.
                  05 A PIC S9(5).
                  05 B PIC S9(5) SIGN LEADING.
                  05 C PIC S9(5) SIGN TRAILING SEPARATE.
                  05 D PIC S9(5) SIGN LEADING SEPARATE.
                  05 E PIC S9(5) COMP-3.
                  05 G PIC 9(5) COMP-3.
                  05 H PIC S9(4) COMP-3.
                  05 U PIC 9(5).
               WORKING-STORAGE SECTION.
               01 I PIC S9(5).
               PROCEDURE DIVISION.
                   OPEN OUTPUT F
                   PERFORM VARYING I FROM -1234 BY 97 UNTIL I > 1300
                     MOVE I TO A B C D E G H U
                     WRITE R
                   END-PERFORM
                   CLOSE F
                   STOP RUN.
        """;

    private const int RecordLength = 5 + 5 + 6 + 6 + 3 + 3 + 3 + 5;

    [Theory]
    [InlineData(true, OverpunchStyle.AsciiEbcdicLetters)]
    [InlineData(false, OverpunchStyle.GnuCobolAscii)]
    public void CobcWrittenFields_EncodeAndDecodeIdentically(bool ebcdicSignFlag, OverpunchStyle style)
    {
        using var dir = new TempDir("zsign");
        var src = dir.Combine("zsign.cbl");
        File.WriteAllText(src, Program);
        string[] flags = ebcdicSignFlag
            ? Cobc.LegacyFlags
            : ["-std=default", "-fbinary-size=2-4-8", "-fno-constant-folding"];
        var exe = Cobc.Compile(src, flags);
        var run = Cobc.Run(exe, [], dir.Path, null);
        run.ExitCode.Should().Be(0, run.StdErr);
        var data = File.ReadAllBytes(dir.Combine("zsign.out"));
        data.Length.Should().Be(RecordLength * 27);

        var expected = new byte[RecordLength];
        for (var n = 0; n < 27; n++)
        {
            long value = -1234 + 97 * n;
            var rec = data.AsSpan(n * RecordLength, RecordLength);
            var e = expected.AsSpan();
            ZonedDecimal.Encode(value, e[..5], 5, SignPlacement.TrailingOverpunch, style);
            ZonedDecimal.Encode(value, e.Slice(5, 5), 5, SignPlacement.LeadingOverpunch, style);
            ZonedDecimal.Encode(value, e.Slice(10, 6), 5, SignPlacement.TrailingSeparate, style);
            ZonedDecimal.Encode(value, e.Slice(16, 6), 5, SignPlacement.LeadingSeparate, style);
            PackedDecimal.Encode(value, e.Slice(22, 3), 5, signed: true);
            PackedDecimal.Encode(Math.Abs(value), e.Slice(25, 3), 5, signed: false); // MOVE to unsigned drops the sign
            PackedDecimal.Encode(value, e.Slice(28, 3), 4, signed: true);
            ZonedDecimal.Encode(Math.Abs(value), e.Slice(31, 5), 5, SignPlacement.Unsigned, style);
            Convert.ToHexString(rec).Should().Be(Convert.ToHexString(expected), "record {0} (value {1})", n + 1, value);

            ZonedDecimal.Decode(rec[..5], 5, SignPlacement.TrailingOverpunch, style).Should().Be(value);
            ZonedDecimal.Decode(rec.Slice(5, 5), 5, SignPlacement.LeadingOverpunch, style).Should().Be(value);
            ZonedDecimal.Decode(rec.Slice(10, 6), 5, SignPlacement.TrailingSeparate, style).Should().Be(value);
            ZonedDecimal.Decode(rec.Slice(16, 6), 5, SignPlacement.LeadingSeparate, style).Should().Be(value);
            PackedDecimal.Decode(rec.Slice(22, 3), 5, true).Should().Be(value);
            PackedDecimal.Decode(rec.Slice(25, 3), 5, false).Should().Be(Math.Abs(value));
            PackedDecimal.Decode(rec.Slice(28, 3), 4, true).Should().Be(value);
            ZonedDecimal.Decode(rec.Slice(31, 5), 5, SignPlacement.Unsigned, style).Should().Be(Math.Abs(value));
        }
    }
}
