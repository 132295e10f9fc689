using System.Security.Cryptography;
using Collections.Batch.Steps;
using Collections.Legacy.Records;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Cycle;

/// <summary>
/// Cut-over from the legacy: the legacy's open item master (an OPENITEM data set) stored as the posted master of a
/// business day, so the database cycle's next day reads it as its old master (CLV400's OLDMAST). The day is recorded
/// as a run of its own (input hash = the file's SHA-256, message "seeded") with its posted_days row; nothing else of
/// that day is in the database. Refused when the day is already posted or a later day is.
/// </summary>
public static class MasterSeed
{
    public static async Task<BatchRun> SeedAsync(DatabaseOptions options, DateOnly businessDate, string openItemPath, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(openItemPath)) throw new ArgumentException($"open item master {openItemPath} not found");
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        string hash;
        await using (var f = File.OpenRead(openItemPath)) hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(f, ct).ConfigureAwait(false));
        await using var db = options.CreateContext();
        var clash = await db.PostedDays.AsNoTracking().Where(p => p.BusinessDate >= businessDate).OrderBy(p => p.BusinessDate).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (clash is not null)
            throw new InvalidOperationException($"business day {clash.BusinessDate:yyyy-MM-dd} is already posted: a master can be seeded only before the first posted day");
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var run = new BatchRun
        {
            BusinessDate = businessDate, InputHash = hash, InputDirectory = Path.GetFullPath(openItemPath), ChunkLines = 1, Status = RunStatus.Done,
            ReturnCode = 0, Message = "open item master seeded from " + Path.GetFullPath(openItemPath), SubmittedUtc = now, FinishedUtc = now,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.PostedDays.Add(new PostedDay { BusinessDate = businessDate, RunId = run.Id, PostedUtc = now });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var work = new StepWork(db, run, Persistence.Bulk.BulkWriters.For(db), clock ?? TimeProvider.System, ct);
        await LegacyStage.ImportAsync(work, LegacyStage.FixedRecords(openItemPath, OpenItemLayout.RecordLength),
            (n, raw) => PaymentInterestStep.ToOpenItem(run.Id, businessDate, n, raw)).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return run;
    }
}
