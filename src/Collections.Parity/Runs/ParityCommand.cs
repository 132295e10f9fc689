using Collections.Parity.Config;
using Collections.Parity.Legacy;
using Collections.Parity.Model;
using Collections.Parity.Register;
using Collections.Parity.Reports;

namespace Collections.Parity.Runs;

/// <summary>Arguments of <c>collections parity run</c> / <c>parity live</c> (the CLI only parses them).</summary>
public sealed record ParityCommandArgs
{
    public string? Fixtures { get; init; }
    public string? LegacyHome { get; init; }
    public IReadOnlyList<string> Inputs { get; init; } = [];
    public IReadOnlyList<string> RunDates { get; init; } = [];
    public string? Prior { get; init; }
    public string? ReportDir { get; init; }
    public string? ConfigPath { get; init; }
    public string? RegisterPath { get; init; }
    public string? RefDir { get; init; }
    public IReadOnlyList<string> CopybookDirs { get; init; } = [];

    /// <summary>Compare captured outputs with no modern run (every file "not produced by the modern side").</summary>
    public bool CapturedOnly { get; init; }

    /// <summary>A data set the modern side does not produce fails the run (exit 1).</summary>
    public bool RequireAll { get; init; }
}

/// <summary>
/// The logic behind the parity CLI commands. Exit codes: 0 every difference covered by the register,
/// 1 some difference not covered, 2 usage or environment error.
/// </summary>
public static class ParityCommand
{
    public const int Parity = 0, Differences = 1, UsageOrEnvironment = 2;

    public static int RunFixtures(ParityCommandArgs a, Func<IModernEngine?> engineFactory, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (a.Fixtures is null) { stderr.WriteLine("parity run: --fixtures DIR is required"); return UsageOrEnvironment; }
            var root = Path.GetFullPath(a.Fixtures);
            var days = FixtureDay.Discover(root);
            if (days.Count == 0) { stderr.WriteLine($"parity run: no fixture set (manifest.json) in {root} or its sub-folders"); return UsageOrEnvironment; }
            var engine = a.CapturedOnly ? null : engineFactory();
            if (engine is null && !a.CapturedOnly)
            {
                stderr.WriteLine("parity run: the modern pipeline is not available in this build (collections legacy run); use --captured-only to report the captured outputs alone");
                return UsageOrEnvironment;
            }
            var report = Path.GetFullPath(a.ReportDir ?? Path.Combine("out", "parity"));
            var o = Options(a, root, report, a.RefDir ?? days[0].RefDir ?? FindLegacyRef(root));
            stderr.WriteLine($"parity run: {days.Count} fixture set(s) from {root}; modern side: {engine?.Name ?? "none (captured only)"}");
            var run = ParityRunner.RunFixtures(days, engine, o);
            return Report(run, o, a, days.Select(d => d.InputDir), report, stdout);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ModernEngineUnavailableException
                                      or System.Text.Json.JsonException or KeyNotFoundException)
        {
            stderr.WriteLine("parity run: " + e.Message);
            return UsageOrEnvironment;
        }
    }

    public static int RunLive(ParityCommandArgs a, Func<IModernEngine?> engineFactory, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (a.LegacyHome is null || a.Inputs.Count == 0 || a.RunDates.Count == 0)
            {
                stderr.WriteLine("parity live: --legacy-home DIR, --input DIR and --rundate CCYYMMDD are required");
                return UsageOrEnvironment;
            }
            if (a.Inputs.Count != a.RunDates.Count)
            {
                stderr.WriteLine("parity live: give one --rundate per --input (a chain runs them in order, carrying OUTDIR)");
                return UsageOrEnvironment;
            }
            foreach (var d in a.RunDates)
                if (d.Length != 8 || !d.All(char.IsAsciiDigit)) { stderr.WriteLine($"parity live: run date {d} is not CCYYMMDD"); return UsageOrEnvironment; }
            var engine = engineFactory();
            if (engine is null) { stderr.WriteLine("parity live: the modern pipeline is not available in this build (collections legacy run)"); return UsageOrEnvironment; }
            var home = Path.GetFullPath(a.LegacyHome);
            var suite = LegacySuite.Prepare(home);
            var report = Path.GetFullPath(a.ReportDir ?? Path.Combine("out", "parity"));
            var o = Options(a, home, report, a.RefDir ?? Path.Combine(home, "ref"), [Path.Combine(home, "copybooks")]);
            var days = a.Inputs.Select((dir, i) => new LiveDay($"{a.RunDates[i]}-{Path.GetFileName(Path.GetFullPath(dir).TrimEnd('/'))}", a.RunDates[i], Path.GetFullPath(dir))).ToList();
            stderr.WriteLine($"parity live: legacy {home} (build {suite.SourceHash[..16]}), {days.Count} day(s); modern side: {engine.Name}");
            var run = ParityRunner.RunLive(suite, days, a.Prior is null ? null : Path.GetFullPath(a.Prior), engine, o);
            return Report(run, o, a, days.Select(d => d.InputDir), report, stdout);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException
                                      or ModernEngineUnavailableException or System.Text.Json.JsonException)
        {
            stderr.WriteLine("parity live: " + e.Message);
            return UsageOrEnvironment;
        }
    }

    private static ParityRunOptions Options(ParityCommandArgs a, string root, string report, string? refDir, IReadOnlyList<string>? extraCopybooks = null)
    {
        var configPath = a.ConfigPath ?? Near(root, "parity-config.json");
        var configText = configPath is not null ? File.ReadAllText(configPath) : EmbeddedConfigText();
        var config = configPath is not null ? ParityConfig.Load(configPath) : ParityConfig.Embedded();
        var registerPath = a.RegisterPath ?? Near(root, Path.Combine("register", "known-differences.json"));
        var register = registerPath is not null ? KnownDifferenceRegister.Load(registerPath) : KnownDifferenceRegister.Empty();
        return new ParityRunOptions
        {
            Config = config, ConfigText = configText, Register = register, RefDir = refDir, WorkDir = report, RequireAll = a.RequireAll,
            CopybookDirs = [.. a.CopybookDirs, .. extraCopybooks ?? []],
        };
    }

    private static int Report(RunResult run, ParityRunOptions o, ParityCommandArgs a, IEnumerable<string> inputs, string report, TextWriter stdout)
    {
        var paths = ReportWriter.WriteAll(run, o.Config, o.ConfigText, o.Register.Path.Length == 0 ? null : o.Register.Path, inputs, report);
        foreach (var d in run.Days)
        {
            stdout.WriteLine($"{d.Name}: {d.Differences.Count(x => !x.Covered)} uncovered, {d.Differences.Count(x => x.Covered)} covered, " +
                             $"impact ${ReportWriter.Dollars(d.HeadlineImpact.AbsoluteCents)} abs / ${ReportWriter.Dollars(d.HeadlineImpact.NetCents)} net");
            foreach (var f in d.Files)
                stdout.WriteLine($"  {f.Name,-11} {Label(f.Status),-32} legacy {f.LegacyRecords,8} modern {f.ModernRecords,8} modified {f.Modified,6} only-legacy {f.OnlyLegacy,6} only-modern {f.OnlyModern,6}");
            foreach (var g in d.Gates.Where(g => g.Holds == false)) stdout.WriteLine($"  gate {g.Id} ({g.Side}) does not hold: {g.Detail}");
        }
        foreach (var r in run.Rules.Where(r => r.MatchedNothing || r.Expired))
            stdout.WriteLine($"register rule {r.Id}: {(r.Expired ? "EXPIRED " + r.Expires + (r.ExpiredMatches > 0 ? $", {r.ExpiredMatches} differences no longer covered" : "") : "matched nothing")}");
        stdout.WriteLine($"verdict: {run.Verdict} (exit {run.ExitCode})");
        stdout.WriteLine($"HTML report: {paths.Html}");
        stdout.WriteLine($"JSON: {paths.Json}  CSV: {paths.Csv}  JUnit: {paths.JUnit}");
        stdout.WriteLine($"audit bundle: {paths.Bundle}");
        return run.ExitCode;
    }

    private static string Label(FileStatus s) => s switch
    {
        FileStatus.NotProduced => "not produced by the modern side",
        FileStatus.LegacyMissing => "only the modern side wrote it",
        _ => s.ToString(),
    };

    /// <summary>A file in the fixture root, its parent (legacy-fixtures/), or the current folder's legacy-fixtures/.</summary>
    private static string? Near(string root, string name)
    {
        foreach (var dir in new[] { root, Path.GetDirectoryName(root), Path.Combine(Directory.GetCurrentDirectory(), "legacy-fixtures") })
        {
            if (dir is null) continue;
            var p = Path.Combine(dir, name);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>The legacy's ref/ when the fixtures carry none: ACS_LEGACY_HOME, else ../shared/legacy beside an ancestor.</summary>
    public static string? FindLegacyRef(string from)
    {
        var env = Environment.GetEnvironmentVariable("ACS_LEGACY_HOME");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "ref"))) return Path.Combine(env, "ref");
        for (var d = new DirectoryInfo(from); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "..", "shared", "legacy", "ref");
            if (Directory.Exists(p)) return Path.GetFullPath(p);
        }
        return null;
    }

    private static string EmbeddedConfigText()
    {
        using var s = ParityConfig.EmbeddedText("parity-config.json");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
