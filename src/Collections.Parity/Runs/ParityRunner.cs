using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Collections.Parity.Compare;
using Collections.Parity.Config;
using Collections.Parity.Legacy;
using Collections.Parity.Model;
using Collections.Parity.Register;

namespace Collections.Parity.Runs;

/// <summary>The modern side of a parallel run: runs the ported steps of one cycle into an output folder.</summary>
public interface IModernEngine
{
    string Name { get; }

    /// <summary>Programs it runs (CLV100, CLV200...); the legacy's other outputs are "not produced by the modern side".</summary>
    IReadOnlyCollection<string> Steps { get; }

    ModernRun Run(string runDate, string inDir, string outDir, string? priorOutDir, string refDir);
}

/// <summary>Return codes of a modern run: per program and for the cycle.</summary>
public sealed record ModernRun(IReadOnlyDictionary<string, int> StepRcs, int CycleRc, string Log = "");

/// <summary>The modern side cannot run (not built, not wired): an environment error (exit 2).</summary>
public sealed class ModernEngineUnavailableException(string message) : Exception(message);

/// <summary>An engine from a delegate (the CLI wires the ported pipeline in through this).</summary>
public sealed class DelegateModernEngine(string name, IReadOnlyCollection<string> steps,
    Func<(string RunDate, string InDir, string OutDir, string? Prior, string RefDir), ModernRun> run) : IModernEngine
{
    public string Name { get; } = name;
    public IReadOnlyCollection<string> Steps { get; } = steps;
    public ModernRun Run(string runDate, string inDir, string outDir, string? priorOutDir, string refDir) =>
        run((runDate, inDir, outDir, priorOutDir, refDir));
}

public sealed class ParityRunOptions
{
    public required ParityConfig Config { get; init; }

    /// <summary>Exact text of the configuration used (for the audit bundle and its hash).</summary>
    public required string ConfigText { get; init; }
    public KnownDifferenceRegister Register { get; init; } = KnownDifferenceRegister.Empty();
    public IReadOnlyList<string> CopybookDirs { get; init; } = [];

    /// <summary>Reference tables when a fixture carries none (the legacy's ref/).</summary>
    public string? RefDir { get; init; }

    /// <summary>Where modern outputs are written (one folder per day).</summary>
    public required string WorkDir { get; init; }
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A data set the modern side does not produce fails the run (exit 1) instead of qualifying the verdict.</summary>
    public bool RequireAll { get; init; }
}

/// <summary>A day to run live: its inputs and run date.</summary>
public sealed record LiveDay(string Name, string RunDate, string InputDir);

/// <summary>Runs the harness: fixture sets (captured legacy outputs) or live (legacy and modern side by side).</summary>
public static class ParityRunner
{
    public static RunResult RunFixtures(IReadOnlyList<FixtureDay> days, IModernEngine? engine, ParityRunOptions o)
    {
        var result = NewResult("fixtures", o);
        var comparer = new DayComparer(o.Config, new CopybookSource(o.CopybookDirs));
        var modernOut = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            string? mOut = null;
            ModernRun? run = null;
            if (engine is not null)
            {
                var refDir = day.RefDir ?? o.RefDir ?? throw new ModernEngineUnavailableException(
                    $"{day.Name}: the fixture carries no ref/ and no reference folder was given (--ref or a legacy home)");
                mOut = Path.Combine(o.WorkDir, "modern", day.Name);
                if (Directory.Exists(mOut)) Directory.Delete(mOut, recursive: true);
                Directory.CreateDirectory(mOut);
                // Carry the modern side's own prior output through a chain (drift shows up); else the captured one.
                var prior = day.Prior is not null && modernOut.TryGetValue(day.Prior, out var p) && Carries(o.Config, p) ? p : day.PriorOutputDir();
                run = engine.Run(day.RunDate, day.InputDir, mOut, prior, refDir);
                modernOut[day.Name] = mOut;
            }
            var dr = comparer.Compare(new DaySides
            {
                Name = day.Name, RunDate = day.RunDate, InDir = day.InputDir, LegacyOutDir = day.OutputDir, ModernOutDir = mOut,
                LegacyStepRcs = day.StepRcs, LegacyCycleRc = day.CycleRc,
                ModernStepRcs = run?.StepRcs ?? new Dictionary<string, int>(), ModernCycleRc = run?.CycleRc,
                ModernSteps = engine?.Steps, Mode = "fixtures",
            });
            if (engine is null) dr.Notes.Add("no modern engine: captured outputs only (every file not produced by the modern side)");
            else if (day.Prior is not null)
                dr.Notes.Add(modernOut.TryGetValue(day.Prior, out var mp) && Carries(o.Config, mp)
                    ? $"modern side carried its own prior output ({day.Prior})"
                    : $"modern side given the legacy's captured prior output ({day.Prior}): it does not write {string.Join(", ", o.Config.CarryFiles)} yet");
            result.Days.Add(dr);
        }
        return Finish(result, o);
    }

    public static RunResult RunLive(LegacySuite suite, IReadOnlyList<LiveDay> days, string? firstPrior, IModernEngine engine, ParityRunOptions o)
    {
        var result = NewResult("live", o);
        var comparer = new DayComparer(o.Config, new CopybookSource([Path.Combine(suite.SourceHome, "copybooks"), .. o.CopybookDirs]));
        string? legacyPrior = firstPrior, modernPrior = firstPrior;
        var refDir = o.RefDir ?? suite.RefDir;
        foreach (var day in days)
        {
            var lOut = Path.Combine(o.WorkDir, "legacy", day.Name);
            var mOut = Path.Combine(o.WorkDir, "modern", day.Name);
            foreach (var d in new[] { lOut, mOut })
            {
                if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
                Directory.CreateDirectory(d);
            }
            var lr = suite.RunCycle(day.RunDate, day.InputDir, lOut, legacyPrior, refDir);
            File.WriteAllText(Path.Combine(o.WorkDir, "legacy", day.Name + ".cycle.log"), lr.StdOut + lr.StdErr);
            var mr = engine.Run(day.RunDate, day.InputDir, mOut, modernPrior, refDir);
            var legacyRcs = FixtureDay.ParseCycleLog(lr.StdOut).ToDictionary(x => x.Program, x => x.Rc, StringComparer.Ordinal);
            var dr = comparer.Compare(new DaySides
            {
                Name = day.Name, RunDate = day.RunDate, InDir = day.InputDir, LegacyOutDir = lOut, ModernOutDir = mOut,
                LegacyStepRcs = legacyRcs, LegacyCycleRc = lr.ExitCode, ModernStepRcs = mr.StepRcs, ModernCycleRc = mr.CycleRc,
                ModernSteps = engine.Steps, Mode = "live",
            });
            dr.Notes.Add($"legacy build {suite.SourceHash[..16]} ({suite.WorkHome}), RC {lr.ExitCode}, {lr.Elapsed.TotalSeconds:F1} s");
            result.Days.Add(dr);
            legacyPrior = lOut;
            modernPrior = Carries(o.Config, mOut) ? mOut : lOut;
        }
        return Finish(result, o);
    }

    /// <summary>Compares already-produced output folders (no engine): used by tests and the noise check.</summary>
    public static RunResult CompareFolders(IReadOnlyList<DaySides> days, ParityRunOptions o)
    {
        var result = NewResult(days.FirstOrDefault()?.Mode ?? "folders", o);
        var comparer = new DayComparer(o.Config, new CopybookSource(o.CopybookDirs));
        foreach (var d in days) result.Days.Add(comparer.Compare(d));
        return Finish(result, o);
    }

    private static bool Carries(ParityConfig config, string outDir) =>
        config.CarryFiles.All(f => File.Exists(Path.Combine(outDir, f)));

    private static RunResult NewResult(string mode, ParityRunOptions o) => new()
    {
        StartedUtc = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Mode = mode,
        ConfigSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(o.ConfigText))),
        RegisterSha256 = o.Register.Sha256,
        RegisterPath = o.Register.Path,
    };

    private static RunResult Finish(RunResult result, ParityRunOptions o)
    {
        var all = result.Days.SelectMany(d => d.Differences).ToList();
        result.Rules.AddRange(o.Register.Apply(all, o.Today));
        result.Covered = all.Count(d => d.Covered);
        result.Uncovered = all.Count(d => !d.Covered);
        foreach (var f in result.Days.SelectMany(d => d.Files))
            if (f.Status == FileStatus.NotProduced || f.NotProducedRecords > 0) result.NotProduced.Add(f.Name);
        result.RequireAll = o.RequireAll;
        foreach (var d in result.Days) result.Impact.Add(d.HeadlineImpact);
        return result;
    }
}
