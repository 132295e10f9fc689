using Collections.Batch.Cycle;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Steps;

/// <summary>
/// Posting: the business day is marked posted by this run (posted_days, keyed by the date: a day can never post
/// twice), in one transaction with the run's completion.
/// </summary>
public sealed class PostStep : ICycleStep
{
    public string Name => CycleSteps.Post;

    public Task PlanAsync(StepWork work) => DefaultPlan.OneChunkAsync(work, Name);

    public async Task<ChunkOutcome> RunChunkAsync(StepWork work, BatchChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(work);
        var db = work.Db;
        var other = await db.PostedDays.AsNoTracking().FirstOrDefaultAsync(p => p.BusinessDate == work.Run.BusinessDate, work.Ct).ConfigureAwait(false);
        if (other is not null && other.RunId != work.Run.Id)
            return ChunkOutcome.Fail(8, $"business day {work.Run.BusinessDate:yyyy-MM-dd} was already posted by run {other.RunId}: this run posts nothing");
        if (other is null)
        {
            db.PostedDays.Add(new PostedDay { BusinessDate = work.Run.BusinessDate, RunId = work.Run.Id, PostedUtc = work.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(work.Ct).ConfigureAwait(false);
        }
        return new ChunkOutcome(1);
    }

    public Task<int> CompleteAsync(StepWork work) => Task.FromResult(0);
}
