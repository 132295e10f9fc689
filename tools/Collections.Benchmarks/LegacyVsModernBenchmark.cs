using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;

namespace Collections.Benchmarks;

/// <summary>
/// <c>legacy-vs-modern [--lines N] [--seed S] [--rundate D] [--legacy-home DIR] [--cli PATH] [--work DIR] [--doc FILE]
/// [--repeat N] [--warmup N] [--baseline-cli PATH]</c>: also runs the modern cycle with <c>--no-overlap</c> (what the overlap of
/// STEP020 with STEP010 gives) and, with --baseline-cli, another build of the CLI on the same day (before/after in one
/// run); with --repeat the modern runs are repeated interleaved and the best figures kept.
/// generates one day of about N ENTRYIN records (default 1,000,000), runs the legacy's CLV100 and CLV200 load
/// modules (built by LegacySuite, run directly with the DD_ variables run-cycle.sh sets) and
/// <c>collections legacy run</c> on the same input in the same run, under /usr/bin/time (wall time, peak RSS), checks
/// that LINECALC, REJECTS and ENTCALC are byte-identical, and repeats the modern run on a day a tenth the size to
/// show its peak memory does not grow with the day. Also times the generator itself. Prints markdown; with --doc
/// it replaces the section "Legacy vs modern, CLV100+CLV200 (issue 3)" of that file.
/// </summary>
public sealed partial class LegacyVsModernBenchmark : IBenchmarkCommand
{
    public const string SectionTitle = "## Legacy vs modern, CLV100+CLV200 (issue 3)";

    public string Name => "legacy-vs-modern";
    public string Description => "1M-line day: legacy CLV100+CLV200 vs `collections legacy run` (time, peak memory), and generator speed";

    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var opt = Args.Parse(args);
        if (opt.Str("--profiles") is { } profiles) return RunProfiles(opt, profiles);
        var lines = opt.Long("--lines", 1_000_000);
        var seed = (ulong)opt.Long("--seed", 1);
        var runDate = (int)opt.Long("--rundate", 20260302);
        var home = ReferenceLocator.LegacyHome(opt.Str("--legacy-home"));
        if (home is null) { Console.Error.WriteLine("legacy suite not found: --legacy-home DIR or ACS_LEGACY_HOME"); return 2; }
        var refDir = Path.Combine(home, "ref");
        var cli = opt.Str("--cli") ?? FindCli();
        var work = opt.Str("--work") ?? Path.Combine(Path.GetTempPath(), "collections-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var keep = opt.Flag("--keep");
        Directory.CreateDirectory(work);
        var report = new StringBuilder();
        try
        {
            // --- the generator ---------------------------------------------------------------------------
            const int meanLines = 10;
            var entries = (int)Math.Max(1, lines * 100 / 1035);   // ~10.35 records per entry at mean 10 lines
            var dayDir = Path.Combine(work, "day");
            var sw = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var gen = DayGenerator.Generate(new DayGeneratorOptions
            {
                RunDate = runDate, Entries = entries, Seed = seed, OutDir = dayDir, RefDir = refDir, MeanLines = meanLines,
            });
            var genTime = sw.Elapsed;
            var genCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            var smallDir = Path.Combine(work, "day-small");
            var small = DayGenerator.Generate(new DayGeneratorOptions
            {
                RunDate = runDate, Entries = entries / 10, Seed = seed + 1, OutDir = smallDir, RefDir = refDir, MeanLines = meanLines,
            });
            Console.Error.WriteLine($"generated {gen.Records + 1:N0} records in {genTime.TotalSeconds:F2} s");

            // --- the legacy: CLV100 then CLV200, the load modules run as run-cycle.sh runs them -----------
            var suite = LegacySuite.Prepare(home);
            var legacyOut = Path.Combine(work, "legacy");
            Directory.CreateDirectory(Path.Combine(legacyOut, "sysout"));
            var sysin = $"RUNDATE={runDate.ToString("D8", CultureInfo.InvariantCulture)}\n";
            File.WriteAllText(Path.Combine(legacyOut, "SYSIN"), sysin);
            var env = LegacyEnvironment(dayDir, legacyOut, refDir);
            var repeat = (int)Math.Max(1, opt.Long("--repeat", 1));
            var warmup = (int)Math.Max(0, opt.Long("--warmup", 0));
            Measurement? clv100 = null, clv200 = null;
            var legacyWalls = new List<TimeSpan>();
            var modernWalls = new List<TimeSpan>();
            (Measurement Clv100, Measurement Clv200) RunLegacy() =>
                (Measure(Path.Combine(suite.WorkHome, "bin", "CLV100"), [], env, sysin),
                 Measure(Path.Combine(suite.WorkHome, "bin", "CLV200"), [], env, sysin));
            void CountLegacy((Measurement Clv100, Measurement Clv200) run)
            {
                legacyWalls.Add(run.Clv100.Wall + run.Clv200.Wall);
                clv100 = Best(clv100, run.Clv100);
                clv200 = Best(clv200, run.Clv200);
            }

            // --- the modern: collections legacy run -----------------------------------------------------
            Measurement? modern = null, modernSmall = null, modernSequential = null, baseline = null;
            var overlapDiffers = new List<string>();
            var baselineCli = opt.Str("--baseline-cli");
            var same = new List<string>();
            var differ = new List<string>();
            string? modernNote = null;
            if (cli is null || !File.Exists(cli))
            {
                var legacy = RunLegacy();
                Console.Error.WriteLine($"legacy CLV100 {legacy.Clv100}, CLV200 {legacy.Clv200}");
                CountLegacy(legacy);
                modernNote = "the `collections` CLI was not found (build src/Collections.Cli or pass --cli)";
            }
            else
            {
                var modernOut = Path.Combine(work, "modern");
                var modernEnv = new Dictionary<string, string> { ["ACS_REFLIB"] = refDir };
                var rd = runDate.ToString("D8", CultureInfo.InvariantCulture);
                Measurement RunModern(string program, string outDir, params string[] extra) =>
                    Measure(program, ["legacy", "run", rd, dayDir, outDir, .. extra], modernEnv, null);
                // interleaved rounds (the machine is shared): the legacy, then overlapped, sequential (--no-overlap) and
                // the baseline build, so both sides get the same best-of-N treatment; the first --warmup rounds are not
                // counted (page cache, the output files' first allocation), as hyperfine --warmup
                for (var round = 0; round < warmup + repeat; round++)
                {
                    var legacy = RunLegacy();
                    var m = RunModern(cli, modernOut, "--through", "STEP020");
                    var sq = RunModern(cli, Path.Combine(work, "modern-seq"), "--no-overlap", "--through", "STEP020");
                    var bl = baselineCli is null ? null : RunModern(baselineCli, Path.Combine(work, "baseline"));
                    var label = round < warmup ? $"warm-up {round + 1} (not counted)" : $"round {round - warmup + 1}";
                    Console.Error.WriteLine($"{label}: legacy CLV100 {legacy.Clv100}, CLV200 {legacy.Clv200}; overlapped {m}, sequential {sq}"
                        + (bl is null ? "" : $", baseline {bl}"));
                    if (round < warmup) continue;
                    CountLegacy(legacy);
                    modernWalls.Add(m.Wall);
                    modern = Best(modern, m);
                    modernSequential = Best(modernSequential, sq);
                    if (bl is not null) baseline = Best(baseline, bl);
                }
                foreach (var f in new[] { "LINECALC", "REJECTS", "ENTCALC", "CTLTOTS", "sysout/STEP010.CLV100", "sysout/STEP020.CLV200" })
                {
                    var a = Path.Combine(modernOut, f);
                    var b = Path.Combine(work, "modern-seq", f);
                    if (!(File.Exists(a) && File.Exists(b) && FilesEqual(a, b))) overlapDiffers.Add(f);
                }
                modernSmall = Measure(cli, ["legacy", "run", rd, smallDir, Path.Combine(work, "modern-small"), "--through", "STEP020"], modernEnv, null);
                Console.Error.WriteLine($"modern {modern}, small day {modernSmall}");
                foreach (var f in new[] { "LINECALC", "REJECTS", "ENTCALC" })
                {
                    var a = Path.Combine(legacyOut, f);
                    var b = Path.Combine(modernOut, f);
                    if (File.Exists(a) && File.Exists(b) && FilesEqual(a, b)) same.Add(f); else differ.Add(f);
                }
                if (modern is null || modern.ExitCode is not (0 or 4))
                {
                    modernNote = $"`collections legacy run` ended with exit code {modern?.ExitCode} ({modern?.StdErrTail.Replace(work, "$WORK", StringComparison.Ordinal)})";
                    modern = null;
                }
            }

            // --- report ----------------------------------------------------------------------------------
            if (clv100 is null || clv200 is null) throw new InvalidOperationException("the legacy was not measured");
            var legacyWall = clv100.Wall + clv200.Wall;
            var legacyPeak = Math.Max(clv100.PeakKb, clv200.PeakKb);
            report.AppendLine(SectionTitle);
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {MachineInfo.Describe()}.");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Command: `dotnet run -c Release --project tools/Collections.Benchmarks -- legacy-vs-modern --lines {lines}{(repeat > 1 ? $" --repeat {repeat}" : "")}{(warmup > 0 ? $" --warmup {warmup}" : "")}{(baselineCli is null ? "" : " --baseline-cli BASELINE")}` (seed {seed}, run date {runDate}).");
            var mib = new FileInfo(Path.Combine(dayDir, "ENTRYIN")).Length / 1_048_576.0;
            report.AppendLine(FormattableString.Invariant(
                $"Input: one generated day (`collections generate-day --entries {entries} --mean-lines {meanLines}`), {gen.Records + 1:N0} ENTRYIN records ({gen.Headers:N0} entries, {gen.Lines:N0} lines, {mib:F1} MiB)."));
            if (cli is not null)
                report.AppendLine("Modern CLI: " + CliDescription(cli) + ", checked-out commit " + GitCommit(cli) + ".");
            report.AppendLine("Legacy: the CLV100 and CLV200 load modules built by `LegacySuite` (cobc 3.1.2, the suite's flags), run one after the other with the DD_ variables of run-cycle.sh. " +
                "Modern: `collections legacy run --through STEP020` (STEP010+STEP020 of the cycle in one process, as shipped). Both under /usr/bin/time: wall clock and peak resident set (max RSS).");
            report.AppendLine();
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
            report.AppendLine(FormattableString.Invariant($"Load average when measured: {load} (the machine is shared; CPU time is the steadier figure)."));
            report.AppendLine();
            report.AppendLine("| Side | Wall time | CPU (user+sys) | Peak memory (max RSS) | Exit |");
            report.AppendLine("|---|---:|---:|---:|---:|");
            report.AppendLine(FormattableString.Invariant($"| legacy CLV100 | {clv100.Wall.TotalSeconds:F2} s | {clv100.Cpu.TotalSeconds:F2} s | {clv100.PeakKb / 1024.0:F1} MiB | {clv100.ExitCode} |"));
            report.AppendLine(FormattableString.Invariant($"| legacy CLV200 | {clv200.Wall.TotalSeconds:F2} s | {clv200.Cpu.TotalSeconds:F2} s | {clv200.PeakKb / 1024.0:F1} MiB | {clv200.ExitCode} |"));
            var legacyCpu = clv100.Cpu + clv200.Cpu;
            report.AppendLine(FormattableString.Invariant($"| **legacy CLV100+CLV200** | **{legacyWall.TotalSeconds:F2} s** | **{legacyCpu.TotalSeconds:F2} s** | {legacyPeak / 1024.0:F1} MiB | |"));
            if (modern is not null)
            {
                report.AppendLine(FormattableString.Invariant($"| **modern `collections legacy run --through STEP020`** (STEP020 overlapped with STEP010) | **{modern.Wall.TotalSeconds:F2} s** | **{modern.Cpu.TotalSeconds:F2} s** | {modern.PeakKb / 1024.0:F1} MiB | {modern.ExitCode} |"));
                if (modernSequential is not null)
                    report.AppendLine(FormattableString.Invariant($"| modern `collections legacy run --no-overlap` (steps one after the other) | {modernSequential.Wall.TotalSeconds:F2} s | {modernSequential.Cpu.TotalSeconds:F2} s | {modernSequential.PeakKb / 1024.0:F1} MiB | {modernSequential.ExitCode} |"));
                if (baseline is not null)
                    report.AppendLine(FormattableString.Invariant($"| baseline build `{baselineCli}` (`legacy run`, before this change) | {baseline.Wall.TotalSeconds:F2} s | {baseline.Cpu.TotalSeconds:F2} s | {baseline.PeakKb / 1024.0:F1} MiB | {baseline.ExitCode} |"));
                report.AppendLine();
                report.AppendLine(FormattableString.Invariant(
                    $"Speed-up (legacy / modern): **{legacyWall.TotalSeconds / Math.Max(0.001, modern.Wall.TotalSeconds):F1}x wall**, **{legacyCpu.TotalSeconds / Math.Max(0.001, modern.Cpu.TotalSeconds):F1}x CPU** (target: at least 10x)."));
                report.AppendLine(FormattableString.Invariant(
                    $"Modern peak memory at {small.Records + 1:N0} records: {modernSmall!.PeakKb / 1024.0:F1} MiB; at {gen.Records + 1:N0} records: {modern.PeakKb / 1024.0:F1} MiB (ratio {modern.PeakKb / (double)Math.Max(1, modernSmall.PeakKb):F2} for a {(gen.Records + 1) / (double)(small.Records + 1):F1}x larger day)."));
                var identical = same.Count == 0 ? "none" : string.Join(", ", same);
                var different = differ.Count == 0 ? "" : "; differing or missing: " + string.Join(", ", differ);
                report.AppendLine("Outputs byte-identical to the legacy: " + identical + different + ".");
                if (modernSequential is not null)
                {
                    report.AppendLine(overlapDiffers.Count == 0
                        ? "Overlapped and `--no-overlap` runs: LINECALC, REJECTS, ENTCALC, CTLTOTS and both sysouts byte-identical."
                        : "Overlapped and `--no-overlap` runs DIFFER in: " + string.Join(", ", overlapDiffers) + ".");
                    report.AppendLine(FormattableString.Invariant(
                        $"What the overlap gives: wall {modernSequential.Wall.TotalSeconds:F2} s -> {modern.Wall.TotalSeconds:F2} s ({modernSequential.Wall.TotalSeconds / Math.Max(0.001, modern.Wall.TotalSeconds):F2}x) for about the same CPU ({modernSequential.Cpu.TotalSeconds:F2} s vs {modern.Cpu.TotalSeconds:F2} s): STEP020 runs on the second core while STEP010 runs."));
                }
                if (repeat > 1)
                {
                    report.AppendLine(FormattableString.Invariant(
                        $"Figures: best of {repeat} interleaved rounds{(warmup > 0 ? $" after {warmup} warm-up round(s) not counted" : "")}, each round running the legacy (CLV100, CLV200) and then every modern variant; lowest wall and lowest CPU taken separately, per legacy step too (which favours the legacy: its two best steps may come from different rounds)."));
                    report.AppendLine(FormattableString.Invariant(
                        $"Median of the rounds: legacy {Median(legacyWalls).TotalSeconds:F2} s wall, modern {Median(modernWalls).TotalSeconds:F2} s wall, **{Median(legacyWalls).TotalSeconds / Math.Max(0.001, Median(modernWalls).TotalSeconds):F1}x**; per round (legacy / modern wall): {string.Join(", ", legacyWalls.Zip(modernWalls, (l, m) => FormattableString.Invariant($"{l.TotalSeconds / Math.Max(0.001, m.TotalSeconds):F1}x")))}."));
                }
                report.AppendLine("Before every measured run the benchmark calls sync(1): no run pays the write-back of the files an earlier run left in the page cache.");
            }
            if (modernNote is not null)
            {
                report.AppendLine();
                report.AppendLine("Modern side not measured: " + modernNote + ".");
            }
            report.AppendLine();
            report.AppendLine(FormattableString.Invariant(
                $"Generator (`collections generate-day`, in process, same day): {gen.Records + 1:N0} records ({gen.Lines:N0} lines, {mib:F1} MiB) in {genTime.TotalSeconds:F2} s wall, {genCpu.TotalSeconds:F2} s CPU ({(gen.Records + 1) / Math.Max(0.001, genCpu.TotalSeconds):N0} records per CPU second); streamed record by record through a 1 MiB buffer, memory independent of the day's size."));
            Console.Out.Write(report.ToString());

            var doc = opt.Str("--doc");
            if (doc is not null) ReplaceSection(doc, report.ToString());
            return modern is not null && differ.Count == 0 && overlapDiffers.Count == 0 ? 0 : 1;
        }
        finally
        {
            if (!keep) try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The DD_ statements and runtime options of run-cycle.sh for steps 010 and 020.</summary>
    internal static Dictionary<string, string> LegacyEnvironment(string inDir, string outDir, string refDir) => new()
    {
        ["COB_VARSEQ_FORMAT"] = "0", ["COB_LS_FIXED"] = "FALSE", ["COB_LS_NULLS"] = "FALSE",
        ["DD_ENTRYIN"] = Path.Combine(inDir, "ENTRYIN"), ["DD_PAYMENTS"] = Path.Combine(inDir, "PAYMENTS"),
        ["DD_TARIFF"] = Path.Combine(refDir, "TARIFF.DAT"), ["DD_CH99TAB"] = Path.Combine(refDir, "CH99.DAT"),
        ["DD_ADCVDTAB"] = Path.Combine(refDir, "ADCVD.DAT"), ["DD_EXRATE"] = Path.Combine(refDir, "EXRATE.DAT"),
        ["DD_SPITAB"] = Path.Combine(refDir, "SPI.DAT"), ["DD_FEETAB"] = Path.Combine(refDir, "FEES.DAT"),
        ["DD_HMFPORT"] = Path.Combine(refDir, "HMFPORT.DAT"), ["DD_HOLIDAY"] = Path.Combine(refDir, "HOLIDAY.DAT"),
        ["DD_INTRATE"] = Path.Combine(refDir, "INTRATE.DAT"),
        ["DD_LINECALC"] = Path.Combine(outDir, "LINECALC"), ["DD_REJECTS"] = Path.Combine(outDir, "REJECTS"),
        ["DD_ENTCALC"] = Path.Combine(outDir, "ENTCALC"), ["DD_CTLTOTS"] = Path.Combine(outDir, "CTLTOTS"),
    };

    internal sealed record Measurement(TimeSpan Wall, TimeSpan Cpu, long PeakKb, int ExitCode, string StdErrTail)
    {
        /// <summary>The whole error stream of the run (less the time line).</summary>
        public string StdErr { get; init; } = "";

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Wall.TotalSeconds:F2} s wall, {Cpu.TotalSeconds:F2} s CPU, {PeakKb / 1024.0:F1} MiB, exit {ExitCode}");
    }

    /// <summary>The lower wall and the lower CPU of two measurements (peak memory: the higher), for best-of-N rounds.</summary>
    private static Measurement Best(Measurement? a, Measurement b) => a is null ? b : new Measurement(
        a.Wall < b.Wall ? a.Wall : b.Wall, a.Cpu < b.Cpu ? a.Cpu : b.Cpu, Math.Max(a.PeakKb, b.PeakKb), a.ExitCode != 0 ? a.ExitCode : b.ExitCode, b.StdErrTail);

    private static TimeSpan Median(List<TimeSpan> xs)
    {
        if (xs.Count == 0) return TimeSpan.Zero;
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    /// <summary>
    /// Flushes dirty pages (sync(1)) so that the measured run does not pay, on these 2 cores, the kernel's write-back
    /// of the 270 MB an earlier run (legacy or modern) left in the page cache.
    /// </summary>
    private static void Settle()
    {
        if (!File.Exists("/bin/sync") && !File.Exists("/usr/bin/sync")) return;
        using var p = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        p?.WaitForExit();
    }

    /// <summary>Runs a program under /usr/bin/time (GNU time: elapsed seconds and max RSS in KiB), after <see cref="Settle"/>.</summary>
    internal static Measurement Measure(string program, IReadOnlyList<string> args, IDictionary<string, string> env, string? stdin) =>
        MeasureProcess(program, args, env, stdin, null);

    /// <summary><see cref="Measure"/> in a working directory (null: the current one).</summary>
    internal static Measurement MeasureProcess(string program, IReadOnlyList<string> args, IDictionary<string, string> env, string? stdin, string? workDir)
    {
        Settle();
        var useTime = File.Exists("/usr/bin/time");
        var psi = new ProcessStartInfo(useTime ? "/usr/bin/time" : program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = workDir ?? Environment.CurrentDirectory,
        };
        if (useTime)
        {
            psi.ArgumentList.Add("-f");
            psi.ArgumentList.Add("@@TIME %e %M %U %S");
            psi.ArgumentList.Add(program);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + program);
        var so = p.StandardOutput.ReadToEndAsync();
        var se = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        p.WaitForExit();
        sw.Stop();
        _ = so.Result;
        var err = se.Result;
        long peak = 0;
        var wall = sw.Elapsed;
        var cpu = TimeSpan.Zero;
        var timeLine = err.Split('\n').LastOrDefault(l => l.StartsWith("@@TIME ", StringComparison.Ordinal));
        if (timeLine is not null)
        {
            var parts = timeLine.Split(' ');
            wall = TimeSpan.FromSeconds(double.Parse(parts[1], CultureInfo.InvariantCulture));
            peak = long.Parse(parts[2], CultureInfo.InvariantCulture);
            cpu = TimeSpan.FromSeconds(double.Parse(parts[3], CultureInfo.InvariantCulture) + double.Parse(parts[4], CultureInfo.InvariantCulture));
        }
        var tail = string.Join(" | ", err.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("@@TIME", StringComparison.Ordinal)).TakeLast(3));
        return new Measurement(wall, cpu, peak, p.ExitCode, tail) { StdErr = err };
    }

    internal static bool FilesEqual(string a, string b)
    {
        using var fa = File.OpenRead(a);
        using var fb = File.OpenRead(b);
        if (fa.Length != fb.Length) return false;
        var ba = new byte[1 << 16];
        var bb = new byte[1 << 16];
        while (true)
        {
            var na = fa.ReadAtLeast(ba, ba.Length, throwOnEndOfStream: false);
            var nb = fb.ReadAtLeast(bb, bb.Length, throwOnEndOfStream: false);
            if (na != nb || !ba.AsSpan(0, na).SequenceEqual(bb.AsSpan(0, nb))) return false;
            if (na == 0) return true;
        }
    }

    /// <summary>The CLI's path relative to the repository (or as given) and whether it is ReadyToRun-compiled.</summary>
    internal static string CliDescription(string cli)
    {
        var full = Path.GetFullPath(cli);
        var shown = full;
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(full)!); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Collections.sln"))) continue;
            shown = Path.GetRelativePath(dir.FullName, full);
            break;
        }
        var dll = Path.Combine(Path.GetDirectoryName(full)!, "Collections.Legacy.dll");
        var r2r = File.Exists(dll) && IsReadyToRun(dll);
        return "`" + shown + "` " + (r2r ? "(ReadyToRun, as `run.sh` publishes it)" : "(IL only, every method JIT-compiled)");
    }

    private static bool IsReadyToRun(string dll)
    {
        using var fs = File.OpenRead(dll);
        using var pe = new System.Reflection.PortableExecutable.PEReader(fs);
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    internal static string GitCommit(string cli)
    {
        try
        {
            var psi = new ProcessStartInfo("git", ["-C", Path.GetDirectoryName(cli)!, "log", "-1", "--format=%h %s"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var p = Process.Start(psi)!;
            var text = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 && text.Length > 0 ? "`" + text + "`" : "(unknown)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "(unknown)";
        }
    }

    internal static string? FindCli()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Collections.sln"))) continue;
            // the CLI as shipped (run.sh publishes it ReadyToRun into artifacts/cli), else the plain build
            var published = Path.Combine(dir.FullName, "artifacts", "cli", "collections");
            if (File.Exists(published)) return published;
            foreach (var config in new[] { "Release", "Debug" })
            {
                var p = Path.Combine(dir.FullName, "src", "Collections.Cli", "bin", config, "net10.0", "collections");
                if (File.Exists(p)) return p;
            }
        }
        return null;
    }

    /// <summary>Replaces (or appends) this benchmark's section of a markdown file, leaving the others untouched.</summary>
    public static void ReplaceSection(string path, string section, string title = SectionTitle)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var start = text.IndexOf(title, StringComparison.Ordinal);
        if (start < 0)
        {
            text = text.TrimEnd('\n') + "\n\n" + section;
        }
        else
        {
            var next = text.IndexOf("\n## ", start + title.Length, StringComparison.Ordinal);
            text = text[..start] + section + (next < 0 ? "" : "\n" + text[(next + 1)..]);
        }
        File.WriteAllText(path, text.TrimEnd('\n') + "\n");
    }

    internal sealed class Args
    {
        private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

        public static Args Parse(string[] args)
        {
            var a = new Args();
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException("unexpected argument " + args[i]);
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                a._values[args[i]] = hasValue ? args[++i] : null;
            }
            return a;
        }

        public string? Str(string name) => _values.TryGetValue(name, out var v) ? v : null;
        public bool Flag(string name) => _values.ContainsKey(name);
        public long Long(string name, long fallback) => Str(name) is { } s ? long.Parse(s, CultureInfo.InvariantCulture) : fallback;
    }
}

/// <summary>
/// <c>capture-generated-day --out DIR [--lines N] [--seed S] [--rundate D] [--legacy-home DIR]</c>: generates one day
/// of about N ENTRYIN records (default 1,000,000) and captures the legacy's full cycle on it as a fixture set in DIR
/// (the input of the harness benchmark, issue 4 item 9: <c>collections parity run --fixtures DIR</c>). Prints the
/// generation and capture times and the fixture's size.
/// </summary>
public sealed class CaptureGeneratedDayBenchmark : IBenchmarkCommand
{
    public string Name => "capture-generated-day";
    public string Description => "generate a 1M-line day and capture the legacy cycle on it as a fixture set (harness benchmark input)";

    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? outDir = null, homeArg = null;
        long lines = 1_000_000, seed = 1, runDate = 20260302;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--out": outDir = args[i + 1]; break;
                case "--legacy-home": homeArg = args[i + 1]; break;
                case "--lines": lines = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rundate": runDate = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine("unknown option " + args[i]); return 2;
            }
        }
        var home = ReferenceLocator.LegacyHome(homeArg);
        if (outDir is null || home is null) { Console.Error.WriteLine("usage: capture-generated-day --out DIR [--lines N] [--seed S] [--rundate D] [--legacy-home DIR]"); return 2; }
        var input = Path.Combine(Path.GetTempPath(), "collections-capture-input-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var sw = Stopwatch.StartNew();
            var gen = DayGenerator.Generate(new DayGeneratorOptions
            {
                RunDate = (int)runDate, Entries = (int)Math.Max(1, lines * 100 / 1035), Seed = (ulong)seed, OutDir = input,
                RefDir = Path.Combine(home, "ref"), MeanLines = 10,
            });
            var genTime = sw.Elapsed;
            sw.Restart();
            var m = Collections.Parity.Capture.FixtureCapture.Capture(new Collections.Parity.Capture.CaptureOptions
            {
                LegacyHome = home, InputDir = input, RunDate = runDate.ToString("D8", CultureInfo.InvariantCulture), OutDir = outDir,
                Description = FormattableString.Invariant($"Generated day of {gen.Records + 1} ENTRYIN records (seed {seed}) for the harness benchmark; not committed"),
            });
            var size = m.Files.Sum(f => f.Size);
            Console.Out.WriteLine(FormattableString.Invariant(
                $"generated {gen.Records + 1:N0} records in {genTime.TotalSeconds:F1} s; legacy cycle captured in {sw.Elapsed.TotalSeconds:F1} s (RC {m.ReturnCode}); fixture {outDir}: {m.Files.Count} files, {size / 1_048_576.0:F0} MiB"));
            return 0;
        }
        finally
        {
            try { Directory.Delete(input, recursive: true); } catch (IOException) { }
        }
    }
}
