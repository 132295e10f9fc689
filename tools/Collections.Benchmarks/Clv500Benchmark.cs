using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collections.Legacy.Clv500;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;

namespace Collections.Benchmarks;

/// <summary>
/// STEP050 alone: a generated day of N entries (default 100,000, a busy day) run through the legacy cycle
/// (run-cycle.sh, STEP010-050), then the legacy CLV500 load module and our <see cref="Clv500Step"/> on that cycle's
/// data sets (ENTCALC, STMTOUT, LEDGER, SUSPENSE, OPENITEM, REJECTS, CTLTOTS). Prints wall and CPU times, the ratio,
/// the port's allocations and peak working set, and whether CLV500.RPT and the sysout are byte-identical.
/// usage: clv500 [ENTRIES] [LEGACY_HOME]
/// </summary>
public sealed class Clv500Benchmark : IBenchmarkCommand
{
    public string Name => "clv500";

    public string Description => "STEP050 (CLV500) legacy vs port on a generated day's data sets: time ratio, allocations, byte parity";

    public int Run(string[] args)
    {
        var entries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var legacyHome = args.Length > 1 ? args[1] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/legacy"));
        var suite = LegacySuite.Prepare(legacyHome);
        var work = Path.Combine(Path.GetTempPath(), "clv500-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var inDir = Path.Combine(work, "in");
            var cycleOut = Path.Combine(work, "cycle");
            DayGenerator.Generate(new DayGeneratorOptions
            {
                RunDate = 20260302, Entries = entries, Seed = 500, OutDir = inDir, RefDir = suite.RefDir,
            });
            var cycle = suite.RunCycle("20260302", inDir, cycleOut);
            Console.Error.WriteLine($"legacy cycle: RC {cycle.ExitCode}, {cycle.Elapsed.TotalSeconds:F1} s");

            var legacyDir = Path.Combine(work, "legacy");
            var oursDir = Path.Combine(work, "ours");
            foreach (var d in new[] { legacyDir, oursDir })
            {
                Directory.CreateDirectory(d);
                foreach (var f in new[] { "SYSIN", "ENTCALC", "STMTOUT", "LEDGER", "SUSPENSE", "OPENITEM", "REJECTS", "CTLTOTS" })
                    File.Copy(Path.Combine(cycleOut, f), Path.Combine(d, f));
            }
            var env = new Dictionary<string, string>
            {
                ["COB_VARSEQ_FORMAT"] = "0", ["COB_LS_FIXED"] = "FALSE", ["COB_LS_NULLS"] = "FALSE",
                ["DD_ENTCALC"] = "ENTCALC", ["DD_STMTOUT"] = "STMTOUT", ["DD_LEDGER"] = "LEDGER", ["DD_SUSPENSE"] = "SUSPENSE",
                ["DD_NEWMAST"] = "OPENITEM", ["DD_REJECTS"] = "REJECTS", ["DD_CTLTOTS"] = "CTLTOTS", ["DD_RPTOUT"] = "CLV500.RPT",
            };
            var exe = Path.Combine(suite.WorkHome, "bin", "CLV500");
            var legacyWatch = Stopwatch.StartNew();
            var psi = new ProcessStartInfo("bash", ["-c", $"TIMEFORMAT='%U %S'; time (\"{exe}\" < SYSIN > STEP050.CLV500 2>&1)"])
            {
                WorkingDirectory = legacyDir, UseShellExecute = false, RedirectStandardError = true,
            };
            foreach (var (k, v) in env) psi.Environment[k] = v;
            string times;
            using (var p = Process.Start(psi)!)
            {
                times = p.StandardError.ReadToEnd();
                p.WaitForExit();
            }
            legacyWatch.Stop();
            var legacyCpu = times.Trim().Split(' ').Sum(t => double.Parse(t, CultureInfo.InvariantCulture));

            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var oursWatch = Stopwatch.StartNew();
            using (var sysout = new StreamWriter(Path.Combine(oursDir, "STEP050.CLV500"), false, Encoding.Latin1) { NewLine = "\n" })
                Clv500Step.Run(Clv500Files.ForCycle(oursDir), sysout);
            oursWatch.Stop();
            var oursCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;

            bool Same(string f) => File.ReadAllBytes(Path.Combine(legacyDir, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(oursDir, f)));
            var parity = Same("CLV500.RPT") && Same("STEP050.CLV500");
            long Size(string f) => new FileInfo(Path.Combine(oursDir, f)).Length;
            Console.WriteLine($"## STEP050 (CLV500), a generated day of {entries:N0} entries");
            Console.WriteLine();
            Console.WriteLine($"Machine: {MachineInfo.Describe()}");
            Console.WriteLine();
            Console.WriteLine($"Inputs: ENTCALC {Size("ENTCALC"):N0} bytes, STMTOUT {Size("STMTOUT"):N0}, LEDGER {Size("LEDGER"):N0}, OPENITEM {Size("OPENITEM"):N0}, "
                              + $"REJECTS {Size("REJECTS"):N0}; report {Size("CLV500.RPT"):N0} bytes.");
            Console.WriteLine();
            Console.WriteLine("| run | wall time | CPU time (user+sys) |");
            Console.WriteLine("|---|---|---|");
            Console.WriteLine($"| legacy CLV500 (GnuCOBOL 3.1.2) | {legacyWatch.Elapsed.TotalSeconds:F2} s | {legacyCpu:F2} s |");
            Console.WriteLine($"| Clv500Step (.NET, first run in the process) | {oursWatch.Elapsed.TotalSeconds:F2} s | {oursCpu:F2} s |");
            Console.WriteLine();
            Console.WriteLine($"Ratio legacy/port: wall {legacyWatch.Elapsed.TotalSeconds / oursWatch.Elapsed.TotalSeconds:F1}x, CPU {legacyCpu / oursCpu:F1}x; "
                              + $"port allocated {allocated:N0} bytes; peak working set {peak / (1024 * 1024)} MiB (whole benchmark process); "
                              + $"report and sysout byte-identical: {(parity ? "yes" : "NO")}.");
            return parity ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
