using Collections.Testing;

namespace Collections.Parity.Tests;

[Collection("console")]
public class ParityRunCommandsTests
{
    private static (int Rc, string Out, string Err) Cli(params string[] args)
    {
        var (o, e) = (Console.Out, Console.Error);
        var so = new StringWriter();
        var se = new StringWriter();
        try
        {
            Console.SetOut(so);
            Console.SetError(se);
            return (Collections.Cli.Program.Main(args), so.ToString(), se.ToString());
        }
        finally
        {
            Console.SetOut(o);
            Console.SetError(e);
        }
    }

    private static bool ModernPipelineAvailable() =>
        Collections.Cli.Program.BuildRoot().Subcommands.FirstOrDefault(c => c.Name == "legacy")?.Subcommands.Any(c => c.Name == "run") == true;

    /// <summary>The main-job path: the committed fixture sets through the harness, no legacy needed, HTML path printed.</summary>
    [Fact]
    public void ParityRun_CommittedFixtures_ExitZeroAndPrintsTheHtmlReport()
    {
        using var _ = HostileCulture.Enter();
        using var tmp = new TempDir();
        string[] args = ["parity", "run", "--fixtures", RepoPaths.LegacyFixtures, "--report", tmp.Path];
        if (!ModernPipelineAvailable()) args = [.. args, "--captured-only"];
        var (rc, stdout, stderr) = Cli(args);
        rc.Should().Be(0, stdout + stderr);
        stdout.Should().Contain("HTML report: " + Path.Combine(tmp.Path, "parity-report.html"));
        File.Exists(Path.Combine(tmp.Path, "parity-report.html")).Should().BeTrue();
        File.Exists(Path.Combine(tmp.Path, "parity-audit-bundle.tar.gz")).Should().BeTrue();
        // the verdict reads plain PARITY only once the modern side writes every data set of the cycle
        var ported = Collections.Legacy.Pipeline.LegacySteps.Discover().Select(s => s.StepName).ToList();
        if (ported.Count == Collections.Legacy.Pipeline.LegacySteps.Cycle.Count) stdout.Should().Contain("verdict: PARITY (exit 0)");
        else stdout.Should().Contain("verdict: PARITY ON PORTED STEPS ONLY").And.Contain("CLV500.RPT").And.NotContain("verdict: PARITY (exit 0)");
    }

    /// <summary>--require-all fails the main-job run while a step is not ported, and passes once all are.</summary>
    [Fact]
    public void ParityRun_RequireAll_FailsWhileAStepIsNotPorted()
    {
        using var tmp = new TempDir();
        if (!ModernPipelineAvailable()) return;
        var (rc, stdout, stderr) = Cli("parity", "run", "--fixtures", Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-02"), "--report", tmp.Path, "--require-all");
        var allPorted = Collections.Legacy.Pipeline.LegacySteps.Discover().Count == Collections.Legacy.Pipeline.LegacySteps.Cycle.Count;
        rc.Should().Be(allPorted ? 0 : 1, stdout + stderr);
        if (!allPorted) stdout.Should().Contain("(required: FAIL)");
    }

    [Fact]
    public void ParityRun_MissingFixtureFolder_ExitTwo()
    {
        using var tmp = new TempDir();
        var (rc, _, err) = Cli("parity", "run", "--fixtures", tmp.Combine("nope"), "--report", tmp.Path, "--captured-only");
        rc.Should().Be(2);
        err.Should().Contain("not found");
    }

    [Fact]
    public void ParityLive_RunDateNotCcyymmdd_ExitTwo()
    {
        using var tmp = new TempDir();
        var (rc, _, err) = Cli("parity", "live", "--legacy-home", RepoPaths.LegacyHome, "--input", tmp.Path, "--rundate", "2026-03-02");
        rc.Should().Be(2);
        err.Should().Contain("CCYYMMDD");
    }
}
