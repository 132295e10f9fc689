using Collections.Persistence;
using Collections.Web.Data;
using Collections.Web.Exports;
using Collections.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Pages.Importer;

/// <summary>
/// /importer: for an importer account, its statements, its open items (the latest posted master) with due dates and
/// interest, and the payments applied to them; each table downloads as CSV or XLSX.
/// </summary>
public sealed class IndexModel(CollectionsDbContext db, RecordsReader records) : TablePageModel
{
    public string Importer { get; private set; } = "";

    protected override string? ExportQualifier => Importer;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Importer = User.ImporterScope() ?? "";
        var imp = Importer;
        var statements = await db.Statements.AsNoTracking().Where(s => s.ImporterNo == imp || s.ImporterNo.Trim() == imp)
            .OrderByDescending(s => s.RunId).ThenBy(s => s.SeqNo).Take(ForExport ? int.MaxValue : 500).ToListAsync(ct).ConfigureAwait(false);
        var dates = await records.DatesAsync(statements.Select(s => s.RunId), ct).ConfigureAwait(false);
        var st = new ReportTable("statements", "Statements", new Column("business date", ColumnKind.Date), new Column("type"), new Column("reference"),
            new Column("statement date", ColumnKind.Integer), new Column("due date", ColumnKind.Integer), new Column("entries", ColumnKind.Integer), new Column("total", ColumnKind.Cents));
        foreach (var s in statements)
            st.Add(dates.TryGetValue(s.RunId, out var d) ? new Cell(d) : new Cell(null), s.RefType, RecordsReader.StatementCell(s.RefType, s.Reference), s.StatementDate, s.DueDate, s.EntryCount, new Cell(s.TotalCents));
        Tables.Add(st);

        var lastRun = await db.PostedDays.AsNoTracking().OrderByDescending(p => p.BusinessDate).Select(p => (long?)p.RunId).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var open = lastRun is null ? [] : await db.OpenItems.AsNoTracking().Where(o => o.RunId == lastRun && (o.ImporterNo == imp || o.ImporterNo.Trim() == imp))
            .OrderBy(o => o.DueDate).ThenBy(o => o.SeqNo).ToListAsync(ct).ConfigureAwait(false);
        Tables.Add(RecordsReader.OpenItemsTable("open-items", "Open items (with due dates and interest)", open));

        var references = statements.Select(s => s.Reference).Concat(open.Select(o => o.Reference)).Distinct().ToList();
        var applied = await db.LedgerPostings.AsNoTracking().Where(p => p.TranCode == "PY" && references.Contains(p.Reference))
            .OrderByDescending(p => p.RunId).ThenBy(p => p.SeqNo).Take(ForExport ? int.MaxValue : 500).ToListAsync(ct).ConfigureAwait(false);
        var pdates = await records.DatesAsync(applied.Select(p => p.RunId), ct).ConfigureAwait(false);
        Tables.Add(RecordsReader.LedgerTable("payments-applied", "Payments applied", applied, pdates));
        return null;
    }
}
