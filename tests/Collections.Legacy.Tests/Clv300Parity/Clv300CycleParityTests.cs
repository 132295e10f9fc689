using System.Text;
using Collections.Legacy.Clv300;
using Collections.Legacy.Pipeline;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv300Parity;

/// <summary>
/// The chain ENTRYIN -> STEP010 -> STEP020 -> STEP030 through the ported cycle (steps discovered as `legacy run`
/// does) against run-cycle.sh of the real legacy on the same inputs: the step lines of STEP010-030, ENTCALC, STMTOUT,
/// STMTDTL, the CLV100/CLV200/CLV300 lines of CTLTOTS and the sysout of each of the three steps, byte for byte.
/// </summary>
public class Clv300CycleParityTests
{
    [Fact]
    public void Discover_FindsStep030()
    {
        LegacySteps.Discover().Should().ContainSingle(s => s.StepName == "STEP030" && s.Program == "CLV300" && s is Clv300Step);
    }

    public static TheoryData<string, string> SampleDays => new() { { "2026-03-02", "20260302" }, { "2026-03-03", "20260303" } };

    [Theory]
    [MemberData(nameof(SampleDays))]
    public void Cycle_SampleDay_Steps010To030MatchLegacyCycle(string day, string runDate)
        => CompareCycles(Path.Combine(RepoPaths.LegacyHome, "sample", day, "in"), runDate);

    /// <summary>Generated days: coverage scenarios in 2026, a leap February (2028-02-29 entries), and the end of the holiday table (2029 dates, CLV8211W, RC 4).</summary>
    [Theory]
    [InlineData(20260302, 7UL, 250)]
    [InlineData(20280301, 5UL, 200)]
    [InlineData(20281228, 5UL, 200)]
    [InlineData(20261231, 11UL, 150)]
    public void Cycle_GeneratedDay_Steps010To030MatchLegacyCycle(int runDate, ulong seed, int entries)
    {
        using var temp = new TempDir("clv300-gen");
        var inDir = temp.Combine("in");
        var refDir = Path.Combine(RepoPaths.LegacyHome, "ref");
        var options = new DayGeneratorOptions { RunDate = runDate, Entries = entries, Seed = seed, OutDir = inDir, RefDir = refDir, MeanLines = 3 };
        DayGenerator.Generate(options);
        CompareCycles(inDir, runDate.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void CompareCycles(string inDir, string runDate)
    {
        using var temp = new TempDir("clv300-cycle");
        var refDir = Path.Combine(RepoPaths.LegacyHome, "ref");
        var legacyOut = temp.Combine("legacy");
        var oursOut = temp.Combine("ours");

        var legacy = LegacySuite.Prepare(RepoPaths.LegacyHome).RunCycle(runDate, inDir, legacyOut, refDir: refDir);
        var console = new StringWriter();
        new LegacyCycle(LegacySteps.Discover()).Run(runDate, inDir, oursOut, null, refDir, console, new StringWriter());

        static string StepLines(string text) => string.Join('\n', text.Split('\n').Where(l =>
            l.StartsWith("ACSCLV01 STEP010", StringComparison.Ordinal) || l.StartsWith("ACSCLV01 STEP020", StringComparison.Ordinal)
            || l.StartsWith("ACSCLV01 STEP030", StringComparison.Ordinal)));
        StepLines(console.ToString()).Should().Be(StepLines(legacy.StdOut));
        foreach (var dataSet in new[] { "ENTCALC", "STMTOUT", "STMTDTL" })
            File.ReadAllBytes(Path.Combine(oursOut, dataSet)).Should().Equal(File.ReadAllBytes(Path.Combine(legacyOut, dataSet)), dataSet);
        foreach (var sysout in new[] { "STEP010.CLV100", "STEP020.CLV200", "STEP030.CLV300" })
            File.ReadAllText(Path.Combine(oursOut, "sysout", sysout)).Should().Be(File.ReadAllText(Path.Combine(legacyOut, "sysout", sysout)), sysout);
        static string Lines(string file) => string.Concat(Encoding.Latin1.GetString(File.ReadAllBytes(file)).Split('\n')
            .Where(l => l.StartsWith("CLV100 ", StringComparison.Ordinal) || l.StartsWith("CLV200 ", StringComparison.Ordinal) || l.StartsWith("CLV300 ", StringComparison.Ordinal))
            .Select(l => l + "\n"));
        Lines(Path.Combine(oursOut, "CTLTOTS")).Should().Be(Lines(Path.Combine(legacyOut, "CTLTOTS")));
    }
}
