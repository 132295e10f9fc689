namespace Collections.Legacy.Pipeline;

/// <summary>
/// One ported step of the legacy cycle ACSCLV01 (a program run by run-cycle.sh). Implementations in this assembly
/// with a public parameterless constructor are discovered by <see cref="LegacySteps.Discover"/> and run by
/// <see cref="LegacyCycle"/> in step-name order (STEP010 CLV100, STEP020 CLV200, ...).
/// </summary>
public interface ILegacyStep
{
    /// <summary>The JCL step name, e.g. "STEP010".</summary>
    string StepName { get; }

    /// <summary>The program, e.g. "CLV100".</summary>
    string Program { get; }

    /// <summary>
    /// Runs the step on the cycle's data sets and returns its return code (0, 4, 8, 16) as the legacy program
    /// would. The step writes its DISPLAY messages to <see cref="StepContext.SysoutPath"/> (the content of
    /// OUTDIR/sysout/STEPnnn.PROGRAM) and its extra diagnostics to <see cref="StepContext.Diagnostics"/>.
    /// </summary>
    int Run(StepContext context);
}

/// <summary>The data sets of one cycle run, as run-cycle.sh assigns them to the DD names.</summary>
/// <param name="RunDate">RUNDATE argument (CCYYMMDD)</param>
/// <param name="InDir">INDIR: ENTRYIN, PAYMENTS (optional), SYSIN (optional)</param>
/// <param name="OutDir">OUTDIR: every data set written by the cycle, and sysout/</param>
/// <param name="RefDir">reference library (TARIFF.DAT ...)</param>
/// <param name="PriorOutDir">previous cycle's OUTDIR (its OPENITEM is the old master), or null</param>
/// <param name="Diagnostics">where steps write what the legacy cannot say (record number, field, raw bytes of bad data)</param>
public sealed record StepContext(string RunDate, string InDir, string OutDir, string RefDir, string? PriorOutDir, TextWriter Diagnostics)
{
    /// <summary>OUTDIR/SYSIN: the control card every step reads (its stdin in run-cycle.sh).</summary>
    public string Sysin => Path.Combine(OutDir, "SYSIN");

    /// <summary>A data set in OUTDIR (LINECALC, REJECTS, CTLTOTS, ENTCALC, ...).</summary>
    public string Out(string dataSetName) => Path.Combine(OutDir, dataSetName);

    /// <summary>A reference table in the reference library (e.g. "TARIFF.DAT").</summary>
    public string Ref(string fileName) => Path.Combine(RefDir, fileName);

    /// <summary>An input data set in INDIR (ENTRYIN, PAYMENTS).</summary>
    public string In(string dataSetName) => Path.Combine(InDir, dataSetName);

    /// <summary>OUTDIR/sysout/STEPnnn.PROGRAM for a step.</summary>
    public string SysoutPathOf(ILegacyStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Path.Combine(OutDir, "sysout", step.StepName + "." + step.Program);
    }

    /// <summary>The sysout of the step being run (set by <see cref="LegacyCycle"/>).</summary>
    public string SysoutPath { get; init; } = "";
}
