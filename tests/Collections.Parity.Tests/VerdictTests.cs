using Collections.Parity.Config;
using Collections.Parity.Model;
using Collections.Parity.Runs;
using Collections.Testing;

namespace Collections.Parity.Tests;

/// <summary>
/// The run verdict is PARITY only when every data set the legacy wrote was compared: a data set the modern side
/// does not produce (step not ported) qualifies the verdict and names the data set, and fails the run with
/// <c>--require-all</c>; a data set a ported step should have written but did not, or one the legacy did not write,
/// is a difference even when it holds no record.
/// </summary>
public sealed class VerdictTests
{
    private static readonly string[] AllPrograms = ["CLV100", "CLV200", "CLV300", "CLV400", "CLV500"];
    private static readonly string[] TenDataSets =
        ["LINECALC", "REJECTS", "ENTCALC", "CTLTOTS", "STMTOUT", "STMTDTL", "OPENITEM", "LEDGER", "SUSPENSE", "CLV500.RPT"];

    private static ParityConfig Config() => ParityConfig.Load(Path.Combine(RepoPaths.LegacyFixtures, "parity-config.json"));

    /// <summary>
    /// A modern side that writes, for the programs it claims, exactly what the legacy wrote (the captured outputs),
    /// then lets <paramref name="tamper"/> change its output folder.
    /// </summary>
    private static DelegateModernEngine CopyEngine(IReadOnlyCollection<string> programs, IReadOnlyDictionary<string, FixtureDay> byRunDir,
        ParityConfig config, Action<string>? tamper = null) =>
        new("captured outputs as modern", programs, r =>
        {
            var fx = byRunDir[r.InDir];
            foreach (var f in Directory.GetFiles(fx.OutputDir, "*", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(fx.OutputDir, f);
                var spec = config.Files.FirstOrDefault(s => s.Name == rel);
                if (spec?.Step is { } step && step != "*" && !programs.Contains(step)) continue;
                var to = Path.Combine(r.OutDir, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                if (rel == "CTLTOTS")
                    File.WriteAllLines(to, File.ReadAllLines(f).Where(l => programs.Any(p => l.StartsWith(p, StringComparison.Ordinal))));
                else File.Copy(f, to);
            }
            tamper?.Invoke(r.OutDir);
            return new ModernRun(fx.StepRcs.Where(kv => programs.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                fx.StepRcs.Where(kv => programs.Contains(kv.Key)).Select(kv => kv.Value).DefaultIfEmpty(0).Max());
        });

    private static RunResult Run(IReadOnlyList<string> names, IReadOnlyCollection<string> programs, bool requireAll = false, Action<string>? tamper = null)
    {
        using var tmp = new TempDir();
        var config = Config();
        var days = names.Select(n => FixtureDay.Load(Path.Combine(RepoPaths.LegacyFixtures, n))).ToList();
        var engine = CopyEngine(programs, days.ToDictionary(d => d.InputDir, StringComparer.Ordinal), config, tamper);
        return ParityRunner.RunFixtures(days, engine, new ParityRunOptions
        {
            Config = config, ConfigText = "{}", WorkDir = tmp.Path, RefDir = Path.Combine(RepoPaths.LegacyHome, "ref"), RequireAll = requireAll,
        });
    }

    [Fact]
    public void RunFixtures_ModernProducesOnlyTheFirstTwoSteps_VerdictNamesEveryDataSetNotProduced()
    {
        var run = Run(["sample-2026-03-02", "sample-2026-03-03"], ["CLV100", "CLV200"]);
        run.Uncovered.Should().Be(0);
        run.Complete.Should().BeFalse();
        run.Verdict.Should().StartWith("PARITY ON PORTED STEPS ONLY").And.NotBe("PARITY");
        run.NotProduced.Should().BeEquivalentTo(["STMTOUT", "STMTDTL", "OPENITEM", "LEDGER", "SUSPENSE", "CLV500.RPT", "CTLTOTS"]);
        run.Verdict.Should().Contain("CLV500.RPT").And.Contain("CTLTOTS").And.Contain("LEDGER");
        run.ExitCode.Should().Be(0, "without --require-all a partial comparison is reported, not failed");
    }

    [Fact]
    public void RunFixtures_RequireAllAndADataSetNotProduced_ExitOne()
    {
        var run = Run(["sample-2026-03-02"], ["CLV100", "CLV200", "CLV300", "CLV400"], requireAll: true);
        run.Uncovered.Should().Be(0);
        run.NotProduced.Should().BeEquivalentTo(["CLV500.RPT"], "CLV500 writes no control totals");
        run.ExitCode.Should().Be(1);
        run.Verdict.Should().Contain("required: FAIL");
    }

    [Fact]
    public void RunFixtures_ModernProducesEveryDataSet_PlainParityAndAllTenCompared()
    {
        var run = Run(["sample-2026-03-02", "sample-2026-03-03"], AllPrograms, requireAll: true);
        run.Verdict.Should().Be("PARITY");
        run.Complete.Should().BeTrue();
        run.ExitCode.Should().Be(0);
        foreach (var day in run.Days)
        {
            day.Files.Select(f => f.Name).Should().BeEquivalentTo(TenDataSets);
            day.Files.Should().OnlyContain(f => f.Status == FileStatus.Identical, day.Name);
        }
    }

    /// <summary>Every committed fixture set: all ten data sets are compared (none left out), each identical or absent on both sides.</summary>
    [Fact]
    public void RunFixtures_EveryCommittedSet_AllTenDataSetsCompared()
    {
        var names = FixtureDay.Discover(RepoPaths.LegacyFixtures).Select(d => d.Name).ToList();
        var run = Run(names, AllPrograms, requireAll: true);
        run.Verdict.Should().Be("PARITY");
        foreach (var day in run.Days)
        {
            day.Files.Select(f => f.Name).Should().BeEquivalentTo(TenDataSets, day.Name);
            day.Files.Should().OnlyContain(f => f.Status == FileStatus.Identical || f.Status == FileStatus.Absent, day.Name);
        }
    }

    [Fact]
    public void RunFixtures_PortedStepLeavesAnEmptyDataSetUnwritten_DifferenceOnTheFile()
    {
        // sample day 1 has no payments: the legacy's SUSPENSE is empty, yet CLV400 must write it
        var day = FixtureDay.Load(Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-02"));
        new FileInfo(Path.Combine(day.OutputDir, "SUSPENSE")).Length.Should().Be(0);
        var run = Run(["sample-2026-03-02"], AllPrograms, tamper: dir => File.Delete(Path.Combine(dir, "SUSPENSE")));
        run.Verdict.Should().Be("DIFFERENCES");
        run.ExitCode.Should().Be(1);
        var d = run.Days.Single().Differences.Single(x => x.File == "SUSPENSE");
        d.Key.Should().Be("(file)");
        d.Class.Should().Be(DiffClass.MissingRecord);
        d.Modern.Should().Be("(not written)");
    }

    [Fact]
    public void RunFixtures_ModernWritesADataSetTheLegacyDidNot_DifferenceOnTheFile()
    {
        // G01: CLV100 ends with RC 8, CLV200 does not run, the legacy writes no ENTCALC
        var day = FixtureDay.Load(Path.Combine(RepoPaths.LegacyFixtures, "garbage-G01-EMPTY-ENTRYIN"));
        File.Exists(Path.Combine(day.OutputDir, "ENTCALC")).Should().BeFalse();
        var run = Run(["garbage-G01-EMPTY-ENTRYIN"], AllPrograms, tamper: dir => File.WriteAllBytes(Path.Combine(dir, "ENTCALC"), []));
        run.Verdict.Should().Be("DIFFERENCES");
        var d = run.Days.Single().Differences.Single(x => x.File == "ENTCALC");
        d.Class.Should().Be(DiffClass.ExtraRecord);
        d.Legacy.Should().Be("(not written)");
    }
}
