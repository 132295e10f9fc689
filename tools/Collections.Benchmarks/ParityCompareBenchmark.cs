using System.Diagnostics;
using System.Globalization;
using Collections.Parity.Compare;
using Collections.Parity.Config;
using Collections.Parity.Decoding;
using Collections.Parity.Io;
using Collections.Parity.Runs;

namespace Collections.Benchmarks;

/// <summary>
/// <c>parity-compare LEGACY_OUTDIR [MODERN_OUTDIR] [--in INDIR] [--mutate-every N] [--work DIR]</c>: compares a
/// captured day with a modern output folder (default: a byte copy of the legacy's, optionally with every Nth
/// LINECALC record's duty moved by one cent) and reports wall time, throughput and peak memory.
/// </summary>
public sealed class ParityCompareBenchmark : IBenchmarkCommand
{
    public string Name => "parity-compare";
    public string Description => "Parity harness: compare a captured day (e.g. 1M lines) with a modern output folder";

    public int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: parity-compare LEGACY_OUTDIR [MODERN_OUTDIR] [--in INDIR] [--mutate-every N] [--work DIR]");
            return 2;
        }
        var legacy = Path.GetFullPath(args[0]);
        string? modern = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? Path.GetFullPath(args[1]) : null;
        string? inDir = null, work = null;
        var mutateEvery = 0;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--in") inDir = args[++i];
            else if (args[i] == "--mutate-every") mutateEvery = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--work") work = args[++i];
        }
        var config = ParityConfig.Embedded();
        work ??= Path.Combine(Path.GetTempPath(), "parity-compare-bench");
        if (modern is null)
        {
            modern = Path.Combine(work, "modern");
            if (Directory.Exists(modern)) Directory.Delete(modern, recursive: true);
            Directory.CreateDirectory(modern);
            foreach (var f in config.Files.Where(f => f.Step is "*" || config.PortedSteps.Contains(f.Step ?? "")))
            {
                var src = Path.Combine(legacy, f.Name);
                if (File.Exists(src)) File.Copy(src, Path.Combine(modern, f.Name));
            }
            if (mutateEvery > 0) Mutate(config, Path.Combine(modern, "LINECALC"), mutateEvery);
        }

        var sizes = config.Files.Select(f => Path.Combine(legacy, f.Name)).Where(File.Exists).Sum(p => new FileInfo(p).Length);
        GC.Collect();
        var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        var run = ParityRunner.CompareFolders(
        [
            new DaySides
            {
                Name = Path.GetFileName(legacy), RunDate = "bench", InDir = inDir, LegacyOutDir = legacy, ModernOutDir = modern,
                ModernSteps = config.PortedSteps, Mode = "benchmark",
            },
        ], new ParityRunOptions { Config = config, ConfigText = "{}", WorkDir = work });
        sw.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var day = run.Days[0];
        var records = day.Files.Sum(f => f.LegacyRecords);
        var lines = day.Files.FirstOrDefault(f => f.Name == "LINECALC")?.LegacyRecords ?? 0;

        Console.WriteLine("### Parity compare (issue 4)");
        Console.WriteLine();
        Console.WriteLine($"Machine: {MachineInfo.Describe()}");
        Console.WriteLine();
        Console.WriteLine("| Day | LINECALC lines | Records (all files, legacy) | Bytes (legacy) | Mutated | Differences | Wall time | Records/s | Peak working set | Allocated |");
        Console.WriteLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {Path.GetFileName(Path.GetDirectoryName(legacy + "/"))} | {lines:N0} | {records:N0} | {sizes / 1048576.0:F0} MiB | {(mutateEvery > 0 ? $"every {mutateEvery}th line" : "no")} | {day.Differences.Count:N0} | {sw.Elapsed.TotalSeconds:F1} s | {records / Math.Max(0.001, sw.Elapsed.TotalSeconds):N0} | {peak / 1048576.0:F0} MiB | {allocated / 1048576.0:F0} MiB |"));
        Console.WriteLine();
        foreach (var f in day.Files)
            Console.Error.WriteLine($"{f.Name,-11} {f.Status,-12} legacy {f.LegacyRecords,9} modern {f.ModernRecords,9} modified {f.Modified,7} only-legacy {f.OnlyLegacy,5} only-modern {f.OnlyModern,5}");
        return 0;
    }

    /// <summary>Moves LC-DUTY-AMT by one cent on every Nth record (a deliberately different modern side).</summary>
    private static void Mutate(ParityConfig config, string path, int every)
    {
        var cf = new CompiledFile(config.Files.Single(f => f.Name == "LINECALC"), new CopybookSource([]));
        var duty = cf.Types[0].Field("LC-DUTY-AMT");
        var tmp = path + ".tmp";
        using (var r = DataSetReader.Open(path, RecordFormat.Fixed, cf.Lrecl))
        using (var w = File.Create(tmp))
        {
            while (r.Next() is { } rec)
            {
                if (r.RecordCount % every == 0)
                    StrictRecordDecoder.Encode(duty, StrictRecordDecoder.Instance.DecodeNumber(duty, rec) + 1, rec);
                w.Write(rec);
            }
        }
        File.Move(tmp, path, overwrite: true);
    }
}
