using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;
using static Collections.Benchmarks.LegacyVsModernBenchmark;

namespace Collections.Benchmarks;

/// <summary>
/// <c>cycle [--lines N] [--master N] [--payments N] [--rounds N] [--profiles A,B,..] [--legacy-home DIR] [--cli PATH]
/// [--work DIR] [--keep] [--no-small] [--baseline-cli PATH [--baseline-label TEXT]]</c>: the whole daily cycle, legacy against modern (issue 9, item 8). Per profile
/// it writes a prior open-item master of N items (default 200,000: <see cref="Clv400Benchmark.WriteOldMaster"/>) into
/// a prior OUTDIR, generates a day of about N ENTRYIN lines (default 1,000,000) whose PAYMENTS (about 50,000) pay
/// that master's open items (<c>generate-day --payments-from PRIOR --pay-percent P</c>), then runs, interleaved over
/// the rounds (default 3) and the profiles, the legacy's run-cycle.sh (the load modules built by
/// <see cref="LegacySuite"/>, each behind a /usr/bin/time wrapper for its step figures) and the published CLI's
/// <c>collections legacy run RUNDATE INDIR OUTDIR PRIOR</c> (COLLECTIONS_STEP_STATS=1 for its step figures), both
/// under /usr/bin/time (wall, CPU = user + sys, peak RSS). Every output file (sysout included) and the return codes
/// must be identical, else exit code 1. Then one modern run on a day a tenth the size (peak memory against the
/// day's size). Prints markdown.
/// </summary>
public sealed class CycleBenchmark : IBenchmarkCommand
{
    public string Name => "cycle";

    public string Description => "whole cycle: run-cycle.sh vs `collections legacy run`, 1M-line day, 50K payments, 200K-item master, several profiles";

    private static readonly string[] Programs = ["CLV100", "CLV200", "CLV300", "CLV400", "CLV500"];

    /// <summary>A kind of day: how the entries, the master and the payments are drawn.</summary>
    internal sealed record Profile(string Name, string Description, int MeanLines, ulong Seed, int InvalidPpm, int MasterPercent, int[] DueDates, int MasterSeed);

    internal static readonly Profile[] Profiles =
    [
        new("A", "10 lines per entry (generator default mix), clean, master due dates Sep 2025 - Mar 2026 (most past due: billed with interest)",
            10, 1, 0, 100, [20260310, 20260220, 20260115, 20251120, 20250901, 20260303], 400),
        new("B", "4 lines per entry (2.5x the entries and statements), master 1.25x larger, due dates mostly ahead (little interest)",
            4, 7, 0, 125, [20260310, 20260317, 20260331, 20260415, 20260220, 20260305], 401),
        new("C", "25 lines per entry (few entries, long ones), master due dates back to 2024 (long interest spans)",
            25, 13, 0, 100, [20240615, 20250101, 20250901, 20260115, 20260310, 20260401], 402),
    ];

    internal const int RunDate = 20260303;

    private sealed class Side
    {
        public List<Measurement> Totals { get; } = [];
        public Dictionary<string, List<(double Wall, double Cpu, long PeakKb)>> Steps { get; } = new(StringComparer.Ordinal);
    }

    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var opt = Args.Parse(args);
        var lines = opt.Long("--lines", 1_000_000);
        var masterItems = (int)opt.Long("--master", 200_000);
        var payments = (int)opt.Long("--payments", 50_000);
        var rounds = (int)Math.Max(1, opt.Long("--rounds", 3));
        var profiles = ProfilesNamed(opt.Str("--profiles") ?? "A,B");
        var home = ReferenceLocator.LegacyHome(opt.Str("--legacy-home"));
        if (home is null) { Console.Error.WriteLine("legacy suite not found: --legacy-home DIR or ACS_LEGACY_HOME"); return 2; }
        var refDir = Path.Combine(home, "ref");
        var cli = opt.Str("--cli") ?? FindCli();
        if (cli is null || !File.Exists(cli)) { Console.Error.WriteLine("the collections CLI was not found: publish it as run.sh does or pass --cli"); return 2; }
        var work = opt.Str("--work") ?? Path.Combine(Path.GetTempPath(), "cycle-bench-" + Guid.NewGuid().ToString("N")[..8]);
        // --baseline-cli: an earlier build of the CLI run in the same rounds (before / after figures of one run)
        var baselineCli = opt.Str("--baseline-cli");
        if (baselineCli is not null && !File.Exists(baselineCli)) { Console.Error.WriteLine("--baseline-cli: no file " + baselineCli); return 2; }
        Directory.CreateDirectory(work);
        var suite = LegacySuite.Prepare(home);
        var legacyHome = WrapLegacy(suite, Path.Combine(work, "legacy-home"));
        var rd = RunDate.ToString("D8", CultureInfo.InvariantCulture);
        var report = new StringBuilder();
        var failures = new List<string>();
        try
        {
            // --- the days -----------------------------------------------------------------------------------
            var days = new Dictionary<string, (string Prior, string Day, string Small, string Summary)>(StringComparer.Ordinal);
            foreach (var p in profiles)
            {
                days[p.Name] = PrepareDays(p, Path.Combine(work, p.Name), lines, masterItems, payments, refDir, small: true);
                Console.Error.WriteLine($"profile {p.Name}: {days[p.Name].Summary}");
            }

            // --- interleaved rounds ---------------------------------------------------------------------------
            var legacy = profiles.ToDictionary(p => p.Name, _ => new Side(), StringComparer.Ordinal);
            var modern = profiles.ToDictionary(p => p.Name, _ => new Side(), StringComparer.Ordinal);
            var ratios = profiles.ToDictionary(p => p.Name, _ => new List<(double Wall, double Cpu)>(), StringComparer.Ordinal);
            var baseline = profiles.ToDictionary(p => p.Name, _ => new Side(), StringComparer.Ordinal);
            var baselineRatios = profiles.ToDictionary(p => p.Name, _ => new List<(double Wall, double Cpu)>(), StringComparer.Ordinal);
            var loads = new List<string>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var p in profiles)
                {
                    var (prior, day, _, _) = days[p.Name];
                    var legacyOut = Path.Combine(work, p.Name, "out-legacy");
                    var modernOut = Path.Combine(work, p.Name, "out-modern");
                    Measurement RunLegacy() => RunLegacyCycle(legacyHome, rd, day, legacyOut, prior, refDir, legacy[p.Name]);
                    Measurement RunModern() => RunModernCycle(cli, rd, day, modernOut, prior, refDir, modern[p.Name]);
                    loads.Add(File.ReadAllText("/proc/loadavg").Split(' ')[0]);
                    Measurement l, m;
                    if (round % 2 == 0) { l = RunLegacy(); m = RunModern(); }
                    else { m = RunModern(); l = RunLegacy(); }
                    ratios[p.Name].Add((l.Wall / m.Wall, l.Cpu / m.Cpu));
                    Console.Error.WriteLine($"round {round + 1} profile {p.Name}: legacy {l}; modern {m}; ratio wall {l.Wall / m.Wall:F2}x, CPU {l.Cpu / m.Cpu:F2}x");
                    if (baselineCli is not null)
                    {
                        var b = RunModernCycle(baselineCli, rd, day, Path.Combine(work, p.Name, "out-baseline"), prior, refDir, baseline[p.Name]);
                        baselineRatios[p.Name].Add((l.Wall / b.Wall, l.Cpu / b.Cpu));
                        Console.Error.WriteLine($"round {round + 1} profile {p.Name}: baseline {b}; ratio wall {l.Wall / b.Wall:F2}x, CPU {l.Cpu / b.Cpu:F2}x");
                    }
                    if (l.ExitCode != m.ExitCode) failures.Add($"{p.Name} round {round + 1}: return code legacy {l.ExitCode}, modern {m.ExitCode} ({m.StdErrTail})");
                    var diff = CompareTrees(legacyOut, modernOut);
                    if (diff.Count > 0) failures.Add($"{p.Name} round {round + 1}: differ: {string.Join(", ", diff)}");
                    else if (round == 0) Console.Error.WriteLine($"profile {p.Name}: every output file byte-identical ({string.Join(", ", OutputFiles(legacyOut))})");
                }
            }

            // --- memory against the day's size -----------------------------------------------------------------
            var smallRuns = new Dictionary<string, Measurement>(StringComparer.Ordinal);
            if (!opt.Flag("--no-small"))
                foreach (var p in profiles)
                {
                    var (prior, _, small, _) = days[p.Name];
                    smallRuns[p.Name] = RunModernCycle(cli, rd, small, Path.Combine(work, p.Name, "out-small"), prior, refDir, new Side());
                    if (baselineCli is not null)
                        smallRuns[p.Name + "/baseline"] = RunModernCycle(baselineCli, rd, small, Path.Combine(work, p.Name, "out-small-baseline"), prior, refDir, new Side());
                }

            // --- report ----------------------------------------------------------------------------------------
            report.AppendLine("## Whole cycle: run-cycle.sh vs `collections legacy run` (issue 9, item 8)");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {MachineInfo.Describe()}.");
            report.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project tools/Collections.Benchmarks -- cycle {string.Join(' ', args)}` (run date {rd}).");
            report.AppendLine(CultureInfo.InvariantCulture, $"Modern CLI: {CliDescription(cli)}, commit {GitCommit(cli)}. Legacy: run-cycle.sh with the load modules built by `LegacySuite` (cobc 3.1.2, the suite's flags), each behind a `/usr/bin/time` wrapper for its step figures.");
            report.AppendLine(CultureInfo.InvariantCulture, $"Load average (1 min) at the start of each measured pair: {string.Join(", ", loads)}.");
            report.AppendLine();
            foreach (var p in profiles)
            {
                var (_, _, _, summary) = days[p.Name];
                report.AppendLine(CultureInfo.InvariantCulture, $"### Profile {p.Name}: {p.Description}");
                report.AppendLine();
                report.AppendLine(summary + ".");
                report.AppendLine();
                report.AppendLine("| step | legacy wall (best / median) | legacy CPU (best / median) | legacy peak RSS | modern wall (best / median) | modern CPU (best / median) | modern peak RSS so far | CPU ratio (medians) |");
                report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
                for (var i = 0; i < Programs.Length; i++)
                {
                    var step = $"STEP0{i + 1}0";
                    var ls = legacy[p.Name].Steps.GetValueOrDefault(Programs[i]) ?? [];
                    var ms = modern[p.Name].Steps.GetValueOrDefault(step) ?? [];
                    string F(List<(double Wall, double Cpu, long PeakKb)> xs, Func<(double Wall, double Cpu, long PeakKb), double> f) =>
                        xs.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{xs.Min(f):F2} / {Median(xs.Select(f)):F2} s");
                    string R(List<(double Wall, double Cpu, long PeakKb)> xs) => xs.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{xs.Max(x => x.PeakKb) / 1024.0:F1} MiB");
                    var ratio = ls.Count == 0 || ms.Count == 0 || Median(ms.Select(x => x.Cpu)) <= 0 ? "-"
                        : string.Create(CultureInfo.InvariantCulture, $"{Median(ls.Select(x => x.Cpu)) / Median(ms.Select(x => x.Cpu)):F1}x");
                    var label = i == 0 ? $"{step} {Programs[i]} (modern: with STEP020 overlapped)" : i == 1 ? $"{step} {Programs[i]} (modern: overlapped with STEP010)" : $"{step} {Programs[i]}";
                    report.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {F(ls, x => x.Wall)} | {F(ls, x => x.Cpu)} | {R(ls)} | {F(ms, x => x.Wall)} | {F(ms, x => x.Cpu)} | {R(ms)} | {ratio} |");
                }
                var lt = legacy[p.Name].Totals;
                var mt = modern[p.Name].Totals;
                string T(List<Measurement> xs, Func<Measurement, double> f) => string.Create(CultureInfo.InvariantCulture, $"{xs.Min(f):F2} / {Median(xs.Select(f)):F2} s");
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| **whole cycle** (run-cycle.sh / `collections legacy run`) | **{T(lt, x => x.Wall.TotalSeconds)}** | **{T(lt, x => x.Cpu.TotalSeconds)}** | {lt.Max(x => x.PeakKb) / 1024.0:F1} MiB | **{T(mt, x => x.Wall.TotalSeconds)}** | **{T(mt, x => x.Cpu.TotalSeconds)}** | {mt.Max(x => x.PeakKb) / 1024.0:F1} MiB | |");
                report.AppendLine();
                var rs = ratios[p.Name];
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"Speed-up (legacy / modern), median of the per-round ratios: **{Median(rs.Select(r => r.Wall)):F1}x wall, {Median(rs.Select(r => r.Cpu)):F1}x CPU**; per round (wall / CPU): {string.Join(", ", rs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Wall:F1}x / {r.Cpu:F1}x")))}.");
                if (smallRuns.TryGetValue(p.Name, out var sm))
                    report.AppendLine(CultureInfo.InvariantCulture,
                        $"Modern peak RSS on the day a tenth the size (same master): {sm.PeakKb / 1024.0:F1} MiB, against {mt.Max(x => x.PeakKb) / 1024.0:F1} MiB on the full day ({sm.Wall.TotalSeconds:F2} s wall, exit {sm.ExitCode}).");
                if (baselineCli is not null) BaselineTable(report, p.Name, opt.Str("--baseline-label") ?? GitCommit(baselineCli), baselineCli, baseline[p.Name], modern[p.Name], baselineRatios[p.Name], rs, smallRuns);
                report.AppendLine();
            }
            report.AppendLine(failures.Count == 0
                ? "Every output file of every round (SYSIN, LINECALC, REJECTS, ENTCALC, STMTOUT, STMTDTL, OPENITEM, LEDGER, SUSPENSE, CTLTOTS, CLV500.RPT, the five sysouts) byte-identical, same return codes."
                : "**NOT identical**: " + string.Join("; ", failures));
            Console.WriteLine(report.ToString());
            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            if (!opt.Flag("--keep")) try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Before (the baseline CLI) and after (the CLI measured), per step and whole, from the same rounds.</summary>
    private static void BaselineTable(StringBuilder report, string profile, string baselineLabel, string baselineCli, Side before, Side after,
        List<(double Wall, double Cpu)> beforeRatios, List<(double Wall, double Cpu)> afterRatios, Dictionary<string, Measurement> smallRuns)
    {
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Before / after in the same rounds: before = {CliDescription(baselineCli)}, commit {baselineLabel}.");
        report.AppendLine();
        report.AppendLine("| step | before CPU (best / median) | after CPU (best / median) | before peak RSS so far | after peak RSS so far |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        string F(List<(double Wall, double Cpu, long PeakKb)> xs) =>
            xs.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{xs.Min(x => x.Cpu):F2} / {Median(xs.Select(x => x.Cpu)):F2} s");
        string R(List<(double Wall, double Cpu, long PeakKb)> xs) => xs.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{xs.Max(x => x.PeakKb) / 1024.0:F1} MiB");
        foreach (var step in new[] { "STEP010", "STEP030", "STEP040", "STEP050" })
        {
            var b = before.Steps.GetValueOrDefault(step) ?? [];
            var a = after.Steps.GetValueOrDefault(step) ?? [];
            report.AppendLine(CultureInfo.InvariantCulture, $"| {step}{(step == "STEP010" ? " (+ STEP020)" : "")} | {F(b)} | {F(a)} | {R(b)} | {R(a)} |");
        }
        string T(List<Measurement> xs) => string.Create(CultureInfo.InvariantCulture, $"{xs.Min(x => x.Cpu.TotalSeconds):F2} / {Median(xs.Select(x => x.Cpu.TotalSeconds)):F2} s");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| **whole cycle** | **{T(before.Totals)}** | **{T(after.Totals)}** | {before.Totals.Max(x => x.PeakKb) / 1024.0:F1} MiB | {after.Totals.Max(x => x.PeakKb) / 1024.0:F1} MiB |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Speed-up against the legacy, median of the per-round ratios (wall / CPU): before {Median(beforeRatios.Select(r => r.Wall)):F1}x / {Median(beforeRatios.Select(r => r.Cpu)):F1}x, after {Median(afterRatios.Select(r => r.Wall)):F1}x / {Median(afterRatios.Select(r => r.Cpu)):F1}x.");
        if (smallRuns.TryGetValue(profile + "/baseline", out var sb))
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Peak RSS before: {sb.PeakKb / 1024.0:F1} MiB on the day a tenth the size, {before.Totals.Max(x => x.PeakKb) / 1024.0:F1} MiB on the full day.");
    }

    /// <summary>The profiles named in a comma-separated list (A, B, C).</summary>
    internal static List<Profile> ProfilesNamed(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => Profiles.FirstOrDefault(p => p.Name == n) ?? throw new ArgumentException("no profile " + n)).ToList();

    /// <summary>
    /// A profile's prior OUTDIR (an OPENITEM master of <paramref name="masterItems"/> x the profile's percent items), its day
    /// of about <paramref name="lines"/> ENTRYIN lines whose PAYMENTS (about <paramref name="payments"/>) pay that master's open
    /// items, and optionally the day a tenth the size; with a one-line summary.
    /// </summary>
    internal static (string Prior, string Day, string Small, string Summary) PrepareDays(Profile p, string dir, long lines, int masterItems, int payments, string refDir, bool small)
    {
        var prior = Path.Combine(dir, "prior");
        Directory.CreateDirectory(prior);
        var items = (int)((long)masterItems * p.MasterPercent / 100);
        var balances = Clv400Benchmark.WriteOldMaster(Path.Combine(prior, "OPENITEM"), items, new Random(p.MasterSeed), p.DueDates);
        var open = balances.Count(b => b > 0);
        // the generator pays P % of the open receivables (a tenth of them in two remittances) and adds open/20 unknown references
        var payPercent = (int)Math.Clamp(Math.Round((payments - (open / 20.0)) * 100.0 / (1.1 * open)), 1, 100);
        var entries = (int)(lines / (p.MeanLines + 0.35));
        string Generate(string to, int n, ulong seed)
        {
            var g = DayGenerator.Generate(new DayGeneratorOptions
            {
                RunDate = RunDate, Entries = n, Seed = seed, OutDir = to, RefDir = refDir, MeanLines = p.MeanLines,
                PaymentsFrom = prior, PayPercent = payPercent, InvalidPpm = p.InvalidPpm,
            });
            return string.Create(CultureInfo.InvariantCulture,
                $"{g.Records:N0} ENTRYIN records ({g.Headers:N0} entries, {g.Lines:N0} lines), {g.Payments:N0} payments");
        }
        var day = Path.Combine(dir, "day");
        var summary = Generate(day, entries, p.Seed);
        var smallDay = Path.Combine(dir, "day-small");
        var smallSummary = small ? Generate(smallDay, entries / 10, p.Seed + 100) : "";
        var masterLength = new FileInfo(Path.Combine(prior, "OPENITEM")).Length / 150;
        summary = string.Create(CultureInfo.InvariantCulture,
            $"{summary}; prior master {masterLength:N0} items ({open:N0} open receivables, pay percent {payPercent})") + (small ? "; small day: " + smallSummary : "");
        return (prior, day, smallDay, summary);
    }

    internal static double Median(IEnumerable<double> values)
    {
        var s = values.Order().ToList();
        if (s.Count == 0) return 0;
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }

    /// <summary>
    /// A copy of the suite's home whose bin/CLVnnn run the real load modules under /usr/bin/time, appending
    /// "@@STEP PGM wall user sys maxrss" to $ACS_STEP_TIMES; run-cycle.sh itself is the suite's, unchanged.
    /// </summary>
    private static string WrapLegacy(LegacySuite suite, string home)
    {
        var bin = Path.Combine(home, "bin");
        Directory.CreateDirectory(bin);
        File.Copy(Path.Combine(suite.WorkHome, "run-cycle.sh"), Path.Combine(home, "run-cycle.sh"), overwrite: true);
        foreach (var pgm in Programs)
        {
            var wrapper = Path.Combine(bin, pgm);
            var real = Path.Combine(suite.WorkHome, "bin", pgm);
            File.WriteAllText(wrapper, $"#!/bin/sh\nexec /usr/bin/time -a -o \"$ACS_STEP_TIMES\" -f \"@@STEP {pgm} %e %U %S %M\" \"{real}\" \"$@\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }
        return home;
    }

    private static Measurement RunLegacyCycle(string home, string runDate, string inDir, string outDir, string prior, string refDir, Side side)
    {
        var times = Path.Combine(Path.GetTempPath(), "cycle-bench-steps-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var m = Measure("/bin/sh", [Path.Combine(home, "run-cycle.sh"), runDate, inDir, outDir, prior],
                new Dictionary<string, string> { ["ACS_REFLIB"] = refDir, ["ACS_STEP_TIMES"] = times }, null);
            side.Totals.Add(m);
            foreach (var line in File.Exists(times) ? File.ReadAllLines(times) : [])
            {
                var f = line.Split(' ');
                if (f.Length < 6 || f[0] != "@@STEP") continue;
                Add(side, f[1], double.Parse(f[2], CultureInfo.InvariantCulture),
                    double.Parse(f[3], CultureInfo.InvariantCulture) + double.Parse(f[4], CultureInfo.InvariantCulture), long.Parse(f[5], CultureInfo.InvariantCulture));
            }
            return m;
        }
        finally
        {
            File.Delete(times);
        }
    }

    private static Measurement RunModernCycle(string cli, string runDate, string inDir, string outDir, string prior, string refDir, Side side)
    {
        var m = Measure(cli, ["legacy", "run", runDate, inDir, outDir, prior],
            new Dictionary<string, string> { ["ACS_REFLIB"] = refDir, ["COLLECTIONS_STEP_STATS"] = "1" }, null);
        side.Totals.Add(m);
        foreach (var line in m.StdErr.Split('\n'))
        {
            var f = line.Split(' ');
            if (f.Length < 6 || f[0] != "@@STEP") continue;
            Add(side, f[1], double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture),
                long.TryParse(f[5], CultureInfo.InvariantCulture, out var kb) ? kb : 0);
        }
        return m;
    }

    private static void Add(Side side, string step, double wall, double cpu, long peakKb)
    {
        if (!side.Steps.TryGetValue(step, out var list)) side.Steps[step] = list = [];
        list.Add((wall, cpu, peakKb));
    }

    private static IEnumerable<string> OutputFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal);

    /// <summary>Files present on one side only or with different bytes.</summary>
    private static List<string> CompareTrees(string a, string b)
    {
        var fa = OutputFiles(a).ToHashSet(StringComparer.Ordinal);
        var fb = OutputFiles(b).ToHashSet(StringComparer.Ordinal);
        var diff = new List<string>();
        foreach (var f in fa.Union(fb).Order(StringComparer.Ordinal))
        {
            if (!fa.Contains(f)) diff.Add(f + " (modern only)");
            else if (!fb.Contains(f)) diff.Add(f + " (legacy only)");
            else if (!FilesEqual(Path.Combine(a, f), Path.Combine(b, f))) diff.Add(f);
        }
        return diff;
    }
}
