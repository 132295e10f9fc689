using System.Globalization;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Web.Exports;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Data;

/// <summary>
/// Receivables as the cycle stored them (statements, their entries, open items, payments, ledger postings), for the
/// statement drill-down and the importer's pages. Importer accounts see only rows of their importer number; a
/// statement of another importer is "not found".
/// </summary>
public sealed class RecordsReader(CollectionsDbContext db)
{
    /// <summary>A reference as filed in the legacy records (PIC X(16), left justified, space padded) and as typed.</summary>
    private static (string Padded, string Trimmed) Keys(string reference)
    {
        var t = reference.Trim();
        return (t.Length >= 16 ? t : t.PadRight(16), t);
    }

    /// <summary>The statement filings of a reference (newest run first) visible to <paramref name="importerScope"/>.</summary>
    public async Task<List<StatementRow>> StatementsAsync(string reference, string? importerScope, CancellationToken ct)
    {
        var (a, b) = Keys(reference);
        var rows = await db.Statements.AsNoTracking().Where(s => s.Reference == a || s.Reference == b).OrderByDescending(s => s.RunId).ToListAsync(ct).ConfigureAwait(false);
        return importerScope is null ? rows : [.. rows.Where(s => string.Equals(s.ImporterNo.Trim(), importerScope, StringComparison.Ordinal))];
    }

    public async Task<ReportTable> StatementEntriesAsync(StatementRow s, CancellationToken ct)
    {
        var rows = await db.StatementEntries.AsNoTracking().Where(e => e.RunId == s.RunId && e.RefType == s.RefType && e.Reference == s.Reference)
            .OrderBy(e => e.SeqNo).ToListAsync(ct).ConfigureAwait(false);
        var t = new ReportTable($"entries-run{s.RunId}", "Entries of the statement (STMTDTL)", new Column("entry"), new Column("entry date", ColumnKind.Integer),
            new Column("scheduled statement date", ColumnKind.Integer), new Column("statement date", ColumnKind.Integer), new Column("due date", ColumnKind.Integer),
            new Column("adjusted"), new Column("entry total", ColumnKind.Cents));
        foreach (var e in rows)
            t.Add(RunReader.EntryCell(e.EntryNo), e.EntryDate, e.ScheduledStatementDate, e.StatementDate, e.DueDate, e.DateAdjusted, new Cell(e.EntryTotalCents));
        return t;
    }

    public static ReportTable StatementHeader(StatementRow s, DateOnly businessDate)
    {
        ArgumentNullException.ThrowIfNull(s);
        var t = new ReportTable($"statement-run{s.RunId}", $"Statement {s.Reference.Trim()} — business day {businessDate:yyyy-MM-dd} (run {s.RunId})",
            new Column("field"), new Column("value"), new Column("amount", ColumnKind.Cents));
        void F(string name, string value) => t.Add(name, value, new Cell(null));
        void A(string name, long cents) => t.Add(name, "", new Cell(cents));
        F("reference type", s.RefType);
        F("statement type", s.StatementType.ToString(CultureInfo.InvariantCulture));
        F("filer", s.FilerCode);
        F("importer", s.ImporterNo);
        F("period", s.Period.ToString(CultureInfo.InvariantCulture));
        F("statement date", s.StatementDate.ToString(CultureInfo.InvariantCulture));
        F("due date", s.DueDate.ToString(CultureInfo.InvariantCulture));
        F("entries", s.EntryCount.ToString(CultureInfo.InvariantCulture));
        A("duty (DTY)", s.DutyCents);
        A("section 301", s.Section301Cents);
        A("section 232", s.Section232Cents);
        A("IEEPA", s.IeepaCents);
        A("section 122", s.Section122Cents);
        A("other chapter 99", s.OtherChapter99Cents);
        A("antidumping", s.AntidumpingCents);
        A("countervailing", s.CountervailingCents);
        A("MPF (499)", s.MpfCents);
        A("informal fee (311)", s.InformalFeeCents);
        A("manual surcharge (500)", s.ManualSurchargeCents);
        A("HMF (501)", s.HmfCents);
        A("cotton (056)", s.CottonCents);
        A("total", s.TotalCents);
        return t;
    }

    /// <summary>Payments made to a reference (any run), visible rows only.</summary>
    public async Task<ReportTable> PaymentsToAsync(string reference, CancellationToken ct)
    {
        var (a, b) = Keys(reference);
        var rows = await db.Payments.AsNoTracking().Where(p => p.Reference == a || p.Reference == b).OrderBy(p => p.RunId).ThenBy(p => p.RecordNo).ToListAsync(ct).ConfigureAwait(false);
        return PaymentsTable("payments", "Payments received for it", rows, await DatesAsync(rows.Select(r => r.RunId), ct).ConfigureAwait(false));
    }

    /// <summary>Ledger postings of a reference (any run).</summary>
    public async Task<ReportTable> LedgerOfAsync(string reference, CancellationToken ct)
    {
        var (a, b) = Keys(reference);
        var rows = await db.LedgerPostings.AsNoTracking().Where(p => p.Reference == a || p.Reference == b).OrderBy(p => p.RunId).ThenBy(p => p.SeqNo).ToListAsync(ct).ConfigureAwait(false);
        return LedgerTable("ledger", "Ledger postings", rows, await DatesAsync(rows.Select(r => r.RunId), ct).ConfigureAwait(false));
    }

    /// <summary>The open item(s) of a reference in the latest posted master that holds it.</summary>
    public async Task<ReportTable> OpenItemsOfAsync(string reference, CancellationToken ct)
    {
        var (a, b) = Keys(reference);
        var latest = await db.OpenItems.AsNoTracking().Where(o => o.Reference == a || o.Reference == b).MaxAsync(o => (long?)o.RunId, ct).ConfigureAwait(false);
        var rows = latest is null ? [] : await db.OpenItems.AsNoTracking().Where(o => o.RunId == latest && (o.Reference == a || o.Reference == b)).OrderBy(o => o.SeqNo).ToListAsync(ct).ConfigureAwait(false);
        return OpenItemsTable("open-items", "Open items (latest master holding it)", rows);
    }

    /// <summary>The statements where an entry was billed.</summary>
    public async Task<ReportTable> StatementsOfEntryAsync(string entryNo, CancellationToken ct)
    {
        var trimmed = entryNo.Trim();
        var rows = await db.StatementEntries.AsNoTracking().Where(e => e.EntryNo == entryNo || e.EntryNo == trimmed).OrderBy(e => e.RunId).ToListAsync(ct).ConfigureAwait(false);
        var dates = await DatesAsync(rows.Select(r => r.RunId), ct).ConfigureAwait(false);
        var t = new ReportTable("statements", "Statements billing the entry", new Column("business date", ColumnKind.Date), new Column("reference type"),
            new Column("statement"), new Column("due date", ColumnKind.Integer), new Column("entry total", ColumnKind.Cents));
        foreach (var e in rows)
            t.Add(dates.TryGetValue(e.RunId, out var d) ? new Cell(d) : new Cell(null), e.RefType, StatementCell(e.RefType, e.Reference), e.DueDate, new Cell(e.EntryTotalCents));
        return t;
    }

    public async Task<Dictionary<long, DateOnly>> DatesAsync(IEnumerable<long> runIds, CancellationToken ct)
    {
        var ids = runIds.Distinct().ToList();
        return await db.Runs.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.BusinessDate, ct).ConfigureAwait(false);
    }

    public static Cell StatementCell(string refType, string reference) =>
        string.IsNullOrWhiteSpace(reference) ? new Cell(reference)
        : new Cell(reference.Trim(), (refType == "E" ? "/entries/" : "/statements/") + Uri.EscapeDataString(reference.Trim()));

    public static ReportTable PaymentsTable(string name, string title, IEnumerable<PaymentRow> rows, IReadOnlyDictionary<long, DateOnly> dates)
    {
        var t = new ReportTable(name, title, new Column("business date", ColumnKind.Date), new Column("payment"), new Column("method"), new Column("reference type"),
            new Column("reference"), new Column("amount", ColumnKind.Cents), new Column("date received", ColumnKind.Integer));
        foreach (var p in rows)
            t.Add(dates.TryGetValue(p.RunId, out var d) ? new Cell(d) : new Cell(null), p.PaymentId, p.Method, p.RefType, StatementCell(p.RefType, p.Reference),
                new Cell(p.AmountCents), p.DateReceived);
        return t;
    }

    public static ReportTable LedgerTable(string name, string title, IEnumerable<LedgerPostingRow> rows, IReadOnlyDictionary<long, DateOnly> dates)
    {
        var t = new ReportTable(name, title, new Column("business date", ColumnKind.Date), new Column("seq", ColumnKind.Integer), new Column("reference"),
            new Column("item"), new Column("code"), new Column("class"), new Column("D/C"), new Column("amount", ColumnKind.Cents), new Column("method"),
            new Column("source"), new Column("effective", ColumnKind.Integer));
        foreach (var p in rows)
            t.Add(dates.TryGetValue(p.RunId, out var d) ? new Cell(d) : new Cell(null), p.SeqNo, StatementCell(p.RefType, p.Reference), p.ItemType, p.TranCode,
                p.RevenueClass, p.DebitCredit, new Cell(p.AmountCents), p.PayMethod, p.SourceId, p.EffectiveDate);
        return t;
    }

    public static ReportTable OpenItemsTable(string name, string title, IEnumerable<OpenItemRow> rows)
    {
        var t = new ReportTable(name, title, new Column("reference"), new Column("item"), new Column("status"), new Column("importer"),
            new Column("statement date", ColumnKind.Integer), new Column("due date", ColumnKind.Integer), new Column("assessed", ColumnKind.Cents),
            new Column("interest", ColumnKind.Cents), new Column("paid", ColumnKind.Cents), new Column("refund", ColumnKind.Cents), new Column("balance", ColumnKind.Cents));
        foreach (var o in rows)
            t.Add(StatementCell(o.RefType, o.Reference), o.ItemType, o.Status, o.ImporterNo, o.StatementDate, o.DueDate, new Cell(o.AssessedCents),
                new Cell(o.InterestCents), new Cell(o.PaidCents), new Cell(o.RefundCents), new Cell(o.BalanceCents));
        return t;
    }
}
