using System.Globalization;
using System.Text;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Decoding;
using Collections.Testing;

namespace Collections.Cobol.Tests.Decoding;

/// <summary>
/// cobc writes records (legacy flags) with binary (COMP big-endian, COMP-5 native), packed, zoned (over-punch
/// letters, SIGN LEADING, SEPARATE) items, then DISPLAYs them (P-scaled items are left out: cobc 3.1.2 MOVE/DISPLAY
/// of them misbehaves with these flags; their decoding is checked against independently encoded bytes in
/// CobolDecodeCommandTests); our decoder reads the written file and
/// must give the same values.
/// </summary>
public sealed class RecordDecoderCobcTests
{
    private static readonly (string Name, string Clause, string[] Values)[] Items =
    [
        ("F-BIN2", "PIC S9(4) COMP", ["-9999", "1234", "-1"]),
        ("F-BIN4U", "PIC 9(9) BINARY", ["999999999", "0", "65536"]),
        ("F-BIN8", "PIC S9(18) COMP-4", ["-999999999999999999", "123456789012345678", "-5"]),
        ("F-BINV", "PIC S9(5)V99 COMP", ["-12345.67", "0.01", "99999.99"]),
        ("F-N5-1", "PIC S99 COMP-5", ["-99", "42", "0"]),
        ("F-N5-4", "PIC 9(9) COMP-5", ["123456789", "1", "4294"]),
        ("F-N5-8", "PIC S9(15)V9(3) COMP-5", ["-123456789012345.678", "0.001", "7"]),
        ("F-PK", "PIC S9(11)V99 COMP-3", ["-919.00", "12345678901.23", "0"]),
        ("F-PKU", "PIC 9(4) COMP-3", ["9999", "0", "10"]),
        ("F-ZT", "PIC S9(5)V9(2)", ["-919.00", "747", "-0.05"]),
        ("F-ZL", "PIC S9(3) SIGN LEADING", ["-123", "456", "0"]),
        ("F-ZLS", "PIC S9(3)V9 SIGN LEADING SEPARATE", ["-12.3", "45.6", "0"]),
        ("F-ZTS", "PIC S9(4) SIGN TRAILING SEPARATE", ["-1", "9999", "0"]),
        ("F-TXT", "PIC X(6)", ["AB CD", "", "Z"]),
    ];

    [Theory]
    [InlineData(BinarySize.TwoFourEight)]
    [InlineData(BinarySize.OneTwoFourEight)]
    public void Decode_RecordsWrittenByCobc_EqualCobcDisplay(BinarySize size)
    {
        using var culture = HostileCulture.Enter();
        using var dir = new TempDir("decode-cobc");
        var copy = new StringBuilder("       01  T-REC.\n");
        foreach (var (name, clause, _) in Items) copy.Append(CultureInfo.InvariantCulture, $"           05  {name} {clause}.\n");
        File.WriteAllText(dir.Combine("TREC.cpy"), copy.ToString());

        var body = new List<string>();
        for (int r = 0; r < 3; r++)
        {
            body.Add("    MOVE SPACES TO T-REC");
            foreach (var (name, _, values) in Items)
            {
                var v = values[r];
                body.Add(name == "F-TXT" ? $"    MOVE '{v}' TO {name}" : $"    MOVE {v} TO {name}");
            }
            body.Add("    WRITE T-REC");
            body.Add("    DISPLAY 'R|'");
            foreach (var (name, _, _) in Items) body.Add($"    DISPLAY 'F|{name}|' {name}");
        }
        var flags = Cobc.LegacyFlags.Select(f => f.StartsWith("-fbinary-size", StringComparison.Ordinal)
            ? (size == BinarySize.TwoFourEight ? "-fbinary-size=2-4-8" : "-fbinary-size=1-2-4-8") : f);
        var (data, run) = CobcWriterProgram.WriteAndRun(dir, "WRT", "TREC", body, flags: flags);
        var shown = new List<Dictionary<string, string>>();
        foreach (var line in run.StdOut.Split('\n'))
        {
            if (line == "R|") shown.Add([]);
            else if (line.StartsWith("F|", StringComparison.Ordinal)) { var b = line.IndexOf('|', 2); shown[^1][line[2..b]] = line[(b + 1)..]; }
        }

        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(dir.Combine("TREC.cpy")), new LayoutOptions { BinarySize = size });
        var decoder = RecordDecoder.Create(layout, new RecordDecoderOptions());
        var bytes = File.ReadAllBytes(data);
        var length = layout.Records[0].Length;
        bytes.Length.Should().Be(3 * length);
        for (int r = 0; r < 3; r++)
        {
            var rec = decoder.Decode(bytes.AsSpan(r * length, length));
            rec.Errors.Should().BeEmpty();
            var group = (DecodedGroup)rec.Root["T-REC"]!;
            foreach (var (name, _, values) in Items)
            {
                var ours = ((DecodedValue)group[name]!).Text!;
                if (name == "F-TXT")
                {
                    ours.Should().Be(shown[r][name]);
                    ours.Should().Be(values[r].PadRight(6));
                }
                else
                {
                    var field = layout.Find(name)!;
                    var cobcText = shown[r][name];
                    if (field.Usage == CopybookUsage.NativeBinary && field.Picture!.Scale > 0)
                    {
                        // cobc 3.1.2 DISPLAYs a scaled COMP-5 item as its unscaled integer (no decimal point).
                        var unscaled = decimal.Parse(CobcRecordDump.Canonical(cobcText), CultureInfo.InvariantCulture);
                        for (int k = 0; k < field.Picture.Scale; k++) unscaled /= 10;
                        cobcText = unscaled.ToString(CultureInfo.InvariantCulture);
                    }
                    CobcRecordDump.Canonical(ours).Should().Be(CobcRecordDump.Canonical(cobcText), $"record {r + 1} {name}");
                    CobcRecordDump.Canonical(ours).Should().Be(CobcRecordDump.Canonical(values[r]), $"record {r + 1} {name} as moved");
                }
            }
        }
    }
}
