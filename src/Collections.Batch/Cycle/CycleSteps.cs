namespace Collections.Batch.Cycle;

/// <summary>
/// The steps of the database cycle, in order. Each runs as one or more chunks (jobs) and ends with a completion;
/// statements (CLV300), payments and interest (CLV400), ledger and the revenue report (CLV500) plug in here as
/// further steps between <see cref="EntryFees"/> and <see cref="Post"/>.
/// </summary>
public static class CycleSteps
{
    public const string Ingest = "ingest", LineDuties = "line-duties", EntryFees = "entry-fees", Post = "post";

    public static readonly IReadOnlyList<string> Order = [Ingest, LineDuties, EntryFees, Post];

    /// <summary>The legacy job step whose messages (sysout) a step writes, if any.</summary>
    public static (string Step, string Program)? LegacyStepOf(string step) => step switch
    {
        LineDuties => ("STEP010", "CLV100"),
        EntryFees => ("STEP020", "CLV200"),
        _ => null,
    };
}

/// <summary>Who is doing the work: host:process:instance (the chunk lease holder).</summary>
public static class WorkerIdentity
{
    private static readonly string Instance = Guid.NewGuid().ToString("N")[..8];

    public static string Current { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Instance}";

    /// <summary>True when <paramref name="worker"/> ran on this host in a process that no longer exists (its lease can be taken over at once).</summary>
    public static bool IsDeadLocalProcess(string? worker)
    {
        if (worker is null || worker == Current) return false;
        var parts = worker.Split(':');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)) return false;
        if (pid == Environment.ProcessId) return true;   // an earlier instance in this process (a restarted host)
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return p.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
