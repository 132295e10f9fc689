using System.Data.Common;
using Collections.Batch.Cycle;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Jobs;

/// <summary>A run's state as the ledger shows it (for progress and status).</summary>
public sealed record RunSnapshot(BatchRun Run, IReadOnlyList<BatchStep> Steps, IReadOnlyDictionary<string, (int Done, int Total)> Chunks);

/// <summary>
/// Runs a business day in this process: submits it, starts a Hangfire job server on the provider's storage
/// (in-process for SQLite; the shared tables for PostgreSQL and SQL Server, where running workers help), dispatches
/// the run (first start or resume from the ledger) and waits for it to end, reporting progress from the ledger.
/// </summary>
public sealed class DayRunner(CycleEngine engine)
{
    /// <summary>
    /// Use the provider's shared job storage (PostgreSQL, SQL Server: running workers take part) rather than one in
    /// this process. Default: shared when the provider has one.
    /// </summary>
    public bool? SharedStorage { get; init; }

    public static async Task<RunSnapshot?> SnapshotAsync(DatabaseOptions options, long runId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var db = options.CreateContext();
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct).ConfigureAwait(false);
        if (run is null) return null;
        var steps = await db.Steps.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Ordinal).ToListAsync(ct).ConfigureAwait(false);
        var chunks = await db.Chunks.AsNoTracking().Where(c => c.RunId == runId).GroupBy(c => c.StepName)
            .Select(g => new { Step = g.Key, Done = g.Count(c => c.Status == StepStatus.Done), Total = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        return new RunSnapshot(run, steps, chunks.ToDictionary(c => c.Step, c => (c.Done, c.Total), StringComparer.Ordinal));
    }

    /// <summary>
    /// Dispatches the run and waits until it is done or failed. <paramref name="progress"/> is called with each new
    /// snapshot. Returns the final snapshot. A database that stays unreachable for <paramref name="unreachableLimit"/>
    /// ends the wait with <see cref="DatabaseUnavailableException"/> (the run resumes from its checkpoints when
    /// started again).
    /// </summary>
    public async Task<RunSnapshot> RunAsync(long runId, int workers, Action<RunSnapshot>? progress, TimeSpan? unreachableLimit = null, CancellationToken ct = default)
    {
        var options = engine.Options;
        var storage = BatchHost.CreateStorage(options, shared: SharedStorage ?? BatchHost.HasSharedStorage(options));
        var server = BatchHost.StartServer(storage, engine, workers);
        try
        {
            return await WaitAsync(storage, runId, progress, unreachableLimit, ct).ConfigureAwait(false);
        }
        finally
        {
            // stop fetching, let running jobs finish (their work is committed or rolled back as a whole either way)
            server.SendStop();
            server.Dispose();
        }
    }

    private async Task<RunSnapshot> WaitAsync(JobStorage storage, long runId, Action<RunSnapshot>? progress, TimeSpan? unreachableLimit, CancellationToken ct)
    {
        var options = engine.Options;
        var client = new BackgroundJobClient(storage);
        client.Enqueue<CycleJobs>(j => j.ResumeAsync(runId, CancellationToken.None));
        var limit = unreachableLimit ?? TimeSpan.FromSeconds(20);
        DateTime? unreachableSince = null;
        Exception? lastError = null;
        var lastKick = DateTime.UtcNow;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            RunSnapshot? snap = null;
            try
            {
                snap = await SnapshotAsync(options, runId, ct).ConfigureAwait(false);
                unreachableSince = null;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
            {
                lastError = e;
                unreachableSince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - unreachableSince > limit)
                    throw new DatabaseUnavailableException($"the database ({options.Describe()}) is unreachable: {Innermost(e).Message}", e);
            }
            if (snap is not null)
            {
                progress?.Invoke(snap);
                if (snap.Run.Status is RunStatus.Done or RunStatus.Failed) return snap;
                // jobs whose retries ran out (a database that came back after them): dispatch the run again from the ledger
                if (DateTime.UtcNow - lastKick > TimeSpan.FromSeconds(30))
                {
                    lastKick = DateTime.UtcNow;
                    client.Enqueue<CycleJobs>(j => j.ResumeAsync(runId, CancellationToken.None));
                }
            }
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}

/// <summary>The database could not be reached long enough to give up waiting.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
