using System.Globalization;
using Collections.Batch.Suspense;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Web.Data;
using Collections.Web.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Pages.Suspense;

/// <summary>A payment in suspense on the worklist.</summary>
public sealed record SuspenseWork(SuspenseItemRow Item, DateOnly BusinessDate, PaymentAction? Action);

/// <summary>
/// /suspense: the payments in suspense of the posted days, oldest first. An analyst re-applies one to the right
/// statement (a PAYREC record queued for the next business day's PAYMENTS) or marks it for refund (audited only: the
/// refund is paid outside the cycle, <see cref="RefundOutcome"/>), always with a reason; both are audited and an item is
/// acted on once.
/// </summary>
public sealed class IndexModel(CollectionsDbContext db, AuditTrail audit, TimeProvider clock) : TablePageModel
{
    /// <summary>
    /// What a refund does, as the audit trail records it: nothing enters the cycle. The legacy's PAYMENTS record (PAYREC)
    /// has no transaction code, and CLV400 refunds only the excess of a payment over the balance of the item it applies
    /// to (3750); a payment to no open item, or of an amount not above zero, goes back to suspense (3700 S001, 2200
    /// S004). docs/deviations.md CLV400-09.
    /// </summary>
    public const string RefundOutcome = "marked for refund; handled outside the cycle (no PAYMENTS record: the legacy has no refund-from-suspense transaction)";

    public List<SuspenseWork> Work { get; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var items = await (from s in db.SuspenseItems.AsNoTracking()
                           join p in db.PostedDays.AsNoTracking() on s.RunId equals p.RunId
                           orderby p.BusinessDate, s.SeqNo
                           select new { s, p.BusinessDate }).Take(ForExport ? int.MaxValue : 1000).ToListAsync(ct).ConfigureAwait(false);
        var actions = await db.PaymentActions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var byItem = actions.ToDictionary(a => (a.SourceRunId, a.SourceSeqNo));
        foreach (var x in items) Work.Add(new SuspenseWork(x.s, x.BusinessDate, byItem.GetValueOrDefault((x.s.RunId, x.s.SeqNo))));
        var t = new ReportTable("suspense", "Payments in suspense", new Column("business date", ColumnKind.Date), new Column("run", ColumnKind.Integer),
            new Column("seq", ColumnKind.Integer), new Column("payment"), new Column("method"), new Column("reference type"), new Column("reference"),
            new Column("amount", ColumnKind.Cents), new Column("date received"), new Column("reason"), new Column("message"), new Column("action"), new Column("target"));
        foreach (var w in Work)
            t.Add(w.BusinessDate, new Cell(w.Item.RunId, "/runs/" + w.Item.RunId), w.Item.SeqNo, w.Item.PaymentId, w.Item.Method, w.Item.RefType,
                RecordsReader.StatementCell(w.Item.RefType, w.Item.Reference), new Cell(w.Item.AmountCents), w.Item.DateReceived, w.Item.ReasonCode,
                w.Item.Message, w.Action is null ? "" : w.Action.Action + (w.Action.ConsumedRunId is { } r ? " (in run " + r.ToString(CultureInfo.InvariantCulture) + ")" : " (queued)"),
                w.Action?.Reference);
        Tables.Add(t);
        return null;
    }

    public Task<IActionResult> OnPostReapplyAsync(long run, long seq, string? statement, string? reason, CancellationToken ct) =>
        ActAsync(run, seq, "reapply", statement, reason, ct);

    public Task<IActionResult> OnPostRefundAsync(long run, long seq, string? reason, CancellationToken ct) =>
        ActAsync(run, seq, "refund", null, reason, ct);

    private async Task<IActionResult> ActAsync(long run, long seq, string action, string? statement, string? reason, CancellationToken ct)
    {
        var item = await db.SuspenseItems.AsNoTracking().FirstOrDefaultAsync(s => s.RunId == run && s.SeqNo == seq, ct).ConfigureAwait(false);
        if (item is null || !await db.PostedDays.AnyAsync(p => p.RunId == run, ct).ConfigureAwait(false)) return NotFound();
        byte[]? record = null;
        if (string.IsNullOrWhiteSpace(reason)) Error = "Give a reason (it is recorded in the audit trail).";
        else if (await db.PaymentActions.AnyAsync(a => a.SourceRunId == run && a.SourceSeqNo == seq, ct).ConfigureAwait(false))
            Error = $"Payment {item.PaymentId.Trim()} has been acted on already.";
        else if (action == "reapply")
        {
            var target = statement?.Trim() ?? "";
            if (!await db.Statements.AnyAsync(s => s.Reference == target || s.Reference == target.PadRight(16), ct).ConfigureAwait(false))
                Error = $"No statement {target} in the database.";
            else
            {
                var (r, refusal) = QueuedPayment.Reapply(item.PaymentId, item.Method, item.AmountCents, item.DateReceived.Trim(), target);
                if (refusal is not null) Error = "Cannot re-apply: " + refusal;
                record = r;
            }
        }
        if (Error is null)
        {
            var user = User.Identity!.Name!;
            var e = audit.Record(user, "suspense-" + action, $"payment {item.PaymentId.Trim()} (run {run}, suspense {seq})", reason!.Trim(),
                action == "reapply" ? $"re-applied to statement {statement!.Trim()}; PAYREC queued for the next business day's PAYMENTS" : RefundOutcome,
                item.AmountCents);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.PaymentActions.Add(new PaymentAction
            {
                SourceRunId = run, SourceSeqNo = seq, Action = action, PaymentId = item.PaymentId.Trim(), Reference = action == "reapply" ? statement!.Trim() : "",
                AmountCents = item.AmountCents, Record = record, AuditEventId = e.Id, CreatedUtc = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            Message = action == "reapply"
                ? $"Payment {item.PaymentId.Trim()} re-applied to statement {statement!.Trim()}: queued for the next business day's PAYMENTS."
                : $"Payment {item.PaymentId.Trim()} marked for refund: the refund is handled outside the cycle (no PAYMENTS record; the legacy has no refund-from-suspense transaction).";
        }
        await LoadAsync(ct).ConfigureAwait(false);
        if (Error is not null) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
