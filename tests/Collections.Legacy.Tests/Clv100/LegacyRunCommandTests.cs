using Collections.Testing;

namespace Collections.Legacy.Tests.Clv100;

/// <summary>The CLI entry point <c>collections legacy run</c> on a sample day.</summary>
public class LegacyRunCommandTests
{
    [Fact]
    public void LegacyRun_SampleDay_ExitCodeIsHighestRcAndOutputsWritten()
    {
        using var temp = new TempDir("cli-legacy-run");
        var day = Path.Combine(RepoPaths.LegacyHome, "sample", "2026-03-02");
        var outDir = temp.Combine("out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "ENTCALC"), "stale data set of an earlier run");
        var stdout = Console.Out;
        var capture = new StringWriter();
        Console.SetOut(capture);
        int rc;
        try
        {
            rc = Collections.Cli.Program.Main(["legacy", "run", "20260302", Path.Combine(day, "in"), outDir, "--ref", Path.Combine(RepoPaths.LegacyHome, "ref")]);
        }
        finally
        {
            Console.SetOut(stdout);
        }
        rc.Should().Be(4);
        capture.ToString().Should().Contain("ACSCLV01 STEP010 PGM=CLV100   RC=0004\n");
        File.ReadAllBytes(Path.Combine(outDir, "LINECALC")).Should().Equal(File.ReadAllBytes(Path.Combine(day, "out", "LINECALC")));
        File.ReadAllBytes(Path.Combine(outDir, "sysout", "STEP010.CLV100")).Should().Equal(File.ReadAllBytes(Path.Combine(day, "out", "sysout", "STEP010.CLV100")));
        File.ReadAllText(Path.Combine(outDir, "SYSIN")).Should().Be("RUNDATE=20260302\n");
        // the earlier run's data set is deleted unless a ported step rewrote it
        if (!capture.ToString().Contains("STEP020 PGM=CLV200   RC=", StringComparison.Ordinal))
            File.Exists(Path.Combine(outDir, "ENTCALC")).Should().BeFalse();
    }
}
