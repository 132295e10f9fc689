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
