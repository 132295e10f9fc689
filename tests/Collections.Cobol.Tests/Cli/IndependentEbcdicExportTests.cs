using System.Diagnostics;
using System.Text.Json;
using Collections.Testing;

namespace Collections.Cobol.Tests.Cli;

/// <summary>
/// <c>collections cobol decode</c> against an export that our code did not write: <c>independent/make_export.py</c>
/// builds random EBCDIC records (Python's cp037 codec, IBM packed decimal with C/D/F signs, zoned decimal with
/// C/D/F sign zones, big-endian two's-complement binary of 2/4/8 bytes with implied decimals, SIGN LEADING SEPARATE,
/// OCCURS, three record types through REDEFINES chosen by <c>--select</c>, national characters) and writes the
/// values it encoded. Every field of every record is compared value by value with the decoder's JSON.
/// </summary>
public sealed class IndependentEbcdicExportTests
{
    private static string Folder => Path.Combine(RepoPaths.RepoRoot, "tests", "Collections.Cobol.Tests", "Cli", "independent");

    [Theory]
    [InlineData(1, 3000)]
    [InlineData(20261128, 3000)]
    public void Decode_IndependentlyEncodedExport_EveryValueEqual(int seed, int count)
    {
        using var culture = HostileCulture.Enter();
        using var dir = new TempDir("independent-export");
        MakeExport(dir.Path, seed, count);

        var result = CliRunner.Run("cobol", "decode", "--copybook", Path.Combine(Folder, "EXPORT.cpy"), "--encoding", "cp037",
            "--select", "REC-TYPE=A:REC-A", "--select", "REC-TYPE=B:REC-B", "--select", "REC-TYPE=T:REC-T",
            dir.Combine("EXPORT.DAT"));

        result.ExitCode.Should().Be(0, result.StdErr);
        var got = result.JsonLines();
        var expected = File.ReadAllLines(dir.Combine("EXPECTED.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        got.Should().HaveCount(count);
        for (int i = 0; i < count; i++)
        {
            var want = expected[i].EnumerateObject().Select(p => new KeyValuePair<string, string?>(p.Name, p.Value.GetString())).ToList();
            CliRunner.Leaves(got[i]).Should().Equal(want, $"record {i + 1} (seed {seed})");
        }
    }

    private static void MakeExport(string outDir, int seed, int count)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(Folder, "make_export.py"));
        psi.ArgumentList.Add(outDir);
        psi.ArgumentList.Add(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.ArgumentList.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("make_export.py failed: " + err);
    }
}
