using System.Globalization;
using System.Text;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Decoding;
using Collections.Cobol.Tests.Cli;
using Collections.Testing;

namespace Collections.Cobol.Tests.Decoding;

/// <summary>
/// COMP-1 / COMP-2 as GnuCOBOL stores them (IEEE 754, native byte order): cobc (legacy flags) moves and computes values
/// into COMP-1 and COMP-2 items, WRITEs the records and DISPLAYs the items; our decoder reads the file (ASCII: IEEE,
/// little-endian by default) and each value must be the number cobc displays, to the bit. cobc also lays the items
/// out: the layout must agree (4 and 8 bytes, offsets).
/// </summary>
public sealed class FloatingPointCobcTests
{
    private const string Copybook = """
       01  FLT-REC.
           05  FLT-TAG         PIC X(2).
           05  FLT-F           COMP-1.
           05  FLT-D           USAGE COMP-2.
           05  FLT-TAB         OCCURS 2 TIMES.
               10  FLT-FS      USAGE IS COMPUTATIONAL-1.
               10  FLT-DS      FLOAT-LONG.
           05  FLT-END         PIC X.
""";

    private static readonly string[] Statements =
    [
        "MOVE 3.14159265358979323 TO FLT-F FLT-D",
        "COMPUTE FLT-F = 1 / 3",
        "MOVE -118.625 TO FLT-F FLT-D",
        "MOVE 0.1 TO FLT-F FLT-D",
        "COMPUTE FLT-F = 10 ** 30",
        "COMPUTE FLT-D = 10 ** 300",
        "COMPUTE FLT-F = 2 ** -100",
        "COMPUTE FLT-D = 2 ** -1000",
        "COMPUTE FLT-D = 2 ** 0.5",
        "MOVE -0.000123 TO FLT-F FLT-D",
        "MOVE 123456789012345678 TO FLT-F FLT-D",
        "MOVE 0 TO FLT-F FLT-D",
    ];

    private static int SignificantDigits(string text)
    {
        var mantissa = text.Split('E')[0].TrimStart('-', '+').Replace(".", "", StringComparison.Ordinal).TrimStart('0');
        return Math.Max(1, mantissa.Length);
    }

    /// <summary>A decimal number as digits without leading or trailing zeros and a power of ten ("-1.2300E+02" = -123).</summary>
    private static string Canonical(string text)
    {
        var (digits, exponent) = Codecs.FloatingPointTests.Digits(text);
        if (digits.IsZero) return "0";
        return (text.StartsWith('-') ? "-" : "") + digits.ToString(CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Decode_RecordsWrittenByCobc_EveryValueIsWhatCobcDisplays()
    {
        using var culture = HostileCulture.Enter();
        using var dir = new TempDir("float-cobc");
        File.WriteAllText(dir.Combine("FLTREC.cpy"), Copybook);
        var body = new List<string>
        {
            "    MOVE 'T1' TO FLT-TAG",
            "    MOVE 'E' TO FLT-END",
            "    MOVE 0 TO FLT-F FLT-D FLT-FS(1) FLT-DS(1) FLT-FS(2) FLT-DS(2)",
        };
        foreach (var statement in Statements)
        {
            body.Add("    " + statement);
            // the table gets values derived from the others, so every item of every record differs
            body.Add("    COMPUTE FLT-FS(1) = FLT-F * 3");
            body.Add("    COMPUTE FLT-DS(1) = FLT-D / 7");
            body.Add("    COMPUTE FLT-FS(2) = FLT-F - 1");
            body.Add("    COMPUTE FLT-DS(2) = FLT-D + 0.5");
            body.Add("    WRITE FLT-REC");
            body.Add("    DISPLAY 'R|' FLT-F '|' FLT-D");
            body.Add("        '|' FLT-FS(1) '|' FLT-DS(1)");
            body.Add("        '|' FLT-FS(2) '|' FLT-DS(2)");
        }
        var (data, run) = CobcWriterProgram.WriteAndRun(dir, "FLTW", "FLTREC", body, dataName: "FLT.DAT");
        var shown = run.StdOut.Split('\n').Where(l => l.StartsWith("R|", StringComparison.Ordinal)).Select(l => l.Split('|')[1..]).ToList();
        shown.Should().HaveCount(Statements.Length);

        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(dir.Combine("FLTREC.cpy")));
        layout.Find("FLT-F")!.Length.Should().Be(4);
        layout.Find("FLT-D")!.Offset.Should().Be(6);
        layout.Find("FLT-D")!.Length.Should().Be(8);
        layout.Find("FLT-TAB")!.Length.Should().Be(12);
        layout.Find("FLT-END")!.Offset.Should().Be(38);
        new FileInfo(data).Length.Should().Be(39L * Statements.Length, "cobc's record is as long as our layout's");

        var result = CliRunner.Run("cobol", "decode", "--copybook", dir.Combine("FLTREC.cpy"), data);
        result.ExitCode.Should().Be(0, result.StdErr);
        var lines = result.JsonLines();
        lines.Should().HaveCount(Statements.Length);
        var doubles = new[] { false, true, false, true, false, true };
        for (var r = 0; r < Statements.Length; r++)
        {
            var leaves = CliRunner.Leaves(lines[r]).Where(l => l.Key.StartsWith("FLT-", StringComparison.Ordinal) && l.Key is not ("FLT-TAG" or "FLT-END")).ToList();
            leaves.Select(l => l.Key).Should().Equal("FLT-F", "FLT-D", "FLT-FS(1)", "FLT-DS(1)", "FLT-FS(2)", "FLT-DS(2)");
            for (var k = 0; k < 6; k++)
            {
                var ours = leaves[k].Value!;
                var cobc = shown[r][k].Trim();
                // cobc DISPLAYs COMP-1 with up to 8 and COMP-2 with up to 16 significant digits (trailing zeros dropped), too
                // few to tell every value apart: our value, rounded to as many digits as cobc shows, must be cobc's
                var value = doubles[k]
                    ? double.Parse(ours, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : float.Parse(ours, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (!doubles[k]) BitConverter.SingleToInt32Bits((float)value).Should().Be(BitConverter.SingleToInt32Bits(float.Parse(ours, NumberStyles.Float, CultureInfo.InvariantCulture)));
                var shownDigits = SignificantDigits(cobc);
                var rounded = value.ToString("E" + (shownDigits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                Canonical(rounded).Should().Be(Canonical(cobc), $"record {r + 1} ({Statements[r]}) {leaves[k].Key}: ours {ours}, cobc {cobc}");
            }
        }

        // the last record: zeros everywhere but the table's derived values
        CliRunner.Leaves(lines[^1]).First(l => l.Key == "FLT-D").Value.Should().Be("0");

        // read as big-endian IEEE, or as IBM HFP, the same bytes are other numbers: the options are applied
        var big = CliRunner.Run("cobol", "decode", "--copybook", dir.Combine("FLTREC.cpy"), "--float-byte-order", "big", data);
        big.StdOut.Should().NotBe(result.StdOut);
        var ibm = CliRunner.Run("cobol", "decode", "--copybook", dir.Combine("FLTREC.cpy"), "--float-format", "ibm", data);
        ibm.ExitCode.Should().Be(0, "every bit pattern is an HFP number");
        ibm.StdOut.Should().NotBe(result.StdOut);
    }
}
