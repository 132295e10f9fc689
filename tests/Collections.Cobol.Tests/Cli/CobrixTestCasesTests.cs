using System.Diagnostics;
using System.Text.Json;
using Collections.Testing;

namespace Collections.Cobol.Tests.Cli;

/// <summary>
/// An independent decoder's own test cases: Cobrix (AbsaOSS/cobrix) test files whose bytes are written out in its test
/// sources (IBM and IEEE floats with little-endian RDWs, segment ids blank or padded, segment redefines nested deep,
/// sign over-punching in EBCDIC and ASCII), decoded by this build's CLI with Cobrix's read options mapped to ours and
/// compared value by value with Cobrix's expected output by <c>cobrix/run_cases.py</c> (see <c>cobrix/README.md</c>).
/// Every case must agree, except where <c>cases.json</c> records a known difference (Cobrix's own assertion of an IBM
/// single-precision value its old decoder got wrong, reproduced from the bytes by that decoder's arithmetic) — and that
/// difference must still be there.
/// </summary>
public sealed class CobrixTestCasesTests
{
    private static string Folder => Path.Combine(RepoPaths.RepoRoot, "tests", "Collections.Cobol.Tests", "Cli", "cobrix");

    [Fact]
    public async Task Decode_CobrixTestFiles_AgreeWithCobrixExpectedValues()
    {
        using var dir = new TempDir("cobrix-cases");
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(Folder, "run_cases.py"));
        psi.ArgumentList.Add(dir.Path);
        psi.ArgumentList.Add("dotnet");
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "collections.dll"));
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var p = Process.Start(psi)!;
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        var stdout = await stdoutTask;
        await p.WaitForExitAsync();
        p.ExitCode.Should().Be(0, stdout + stderr);

        using var summary = JsonDocument.Parse(File.ReadAllText(dir.Combine("summary.json")));
        var cases = summary.RootElement.GetProperty("cases").EnumerateArray().ToList();
        cases.Should().HaveCount(9);
        summary.RootElement.GetProperty("agree").GetInt32().Should().Be(7, stdout);
        var known = cases.Where(c => !c.GetProperty("agrees").GetBoolean()).Select(c => c.GetProperty("id").GetString()).ToList();
        known.Should().Equal("Test03IbmFloats-ibm-big-endian", "Test03IbmFloats-ibm-little-endian");
        cases.Where(c => !c.GetProperty("agrees").GetBoolean()).Should().OnlyContain(c => c.GetProperty("knownOnly").GetBoolean());
        // each known difference explained: Cobrix's expected value reproduced from the bytes by its decoder's old
        // arithmetic (issue #853), ours the exact IBM value
        foreach (var c in cases.Where(c => !c.GetProperty("agrees").GetBoolean()))
        {
            var evidence = c.GetProperty("evidence");
            evidence.GetProperty("reproduced").GetBoolean().Should().BeTrue(stdout);
            evidence.GetProperty("oursIsExact").GetBoolean().Should().BeTrue(stdout);
            evidence.GetProperty("exact").GetString().Should().Be("322.9365234375");
        }
    }
}
