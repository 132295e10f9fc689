using Collections.Parity.Compare;
using Collections.Parity.Config;
using Collections.Parity.Legacy;
using Collections.Parity.Model;
using Collections.Parity.Runs;
using Collections.Testing;

namespace Collections.Parity.Tests;

public class ParityRunnerTests
{
    /// <summary>
    /// Diffy's noise check: the legacy's capture against a fresh run of the legacy on the same inputs gives zero
    /// differences (the legacy stamps nothing from the wall clock, so no mask is needed).
    /// </summary>
    [Fact]
    public void CompareFolders_LegacyCaptureAgainstLegacyRerun_NoNoise()
    {
        using var _ = HostileCulture.Enter();
        using var tmp = new TempDir();
        var suite = LegacySuite.Prepare(RepoPaths.LegacyHome);
        var days = new List<DaySides>();
        string? prior = null;
        foreach (var name in new[] { "sample-2026-03-02", "sample-2026-03-03" })
        {
            var fx = FixtureDay.Load(Path.Combine(RepoPaths.LegacyFixtures, name));
            var rerun = tmp.Combine(name);
            var r = suite.RunCycle(fx.RunDate, fx.InputDir, rerun, prior, fx.RefDir ?? suite.RefDir);
            r.ExitCode.Should().Be(fx.CycleRc ?? 0);
            days.Add(new DaySides
            {
                Name = name, RunDate = fx.RunDate, InDir = fx.InputDir, LegacyOutDir = fx.OutputDir, ModernOutDir = rerun,
                LegacyStepRcs = fx.StepRcs, ModernStepRcs = FixtureDay.ParseCycleLog(r.StdOut).ToDictionary(x => x.Program, x => x.Rc),
                ModernCycleRc = r.ExitCode, ModernSteps = ["CLV100", "CLV200", "CLV300", "CLV400", "CLV500"], Mode = "noise",
            });
            prior = rerun;
        }
        var config = ParityConfig.Load(Path.Combine(RepoPaths.LegacyFixtures, "parity-config.json"));
        var run = ParityRunner.CompareFolders(days, new ParityRunOptions { Config = config, ConfigText = "{}", WorkDir = tmp.Path });
        run.Days.SelectMany(d => d.Differences).Should().BeEmpty();
        run.ExitCode.Should().Be(0);
        run.Days.SelectMany(d => d.Files).Where(f => f.Status != FileStatus.Absent).Should().OnlyContain(f => f.Status == FileStatus.Identical);
        run.Days.SelectMany(d => d.ReturnCodes).Should().OnlyContain(r => r.Compared && r.Equal);
        run.Days.SelectMany(d => d.Gates).Should().NotContain(g => g.Holds == false);
    }

    [Fact]
    public void Discover_CommittedFixtures_ChainsOrderedAfterTheirPrior()
    {
        var days = FixtureDay.Discover(RepoPaths.LegacyFixtures);
        days.Should().NotBeEmpty();
        var index = days.Select((d, i) => (d.Name, i)).ToDictionary(x => x.Name, x => x.i);
        foreach (var d in days.Where(d => d.Prior is not null && index.ContainsKey(d.Prior)))
            index[d.Prior!].Should().BeLessThan(index[d.Name], d.Name);
        days.Single(d => d.Name == "sample-2026-03-03").PriorOutputDir().Should().EndWith(Path.Combine("sample-2026-03-02", "output"));
    }

    [Fact]
    public void ParseCycleLog_RunCycleConsole_StepReturnCodes()
    {
        var steps = FixtureDay.ParseCycleLog("ACSCLV01 CYCLE 20260303 STARTED\nACSCLV01 STEP010 PGM=CLV100   RC=0004\nACSCLV01 STEP020 PGM=CLV200   RC=0000\nACSCLV01 STEP030 PGM=CLV300   NOT RUN\n").ToList();
        steps.Should().Equal(("CLV100", 4), ("CLV200", 0));
    }

    /// <summary>Every committed fixture set gates cleanly on the legacy's own files where the cycle completed.</summary>
    [Fact]
    public void RunFixtures_EveryCommittedSet_LegacyGatesHoldOnCompletedCycles()
    {
        using var tmp = new TempDir();
        var config = ParityConfig.Load(Path.Combine(RepoPaths.LegacyFixtures, "parity-config.json"));
        var days = FixtureDay.Discover(RepoPaths.LegacyFixtures);
        var run = ParityRunner.RunFixtures(days, null, new ParityRunOptions { Config = config, ConfigText = "{}", WorkDir = tmp.Path });
        run.ExitCode.Should().Be(0);
        foreach (var day in run.Days.Where(d => days.Single(x => x.Name == d.Name).CycleRc is 0 or 4))
        {
            day.Notes.Where(n => !n.StartsWith("no modern engine", StringComparison.Ordinal)).Should().BeEmpty(day.Name);
            // a damaged old master (prior/ folder, garbage-M*): CLV400 drops records whose balance CTLTOTS 01 still
            // counts (M03), and carries libcob's arithmetic on invalid packed amounts into the new master (M04), so the
            // gates over the opening balance and the per-item balance identity cannot hold there; CycleInvariantsTests
            // accounts for the dropped balance and names what cannot be evaluated
            var crafted = Directory.Exists(Path.Combine(days.Single(x => x.Name == day.Name).Directory, "prior"));
            foreach (var g in day.Gates.Where(g => g.Side == "legacy"
                                                   && !(crafted && g.Id is "ledger-net-to-master" or "master-roll-forward" or "openitem-balance")))
                g.Holds.Should().NotBe(false, $"{day.Name} {g.Id}: {g.Detail}");
        }
        run.Days.SelectMany(d => d.Files).Where(f => f.LegacyRecords > 0).Should().OnlyContain(f => f.Status == FileStatus.NotProduced);
    }
}

public class LiveRunTests
{
    /// <summary>
    /// The live runner end to end on a two-day chain, with the legacy itself as the "modern" engine: both sides
    /// build their own chain (each day's prior is the side's own previous OUTDIR) and nothing differs.
    /// </summary>
    [Fact]
    public void RunLive_LegacyAgainstItselfOnTwoDayChain_ParityAndChainCarried()
    {
        using var tmp = new TempDir();
        var suite = LegacySuite.Prepare(RepoPaths.LegacyHome);
        var priors = new List<string?>();
        var engine = new DelegateModernEngine("legacy as modern", ["CLV100", "CLV200", "CLV300", "CLV400", "CLV500"], r =>
        {
            priors.Add(r.Prior);
            var res = suite.RunCycle(r.RunDate, r.InDir, r.OutDir, r.Prior, r.RefDir);
            return new ModernRun(FixtureDay.ParseCycleLog(res.StdOut).ToDictionary(x => x.Program, x => x.Rc), res.ExitCode, res.StdOut);
        });
        var config = ParityConfig.Load(Path.Combine(RepoPaths.LegacyFixtures, "parity-config.json"));
        var days = new[] { ("2026-03-02", "20260302"), ("2026-03-03", "20260303") }
            .Select(d => new LiveDay(d.Item1, d.Item2, Path.Combine(RepoPaths.LegacyHome, "sample", d.Item1, "in"))).ToList();
        var run = ParityRunner.RunLive(suite, days, null, engine, new ParityRunOptions { Config = config, ConfigText = "{}", WorkDir = tmp.Path });
        run.ExitCode.Should().Be(0);
        run.Days.Should().HaveCount(2);
        run.Days.SelectMany(d => d.Differences).Should().BeEmpty();
        run.Days[1].Files.Single(f => f.Name == "OPENITEM").Status.Should().Be(FileStatus.Identical);
        priors.Should().Equal(null, Path.Combine(tmp.Path, "modern", "2026-03-02"));
        // The legacy side of the live run matches the legacy's own committed sample outputs.
        File.ReadAllBytes(Path.Combine(tmp.Path, "legacy", "2026-03-03", "OPENITEM"))
            .Should().Equal(File.ReadAllBytes(Path.Combine(RepoPaths.LegacyHome, "sample", "2026-03-03", "out", "OPENITEM")));
    }
}
