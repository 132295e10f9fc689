using System.Globalization;
using Collections.Batch.Cycle;
using Collections.Batch.Jobs;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Web.Data;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Collections.Web.Pages.Runs;

/// <summary>A run not ended, with its steps' progress.</summary>
public sealed record OpenRun(BatchRun Run, Collections.Web.Exports.ReportTable Steps);

/// <summary>
/// /runs: business days and runs; the progress of open runs (refreshed every 5 s); operations run a day from the
/// inbox (INBOX/YYYY-MM-DD) or resume a run through the Batch engine and its Hangfire jobs. Both are audited.
/// </summary>
public sealed class IndexModel(RunReader runs, CycleEngine engine, IBackgroundJobClient jobs, AuditTrail audit, CollectionsDbContext db,
    IOptions<WebSettings> settings) : TablePageModel
{
    public List<OpenRun> Open { get; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public string Inbox => Path.GetFullPath(settings.Value.Inbox);

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Tables.Add(await runs.RunsAsync(ct).ConfigureAwait(false));
        foreach (var r in await runs.OpenRunsAsync(ct).ConfigureAwait(false))
            Open.Add(new OpenRun(r, await runs.StepsAsync(r.Id, ct).ConfigureAwait(false)));
        if (Open.Count > 0) ViewData["Refresh"] = 5;
        return null;
    }

    /// <summary>Submits the business day from INBOX/YYYY-MM-DD and queues it.</summary>
    public async Task<IActionResult> OnPostRunAsync(string? date, string? reason, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            Error = "Give the business date as YYYY-MM-DD.";
        else if (string.IsNullOrWhiteSpace(reason))
            Error = "Say why the day is run (it is recorded in the audit trail).";
        else
        {
            var input = Path.Combine(Inbox, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            // payments re-applied from suspense join this day's PAYMENTS (the legacy's format) unless the day is posted
            var queued = await db.PaymentActions.Where(a => a.Record != null && a.ConsumedRunId == null).OrderBy(a => a.Id).ToListAsync(ct).ConfigureAwait(false);
            var payments = Path.Combine(input, "PAYMENTS");
            long? restoreLength = null;
            var length = System.IO.File.Exists(payments) ? new FileInfo(payments).Length : -1;
            if (queued.Count > 0 && length % Collections.Batch.Suspense.QueuedPayment.RecordLength != 0 && length > 0)
                Message = $"The inbox PAYMENTS ends with a short record ({length % Collections.Batch.Suspense.QueuedPayment.RecordLength} bytes): the {queued.Count} payment(s) re-applied from suspense stay queued. ";
            else if (queued.Count > 0 && Directory.Exists(input) && !await db.PostedDays.AnyAsync(p => p.BusinessDate == day, ct).ConfigureAwait(false))
            {
                restoreLength = length;
                await using var f = new FileStream(payments, FileMode.Append, FileAccess.Write);
                foreach (var q in queued) await f.WriteAsync(q.Record, ct).ConfigureAwait(false);
            }
            var submitted = await engine.SubmitAsync(day, input, ct: ct).ConfigureAwait(false);
            if (restoreLength is { } len && submitted.Kind != SubmitKind.New)
            {
                // not taken by a new run: the inbox gets its PAYMENTS back as it was, the records stay queued
                if (len < 0) System.IO.File.Delete(payments);
                else await using (var f = new FileStream(payments, FileMode.Open, FileAccess.Write)) f.SetLength(len);
            }
            else if (restoreLength is not null)
            {
                foreach (var q in queued) q.ConsumedRunId = submitted.Run!.Id;
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                Message = $"{queued.Count} payment(s) re-applied from suspense added to the day's PAYMENTS. ";
            }
            if (submitted.Kind == SubmitKind.Refused) Error = "Refused: " + submitted.Message;
            else
            {
                var run = submitted.Run!;
                if (run.Status is RunStatus.Done or RunStatus.Failed)
                    Message = $"Run {run.Id} of {day:yyyy-MM-dd} with these inputs has already ended ({run.Status}): nothing to do.";
                else
                {
                    audit.Record(User.Identity!.Name!, "run-day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason.Trim(),
                        $"run {run.Id}; input {input}; hash {run.InputHash}");
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    jobs.Enqueue<CycleJobs>(j => j.ResumeAsync(run.Id, CancellationToken.None));
                    Message += $"Run {run.Id} of {day:yyyy-MM-dd} submitted.";
                }
            }
        }
        return await ShowAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Dispatches an open run again from its ledger (after a crash or a lost job): safe to do twice.</summary>
    public async Task<IActionResult> OnPostResumeAsync(long id, string? reason, CancellationToken ct)
    {
        var run = await runs.RunAsync(id, ct).ConfigureAwait(false);
        if (run is null) return NotFound();
        if (run.Status is RunStatus.Done or RunStatus.Failed)
            Error = $"Run {id} has ended ({run.Status}); a failed day is run again with corrected inputs in the inbox.";
        else if (string.IsNullOrWhiteSpace(reason))
            Error = "Say why the run is resumed (it is recorded in the audit trail).";
        else
        {
            audit.Record(User.Identity!.Name!, "resume-run", id.ToString(CultureInfo.InvariantCulture), reason.Trim(),
                $"business date {run.BusinessDate:yyyy-MM-dd}; status {run.Status}");
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            jobs.Enqueue<CycleJobs>(j => j.ResumeAsync(id, CancellationToken.None));
            Message = $"Run {id} dispatched again from its last checkpoint.";
        }
        return await ShowAsync(ct).ConfigureAwait(false);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadAsync(ct).ConfigureAwait(false);
        if (Error is not null) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
