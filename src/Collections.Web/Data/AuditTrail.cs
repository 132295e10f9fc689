using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Web.Exports;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Data;

/// <summary>The audit trail of money-changing actions: who, when (UTC), what, on what, why.</summary>
public sealed class AuditTrail(CollectionsDbContext db, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Adds an event to the context (saved with the action's own changes, in one SaveChanges).</summary>
    public AuditEvent Record(string userName, string action, string subject, string reason, string? detail = null, long? amountCents = null)
    {
        var e = new AuditEvent
        {
            AtUtc = _clock.GetUtcNow().UtcDateTime, UserName = userName, Action = action, Subject = subject, Reason = reason,
            Detail = detail, AmountCents = amountCents,
        };
        db.AuditEvents.Add(e);
        return e;
    }

    public async Task<ReportTable> TableAsync(bool all, CancellationToken ct)
    {
        var q = db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id);
        var total = await q.LongCountAsync(ct).ConfigureAwait(false);
        var rows = await (all ? q : q.Take(RunReader.PageRows)).ToListAsync(ct).ConfigureAwait(false);
        var t = new ReportTable("audit", "Audit trail",
            new Column("id", ColumnKind.Integer), new Column("at (UTC)", ColumnKind.DateTime), new Column("user"), new Column("action"),
            new Column("subject"), new Column("amount", ColumnKind.Cents), new Column("reason"), new Column("detail")) { Omitted = total - rows.Count };
        foreach (var e in rows)
            t.Add(e.Id, DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc), e.UserName, e.Action, e.Subject,
                e.AmountCents is { } a ? new Cell(a) : new Cell(null), e.Reason, e.Detail);
        return t;
    }
}
