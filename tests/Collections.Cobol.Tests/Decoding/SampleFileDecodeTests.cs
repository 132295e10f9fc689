using Collections.Cobol.Copybooks;
using Collections.Cobol.Tests.Cli;
using Collections.Testing;

namespace Collections.Cobol.Tests.Decoding;

/// <summary>
/// The legacy sample files decoded by <c>collections cobol decode</c> give, field by field, the values a cobc program
/// reading the same file through the same copybook DISPLAYs (numbers compared as decimal values, text exactly).
/// </summary>
public sealed class SampleFileDecodeTests
{
    private static string Legacy => RepoPaths.LegacyHome;

    public static TheoryData<string, string, string, string[]> Files() => new()
    {
        { "sample/2026-03-03/in/ENTRYIN", "ENTRYREC", "fixed", ["ER-REC-TYPE=H:ER-HEADER-DATA", "ER-REC-TYPE=L:ER-LINE-DATA", "ER-REC-TYPE=T:ER-TRAILER-DATA"] },
        { "sample/2026-03-02/in/PAYMENTS", "PAYREC", "fixed", [] },
        { "sample/2026-03-03/out/LINECALC", "LINECALC", "fixed", [] },
        { "sample/2026-03-03/out/ENTCALC", "ENTCALC", "variable", ["ECT-REC-TYPE=M:ENTCALC-MPF-RECORD"] },
        { "sample/2026-03-03/out/STMTOUT", "STMTHDR", "fixed", [] },
        { "sample/2026-03-03/out/STMTDTL", "STMTDTL", "fixed", [] },
        { "sample/2026-03-03/out/OPENITEM", "OPENITEM", "fixed", [] },
        { "sample/2026-03-03/out/LEDGER", "LEDGER", "fixed", [] },
        { "sample/2026-03-03/out/SUSPENSE", "SUSPREC", "line", [] },
        { "sample/2026-03-03/out/CTLTOTS", "CTLTOTS", "line", [] },
        { "sample/2026-03-03/out/REJECTS", "REJREC", "line", [] },
        { "ref/TARIFF.DAT", "REFTARIF", "line", [] },
        { "ref/FEES.DAT", "REFFEES", "line", [] },
        { "ref/EXRATE.DAT", "REFEXRT", "line", [] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Decode_LegacySampleFile_EqualsCobcDisplay(string file, string member, string format, string[] selects)
    {
        using var _ = HostileCulture.Enter();
        using var dir = new TempDir("decode-sample");
        var copybookDir = Path.Combine(Legacy, "copybooks");
        var statement = member == "OPENITEM" ? "COPY OPENITEM REPLACING ==:OI:== BY ==OM==." : $"COPY {member}.";
        var wrapper = dir.Combine("WRAP.cpy");
        File.WriteAllText(wrapper, "           " + statement + "\n");
        var options = new CopybookParserOptions();
        options.IncludeDirectories.Add(copybookDir);
        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(wrapper, options));
        var data = Path.Combine(Legacy, file);

        var args = new List<string> { "cobol", "decode", "--copybook", wrapper, "--include", copybookDir, "--format", format };
        foreach (var s in selects) { args.Add("--select"); args.Add(s); }
        args.Add(data);
        var result = CliRunner.Run([.. args]);
        result.ExitCode.Should().Be(0, result.StdErr);
        var ours = result.JsonLines();

        var kind = format switch { "variable" => CobcRecordDump.FileKind.Variable, "line" => CobcRecordDump.FileKind.Line, _ => CobcRecordDump.FileKind.Fixed };
        var cobc = CobcRecordDump.Run(dir, statement, layout, copybookDir, data, kind);

        ours.Count.Should().Be(cobc.Count, "one JSON line per record");
        int compared = 0;
        for (int i = 0; i < ours.Count; i++)
        {
            foreach (var (key, value) in CliRunner.Leaves(ours[i]))
            {
                value.Should().NotBeNull($"record {i + 1} field {key} decoded");
                cobc[i].Should().ContainKey(key);
                var field = layout.Find(key.Split('(')[0])!;
                if (field.Picture!.IsNumeric)
                    CobcRecordDump.Canonical(value!).Should().Be(CobcRecordDump.Canonical(cobc[i][key]), $"record {i + 1} field {key}");
                else
                    value.Should().Be(cobc[i][key], $"record {i + 1} field {key}");
                compared++;
            }
        }
        if (new FileInfo(data).Length > 0) compared.Should().BeGreaterThan(ours.Count);
    }
}
