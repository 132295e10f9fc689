using System.Globalization;
using System.Text;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;

namespace Collections.Benchmarks;

/// <summary>
/// <c>legacy-vs-modern --profiles NAME,NAME,...|all [--lines N] [--repeat N] [--warmup N] [--baseline-cli PATH] [--doc FILE]
/// [--seed S] [--rundate D] [--legacy-home DIR] [--cli PATH] [--work DIR] [--keep]</c>: one day of about N ENTRYIN records
/// per named day profile (<see cref="DayProfiles"/>), then rounds in which every profile runs the legacy (CLV100, CLV200)
/// and <c>collections legacy run</c> (and the baseline build), one after the other, so that each profile's ratio comes
/// from runs made at the same moment. Prints, per profile, the legacy / modern ratio as best-of (lowest wall of each
/// side) and as the median of the per-round ratios, the peak memory of both sides, and whether the outputs are
/// byte-identical; with --doc it replaces the section of that file.
/// </summary>
public sealed partial class LegacyVsModernBenchmark
{
    public const string ProfilesSectionTitle = "## Legacy vs modern by day profile, CLV100+CLV200 (issue 9)";

    private sealed class ProfileDay
    {
        public required string Name { get; init; }
        public required string DayDir { get; init; }
        public required GenerationResult Generated { get; init; }
        public required int Entries { get; init; }
        public bool External { get; init; }
        public List<Measurement> Legacy { get; } = [];
        public List<Measurement> Modern { get; } = [];
        public List<Measurement> Baseline { get; } = [];
        public List<string> Differ { get; } = [];
        public List<string> BaselineDiffer { get; } = [];
    }

    private static int RunProfiles(Args opt, string list)
    {
        var names = list == "all" ? [.. DayProfiles.Names]
            : list == "none" ? []
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // --days NAME=DIR,...: days written elsewhere (e.g. tools/independent-day.py), measured beside the profiles
        var external = (opt.Str("--days") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split('=', 2)).ToList();
        if (external.Any(d => d.Length != 2 || !File.Exists(Path.Combine(d[1], "ENTRYIN"))))
        {
            Console.Error.WriteLine("--days NAME=DIR,...: each DIR must hold an ENTRYIN");
            return 2;
        }
        foreach (var n in names)
        {
            if (!DayProfiles.Names.Contains(n, StringComparer.Ordinal))
            {
                Console.Error.WriteLine($"unknown profile {n} (known: {string.Join(", ", DayProfiles.Names)})");
                return 2;
            }
        }
        var lines = opt.Long("--lines", 1_000_000);
        var seed = (ulong)opt.Long("--seed", 1);
        var runDate = (int)opt.Long("--rundate", 20260302);
        var repeat = (int)Math.Max(1, opt.Long("--repeat", 5));
        var warmup = (int)Math.Max(0, opt.Long("--warmup", 1));
        var home = ReferenceLocator.LegacyHome(opt.Str("--legacy-home"));
        if (home is null) { Console.Error.WriteLine("legacy suite not found: --legacy-home DIR or ACS_LEGACY_HOME"); return 2; }
        var cli = opt.Str("--cli") ?? FindCli();
        if (cli is null || !File.Exists(cli)) { Console.Error.WriteLine("the collections CLI was not found (run.sh publishes it; or --cli PATH)"); return 2; }
        var baselineCli = opt.Str("--baseline-cli");
        var refDir = Path.Combine(home, "ref");
        var work = opt.Str("--work") ?? Path.Combine(Path.GetTempPath(), "collections-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var keep = opt.Flag("--keep");
        Directory.CreateDirectory(work);
        var loadBefore = LoadAverage();
        try
        {
            var days = new List<ProfileDay>();
            foreach (var name in names)
            {
                // a small pilot day of the profile gives its records per entry, so every day has about N records
                var pilotDir = Path.Combine(work, name + "-pilot");
                var pilot = DayGenerator.Generate(DayProfiles.Apply(name, new DayGeneratorOptions
                {
                    RunDate = runDate, Entries = 3000, Seed = seed, OutDir = pilotDir, RefDir = refDir, Scenarios = false,
                }));
                Directory.Delete(pilotDir, recursive: true);
                var entries = (int)Math.Max(1, lines * 3000 / Math.Max(1, pilot.Records));
                var dayDir = Path.Combine(work, name, "day");
                var gen = DayGenerator.Generate(DayProfiles.Apply(name, new DayGeneratorOptions
                {
                    RunDate = runDate, Entries = entries, Seed = seed, OutDir = dayDir, RefDir = refDir,
                }));
                Console.Error.WriteLine(FormattableString.Invariant($"profile {name}: {gen.Records + 1:N0} records, {gen.Headers:N0} entries, {gen.Lines:N0} lines"));
                days.Add(new ProfileDay { Name = name, DayDir = dayDir, Generated = gen, Entries = entries });
            }
            foreach (var d in external)
            {
                var counts = CountRecords(Path.Combine(d[1], "ENTRYIN"));
                Console.Error.WriteLine(FormattableString.Invariant($"day {d[0]} ({d[1]}): {counts.Records + 1:N0} records"));
                days.Add(new ProfileDay { Name = d[0], DayDir = Path.GetFullPath(d[1]), Generated = counts, Entries = (int)counts.Headers, External = true });
            }

            var suite = LegacySuite.Prepare(home);
            var rd = runDate.ToString("D8", CultureInfo.InvariantCulture);
            var sysin = $"RUNDATE={rd}\n";
            var modernEnv = new Dictionary<string, string> { ["ACS_REFLIB"] = refDir };
            for (var round = 0; round < warmup + repeat; round++)
            {
                foreach (var day in days)
                {
                    var legacyOut = Path.Combine(work, day.Name, "legacy");
                    Directory.CreateDirectory(Path.Combine(legacyOut, "sysout"));
                    File.WriteAllText(Path.Combine(legacyOut, "SYSIN"), sysin);
                    File.Delete(Path.Combine(legacyOut, "CTLTOTS"));   // opened EXTEND: one run's totals only
                    var env = LegacyEnvironment(day.DayDir, legacyOut, refDir);
                    var c100 = Measure(Path.Combine(suite.WorkHome, "bin", "CLV100"), [], env, sysin);
                    var c200 = Measure(Path.Combine(suite.WorkHome, "bin", "CLV200"), [], env, sysin);
                    var legacy = new Measurement(c100.Wall + c200.Wall, c100.Cpu + c200.Cpu, Math.Max(c100.PeakKb, c200.PeakKb),
                        Math.Max(c100.ExitCode, c200.ExitCode), c200.StdErrTail);
                    var modern = Measure(cli, ["legacy", "run", rd, day.DayDir, Path.Combine(work, day.Name, "modern"), "--through", "STEP020"], modernEnv, null);
                    var baseline = baselineCli is null ? null
                        : Measure(baselineCli, ["legacy", "run", rd, day.DayDir, Path.Combine(work, day.Name, "baseline"), "--through", "STEP020"], modernEnv, null);
                    var label = round < warmup ? $"warm-up {round + 1} (not counted)" : $"round {round - warmup + 1}";
                    Console.Error.WriteLine(FormattableString.Invariant(
                        $"{label} {day.Name}: load {LoadAverage()}; legacy {legacy}; modern {modern} ({legacy.Wall.TotalSeconds / Math.Max(0.001, modern.Wall.TotalSeconds):F1}x)")
                        + (baseline is null ? "" : FormattableString.Invariant(
                            $"; baseline {baseline} ({legacy.Wall.TotalSeconds / Math.Max(0.001, baseline.Wall.TotalSeconds):F1}x)")));
                    if (round < warmup) continue;
                    day.Legacy.Add(legacy);
                    day.Modern.Add(modern);
                    if (baseline is not null) day.Baseline.Add(baseline);
                }
            }
            var loadAfter = LoadAverage();
            foreach (var day in days)
            {
                foreach (var f in new[] { "LINECALC", "REJECTS", "ENTCALC" })
                {
                    var legacyFile = Path.Combine(work, day.Name, "legacy", f);
                    if (!SameFile(legacyFile, Path.Combine(work, day.Name, "modern", f))) day.Differ.Add(f);
                    if (baselineCli is not null && !SameFile(legacyFile, Path.Combine(work, day.Name, "baseline", f))) day.BaselineDiffer.Add(f);
                }
            }

            var report = ProfilesReport(days, opt, lines, seed, runDate, repeat, warmup, cli, baselineCli, loadBefore, loadAfter);
            Console.Out.Write(report);
            if (opt.Str("--doc") is { } doc) ReplaceSection(doc, report, ProfilesSectionTitle);
            var failed = days.Any(d => d.Differ.Count > 0 || d.BaselineDiffer.Count > 0 || d.Modern.Any(m => m.ExitCode is not (0 or 4)));
            return failed ? 1 : 0;
        }
        finally
        {
            if (!keep) try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Headers and lines of an ENTRYIN written elsewhere (250-byte records; the trailer not counted).</summary>
    private static GenerationResult CountRecords(string entryIn)
    {
        var bytes = File.ReadAllBytes(entryIn);
        long headers = 0, lines = 0;
        for (var i = 0; i + 250 <= bytes.Length; i += 250)
        {
            if (bytes[i] == (byte)'H') headers++;
            else if (bytes[i] == (byte)'L') lines++;
        }
        return new GenerationResult(headers + lines, headers, lines, 0, 0, [], [], default);
    }

    private static bool SameFile(string a, string b) => File.Exists(a) && File.Exists(b) && FilesEqual(a, b);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static double Ratio(TimeSpan legacy, TimeSpan modern) => legacy.TotalSeconds / Math.Max(0.001, modern.TotalSeconds);

    private static double MedianOf(IEnumerable<double> xs)
    {
        var s = xs.Order().ToList();
        if (s.Count == 0) return double.NaN;
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static string ProfilesReport(List<ProfileDay> days, Args opt, long lines, ulong seed, int runDate, int repeat, int warmup,
        string cli, string? baselineCli, string loadBefore, string loadAfter)
    {
        var ic = CultureInfo.InvariantCulture;
        var r = new StringBuilder();
        r.AppendLine(ProfilesSectionTitle);
        r.AppendLine();
        r.AppendLine(ic, $"Machine: {MachineInfo.Describe()}. Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}.");
        r.AppendLine(ic,
            $"Command: `dotnet run -c Release --project tools/Collections.Benchmarks -- legacy-vs-modern --profiles {opt.Str("--profiles")} --lines {lines} --repeat {repeat} --warmup {warmup}{(opt.Str("--days") is { } ds ? " --days " + ds : "")}{(baselineCli is null ? "" : " --baseline-cli BASELINE")}` (seed {seed}, run date {runDate}).");
        r.AppendLine("Modern CLI: " + CliDescription(cli) + ", checked-out commit " + GitCommit(cli) + ".");
        if (baselineCli is not null) r.AppendLine("Baseline: `" + baselineCli + "` (" + (IsReadyToRun(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(baselineCli))!, "Collections.Legacy.dll")) ? "ReadyToRun" : "IL only") + ").");
        r.AppendLine(ic,
            $"Each round runs, profile after profile, the legacy CLV100 and CLV200 load modules (built by `LegacySuite`, run with the DD_ variables of run-cycle.sh), then `collections legacy run --through STEP020` (STEP010 and STEP020 of the cycle, as the legacy side){(baselineCli is null ? "" : ", then the baseline's `legacy run --through STEP020`")}; {warmup} warm-up round(s) not counted, {repeat} counted. Every run under /usr/bin/time (wall, CPU, max RSS) after sync(1).");
        r.AppendLine("Best-of: the lowest legacy wall over the lowest modern wall. Median: the median of the per-round ratios (legacy / modern wall of the same round).");
        r.AppendLine();
        r.AppendLine("| Profile | ENTRYIN records (entries, lines) | Legacy wall, best / median | Modern wall, best / median | **Ratio, best-of** | **Ratio, median of rounds** | Lowest round | Legacy CPU / modern CPU, median | CPU ratio, best-of / median of rounds | Peak RSS legacy / modern | Outputs vs legacy |");
        r.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var d in days)
        {
            var lBest = d.Legacy.Min(m => m.Wall);
            var mBest = d.Modern.Min(m => m.Wall);
            var ratios = d.Legacy.Zip(d.Modern, (l, m) => Ratio(l.Wall, m.Wall)).ToList();
            var cpu = Ratio(d.Legacy.Min(m => m.Cpu), d.Modern.Min(m => m.Cpu));
            var cpuMedian = MedianOf(d.Legacy.Zip(d.Modern, (l, m) => Ratio(l.Cpu, m.Cpu)));
            var cpuSeconds = $"{MedianOf(d.Legacy.Select(m => m.Cpu.TotalSeconds)).ToString("F2", ic)} / {MedianOf(d.Modern.Select(m => m.Cpu.TotalSeconds)).ToString("F2", ic)} s";
            r.AppendLine(ic,
                $"| {d.Name} | {d.Generated.Records + 1:N0} ({d.Generated.Headers:N0}, {d.Generated.Lines:N0}) | {lBest.TotalSeconds:F2} / {MedianOf(d.Legacy.Select(m => m.Wall.TotalSeconds)):F2} s | {mBest.TotalSeconds:F2} / {MedianOf(d.Modern.Select(m => m.Wall.TotalSeconds)):F2} s | **{Ratio(lBest, mBest):F1}x** | **{MedianOf(ratios):F1}x** | {ratios.Min():F1}x | {cpuSeconds} | {cpu:F1}x / {cpuMedian:F1}x | {d.Legacy.Max(m => m.PeakKb) / 1024.0:F1} / {d.Modern.Max(m => m.PeakKb) / 1024.0:F1} MiB | {(d.Differ.Count == 0 ? "LINECALC, REJECTS, ENTCALC identical" : "DIFFER: " + string.Join(", ", d.Differ))} |");
        }
        r.AppendLine();
        r.AppendLine("Per-round ratios (legacy / modern wall): " + string.Join("; ", days.Select(d =>
            d.Name + " " + string.Join(", ", d.Legacy.Zip(d.Modern, (l, m) => Ratio(l.Wall, m.Wall).ToString("F1", ic) + "x")))) + ".");
        r.AppendLine("Per-round CPU ratios (legacy / modern user+sys): " + string.Join("; ", days.Select(d =>
            d.Name + " " + string.Join(", ", d.Legacy.Zip(d.Modern, (l, m) => Ratio(l.Cpu, m.Cpu).ToString("F1", ic) + "x")))) + ".");
        if (baselineCli is not null)
        {
            r.AppendLine();
            r.AppendLine("Baseline build in the same rounds:");
            r.AppendLine();
            r.AppendLine("| Profile | Baseline wall, best / median | Ratio, best-of | Ratio, median of rounds | CPU ratio (best-of) | Peak RSS | Outputs vs legacy |");
            r.AppendLine("|---|---:|---:|---:|---:|---:|---|");
            foreach (var d in days)
            {
                var lBest = d.Legacy.Min(m => m.Wall);
                var bBest = d.Baseline.Min(m => m.Wall);
                var ratios = d.Legacy.Zip(d.Baseline, (l, m) => Ratio(l.Wall, m.Wall));
                r.AppendLine(ic,
                    $"| {d.Name} | {bBest.TotalSeconds:F2} / {MedianOf(d.Baseline.Select(m => m.Wall.TotalSeconds)):F2} s | {Ratio(lBest, bBest):F1}x | {MedianOf(ratios):F1}x | {Ratio(d.Legacy.Min(m => m.Cpu), d.Baseline.Min(m => m.Cpu)):F1}x | {d.Baseline.Max(m => m.PeakKb) / 1024.0:F1} MiB | {(d.BaselineDiffer.Count == 0 ? "identical" : "DIFFER: " + string.Join(", ", d.BaselineDiffer))} |");
            }
        }
        r.AppendLine();
        r.AppendLine("Profiles (`collections generate-day --profile NAME`, src/Collections.Parity/Generation/DayProfiles.cs):");
        r.AppendLine();
        foreach (var d in days)
        {
            if (d.External)
                r.AppendLine(ic, $"- `{d.Name}`: a day written outside this repository's generator (`--days`, e.g. `python3 tools/independent-day.py DIR --records {lines}`: its own distribution of lines per entry, dates, currencies, Chapter 99 and AD/CVD shares); {d.Entries:N0} entries.");
            else
                r.AppendLine(ic, $"- `{d.Name}`: {DayProfiles.Describe(d.Name)}; {d.Entries:N0} entries.");
        }
        return r.ToString();
    }
}
