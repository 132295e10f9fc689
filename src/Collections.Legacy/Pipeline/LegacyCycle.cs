using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Collections.Legacy.Pipeline;

/// <summary>The steps of job ACSCLV01 in order, and the ported implementations found in this assembly.</summary>
public static class LegacySteps
{
    /// <summary>The cycle's steps as run-cycle.sh lists them.</summary>
    public static readonly IReadOnlyList<(string Step, string Program)> Cycle =
    [
        ("STEP010", "CLV100"), ("STEP020", "CLV200"), ("STEP030", "CLV300"), ("STEP040", "CLV400"), ("STEP050", "CLV500"),
    ];

    /// <summary>Every <see cref="ILegacyStep"/> of this assembly with a public parameterless constructor, by step name.</summary>
    public static IReadOnlyList<ILegacyStep> Discover() =>
        [.. typeof(ILegacyStep).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ILegacyStep).IsAssignableFrom(t)
                        && t.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .Select(t => (ILegacyStep)Activator.CreateInstance(t)!)
            .OrderBy(s => s.StepName, StringComparer.Ordinal)];
}

/// <summary>The outcome of a cycle: highest return code and what each step ended with.</summary>
public sealed record LegacyCycleResult(int MaxReturnCode, IReadOnlyList<(string Step, string Program, string Outcome)> Steps);

/// <summary>
/// The contract of run-cycle.sh (job ACSCLV01) with ported steps: checks the directories, deletes the data sets of
/// an earlier run in OUTDIR, copies or generates the SYSIN card (a first card that is not RUNDATE=&lt;RUNDATE&gt; →
/// RC 16), checks the prior master, runs the steps in order, stops after a step ending with RC ≥ 8 (remaining
/// steps: NOT RUN), prints the same console lines and returns the highest RC. A step that has not been ported is
/// reported as NOT PORTED (no return code is invented for it); the ported steps after it are NOT RUN, since they
/// would read data sets it did not write (a note on the error stream says so).
/// </summary>
public sealed class LegacyCycle
{
    private static readonly string[] DataSets =
        ["SYSIN", "LINECALC", "REJECTS", "ENTCALC", "STMTOUT", "STMTDTL", "OPENITEM", "LEDGER", "SUSPENSE", "CTLTOTS", "CLV500.RPT"];

    private readonly IReadOnlyDictionary<string, ILegacyStep> _steps;

    /// <summary>
    /// Runs STEP020 concurrently with STEP010 when both steps support it (<see cref="IStreamingStep"/>): STEP010 writes
    /// LINECALC to its file and to a <see cref="BoundedBytePipe"/>, STEP020 reads LINECALC from the pipe on a second
    /// thread. The outcome (files, console lines, return codes, diagnostics) is the same as with the steps run one
    /// after the other. Default true; false runs every step sequentially (`legacy run --no-overlap`).
    /// </summary>
    public bool Overlap { get; init; } = true;

    /// <summary>
    /// The last step to run (e.g. "STEP020"), or null for the whole cycle: the steps after it are reported NOT RUN, as
    /// after a step ending with RC 8 (`legacy run --through STEP`, for measuring a part of the cycle).
    /// </summary>
    public string? LastStep { get; init; }

    /// <summary>Chunk size and count of the LINECALC pipe (memory bound of the overlap: size x count bytes).</summary>
    public int PipeChunkSize { get; init; } = BoundedBytePipe.DefaultChunkSize;

    /// <inheritdoc cref="PipeChunkSize"/>
    public int PipeChunkCount { get; init; } = BoundedBytePipe.DefaultChunkCount;

    public LegacyCycle(IEnumerable<ILegacyStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var map = new Dictionary<string, ILegacyStep>(StringComparer.Ordinal);
        foreach (var s in steps) map.TryAdd(s.StepName, s);   // the first implementation of a step wins
        _steps = map;
    }

    /// <summary>
    /// Runs the cycle. Console lines (the script's stdout) go to <paramref name="console"/>, the script's error
    /// messages (stderr) and step diagnostics to <paramref name="errors"/>.
    /// </summary>
    public LegacyCycleResult Run(string runDate, string inDir, string outDir, string? priorOutDir, string refDir, TextWriter console, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(errors);
        LegacyCycleResult Fail(string message)
        {
            errors.Write("ACSCLV01 " + message + "\n");
            console.Write("ACSCLV01 CYCLE " + runDate + " NOT RUN, RETURN CODE 16\n");
            return new LegacyCycleResult(16, []);
        }

        if (!Directory.Exists(inDir)) return Fail("INPUT DIRECTORY " + inDir + " NOT FOUND");
        if (!Directory.Exists(refDir)) return Fail("REFERENCE LIBRARY " + refDir + " NOT FOUND");
        try { Directory.CreateDirectory(Path.Combine(outDir, "sysout")); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Fail("CANNOT CREATE " + outDir); }
        inDir = Path.GetFullPath(inDir);
        outDir = Path.GetFullPath(outDir);

        // STEP000: delete the data sets of any earlier run (IEFBR14)
        foreach (var dsn in DataSets) File.Delete(Path.Combine(outDir, dsn));
        foreach (var f in Directory.GetFiles(Path.Combine(outDir, "sysout"))) File.Delete(f);

        // Control card
        var sysinIn = Path.Combine(inDir, "SYSIN");
        var sysinOut = Path.Combine(outDir, "SYSIN");
        if (File.Exists(sysinIn))
        {
            var card1 = FirstCard(sysinIn);
            if (card1 != "RUNDATE=" + runDate) return Fail("SYSIN CARD '" + card1 + "' DOES NOT MATCH RUNDATE " + runDate);
            File.Copy(sysinIn, sysinOut, overwrite: true);
        }
        else
        {
            File.WriteAllText(sysinOut, "RUNDATE=" + runDate + "\n", System.Text.Encoding.Latin1);
        }

        if (priorOutDir is not null && priorOutDir.Length > 0)
        {
            if (!File.Exists(Path.Combine(priorOutDir, "OPENITEM"))) return Fail("OLD MASTER " + priorOutDir + "/OPENITEM NOT FOUND");
            priorOutDir = Path.GetFullPath(priorOutDir);
        }
        else priorOutDir = null;

        console.Write("ACSCLV01 CYCLE " + runDate + " STARTED\n");
        int maxRc = 0;
        bool stopped = false;
        string? unported = null;   // a step not ported yet: the later steps would read data sets it did not write
        var outcomes = new List<(string, string, string)>();
        OverlappedStep? overlapped = null;
        var lastIndex = LastStep is null ? LegacySteps.Cycle.Count - 1 : IndexOfStep(LastStep);
        for (var i = 0; i < LegacySteps.Cycle.Count; i++)
        {
            var (stepName, program) = LegacySteps.Cycle[i];
            string outcome;
            if (stopped || i > lastIndex) outcome = "NOT RUN";
            else if (!_steps.TryGetValue(stepName, out var step))
            {
                outcome = "NOT PORTED";
                unported ??= stepName;
            }
            else if (unported is not null)
            {
                outcome = "NOT RUN";
                errors.Write("ACSCLV01 " + stepName + " NOT RUN: " + unported + " IS NOT PORTED\n");
            }
            else
            {
                StepContext ContextOf(string name, string pgm) => new(runDate, inDir, outDir, Path.GetFullPath(refDir), priorOutDir, errors)
                {
                    SysoutPath = Path.Combine(outDir, "sysout", name + "." + pgm),
                };
                var ctx = ContextOf(stepName, program);
                var stats = StepStats.Start();
                int rc;
                if (overlapped is not null && overlapped.StepName == stepName)
                {
                    rc = overlapped.ReturnCode;   // ran concurrently with the step before; its results are already in place
                    overlapped = null;
                }
                else if (Overlap && i + 1 <= lastIndex && CanOverlap(step, LegacySteps.Cycle[i + 1].Step, out var consumer))
                {
                    var (next, nextProgram) = LegacySteps.Cycle[i + 1];
                    (rc, overlapped) = RunOverlapped(step, ctx, consumer, ContextOf(next, nextProgram), errors);
                }
                else rc = step.Run(ctx);
                stats?.Report(errors, stepName);
                if (rc > 16)
                {
                    console.Write("ACSCLV01 " + stepName + " PGM=" + program + "   ABEND (EXIT STATUS " + rc.ToString(CultureInfo.InvariantCulture) + ")\n");
                    rc = 16;
                }
                outcome = "RC=" + rc.ToString("D4", CultureInfo.InvariantCulture);
                if (rc > maxRc) maxRc = rc;
                if (rc >= 8) stopped = true;
            }
            console.Write("ACSCLV01 " + stepName + " PGM=" + program + "   " + outcome + "\n");
            outcomes.Add((stepName, program, outcome));
        }
        console.Write("ACSCLV01 CYCLE " + runDate + " ENDED, MAXIMUM RETURN CODE " + maxRc.ToString("D4", CultureInfo.InvariantCulture) + "\n");
        return new LegacyCycleResult(maxRc, outcomes);
    }

    private static int IndexOfStep(string step)
    {
        for (var i = 0; i < LegacySteps.Cycle.Count; i++)
            if (string.Equals(LegacySteps.Cycle[i].Step, step, StringComparison.Ordinal)) return i;
        throw new ArgumentException($"unknown step '{step}' (STEP010 ... STEP050)", nameof(step));
    }

    /// <summary>
    /// With COLLECTIONS_STEP_STATS=1, one line per step on the error stream: wall time, process CPU time, bytes
    /// allocated and the process's peak resident set so far (VmHWM), for the cycle benchmark. A step overlapped with
    /// the one before it shows its time under that step.
    /// </summary>
    private sealed class StepStats
    {
        private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();
        private readonly TimeSpan _cpu = Environment.CpuUsage.TotalTime;
        private readonly long _allocated = GC.GetTotalAllocatedBytes();

        public static StepStats? Start() => Environment.GetEnvironmentVariable("COLLECTIONS_STEP_STATS") == "1" ? new StepStats() : null;

        public void Report(TextWriter errors, string stepName)
        {
            var wall = System.Diagnostics.Stopwatch.GetElapsedTime(_start);
            var cpu = Environment.CpuUsage.TotalTime - _cpu;
            var hwm = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?[6..].Trim() ?? "?";
            errors.Write(string.Create(CultureInfo.InvariantCulture,
                $"@@STEP {stepName} {wall.TotalSeconds:F3} {cpu.TotalSeconds:F3} {GC.GetTotalAllocatedBytes() - _allocated} {hwm.Split(' ')[0]}\n"));
        }
    }

    /// <summary>The outcome of a consumer step run concurrently with its producer.</summary>
    private sealed record OverlappedStep(string StepName, int ReturnCode);

    /// <summary>True when <paramref name="producer"/> can tee LINECALC and the next step can read it (and write CTLTOTS) through streams.</summary>
    private bool CanOverlap(ILegacyStep producer, string nextStep, out IStreamingStep consumer)
    {
        consumer = null!;
        if (producer is not IStreamingStep p || !p.TeeableOutputs.Contains(PipedDataSet)) return false;
        if (!_steps.TryGetValue(nextStep, out var next) || next is not IStreamingStep c) return false;
        if (!c.RedirectableDataSets.Contains(PipedDataSet) || !c.RedirectableDataSets.Contains(ControlTotals)) return false;
        consumer = c;
        return true;
    }

    private const string PipedDataSet = "LINECALC";
    private const string ControlTotals = "CTLTOTS";

    /// <summary>
    /// STEP010 on this thread writing LINECALC to its file and into a bounded pipe; STEP020 on a second thread reading
    /// the pipe, writing ENTCALC and its sysout as usual, its CTLTOTS lines and diagnostics to buffers. When STEP010
    /// returns RC &lt; 8 the pipe is completed, STEP020 awaited, its CTLTOTS lines appended after STEP010's and its
    /// diagnostics written: the same bytes as a sequential run. RC &gt;= 8 (or an exception): the pipe is aborted,
    /// STEP020 awaited and what it wrote (ENTCALC, its sysout) deleted, as if it had not run. An exception of STEP020
    /// (other than the abort it was told of) is rethrown here.
    /// </summary>
    private (int Rc, OverlappedStep? Next) RunOverlapped(ILegacyStep producer, StepContext producerContext, IStreamingStep consumer, StepContext consumerContext, TextWriter errors)
    {
        var pipe = new BoundedBytePipe(PipeChunkSize, PipeChunkCount);
        using var controlTotals = new MemoryStream();
        var diagnostics = new StringWriter(CultureInfo.InvariantCulture) { NewLine = errors.NewLine };
        var context = consumerContext with
        {
            Diagnostics = diagnostics,
            Redirects = new Dictionary<string, Stream>(StringComparer.Ordinal) { [PipedDataSet] = pipe.Reader, [ControlTotals] = controlTotals },
        };
        int consumerRc = 0;
        Exception? consumerError = null;
        var stats = Environment.GetEnvironmentVariable("COLLECTIONS_PIPE_STATS") == "1";
        (double Cpu, double Delay) consumerTime = default;
        var thread = new Thread(() =>
        {
            var before = stats ? ThreadTimes() : default;
            try { consumerRc = consumer.Run(context); }
            catch (Exception e) { consumerError = e; }   // rethrown on the cycle's thread below
            finally
            {
                pipe.CloseReader();                      // a consumer that ended early never blocks the producer
                if (stats) consumerTime = Minus(ThreadTimes(), before);
            }
        })
        {
            IsBackground = true,
            Name = consumer.StepName + " " + consumer.Program,
        };
        thread.Start();

        int rc;
        var producerStart = System.Diagnostics.Stopwatch.GetTimestamp();
        var producerBefore = stats ? ThreadTimes() : default;
        try
        {
            rc = producer.Run(producerContext with
            {
                Tees = new Dictionary<string, Stream>(StringComparer.Ordinal) { [PipedDataSet] = pipe.Writer },
            });
        }
        catch (Exception e)
        {
            pipe.Abort(producer.StepName + " failed", e);
            thread.Join();
            Discard(consumerContext);
            throw;
        }

        if (Math.Min(rc, 16) >= 8)
        {
            // COND=(8,LE): the consumer does not run; undo what it has done so far
            pipe.Abort(producer.StepName + " ended with RC " + rc.ToString(CultureInfo.InvariantCulture));
            thread.Join();
            Discard(consumerContext);
            if (consumerError is not null and not PipeAbortedException) ExceptionDispatchInfo.Throw(consumerError);
            return (rc, null);
        }

        pipe.Complete();
        var producerDone = System.Diagnostics.Stopwatch.GetTimestamp();
        var producerTime = stats ? Minus(ThreadTimes(), producerBefore) : default;
        thread.Join();
        if (stats)
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            errors.Write(string.Create(CultureInfo.InvariantCulture,
                $"PIPE {PipedDataSet}: {pipe.BytesWritten} bytes, {pipe.BytesDiscarded} discarded, writer waited {pipe.WriterWaits}x ({pipe.WriterWaitTime.TotalMilliseconds:F0} ms), reader waited {pipe.ReaderWaits}x ({pipe.ReaderWaitTime.TotalMilliseconds:F0} ms), producer ran {System.Diagnostics.Stopwatch.GetElapsedTime(producerStart, producerDone).TotalMilliseconds:F0} ms, consumer finished {System.Diagnostics.Stopwatch.GetElapsedTime(producerDone).TotalMilliseconds:F0} ms after the producer; process {(DateTime.Now - self.StartTime).TotalMilliseconds:F0} ms since start, CPU {self.TotalProcessorTime.TotalMilliseconds:F0} ms; threads (CPU / waiting for a core): {producer.StepName} {producerTime.Cpu:F0} / {producerTime.Delay:F0} ms, {consumer.StepName} {consumerTime.Cpu:F0} / {consumerTime.Delay:F0} ms; JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms\n"));
        }
        if (consumerError is not null) ExceptionDispatchInfo.Throw(consumerError);
        if (controlTotals.Length > 0)
        {
            using var ctl = new FileStream(consumerContext.Out(ControlTotals), FileMode.Append, FileAccess.Write, FileShare.Read);
            controlTotals.Position = 0;
            controlTotals.CopyTo(ctl);
        }
        errors.Write(diagnostics.ToString());
        return (rc, new OverlappedStep(consumer.StepName, consumerRc));
    }

    /// <summary>
    /// The calling thread's time on a CPU and its time runnable but waiting for one (ms), from Linux's
    /// /proc/thread-self/schedstat (zeros elsewhere): which step is the critical path, and how much the machine's other
    /// work delayed it.
    /// </summary>
    private static (double Cpu, double Delay) ThreadTimes()
    {
        try
        {
            var f = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
            return (long.Parse(f[0], CultureInfo.InvariantCulture) / 1e6, long.Parse(f[1], CultureInfo.InvariantCulture) / 1e6);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return default;
        }
    }

    private static (double Cpu, double Delay) Minus((double Cpu, double Delay) a, (double Cpu, double Delay) b) => (a.Cpu - b.Cpu, a.Delay - b.Delay);

    /// <summary>Deletes what a consumer step wrote (ENTCALC, its sysout) so OUTDIR equals a run where it did not run.</summary>
    private static void Discard(StepContext consumerContext)
    {
        File.Delete(consumerContext.Out("ENTCALC"));
        File.Delete(consumerContext.SysoutPath);
    }

    /// <summary>
    /// <c>CARD1=$(head -n 1 SYSIN | cut -c1-16)</c>: the first line's first 16 bytes, less the NUL bytes the shell's
    /// command substitution drops (dash, /bin/sh). Bytes map to chars one to one (Latin-1).
    /// </summary>
    private static string FirstCard(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int end = Array.IndexOf(bytes, (byte)'\n');
        if (end < 0) end = bytes.Length;
        var line = System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(end, 16));
        return line.Replace("\0", "", StringComparison.Ordinal);
    }
}
