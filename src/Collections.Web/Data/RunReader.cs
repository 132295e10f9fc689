using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Web.Exports;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Data;

/// <summary>The batch-run ledger as the runs pages show it: days, runs, steps, chunks, rejects, control totals, sysout.</summary>
public sealed class RunReader(CollectionsDbContext db)
{
    /// <summary>Rows of a long table shown on a page (the export has them all).</summary>
    public const int PageRows = 500;

    public async Task<ReportTable> RunsAsync(CancellationToken ct)
    {
        var runs = await db.Runs.AsNoTracking().OrderByDescending(r => r.Id).Take(200).ToListAsync(ct).ConfigureAwait(false);
        var posted = await db.PostedDays.AsNoTracking().ToDictionaryAsync(p => p.RunId, p => p.PostedUtc, ct).ConfigureAwait(false);
        var rejects = await db.RejectedRecords.AsNoTracking().Where(r => runs.Select(x => x.Id).Contains(r.RunId))
            .GroupBy(r => r.RunId).Select(g => new { g.Key, N = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.N, ct).ConfigureAwait(false);
        var t = new ReportTable("runs", "Business days and runs",
            new Column("business date", ColumnKind.Date), new Column("run", ColumnKind.Integer), new Column("status"), new Column("posted"),
            new Column("return code", ColumnKind.Integer), new Column("rejects", ColumnKind.Integer), new Column("submitted (UTC)", ColumnKind.DateTime),
            new Column("finished (UTC)", ColumnKind.DateTime), new Column("input"), new Column("message"))
        {
            Note = "Newest first (the latest 200 runs). A day posts once; a run is identified by its date and the SHA-256 of its inputs.",
        };
        foreach (var r in runs)
            t.Add(new Cell(r.BusinessDate, "/runs/" + r.Id), new Cell(r.Id, "/runs/" + r.Id), r.Status, posted.ContainsKey(r.Id) ? "posted" : "",
                r.ReturnCode, rejects.GetValueOrDefault(r.Id), DateTime.SpecifyKind(r.SubmittedUtc, DateTimeKind.Utc),
                r.FinishedUtc is { } f ? new Cell(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : new Cell(null), r.InputDirectory, r.Message);
        return t;
    }

    public Task<BatchRun?> RunAsync(long id, CancellationToken ct) => db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    public Task<bool> IsPostedAsync(long id, CancellationToken ct) => db.PostedDays.AsNoTracking().AnyAsync(p => p.RunId == id, ct);

    /// <summary>Runs not ended (submitted or running): the live progress on /runs.</summary>
    public Task<List<BatchRun>> OpenRunsAsync(CancellationToken ct) =>
        db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Submitted || r.Status == RunStatus.Running).OrderBy(r => r.Id).ToListAsync(ct);

    /// <summary>A run's steps with chunk progress, rows and rejects.</summary>
    public async Task<ReportTable> StepsAsync(long runId, CancellationToken ct)
    {
        var steps = await db.Steps.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Ordinal).ToListAsync(ct).ConfigureAwait(false);
        var chunks = await db.Chunks.AsNoTracking().Where(c => c.RunId == runId).GroupBy(c => c.StepName)
            .Select(g => new { g.Key, Done = g.Count(c => c.Status == StepStatus.Done), Total = g.Count(), Rows = g.Sum(c => c.Rows) })
            .ToDictionaryAsync(g => g.Key, ct).ConfigureAwait(false);
        var rejects = await db.RejectedRecords.AsNoTracking().Where(r => r.RunId == runId).GroupBy(r => r.Program)
            .Select(g => new { g.Key, N = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.N, ct).ConfigureAwait(false);
        var t = new ReportTable("steps", "Steps",
            new Column("step"), new Column("status"), new Column("return code", ColumnKind.Integer), new Column("chunks done", ColumnKind.Integer),
            new Column("chunks", ColumnKind.Integer), new Column("rows", ColumnKind.Integer), new Column("rejects", ColumnKind.Integer),
            new Column("started (UTC)", ColumnKind.DateTime), new Column("finished (UTC)", ColumnKind.DateTime), new Column("message"));
        foreach (var s in steps)
        {
            var c = chunks.GetValueOrDefault(s.StepName);
            var program = Collections.Batch.Cycle.CycleSteps.LegacyStepOf(s.StepName)?.Program;
            t.Add(s.StepName, s.Status, s.ReturnCode is { } rc ? new Cell((long)rc) : new Cell(null), c?.Done ?? 0, c?.Total ?? s.ChunkCount, c?.Rows ?? 0,
                program is null ? 0 : rejects.GetValueOrDefault(program), Utc(s.StartedUtc), Utc(s.FinishedUtc), s.Message);
        }
        return t;
    }

    public async Task<ReportTable> ChunksAsync(long runId, bool all, CancellationToken ct)
    {
        var q = db.Chunks.AsNoTracking().Where(c => c.RunId == runId).OrderBy(c => c.StepName).ThenBy(c => c.ChunkNo);
        var total = await q.LongCountAsync(ct).ConfigureAwait(false);
        var rows = await (all ? q : q.Take(PageRows)).ToListAsync(ct).ConfigureAwait(false);
        var t = new ReportTable("chunks", "Chunks",
            new Column("step"), new Column("chunk", ColumnKind.Integer), new Column("first record", ColumnKind.Integer), new Column("last record"),
            new Column("status"), new Column("attempts", ColumnKind.Integer), new Column("rows", ColumnKind.Integer), new Column("worker"),
            new Column("finished (UTC)", ColumnKind.DateTime)) { Omitted = total - rows.Count };
        foreach (var c in rows)
            t.Add(c.StepName, c.ChunkNo, c.FirstRecordNo, c.LastRecordNo == long.MaxValue ? "end" : c.LastRecordNo.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.Status, c.Attempts, c.Rows, c.ClaimedBy, Utc(c.FinishedUtc));
        return t;
    }

    public async Task<ReportTable> RejectsAsync(long runId, bool all, CancellationToken ct)
    {
        var q = db.RejectedRecords.AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.Program).ThenBy(r => r.RecordNo).ThenBy(r => r.Seq);
        var total = await q.LongCountAsync(ct).ConfigureAwait(false);
        var rows = await (all ? q : q.Take(PageRows)).ToListAsync(ct).ConfigureAwait(false);
        var t = new ReportTable("rejects", "Rejected records and warnings",
            new Column("program"), new Column("file"), new Column("record", ColumnKind.Integer), new Column("severity"), new Column("reason"),
            new Column("entry"), new Column("line"), new Column("detail")) { Omitted = total - rows.Count };
        foreach (var r in rows)
            t.Add(r.Program, r.FileName, r.RecordNo, r.Severity, r.ReasonCode, EntryCell(r.EntryNo), r.LineNo, r.Detail);
        return t;
    }

    public async Task<ReportTable> ControlTotalsAsync(long runId, CancellationToken ct)
    {
        var rows = await db.ControlTotals.AsNoTracking().Where(c => c.RunId == runId).OrderBy(c => c.Program).ThenBy(c => c.SeqNo).ToListAsync(ct).ConfigureAwait(false);
        var t = new ReportTable("control-totals", "Control totals (CTLTOTS)",
            new Column("program"), new Column("seq", ColumnKind.Integer), new Column("description"), new Column("count", ColumnKind.Integer), new Column("amount", ColumnKind.Cents));
        foreach (var c in rows) t.Add(c.Program, c.SeqNo, c.Description, c.Count, new Cell(c.AmountCents));
        return t;
    }

    public async Task<ReportTable> MessagesAsync(long runId, CancellationToken ct)
    {
        var rows = await db.StepMessages.AsNoTracking().Where(m => m.RunId == runId).OrderBy(m => m.StepName).ThenBy(m => m.Seq).ToListAsync(ct).ConfigureAwait(false);
        var t = new ReportTable("sysout", "Step messages (sysout)", new Column("step"), new Column("seq", ColumnKind.Integer), new Column("text"));
        foreach (var m in rows) t.Add(m.StepName, m.Seq, m.Text);
        return t;
    }

    private static Cell Utc(DateTime? t) => t is { } v ? new Cell(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : new Cell(null);

    /// <summary>An entry number cell linking to its drill-down (blank entry numbers stay plain).</summary>
    public static Cell EntryCell(string entryNo) =>
        string.IsNullOrWhiteSpace(entryNo) ? new Cell(entryNo) : new Cell(entryNo, "/entries/" + Uri.EscapeDataString(entryNo.Trim()));
}
