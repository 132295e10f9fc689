using Collections.Cobol.Numerics;
using Collections.Domain.EntryFees;
using Collections.Legacy.Clv200;
using Collections.Parity.Compare;
using Collections.Parity.Config;
using Collections.Parity.Model;
using Collections.Parity.Runs;
using Collections.Testing;

namespace Collections.Parity.Tests;

/// <summary>
/// Engine mutations: the ported CLV200 (Collections.Legacy) run with one altered <see cref="EntryFeePolicies"/>
/// member on the legacy's captured LINECALC, compared with the legacy's capture. The unaltered port is the control.
/// </summary>
public class EngineMutationTests
{
    private static RunResult RunClv200(string fixture, EntryFeePolicies policies, TempDir tmp)
    {
        var fx = FixtureDay.Load(Path.Combine(RepoPaths.LegacyFixtures, fixture));
        var modern = tmp.Combine("modern");
        Directory.CreateDirectory(Path.Combine(modern, "sysout"));
        foreach (var f in new[] { "LINECALC", "REJECTS", "SYSIN" })
            File.Copy(Path.Combine(fx.OutputDir, f), Path.Combine(modern, f));
        // CTLTOTS as CLV100 left it; the port appends its own CLV200 totals.
        File.WriteAllLines(Path.Combine(modern, "CTLTOTS"), File.ReadAllLines(Path.Combine(fx.OutputDir, "CTLTOTS")).Where(l => l.StartsWith("CLV100", StringComparison.Ordinal)));
        var refDir = fx.RefDir ?? Path.Combine(RepoPaths.LegacyHome, "ref");
        var rc = Clv200Step.RunCycleStep(modern, refDir, policies);
        var config = ParityConfig.Load(Path.Combine(RepoPaths.LegacyFixtures, "parity-config.json"));
        return ParityRunner.CompareFolders(
        [
            new DaySides
            {
                Name = fx.Name, RunDate = fx.RunDate, InDir = fx.InputDir, LegacyOutDir = fx.OutputDir, ModernOutDir = modern,
                LegacyStepRcs = fx.StepRcs, ModernStepRcs = new Dictionary<string, int> { ["CLV100"] = fx.StepRcs["CLV100"], ["CLV200"] = rc },
                ModernSteps = ["CLV100", "CLV200"], Mode = "engine-mutation",
            },
        ], new ParityRunOptions { Config = config, ConfigText = "{}", WorkDir = tmp.Path });
    }

    [Fact]
    public void Clv200_LegacyPolicies_Parity()
    {
        using var tmp = new TempDir();
        var run = RunClv200("gen-coverage-fy-boundary-20251001", EntryFeePolicies.Legacy, tmp);
        run.Days[0].Differences.Should().BeEmpty();
        run.ExitCode.Should().Be(0);
        run.Days[0].Files.Single(f => f.Name == "ENTCALC").Status.Should().Be(FileStatus.Identical);
    }

    [Fact]
    public void Clv200_EntryMpfTruncatedInsteadOfRounded_TruncationFoundAndPriced()
    {
        using var _ = HostileCulture.Enter();
        using var tmp = new TempDir();
        var run = RunClv200("gen-coverage-fy-boundary-20251001", EntryFeePolicies.Legacy with { EntryMpfRounding = CobolRoundingMode.Truncation }, tmp);
        var day = run.Days[0];
        run.ExitCode.Should().Be(1);
        var fee = day.Differences.Where(d => d.Field == "ECT-FEE-AMT(1)").ToList();
        fee.Should().NotBeEmpty();
        fee.Where(d => d.Class == DiffClass.Truncation).Should().NotBeEmpty();
        fee.Should().OnlyContain(d => d.Class == DiffClass.Truncation || d.Class == DiffClass.RoundingMode,
            "every entry MPF difference is explained by the rounding rule");
        day.Differences.Where(d => d.Field == "ECT-TOTAL-ASSESSED").Should().OnlyContain(d => d.Class == DiffClass.Propagated);
        day.HeadlineImpact.NetCents.Should().BeNegative();
        day.HeadlineImpact.AbsoluteCents.Should().Be(fee.Count, "one cent per entry");
    }

    [Fact]
    public void Clv200_RemainderOnFirstLine_ReallocationWithZeroNet()
    {
        using var tmp = new TempDir();
        var run = RunClv200("gen-coverage-fy-boundary-20251001", EntryFeePolicies.Legacy with { MpfRemainder = MpfRemainderPlacement.FirstLiableLine }, tmp);
        var day = run.Days[0];
        var alloc = day.Differences.Where(d => d.File == "ENTCALC").ToList();
        alloc.Should().NotBeEmpty();
        alloc.Should().OnlyContain(d => d.Field == "ECM-ALLOC-MPF" && d.Class == DiffClass.Reallocation);
        day.Files.Single(f => f.Name == "ENTCALC").Impact.NetCents.Should().Be(0);
        day.HeadlineImpact.AbsoluteCents.Should().Be(0);
    }
}
