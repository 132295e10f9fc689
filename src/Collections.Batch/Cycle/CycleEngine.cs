using Collections.Batch.Steps;
using Collections.Persistence;
using Collections.Persistence.Bulk;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Cycle;

/// <summary>How a submission ended.</summary>
public enum SubmitKind
{
    /// <summary>A new run was created.</summary>
    New,
    /// <summary>The same inputs were submitted before: the existing run (to resume, or already ended).</summary>
    Existing,
    /// <summary>Refused: the day is posted with other inputs, or the inputs cannot be read.</summary>
    Refused,
}

public sealed record SubmitResult(SubmitKind Kind, BatchRun? Run, string? Message);

/// <summary>What a chunk job did.</summary>
public enum ChunkResult
{
    /// <summary>Another worker holds or finished the chunk; nothing done.</summary>
    Skipped,
    /// <summary>Done; other chunks of the step are still open.</summary>
    Done,
    /// <summary>Done, and it was the last open chunk: the step can complete.</summary>
    LastDone,
    /// <summary>The step failed (return code 8 or more); the run is failed with the message.</summary>
    Failed,
}

/// <summary>What to dispatch to go on with a run: chunks to run, or a step to complete.</summary>
public sealed record Continuation(string? Step, IReadOnlyList<int> Chunks, bool CompleteStep, bool StartStep = false)
{
    public static readonly Continuation Nothing = new(null, [], false);
}

/// <summary>
/// The daily cycle over the database, driven by the batch-run ledger: runs (business date + input hash), steps,
/// chunks claimed by one worker at a time, and checkpoints committed in the same transaction as the business rows
/// they cover. Every method is safe to call again (at-least-once delivery): a claimed or done chunk is skipped, a
/// completed step is not completed again, a posted day is not posted again. The ledger, not the job storage, is what
/// a resumed run reads.
/// </summary>
public sealed class CycleEngine
{
    private readonly DatabaseOptions _options;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyDictionary<string, ICycleStep> _steps;

    /// <summary>How long a chunk claim holds before another worker may take the chunk over (a worker that died on another host).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Default lines per chunk of the chunked steps.</summary>
    public const int DefaultChunkLines = 50_000;

    public CycleEngine(DatabaseOptions options, TimeProvider? clock = null, IEnumerable<ICycleStep>? steps = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? TimeProvider.System;
        var list = steps?.ToList() ?? [new IngestStep(), new LineDutyStep(), new EntryFeeStep(), new PostStep()];
        _steps = list.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public DatabaseOptions Options => _options;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Submits a business day: the run for (date, input hash), new or existing. A day already posted with other inputs
    /// is refused.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(DateOnly businessDate, string inputDirectory, int chunkLines = DefaultChunkLines, CancellationToken ct = default)
    {
        var input = InputSet.Open(inputDirectory);
        if (!Directory.Exists(input.Directory)) return new SubmitResult(SubmitKind.Refused, null, $"input directory {input.Directory} not found");
        if (!File.Exists(input.PathOf("ENTRYIN"))) return new SubmitResult(SubmitKind.Refused, null, $"ENTRYIN not found in {input.Directory}");
        var hash = input.Hash();
        await ReferenceLibrary.EnsureLoadedAsync(_options, _clock, ct).ConfigureAwait(false);
        for (int attempt = 0; ; attempt++)
        {
            await using var db = _options.CreateContext();
            var existing = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.BusinessDate == businessDate && r.InputHash == hash, ct).ConfigureAwait(false);
            if (existing is not null) return new SubmitResult(SubmitKind.Existing, existing, null);
            var posted = await db.PostedDays.AsNoTracking().FirstOrDefaultAsync(p => p.BusinessDate == businessDate, ct).ConfigureAwait(false);
            if (posted is not null)
            {
                var postedRun = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == posted.RunId, ct).ConfigureAwait(false);
                return new SubmitResult(SubmitKind.Refused, postedRun,
                    $"business day {businessDate:yyyy-MM-dd} is already posted (run {postedRun.Id}, input {postedRun.InputDirectory}, hash {postedRun.InputHash[..12]}...); "
                    + $"these inputs (hash {hash[..12]}...) differ and are refused: a posted day is corrected by the next day's cycle, not by posting it again");
            }
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var run = new BatchRun
                {
                    BusinessDate = businessDate, InputHash = hash, InputDirectory = input.Directory, ChunkLines = Math.Max(1, chunkLines),
                    Status = RunStatus.Submitted, SubmittedUtc = Now,
                };
                db.Runs.Add(run);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                int ordinal = 0;
                foreach (var step in CycleSteps.Order)
                    db.Steps.Add(new BatchStep { RunId = run.Id, StepName = step, Ordinal = ++ordinal });
                foreach (var (table, version) in await ReferenceLibrary.InForceAsync(db, businessDate, ct).ConfigureAwait(false))
                    db.RunReferenceTables.Add(new RunReferenceTable { RunId = run.Id, TableName = table, VersionId = version });
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                return new SubmitResult(SubmitKind.New, run, null);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // another process submitted the same day at the same moment: read what it created
            }
        }
    }

    public async Task<BatchRun?> FindRunAsync(long runId, CancellationToken ct = default)
    {
        await using var db = _options.CreateContext();
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a step when the steps before it are done: marks it running, plans its chunks, and returns the chunks
    /// to dispatch (or that the step can complete at once, having no chunk).
    /// </summary>
    public async Task<Continuation> StartStepAsync(long runId, string step, CancellationToken ct = default)
    {
        var impl = _steps[step];
        await using var db = _options.CreateContext();
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct).ConfigureAwait(false);
        if (run is null || run.Status is RunStatus.Done or RunStatus.Failed) return Continuation.Nothing;
        var steps = await db.Steps.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Ordinal).ToListAsync(ct).ConfigureAwait(false);
        var me = steps.First(s => s.StepName == step);
        if (steps.Any(s => s.Ordinal < me.Ordinal && s.Status != StepStatus.Done)) return Continuation.Nothing;
        if (me.Status is StepStatus.Done or StepStatus.Failed) return Continuation.Nothing;
        await using (var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            await db.Steps.Where(s => s.RunId == runId && s.StepName == step && s.Status == StepStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StepStatus.Running).SetProperty(x => x.StartedUtc, Now), ct).ConfigureAwait(false);
            await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Submitted)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, RunStatus.Running), ct).ConfigureAwait(false);
            await impl.PlanAsync(new StepWork(db, run, BulkWriters.For(db), _clock, ct)).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        return await OpenWorkAsync(db, runId, step, ct).ConfigureAwait(false);
    }

    /// <summary>The chunks of a step still to run (unclaimed, or claimed by a worker that is gone), or that it can complete.</summary>
    private async Task<Continuation> OpenWorkAsync(CollectionsDbContext db, long runId, string step, CancellationToken ct)
    {
        var chunks = await db.Chunks.AsNoTracking().Where(c => c.RunId == runId && c.StepName == step)
            .Select(c => new { c.ChunkNo, c.Status, c.ClaimedBy, c.LeaseUntilUtc }).ToListAsync(ct).ConfigureAwait(false);
        if (chunks.All(c => c.Status == StepStatus.Done)) return new Continuation(step, [], true);
        var now = Now;
        var open = chunks.Where(c => c.Status == StepStatus.Pending
                                     || (c.Status == StepStatus.Running && (c.LeaseUntilUtc < now || WorkerIdentity.IsDeadLocalProcess(c.ClaimedBy))))
            .Select(c => c.ChunkNo).OrderBy(n => n).ToList();
        return new Continuation(step, open, false);
    }

    /// <summary>
    /// Runs one chunk: claims it (or returns <see cref="ChunkResult.Skipped"/>), runs the step's code in a transaction
    /// and commits its rows with the chunk's checkpoint. A step failure (RC 8 or more) fails the run with its message.
    /// </summary>
    public async Task<ChunkResult> RunChunkAsync(long runId, string step, int chunkNo, CancellationToken ct = default)
    {
        var impl = _steps[step];
        var worker = WorkerIdentity.Current;
        await using var db = _options.CreateContext();
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct).ConfigureAwait(false);
        if (run is null || run.Status is RunStatus.Done or RunStatus.Failed) return ChunkResult.Skipped;
        if (!await ClaimAsync(db, runId, step, chunkNo, worker, ct).ConfigureAwait(false)) return ChunkResult.Skipped;
        var chunk = await db.Chunks.AsNoTracking().SingleAsync(c => c.RunId == runId && c.StepName == step && c.ChunkNo == chunkNo, ct).ConfigureAwait(false);

        PhaseProfile.Mark($"{step} {chunkNo}: claim");
        ChunkOutcome outcome;
        await using (var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            outcome = await impl.RunChunkAsync(new StepWork(db, run, BulkWriters.For(db), _clock, ct), chunk).ConfigureAwait(false);
            if (outcome.Failure is null)
            {
                db.Checkpoints.Add(new BatchCheckpoint { RunId = runId, StepName = step, ChunkNo = chunkNo, RowsWritten = outcome.Rows, Worker = worker, CommittedUtc = Now });
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                var mine = await db.Chunks.Where(c => c.RunId == runId && c.StepName == step && c.ChunkNo == chunkNo && c.ClaimedBy == worker && c.Status == StepStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StepStatus.Done).SetProperty(x => x.Rows, outcome.Rows).SetProperty(x => x.FinishedUtc, Now), ct)
                    .ConfigureAwait(false);
                if (mine != 1) throw new InvalidOperationException($"chunk {step}/{chunkNo} of run {runId} was taken over by another worker; its work is discarded");
                Halt.At(step, chunkNo, "before-commit");
                if (outcome.ReturnCode > 0)
                    await db.Steps.Where(s => s.RunId == runId && s.StepName == step && (s.ReturnCode == null || s.ReturnCode < outcome.ReturnCode))
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReturnCode, outcome.ReturnCode), ct).ConfigureAwait(false);
                PhaseProfile.Mark($"{step} {chunkNo}: checkpoint");
                await tx.CommitAsync(ct).ConfigureAwait(false);
                PhaseProfile.Mark($"{step} {chunkNo}: commit");
                Halt.At(step, chunkNo, "after-commit");
            }
            else await tx.RollbackAsync(ct).ConfigureAwait(false);
        }
        db.ChangeTracker.Clear();
        if (outcome.Failure is not null)
        {
            await FailAsync(db, runId, step, chunkNo, outcome.ReturnCode, outcome.Failure, ct).ConfigureAwait(false);
            return ChunkResult.Failed;
        }
        var open = await db.Chunks.CountAsync(c => c.RunId == runId && c.StepName == step && c.Status != StepStatus.Done, ct).ConfigureAwait(false);
        return open == 0 ? ChunkResult.LastDone : ChunkResult.Done;
    }

    private async Task<bool> ClaimAsync(CollectionsDbContext db, long runId, string step, int chunkNo, string worker, CancellationToken ct)
    {
        var now = Now;
        var lease = now + Lease;
        var current = await db.Chunks.AsNoTracking().Where(c => c.RunId == runId && c.StepName == step && c.ChunkNo == chunkNo)
            .Select(c => new { c.Status, c.ClaimedBy, c.LeaseUntilUtc }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (current is null || current.Status is StepStatus.Done or StepStatus.Failed) return false;
        IQueryable<BatchChunk> target = db.Chunks.Where(c => c.RunId == runId && c.StepName == step && c.ChunkNo == chunkNo);
        if (current.Status == StepStatus.Pending) target = target.Where(c => c.Status == StepStatus.Pending);
        else if (current.LeaseUntilUtc < now) target = target.Where(c => c.Status == StepStatus.Running && c.LeaseUntilUtc < now);
        else if (WorkerIdentity.IsDeadLocalProcess(current.ClaimedBy)) target = target.Where(c => c.Status == StepStatus.Running && c.ClaimedBy == current.ClaimedBy);
        else return false;
        var n = await target.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, StepStatus.Running).SetProperty(x => x.ClaimedBy, worker).SetProperty(x => x.LeaseUntilUtc, lease)
            .SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.StartedUtc, now), ct).ConfigureAwait(false);
        return n == 1;
    }

    private async Task FailAsync(CollectionsDbContext db, long runId, string step, int chunkNo, int rc, string message, CancellationToken ct)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await db.Chunks.Where(c => c.RunId == runId && c.StepName == step && c.ChunkNo == chunkNo)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StepStatus.Failed).SetProperty(x => x.FinishedUtc, now), ct).ConfigureAwait(false);
        await db.Steps.Where(s => s.RunId == runId && s.StepName == step)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StepStatus.Failed).SetProperty(x => x.ReturnCode, rc)
                .SetProperty(x => x.Message, Cut(message)).SetProperty(x => x.FinishedUtc, now), ct).ConfigureAwait(false);
        await db.Runs.Where(r => r.Id == runId && r.Status != RunStatus.Done)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, RunStatus.Failed).SetProperty(x => x.ReturnCode, x => x.ReturnCode > rc ? x.ReturnCode : rc)
                .SetProperty(x => x.Message, Cut(message)).SetProperty(x => x.FinishedUtc, now), ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private static string Cut(string message) => message.Length <= 4000 ? message : message[..3997] + "...";

    /// <summary>
    /// Completes a step once all its chunks are done: its closing rows and the step's done mark in one transaction.
    /// Returns the next step to start (null when the run is over or the step cannot complete yet).
    /// </summary>
    public async Task<string?> CompleteStepAsync(long runId, string step, CancellationToken ct = default)
    {
        var impl = _steps[step];
        await using var db = _options.CreateContext();
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct).ConfigureAwait(false);
        if (run is null || run.Status is RunStatus.Failed) return null;
        var state = await db.Steps.AsNoTracking().SingleAsync(s => s.RunId == runId && s.StepName == step, ct).ConfigureAwait(false);
        if (state.Status == StepStatus.Done) return Next(step);
        if (state.Status != StepStatus.Running) return null;
        if (await db.Chunks.AnyAsync(c => c.RunId == runId && c.StepName == step && c.Status != StepStatus.Done, ct).ConfigureAwait(false)) return null;
        await using (var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            PhaseProfile.Mark($"{step}: before completion");
            var rc = await impl.CompleteAsync(new StepWork(db, run, BulkWriters.For(db), _clock, ct)).ConfigureAwait(false);
            PhaseProfile.Mark($"{step}: completion");
            rc = Math.Max(rc, state.ReturnCode ?? 0);
            var now = Now;
            var n = await db.Steps.Where(s => s.RunId == runId && s.StepName == step && s.Status == StepStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StepStatus.Done).SetProperty(x => x.ReturnCode, rc).SetProperty(x => x.FinishedUtc, now), ct)
                .ConfigureAwait(false);
            if (n != 1)
            {
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                return null;
            }
            Halt.At(step, 0, "complete");
            var last = Next(step) is null;
            await db.Runs.Where(r => r.Id == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReturnCode, x => x.ReturnCode > rc ? x.ReturnCode : rc)
                    .SetProperty(x => x.Status, x => last ? RunStatus.Done : x.Status)
                    .SetProperty(x => x.FinishedUtc, x => last ? now : x.FinishedUtc), ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        return Next(step);
    }

    private static string? Next(string step)
    {
        var i = CycleSteps.Order.ToList().IndexOf(step);
        return i + 1 < CycleSteps.Order.Count ? CycleSteps.Order[i + 1] : null;
    }

    /// <summary>Where a run stands and what to dispatch to go on with it (the resume after a crash or a lost job).</summary>
    public async Task<Continuation> ResumeAsync(long runId, CancellationToken ct = default)
    {
        await using var db = _options.CreateContext();
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct).ConfigureAwait(false);
        if (run is null || run.Status is RunStatus.Done or RunStatus.Failed) return Continuation.Nothing;
        var steps = await db.Steps.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Ordinal).ToListAsync(ct).ConfigureAwait(false);
        var current = steps.FirstOrDefault(s => s.Status != StepStatus.Done);
        if (current is null) return Continuation.Nothing;
        if (current.Status == StepStatus.Pending) return new Continuation(current.StepName, [], false, StartStep: true);
        return await OpenWorkAsync(db, runId, current.StepName, ct).ConfigureAwait(false);
    }
}

/// <summary>
/// Fault injection for the crash and outage tests: COLLECTIONS_HALT_AT=step:chunk:phase (phase before-commit,
/// after-commit or complete) stops the worker thread there, after writing COLLECTIONS_HALT_FILE, for
/// COLLECTIONS_HALT_SECONDS (default: for ever), so a test can SIGKILL the process or stop the database at a known
/// point of the cycle. Unset in production: one environment lookup per commit.
/// </summary>
internal static class Halt
{
    public static void At(string step, int chunk, string phase)
    {
        var at = Environment.GetEnvironmentVariable("COLLECTIONS_HALT_AT");
        if (string.IsNullOrEmpty(at) || at != step + ":" + chunk.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + phase) return;
        if (Environment.GetEnvironmentVariable("COLLECTIONS_HALT_FILE") is { Length: > 0 } marker) File.WriteAllText(marker, at);
        var seconds = Environment.GetEnvironmentVariable("COLLECTIONS_HALT_SECONDS");
        Thread.Sleep(int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s * 1000 : Timeout.Infinite);
    }
}
