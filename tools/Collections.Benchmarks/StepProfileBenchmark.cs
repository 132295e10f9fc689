using System.Diagnostics;
using System.Globalization;
using Collections.Legacy.Pipeline;

namespace Collections.Benchmarks;

/// <summary>
/// <c>step-profile STEP RUNDATE INDIR OUTDIR [PRIOR_OUTDIR] [--repeat N] [--ref DIR]</c>: runs one ported step
/// (e.g. STEP040) in this process, N times (default 5), on an OUTDIR that already holds what the steps before it
/// wrote (a cycle run by <c>collections legacy run</c>), and prints per run the wall time, the process CPU time, the
/// bytes allocated and the GC counts. The first run pays the JIT; the later ones show the steady state. A tool for
/// profiling a step (<c>perf record</c> on this command), not a comparison with the legacy.
/// </summary>
public sealed class StepProfileBenchmark : IBenchmarkCommand
{
    public string Name => "step-profile";

    public string Description => "one ported step in process, repeated: wall, CPU, allocation, GCs per run (profiling aid)";

    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positional = new List<string>();
        var repeat = 5;
        string? refDir = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--repeat") repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--ref") refDir = args[++i];
            else positional.Add(args[i]);
        }
        if (positional.Count is < 4 or > 5)
        {
            Console.Error.WriteLine("usage: step-profile STEP RUNDATE INDIR OUTDIR [PRIOR_OUTDIR] [--repeat N] [--ref DIR]");
            return 2;
        }
        refDir ??= Collections.Parity.Generation.ReferenceLocator.Resolve(null);
        var step = LegacySteps.Discover().FirstOrDefault(s => s.StepName == positional[0]);
        if (step is null)
        {
            Console.Error.WriteLine("no ported step " + positional[0]);
            return 2;
        }
        var outDir = Path.GetFullPath(positional[3]);
        // CTLTOTS is appended to by every step: keep the lines of the steps before this one and restore them per run
        var ctltots = Path.Combine(outDir, "CTLTOTS");
        var before = File.Exists(ctltots)
            ? File.ReadAllLines(ctltots).Where(l => string.CompareOrdinal(l, 0, step.Program, 0, 6) < 0).ToArray()
            : [];
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeat; r++)
        {
            File.WriteAllText(ctltots, before.Length == 0 ? "" : string.Join("\n", before) + "\n");
            var ctx = new StepContext(positional[1], Path.GetFullPath(positional[2]), outDir, Path.GetFullPath(refDir),
                positional.Count > 4 ? Path.GetFullPath(positional[4]) : null, TextWriter.Null)
            {
                SysoutPath = Path.Combine(outDir, "sysout", step.StepName + "." + step.Program),
            };
            var gen0 = GC.CollectionCount(0);
            var gen1 = GC.CollectionCount(1);
            var gen2 = GC.CollectionCount(2);
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var rc = step.Run(ctx);
            watch.Stop();
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{step.StepName} run {r + 1}: RC {rc}, {watch.Elapsed.TotalSeconds:F3} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F3} s CPU, "
                + $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F1} MiB allocated, GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, "
                + $"peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB"));
        }
        return 0;
    }
}
