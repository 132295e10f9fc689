using Collections.Legacy.Clv500;
using Collections.Legacy.Pipeline;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv500Parity;

/// <summary>
/// The whole ported cycle (steps discovered as `legacy run` does) against run-cycle.sh of the real legacy on the same
/// input days, the second day carrying the first day's master: CLV500.RPT, the STEP050 sysout and the STEP050 line of
/// the console byte for byte.
/// </summary>
public class Clv500CycleParityTests
{
    [Fact]
    public void Discover_FindsStep050()
    {
        LegacySteps.Discover().Should().ContainSingle(s => s.StepName == "STEP050" && s.Program == "CLV500" && s is Clv500Step);
    }

    [Fact]
    public void Cycle_SampleDaysChained_Step050OutputsMatchLegacyCycle()
    {
        using var temp = new TempDir("clv500-cycle");
        var refDir = Path.Combine(RepoPaths.LegacyHome, "ref");
        string? legacyPrior = null, oursPrior = null;
        foreach (var (day, runDate) in new[] { ("2026-03-02", "20260302"), ("2026-03-03", "20260303") })
        {
            var inDir = Path.Combine(RepoPaths.LegacyHome, "sample", day, "in");
            var legacyOut = temp.Combine("legacy-" + runDate);
            var oursOut = temp.Combine("ours-" + runDate);

            var legacy = LegacySuite.Prepare(RepoPaths.LegacyHome).RunCycle(runDate, inDir, legacyOut, legacyPrior, refDir);
            var console = new StringWriter();
            new LegacyCycle(LegacySteps.Discover()).Run(runDate, inDir, oursOut, oursPrior, refDir, console, new StringWriter());

            string StepLine(string text) => text.Split('\n').Single(l => l.StartsWith("ACSCLV01 STEP050", StringComparison.Ordinal));
            StepLine(console.ToString()).Should().Be(StepLine(legacy.StdOut)).And.EndWith("RC=0000");
            File.ReadAllBytes(Path.Combine(oursOut, "CLV500.RPT")).Should().Equal(File.ReadAllBytes(Path.Combine(legacyOut, "CLV500.RPT")));
            File.ReadAllText(Path.Combine(oursOut, "sysout", "STEP050.CLV500"))
                .Should().Be(File.ReadAllText(Path.Combine(legacyOut, "sysout", "STEP050.CLV500")));
            legacyPrior = legacyOut;
            oursPrior = oursOut;
        }
    }
}
