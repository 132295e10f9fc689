using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collections.Legacy.Clv100;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;

namespace Collections.Benchmarks;

/// <summary>
/// STEP010 alone: <c>clv100 [--lines N] [--seed S] [--invalid-ppm P] [--rundate D] [--legacy-home DIR] [--profile NAME] [--no-legacy]</c>. Generates
/// one day of about N ENTRYIN records (default 1,000,000) with <see cref="DayGenerator"/>, runs the legacy CLV100 load
/// module (cobc build, the DD_ variables of run-cycle.sh, under bash <c>time</c>) and our <see cref="Clv100Step"/> in
/// this process on the same input, and checks LINECALC, REJECTS, CTLTOTS and sysout byte-identical. Prints wall and
/// CPU time of both and the ratio. CLV100_BENCH_WARMUP=N runs the port N times first (JIT, tiering);
/// CLV100_BENCH_REPEAT=N measures N runs and reports each and the fastest (CPU) one. --no-legacy skips the legacy
/// run and the parity check (quick A/B timing of the port alone).
/// </summary>
public sealed class Clv100Benchmark : IBenchmarkCommand
{
    public string Name => "clv100";

    public string Description => "STEP010 (CLV100) legacy vs port on a generated ENTRYIN day: wall+CPU ratio, byte parity";

    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        long lines = 1_000_000, seed = 1, runDate = 20260302, invalidPpm = 0;
        string? homeArg = null, profile = null;
        var noLegacy = args.Contains("--no-legacy");
        args = [.. args.Where(a => a != "--no-legacy")];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--lines": lines = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rundate": runDate = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--invalid-ppm": invalidPpm = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--legacy-home": homeArg = args[i + 1]; break;
                case "--profile": profile = args[i + 1]; break;
                default: Console.Error.WriteLine("unknown option " + args[i]); return 2;
            }
        }
        var home = ReferenceLocator.LegacyHome(homeArg);
        if (home is null) { Console.Error.WriteLine("legacy suite not found: --legacy-home DIR or ACS_LEGACY_HOME"); return 2; }
        var warmups = int.Parse(Environment.GetEnvironmentVariable("CLV100_BENCH_WARMUP") ?? "0", CultureInfo.InvariantCulture);
        var repeats = Math.Max(1, int.Parse(Environment.GetEnvironmentVariable("CLV100_BENCH_REPEAT") ?? "1", CultureInfo.InvariantCulture));
        var refDir = Path.Combine(home, "ref");
        var suite = LegacySuite.Prepare(home);
        var work = Path.Combine(Path.GetTempPath(), "clv100-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var dayDir = Path.Combine(work, "day");
        var legacyDir = Path.Combine(work, "legacy");
        var oursDir = Path.Combine(work, "ours");
        var sysin = $"RUNDATE={runDate.ToString("D8", CultureInfo.InvariantCulture)}\n";
        try
        {
            foreach (var d in new[] { legacyDir, oursDir })
            {
                Directory.CreateDirectory(d);
                File.WriteAllText(Path.Combine(d, "SYSIN"), sysin);
            }
            var options = new DayGeneratorOptions
            {
                RunDate = (int)runDate, Entries = (int)Math.Max(1, lines * 100 / 1035), Seed = (ulong)seed, OutDir = dayDir,
                RefDir = refDir, MeanLines = 10, InvalidPpm = (int)invalidPpm,
            };
            if (profile is not null)
            {
                // the profile's shape, with about as many records: its records per entry from a small pilot day
                var pilot = DayGenerator.Generate(DayProfiles.Apply(profile, options with { Entries = 3000, Scenarios = false, OutDir = dayDir }));
                options = DayProfiles.Apply(profile, options with { Entries = (int)Math.Max(1, lines * 3000 / Math.Max(1, pilot.Records)) });
            }
            var gen = DayGenerator.Generate(options);
            var entryin = Path.Combine(dayDir, "ENTRYIN");
            Console.Error.WriteLine($"generated {gen.Records + 1:N0} records ({gen.Lines:N0} lines)");

            // --- the legacy load module, as run-cycle.sh runs it ---------------------------------------------
            var env = new Dictionary<string, string>
            {
                ["COB_VARSEQ_FORMAT"] = "0", ["COB_LS_FIXED"] = "FALSE", ["COB_LS_NULLS"] = "FALSE",
                ["DD_ENTRYIN"] = entryin, ["DD_TARIFF"] = Path.Combine(refDir, "TARIFF.DAT"),
                ["DD_CH99TAB"] = Path.Combine(refDir, "CH99.DAT"), ["DD_ADCVDTAB"] = Path.Combine(refDir, "ADCVD.DAT"),
                ["DD_EXRATE"] = Path.Combine(refDir, "EXRATE.DAT"), ["DD_SPITAB"] = Path.Combine(refDir, "SPI.DAT"),
                ["DD_FEETAB"] = Path.Combine(refDir, "FEES.DAT"),
                ["DD_LINECALC"] = Path.Combine(legacyDir, "LINECALC"), ["DD_REJECTS"] = Path.Combine(legacyDir, "REJECTS"),
                ["DD_CTLTOTS"] = Path.Combine(legacyDir, "CTLTOTS"),
            };
            var exe = Path.Combine(suite.WorkHome, "bin", "CLV100");
            if (noLegacy) exe = "/bin/true";
            var (legacyWall, legacyCpu) = LegacyProgram.RunTimed(exe, legacyDir, "STEP010.CLV100", env);

            // --- the port, in this process -------------------------------------------------------------------
            var files = new Clv100Files(Path.Combine(oursDir, "SYSIN"), entryin, Path.Combine(refDir, "TARIFF.DAT"),
                Path.Combine(refDir, "CH99.DAT"), Path.Combine(refDir, "ADCVD.DAT"), Path.Combine(refDir, "EXRATE.DAT"),
                Path.Combine(refDir, "SPI.DAT"), Path.Combine(refDir, "FEES.DAT"), Path.Combine(oursDir, "LINECALC"),
                Path.Combine(oursDir, "REJECTS"), Path.Combine(oursDir, "CTLTOTS"));
            for (var warm = 0; warm < warmups; warm++)
            {
                var w = Stopwatch.StartNew();
                var c = Process.GetCurrentProcess().TotalProcessorTime;
                new Clv100Step().Run(files, TextWriter.Null);
                Console.Error.WriteLine($"warm-up run {warm + 1}: {w.Elapsed.TotalSeconds:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - c).TotalSeconds:F2} s CPU");
                File.WriteAllBytes(files.Ctltots, []);
            }
            var runs = new List<(double Wall, double Cpu)>();
            var notes = new List<string>();
            for (var rep = 0; rep < repeats; rep++)
            {
                File.WriteAllBytes(files.Ctltots, []);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
                var allocBefore = GC.GetTotalAllocatedBytes(precise: true);
                var gcBefore = GC.CollectionCount(0);
                var oursWatch = Stopwatch.StartNew();
                using (var sysout = new StreamWriter(Path.Combine(oursDir, "STEP010.CLV100"), false, Encoding.Latin1) { NewLine = "\n" })
                    new Clv100Step().Run(files, sysout);
                oursWatch.Stop();
                runs.Add((oursWatch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds));
                var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocBefore;
                notes.Add(FormattableString.Invariant(
                    $"run {warmups + rep + 1}: JIT {jit.TotalMilliseconds:F0} ms, allocated {allocated / 1_048_576.0:F1} MiB ({allocated / (double)(gen.Records + 1):F1} bytes per record), gen0 GCs {GC.CollectionCount(0) - gcBefore}"));
                Console.Error.WriteLine(FormattableString.Invariant($"port run {rep + 1}: {runs[^1].Wall:F2} s wall, {runs[^1].Cpu:F2} s CPU; {notes[^1]}"));
            }
            var best = runs.MinBy(r => r.Cpu);

            bool Same(string f) => File.ReadAllBytes(Path.Combine(legacyDir, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(oursDir, f)));
            var outputs = new[] { "LINECALC", "REJECTS", "CTLTOTS", "STEP010.CLV100" };
            var differ = noLegacy ? [] : outputs.Where(f => !Same(f)).ToList();
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
            Console.WriteLine(FormattableString.Invariant($"## STEP010 (CLV100), {gen.Records + 1:N0} ENTRYIN records ({gen.Lines:N0} lines)"));
            Console.WriteLine();
            Console.WriteLine($"Machine: {MachineInfo.Describe()}; load average {load}.");
            Console.WriteLine(FormattableString.Invariant($"Command: `clv100 --lines {lines} --seed {seed} --invalid-ppm {invalidPpm}`, CLV100_BENCH_WARMUP={warmups}, CLV100_BENCH_REPEAT={repeats}."));
            Console.WriteLine();
            Console.WriteLine("| run | wall time | CPU time (user+sys) | records/s (CPU) |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(FormattableString.Invariant($"| legacy CLV100 (GnuCOBOL 3.1.2) | {legacyWall.TotalSeconds:F2} s | {legacyCpu:F2} s | {(gen.Records + 1) / legacyCpu:N0} |"));
            for (var i = 0; i < runs.Count; i++)
                Console.WriteLine(FormattableString.Invariant($"| Clv100Step (.NET, in process, run {warmups + i + 1}) | {runs[i].Wall:F2} s | {runs[i].Cpu:F2} s | {(gen.Records + 1) / runs[i].Cpu:N0} |"));
            Console.WriteLine();
            Console.WriteLine("Port runs (in process): " + string.Join("; ", notes) + ".");
            Console.WriteLine();
            Console.WriteLine(FormattableString.Invariant(
                $"Ratio legacy/port (fastest port run): wall {legacyWall.TotalSeconds / best.Wall:F1}x, CPU {legacyCpu / best.Cpu:F1}x; outputs byte-identical (LINECALC, REJECTS, CTLTOTS, sysout): {(noLegacy ? "not checked (--no-legacy)" : differ.Count == 0 ? "yes" : "NO, differ: " + string.Join(", ", differ))}."));
            return differ.Count == 0 ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
