using System.Globalization;
using System.Reflection;

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
/// reported as NOT PORTED (no return code is invented for it).
/// </summary>
public sealed class LegacyCycle
{
    private static readonly string[] DataSets =
        ["SYSIN", "LINECALC", "REJECTS", "ENTCALC", "STMTOUT", "STMTDTL", "OPENITEM", "LEDGER", "SUSPENSE", "CTLTOTS", "CLV500.RPT"];

    private readonly IReadOnlyDictionary<string, ILegacyStep> _steps;

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
        var outcomes = new List<(string, string, string)>();
        foreach (var (stepName, program) in LegacySteps.Cycle)
        {
            string outcome;
            if (stopped) outcome = "NOT RUN";
            else if (!_steps.TryGetValue(stepName, out var step)) outcome = "NOT PORTED";
            else
            {
                var ctx = new StepContext(runDate, inDir, outDir, Path.GetFullPath(refDir), priorOutDir, errors)
                {
                    SysoutPath = Path.Combine(outDir, "sysout", stepName + "." + program),
                };
                int rc = step.Run(ctx);
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

    /// <summary>`head -n 1 SYSIN | cut -c1-16`: the first line's first 16 characters.</summary>
    private static string FirstCard(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int end = Array.IndexOf(bytes, (byte)'\n');
        if (end < 0) end = bytes.Length;
        var line = System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(end, 16));
        return line;
    }
}
