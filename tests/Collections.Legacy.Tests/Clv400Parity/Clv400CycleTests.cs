using Collections.Legacy.Clv100;
using Collections.Legacy.Clv200;
using Collections.Legacy.Clv400;
using Collections.Legacy.Pipeline;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv400Parity;

/// <summary>
/// STEP040 inside the cycle (what `collections legacy run` runs): OLDMAST is the prior day's OUTDIR/OPENITEM (or
/// absent on the first day), PAYMENTS comes from INDIR, INTRATE from the reference library; the sample days run as a
/// chain through every ported step.
/// </summary>
public class Clv400CycleTests
{
    private static string Sample(string day, string part) => Path.Combine(RepoPaths.LegacyHome, "sample", day, part);

    [Fact]
    public void Cycle_SampleDays_Step040OutputsEqualTheLegacyCycle()
    {
        using var temp = new TempDir();
        string? prior = null;
        foreach (var (day, runDate) in new[] { ("2026-03-02", "20260302"), ("2026-03-03", "20260303") })
        {
            var outDir = temp.Combine(day);
            var console = new StringWriter { NewLine = "\n" };
            var result = new LegacyCycle(LegacySteps.Discover()).Run(runDate, Sample(day, "in"), outDir, prior, Clv400Harness.LegacyRef, console, new StringWriter());

            console.ToString().Should().Contain("ACSCLV01 STEP040 PGM=CLV400   RC=000");
            foreach (var f in new[] { "OPENITEM", "LEDGER", "SUSPENSE", "CTLTOTS" })
                File.ReadAllBytes(Path.Combine(outDir, f)).Should().Equal(File.ReadAllBytes(Path.Combine(Sample(day, "out"), f)), f);
            File.ReadAllBytes(Path.Combine(outDir, "sysout", "STEP040.CLV400"))
                .Should().Equal(File.ReadAllBytes(Path.Combine(Sample(day, "out"), "sysout", "STEP040.CLV400")));
            result.MaxReturnCode.Should().Be(4);
            prior = outDir;
        }
    }

    [Fact]
    public void Cycle_WithStep030NotPorted_DoesNotRunStep040()
    {
        using var temp = new TempDir();
        var console = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter { NewLine = "\n" };
        new LegacyCycle([new Clv100Step(), new Clv200Step(), new Clv400Step()])
            .Run("20260302", Sample("2026-03-02", "in"), temp.Combine("out"), null, Clv400Harness.LegacyRef, console, errors);
        console.ToString().Should().Contain("ACSCLV01 STEP030 PGM=CLV300   NOT PORTED\n").And.Contain("ACSCLV01 STEP040 PGM=CLV400   NOT RUN\n");
        errors.ToString().Should().Contain("STEP040 NOT RUN: STEP030 IS NOT PORTED");
        File.Exists(Path.Combine(temp.Combine("out"), "OPENITEM")).Should().BeFalse();
    }

    [Fact]
    public void Discover_FindsStep040() =>
        LegacySteps.Discover().Should().Contain(s => s.StepName == "STEP040" && s.Program == "CLV400" && s is Clv400Step);
}
