using Collections.Persistence;
using Collections.Persistence.Bulk;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Cycle;

/// <summary>What a step's code works with: the unit of work (its transaction is open), the run, the bulk path, the clock.</summary>
public sealed record StepWork(CollectionsDbContext Db, BatchRun Run, IBulkWriter Bulk, TimeProvider Clock, CancellationToken Ct);

/// <summary>The outcome of a chunk: rows written, or a failure (return code 8 or more) with the message for the operator.</summary>
public sealed record ChunkOutcome(long Rows, int ReturnCode = 0, string? Failure = null)
{
    public static ChunkOutcome Fail(int returnCode, string message) => new(0, returnCode, message);
}

/// <summary>
/// A step of the database cycle. The engine owns transactions, claims and checkpoints: <see cref="RunChunkAsync"/>
/// and <see cref="CompleteAsync"/> write their business rows inside the transaction the engine commits together with
/// the chunk's checkpoint (or the step's completion), so each is all-or-nothing and safe to run again.
/// </summary>
public interface ICycleStep
{
    string Name { get; }

    /// <summary>Creates the step's chunks when it starts, if an earlier step has not planned them (default: one chunk, number 0).</summary>
    Task PlanAsync(StepWork work);

    Task<ChunkOutcome> RunChunkAsync(StepWork work, BatchChunk chunk);

    /// <summary>After every chunk is done: the step's closing rows (control totals, messages); returns the step's return code.</summary>
    Task<int> CompleteAsync(StepWork work);
}

/// <summary>What the computing steps read first: the run's reference tables (checked) and ingest's summary.</summary>
internal static class StepInputs
{
    public static async Task<(RunTables Tables, IngestSummary Summary, ChunkOutcome? Failure)> LoadAsync(StepWork work)
    {
        var tables = await RunTables.LoadAsync(work.Db, work.Run.Id, work.Ct).ConfigureAwait(false);
        if (!tables.IsValid) return (tables, null!, ChunkOutcome.Fail(8, "reference data error: " + string.Join("; ", tables.Errors)));
        var summary = await work.Db.IngestSummaries.AsNoTracking().SingleAsync(s => s.RunId == work.Run.Id, work.Ct).ConfigureAwait(false);
        return (tables, summary, null);
    }
}
