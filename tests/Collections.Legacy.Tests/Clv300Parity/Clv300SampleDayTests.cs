using System.Text;
using Collections.Legacy.Tests.Clv300Parity;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv300Parity;

/// <summary>
/// STEP030 on the legacy's captured ENTCALC of every committed fixture set (and the two sample days): our step must
/// reproduce the captured STMTOUT, STMTDTL, the CLV300 lines of CTLTOTS and the sysout, byte for byte, with the RC
/// of the captured cycle; and the live legacy program on the same ENTCALC must agree.
/// </summary>
public class Clv300SampleDayTests
{
    public static TheoryData<string> FixturesWithStep030()
    {
        var data = new TheoryData<string>();
        foreach (var d in Directory.GetDirectories(RepoPaths.LegacyFixtures).OrderBy(x => x, StringComparer.Ordinal))
            if (File.Exists(Path.Combine(d, "output", "sysout", "STEP030.CLV300"))) data.Add(Path.GetFileName(d));
        return data;
    }

    private static string Output(string fixture) => Path.Combine(RepoPaths.LegacyFixtures, fixture, "output");

    private static string RefDir(string fixture)
    {
        var own = Path.Combine(RepoPaths.LegacyFixtures, fixture, "ref");
        return Directory.Exists(own) ? own : Clv300Harness.LegacyRef;
    }

    [Theory]
    [MemberData(nameof(FixturesWithStep030))]
    public void Run_FixtureEntcalc_MatchesCapturedOutputs(string fixture)
    {
        using var _ = HostileCulture.Enter();
        using var temp = new TempDir();
        var dir = temp.Combine("run");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(Output(fixture), "SYSIN"), Path.Combine(dir, "SYSIN"));
        File.Copy(Path.Combine(Output(fixture), "ENTCALC"), Path.Combine(dir, "ENTCALC"));

        var ours = Clv300Harness.RunOurs(dir, RefDir(fixture));

        var sysout = File.ReadAllText(Path.Combine(Output(fixture), "sysout", "STEP030.CLV300"));
        ours.Sysout.Should().Be(sysout);
        var rcLine = sysout.Split('\n').Single(l => l.StartsWith("CLV9009I", StringComparison.Ordinal));
        ours.ReturnCode.ToString("D4", System.Globalization.CultureInfo.InvariantCulture).Should().Be(rcLine[^4..]);
        Convert.ToHexString(ours.Stmtout!).Should().Be(Convert.ToHexString(File.ReadAllBytes(Path.Combine(Output(fixture), "STMTOUT"))));
        Convert.ToHexString(ours.Stmtdtl!).Should().Be(Convert.ToHexString(File.ReadAllBytes(Path.Combine(Output(fixture), "STMTDTL"))));
        var capturedCtl = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(Output(fixture), "CTLTOTS")))
            .Split('\n').Where(l => l.StartsWith("CLV300 ", StringComparison.Ordinal)).Select(l => l + "\n");
        ours.Ctltots.Should().Be(string.Concat(capturedCtl));
    }

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2026-03-03")]
    public void Run_SampleDayEntcalc_MatchesLiveLegacy(string day)
    {
        var output = Path.Combine(RepoPaths.LegacyHome, "sample", day, "out");
        Clv300Harness.Compare(File.ReadAllText(Path.Combine(output, "SYSIN")), File.ReadAllBytes(Path.Combine(output, "ENTCALC")));
    }
}
