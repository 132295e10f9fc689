using System.Text;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv400Parity;

/// <summary>
/// STEP040 on the legacy's sample days, as a chain: our step fed the legacy's STMTOUT, PAYMENTS and prior OPENITEM
/// must reproduce its OPENITEM, LEDGER, SUSPENSE, CLV400 lines of CTLTOTS, sysout and RC byte for byte (captured
/// outputs), and agree with the live legacy program on the same input.
/// </summary>
public class Clv400SampleDayTests
{
    public static TheoryData<string, string?> Days => new() { { "2026-03-02", null }, { "2026-03-03", "2026-03-02" } };

    private static string Sample(string day, string part) => Path.Combine(RepoPaths.LegacyHome, "sample", day, part);

    private static Dictionary<string, byte[]?> Inputs(string day, string? prior)
    {
        byte[]? Read(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;
        return new Dictionary<string, byte[]?>
        {
            ["SYSIN"] = Read(Path.Combine(Sample(day, "out"), "SYSIN")),
            ["STMTOUT"] = Read(Path.Combine(Sample(day, "out"), "STMTOUT")),
            ["PAYMENTS"] = Read(Path.Combine(Sample(day, "in"), "PAYMENTS")),
            ["OLDMAST"] = prior is null ? null : Read(Path.Combine(Sample(prior, "out"), "OPENITEM")),
        };
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void Run_SampleDay_MatchesCapturedOutputs(string day, string? prior)
    {
        using var temp = new TempDir();
        var (_, dir) = Clv400Harness.TwoRunDirs(temp, Inputs(day, prior));

        var ours = Clv400Harness.RunOurs(dir);

        var outDir = Sample(day, "out");
        ours.Sysout.Should().Be(File.ReadAllText(Path.Combine(outDir, "sysout", "STEP040.CLV400"), Encoding.Latin1));
        Convert.ToHexString(ours.NewMaster!).Should().Be(Convert.ToHexString(File.ReadAllBytes(Path.Combine(outDir, "OPENITEM"))));
        Convert.ToHexString(ours.Ledger!).Should().Be(Convert.ToHexString(File.ReadAllBytes(Path.Combine(outDir, "LEDGER"))));
        Convert.ToHexString(ours.Suspense!).Should().Be(Convert.ToHexString(File.ReadAllBytes(Path.Combine(outDir, "SUSPENSE"))));
        var captured = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(outDir, "CTLTOTS")))
            .Split('\n').Where(l => l.StartsWith("CLV400 ", StringComparison.Ordinal)).Select(l => l + "\n");
        ours.Ctltots.Should().Be(string.Concat(captured));
        ours.ReturnCode.Should().Be(day == "2026-03-02" ? 0 : 4);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void Run_SampleDay_MatchesLiveLegacy(string day, string? prior) => Clv400Harness.RunBothAndCompare(Inputs(day, prior));
}
