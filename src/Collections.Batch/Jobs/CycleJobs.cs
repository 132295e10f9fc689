using System.ComponentModel;
using Collections.Batch.Cycle;
using Hangfire;

namespace Collections.Batch.Jobs;

/// <summary>
/// The daily cycle as Hangfire jobs: thin adapters over <see cref="CycleEngine"/> with ids-only arguments. Each job
/// enqueues what comes next (the step's chunks, the step's completion, the next step). Delivery is at least once:
/// every job is safe to run twice (chunks are claimed, checkpoints and completions are guarded in the ledger).
/// Never rename this type or its methods: queued jobs name them.
/// </summary>
public sealed class CycleJobs(CycleEngine engine, IBackgroundJobClient jobs)
{
    public const string Queue = "cycle";

    /// <summary>Looks at the run in the ledger and dispatches what it needs next (first start, or resume after a crash).</summary>
    [Queue(Queue)]
    [DisplayName("resume run {0}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 5, 15, 30, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task ResumeAsync(long runId, CancellationToken ct)
    {
        Dispatch(runId, await engine.ResumeAsync(runId, ct).ConfigureAwait(false));
    }

    [Queue(Queue)]
    [DisplayName("run {0}: start {1}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 5, 15, 30, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task StartStepAsync(long runId, string step, CancellationToken ct)
    {
        Dispatch(runId, await engine.StartStepAsync(runId, step, ct).ConfigureAwait(false));
    }

    [Queue(Queue)]
    [DisplayName("run {0}: {1} chunk {2}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 5, 15, 30, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunChunkAsync(long runId, string step, int chunkNo, CancellationToken ct)
    {
        var result = await engine.RunChunkAsync(runId, step, chunkNo, ct).ConfigureAwait(false);
        if (result == ChunkResult.LastDone) jobs.Enqueue<CycleJobs>(j => j.CompleteStepAsync(runId, step, CancellationToken.None));
    }

    [Queue(Queue)]
    [DisplayName("run {0}: complete {1}")]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 5, 15, 30, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task CompleteStepAsync(long runId, string step, CancellationToken ct)
    {
        var next = await engine.CompleteStepAsync(runId, step, ct).ConfigureAwait(false);
        if (next is not null) jobs.Enqueue<CycleJobs>(j => j.StartStepAsync(runId, next, CancellationToken.None));
    }

    private void Dispatch(long runId, Continuation c)
    {
        if (c.Step is not { } step) return;
        if (c.StartStep) jobs.Enqueue<CycleJobs>(j => j.StartStepAsync(runId, step, CancellationToken.None));
        else if (c.CompleteStep) jobs.Enqueue<CycleJobs>(j => j.CompleteStepAsync(runId, step, CancellationToken.None));
        else foreach (var chunk in c.Chunks) jobs.Enqueue<CycleJobs>(j => j.RunChunkAsync(runId, step, chunk, CancellationToken.None));
    }
}

/// <summary>Creates <see cref="CycleJobs"/> for the Hangfire server with the process's engine and job client.</summary>
public sealed class CycleJobActivator(CycleEngine engine, IBackgroundJobClient jobs) : JobActivator
{
    public override object ActivateJob(Type jobType)
    {
        ArgumentNullException.ThrowIfNull(jobType);
        if (jobType == typeof(CycleJobs)) return new CycleJobs(engine, jobs);
        if (jobType == typeof(ScheduleJobs)) return new ScheduleJobs(engine, jobs);
        return base.ActivateJob(jobType);
    }
}
