using System.Globalization;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Web.Data;
using Collections.Web.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Pages.Reconciliation;

/// <summary>
/// /reconciliation/drill?what=class|port|method|tran|status&amp;code=..&amp;date=..&amp;to=..: the rows behind a figure of
/// the reconciliation (entries of a revenue class or port, payments of a method, ledger postings of a transaction code,
/// open items of a status), each linking to its entry or statement. A listing of stored rows, not a second computation:
/// their amounts add up to the figure.
/// </summary>
public sealed class DrillModel(CollectionsDbContext db) : TablePageModel
{
    [BindProperty(SupportsGet = true)] public string? What { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public long TotalCents { get; private set; }

    protected override string? ExportQualifier => $"{What}-{Code}-{Date}";

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)) return BadRequest("date must be YYYY-MM-DD");
        var to = from;
        if (!string.IsNullOrEmpty(To) && !DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out to)) return BadRequest("to must be YYYY-MM-DD");
        if (string.IsNullOrEmpty(Code)) return BadRequest("code is required");
        var posted = await db.PostedDays.AsNoTracking().Where(p => p.BusinessDate >= from && p.BusinessDate <= to).OrderBy(p => p.BusinessDate).ToListAsync(ct).ConfigureAwait(false);
        var runIds = posted.Select(p => p.RunId).ToList();
        var dateOf = posted.ToDictionary(p => p.RunId, p => p.BusinessDate);
        var code = Code;
        switch (What)
        {
            case "class":
                {
                    var amount = ClassAmount(code);
                    if (amount is null) return NotFound();
                    var rows = await db.EntryTotals.AsNoTracking().Where(t => runIds.Contains(t.RunId) && t.Written).Where(amount.Value.Filter)
                        .OrderBy(t => t.RunId).ThenBy(t => t.Seq).ToListAsync(ct).ConfigureAwait(false);
                    var t = new ReportTable("entries", $"Entries assessed in class {code}", new Column("business date", ColumnKind.Date), new Column("entry"),
                        new Column("amount", ColumnKind.Cents), new Column("total assessed", ColumnKind.Cents));
                    foreach (var e in rows)
                    {
                        var a = amount.Value.Get(e);
                        TotalCents += a;
                        t.Add(dateOf[e.RunId], RunReader.EntryCell(e.EntryNo), new Cell(a), new Cell(e.TotalAssessedCents));
                    }
                    Tables.Add(t);
                    break;
                }
            case "port":
                {
                    var rows = await (from r in db.EntryResults.AsNoTracking()
                                      join t in db.EntryTotals.AsNoTracking() on new { r.RunId, H = r.RecordNo } equals new { t.RunId, H = t.HeaderRecordNo }
                                      where runIds.Contains(r.RunId) && r.PortCode == code && t.Written
                                      orderby r.RunId, t.Seq
                                      select new { r.RunId, t.EntryNo, r.ImporterNo, t.EnteredValueCents, t.TotalAssessedCents }).ToListAsync(ct).ConfigureAwait(false);
                    var t2 = new ReportTable("entries", $"Entries of port {code}", new Column("business date", ColumnKind.Date), new Column("entry"), new Column("importer"),
                        new Column("entered value", ColumnKind.Cents), new Column("total assessed", ColumnKind.Cents));
                    foreach (var e in rows)
                    {
                        TotalCents += e.TotalAssessedCents;
                        t2.Add(dateOf[e.RunId], RunReader.EntryCell(e.EntryNo), e.ImporterNo, new Cell(e.EnteredValueCents), new Cell(e.TotalAssessedCents));
                    }
                    Tables.Add(t2);
                    break;
                }
            case "method":
                {
                    var rows = await db.Payments.AsNoTracking().Where(p => runIds.Contains(p.RunId) && p.Method == code).OrderBy(p => p.RunId).ThenBy(p => p.RecordNo)
                        .ToListAsync(ct).ConfigureAwait(false);
                    var t = RecordsReader.PaymentsTable("payments", $"Payments by method {code}", rows, dateOf);
                    TotalCents = rows.Sum(p => p.AmountCents);
                    Tables.Add(t);
                    break;
                }
            case "tran":
                {
                    var rows = await db.LedgerPostings.AsNoTracking().Where(p => runIds.Contains(p.RunId) && p.TranCode == code).OrderBy(p => p.RunId).ThenBy(p => p.SeqNo)
                        .Take(ForExport ? int.MaxValue : 2000).ToListAsync(ct).ConfigureAwait(false);
                    TotalCents = await db.LedgerPostings.AsNoTracking().Where(p => runIds.Contains(p.RunId) && p.TranCode == code).SumAsync(p => p.AmountCents, ct).ConfigureAwait(false);
                    var t = RecordsReader.LedgerTable("postings", $"Ledger postings {code}", rows, dateOf);
                    t.Omitted = await db.LedgerPostings.AsNoTracking().LongCountAsync(p => runIds.Contains(p.RunId) && p.TranCode == code, ct).ConfigureAwait(false) - rows.Count;
                    Tables.Add(t);
                    break;
                }
            case "status":
                {
                    if (posted.Count == 0) break;
                    var last = posted[^1].RunId;
                    var rows = await db.OpenItems.AsNoTracking().Where(o => o.RunId == last && o.Status == code).OrderBy(o => o.SeqNo).ToListAsync(ct).ConfigureAwait(false);
                    TotalCents = rows.Sum(o => o.BalanceCents);
                    Tables.Add(RecordsReader.OpenItemsTable("open-items", $"Open items with status {code} on {posted[^1].BusinessDate:yyyy-MM-dd}", rows));
                    break;
                }
            default:
                return NotFound();
        }
        return null;
    }

    /// <summary>The entry-total column of a revenue class (the report's class codes).</summary>
    private static (System.Linq.Expressions.Expression<Func<EntryTotal, bool>> Filter, Func<EntryTotal, long> Get)? ClassAmount(string code) => code switch
    {
        "DTY" => (t => t.DutyCents != 0, t => t.DutyCents),
        "301" => (t => t.Section301Cents != 0, t => t.Section301Cents),
        "232" => (t => t.Section232Cents != 0, t => t.Section232Cents),
        "IEP" => (t => t.IeepaCents != 0, t => t.IeepaCents),
        "122" => (t => t.Section122Cents != 0, t => t.Section122Cents),
        "O99" => (t => t.OtherChapter99Cents != 0, t => t.OtherChapter99Cents),
        "ADD" => (t => t.AntidumpingCents != 0, t => t.AntidumpingCents),
        "CVD" => (t => t.CountervailingCents != 0, t => t.CountervailingCents),
        "499" => (t => t.MpfCents != 0, t => t.MpfCents),
        "311" => (t => t.InformalFeeCents != 0, t => t.InformalFeeCents),
        "500" => (t => t.ManualSurchargeCents != 0, t => t.ManualSurchargeCents),
        "501" => (t => t.HmfCents != 0, t => t.HmfCents),
        "056" => (t => t.CottonCents != 0, t => t.CottonCents),
        _ => null,
    };
}
