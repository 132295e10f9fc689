using System.Text;
using Collections.Legacy.Clv200;
using Collections.Legacy.Pipeline;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv200Parity;

/// <summary>
/// The whole chain ENTRYIN -> STEP010 -> STEP020 through the ported cycle (steps discovered as `legacy run` does)
/// against run-cycle.sh of the real legacy on the same inputs: ENTCALC, the CLV100/CLV200 lines of CTLTOTS and the
/// STEP020 sysout byte for byte, and the STEP020 return code.
/// </summary>
public class Clv200CycleParityTests
{
    public static TheoryData<string, string> Days => new() { { "2026-03-02", "20260302" }, { "2026-03-03", "20260303" } };

    [Fact]
    public void Discover_FindsStep020()
    {
        LegacySteps.Discover().Should().ContainSingle(s => s.StepName == "STEP020" && s.Program == "CLV200" && s is Clv200Step);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void Cycle_SampleDay_Step020OutputsMatchLegacyCycle(string day, string runDate)
    {
        using var temp = new TempDir();
        var inDir = Path.Combine(RepoPaths.LegacyHome, "sample", day, "in");
        var refDir = Path.Combine(RepoPaths.LegacyHome, "ref");
        var legacyOut = temp.Combine("legacy");
        var oursOut = temp.Combine("ours");

        var legacy = LegacySuite.Prepare(RepoPaths.LegacyHome).RunCycle(runDate, inDir, legacyOut, refDir: refDir);
        var console = new StringWriter();
        new LegacyCycle(LegacySteps.Discover()).Run(runDate, inDir, oursOut, null, refDir, console, new StringWriter());

        string StepLine(string text) => text.Split('\n').Single(l => l.StartsWith("ACSCLV01 STEP020", StringComparison.Ordinal));
        StepLine(console.ToString()).Should().Be(StepLine(legacy.StdOut));
        File.ReadAllBytes(Path.Combine(oursOut, "ENTCALC")).Should().Equal(File.ReadAllBytes(Path.Combine(legacyOut, "ENTCALC")));
        File.ReadAllText(Path.Combine(oursOut, "sysout", "STEP020.CLV200"))
            .Should().Be(File.ReadAllText(Path.Combine(legacyOut, "sysout", "STEP020.CLV200")));
        static string Lines(string file) => string.Concat(Encoding.Latin1.GetString(File.ReadAllBytes(file)).Split('\n')
            .Where(l => l.StartsWith("CLV100 ", StringComparison.Ordinal) || l.StartsWith("CLV200 ", StringComparison.Ordinal)).Select(l => l + "\n"));
        Lines(Path.Combine(oursOut, "CTLTOTS")).Should().Be(Lines(Path.Combine(legacyOut, "CTLTOTS")));
    }
}
