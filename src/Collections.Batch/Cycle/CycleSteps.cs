namespace Collections.Batch.Cycle;

/// <summary>
/// The steps of the database cycle, in order. Each runs as one or more chunks (jobs) and ends with a completion;
/// after entry fees come statements (CLV300), payments and interest (CLV400: open items, ledger postings, suspense),
/// the ledger (the double-entry journal and its balance) and the revenue report and control totals (CLV500), then
/// the posting of the day.
/// </summary>
public static class CycleSteps
{
    public const string Ingest = "ingest", LineDuties = "line-duties", EntryFees = "entry-fees", Statements = "statements",
        PaymentsInterest = "payments-and-interest", Ledger = "ledger", RevenueReport = "revenue-and-control-totals", Post = "post";

    public static readonly IReadOnlyList<string> Order = [Ingest, LineDuties, EntryFees, Statements, PaymentsInterest, Ledger, RevenueReport, Post];

    /// <summary>The legacy job step whose messages (sysout) a step writes, if any.</summary>
    public static (string Step, string Program)? LegacyStepOf(string step) => step switch
    {
        LineDuties => ("STEP010", "CLV100"),
        EntryFees => ("STEP020", "CLV200"),
        Statements => ("STEP030", "CLV300"),
        PaymentsInterest => ("STEP040", "CLV400"),
        RevenueReport => ("STEP050", "CLV500"),
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
