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

    private static readonly IReadOnlyDictionary<string, Stream> NoStreams = new Dictionary<string, Stream>(StringComparer.Ordinal);

    /// <summary>
    /// Data sets the step reads from, or writes to, a stream instead of its file in OUTDIR, by data set name (an
    /// overlapped STEP020 reads LINECALC from the pipe fed by STEP010 and writes its CTLTOTS lines to a buffer).
    /// Honoured by <see cref="IStreamingStep"/> implementations for the data sets they list; the stream is not disposed by the step.
    /// </summary>
    public IReadOnlyDictionary<string, Stream> Redirects { get; init; } = NoStreams;

    /// <summary>
    /// Streams that receive a copy of every byte the step writes to a data set, by data set name (STEP010's LINECALC
    /// into the pipe of an overlapped STEP020). The file is written as usual. The stream is not disposed by the step.
    /// </summary>
    public IReadOnlyDictionary<string, Stream> Tees { get; init; } = NoStreams;

    /// <summary>The stream that replaces <paramref name="dataSetName"/>, or null (use the file).</summary>
    public Stream? RedirectOf(string dataSetName) => Redirects.TryGetValue(dataSetName, out var s) ? s : null;

    /// <summary>The stream that receives a copy of <paramref name="dataSetName"/>, or null.</summary>
    public Stream? TeeOf(string dataSetName) => Tees.TryGetValue(dataSetName, out var s) ? s : null;
}

/// <summary>
/// A step that can exchange data sets through streams (<see cref="StepContext.Redirects"/>, <see cref="StepContext.Tees"/>),
/// which lets <see cref="LegacyCycle"/> run a consumer step concurrently with its producer.
/// </summary>
public interface IStreamingStep : ILegacyStep
{
    /// <summary>Output data sets the step copies to <see cref="StepContext.Tees"/> (e.g. LINECALC).</summary>
    IReadOnlyCollection<string> TeeableOutputs { get; }

    /// <summary>Data sets the step takes from <see cref="StepContext.Redirects"/> instead of OUTDIR (e.g. LINECALC, CTLTOTS).</summary>
    IReadOnlyCollection<string> RedirectableDataSets { get; }
}
