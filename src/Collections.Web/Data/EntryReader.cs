using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Web.Exports;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Data;

/// <summary>One filing of an entry: the run (business day) it came in, its header as filed, what the cycle computed.</summary>
public sealed record EntryFiling(BatchRun Run, EntryRow Header, EntryResult? Result, EntryTotal? Total);

/// <summary>
/// The drill-down of an entry: header -> lines -> what CLV100 computed per line -> CLV200's totals, fees and MPF
/// allocation -> rejects, for every run the entry number appears in. Importer accounts see only entries filed under
/// their importer number (anything else is "not found", never its data).
/// </summary>
public sealed class EntryReader(CollectionsDbContext db)
{
    /// <summary>The filings of an entry number visible to <paramref name="importerScope"/> (null: all), newest run first.</summary>
    public async Task<IReadOnlyList<EntryFiling>> FilingsAsync(string entryNo, string? importerScope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entryNo);
        var headers = await db.Entries.AsNoTracking().Where(e => e.EntryNo == entryNo).ToListAsync(ct).ConfigureAwait(false);
        if (importerScope is not null) headers = [.. headers.Where(h => string.Equals(h.ImporterNo.Trim(), importerScope, StringComparison.Ordinal))];
        var list = new List<EntryFiling>();
        foreach (var h in headers.OrderByDescending(h => h.RunId).ThenBy(h => h.RecordNo))
        {
            var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == h.RunId, ct).ConfigureAwait(false);
            var result = await db.EntryResults.AsNoTracking().FirstOrDefaultAsync(r => r.RunId == h.RunId && r.RecordNo == h.RecordNo, ct).ConfigureAwait(false);
            var total = await db.EntryTotals.AsNoTracking().FirstOrDefaultAsync(t => t.RunId == h.RunId && t.HeaderRecordNo == h.RecordNo, ct).ConfigureAwait(false);
            list.Add(new EntryFiling(run, h, result, total));
        }
        return list;
    }

    public static ReportTable Header(EntryFiling f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var h = f.Header;
        var t = new ReportTable($"entry-run{f.Run.Id}", $"Entry {h.EntryNo.Trim()} — business day {f.Run.BusinessDate:yyyy-MM-dd} (run {f.Run.Id})",
            new Column("field"), new Column("value"));
        t.Add("business date", f.Run.BusinessDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        t.Add(new Cell("run"), new Cell(f.Run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "/runs/" + f.Run.Id));
        t.Add("record", h.RecordNo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        t.Add("entry type", h.EntryType);
        t.Add("importer", h.ImporterNo);
        t.Add("port", h.PortCode);
        t.Add("entry date", h.EntryDate);
        t.Add("export date", h.ExportDate);
        t.Add("transport mode", h.TransportMode);
        t.Add("payment type", h.PaymentType);
        t.Add("statement date", h.StatementDate);
        t.Add("currency", h.CurrencyCode);
        t.Add("manual", h.ManualFlag);
        t.Add("line count (filed)", h.LineCount);
        if (f.Result is { } r)
        {
            t.Add("header edit", r.Status + (r.ReasonCode is null ? "" : " " + r.ReasonCode));
            t.Add("exchange rate (millionths)", r.ExchangeRateE6.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return t;
    }

    public static ReportTable Totals(EntryFiling f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var t = new ReportTable($"totals-run{f.Run.Id}", "Entry totals (CLV200)", new Column("class"), new Column("amount", ColumnKind.Cents));
        if (f.Total is not { } e) return t;
        t.Add("entered value", new Cell(e.EnteredValueCents));
        t.Add("MPF-liable value", new Cell(e.MpfLiableValueCents));
        t.Add("duty (DTY)", new Cell(e.DutyCents));
        t.Add("section 301", new Cell(e.Section301Cents));
        t.Add("section 232", new Cell(e.Section232Cents));
        t.Add("IEEPA", new Cell(e.IeepaCents));
        t.Add("section 122", new Cell(e.Section122Cents));
        t.Add("other chapter 99", new Cell(e.OtherChapter99Cents));
        t.Add("antidumping", new Cell(e.AntidumpingCents));
        t.Add("countervailing", new Cell(e.CountervailingCents));
        t.Add("MPF (499)" + (string.IsNullOrWhiteSpace(e.MpfLimit) ? "" : " limit " + e.MpfLimit), new Cell(e.MpfCents));
        t.Add("informal fee (311)", new Cell(e.InformalFeeCents));
        t.Add("manual surcharge (500)", new Cell(e.ManualSurchargeCents));
        t.Add("HMF (501)" + (e.HmfWaived ? " waived" : ""), new Cell(e.HmfCents));
        t.Add("cotton (056)", new Cell(e.CottonCents));
        t.Add("fee total", new Cell(e.FeeTotalCents));
        t.Add("total assessed", new Cell(e.TotalAssessedCents));
        return t;
    }

    public async Task<ReportTable> LinesAsync(EntryFiling f, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(f);
        var runId = f.Run.Id;
        var headerNo = f.Header.RecordNo;
        var lines = await db.EntryLines.AsNoTracking().Where(l => l.RunId == runId && l.HeaderRecordNo == headerNo).OrderBy(l => l.RecordNo).ToListAsync(ct).ConfigureAwait(false);
        var recordNos = lines.Select(l => l.RecordNo).ToList();
        var results = await db.LineResults.AsNoTracking().Where(r => r.RunId == runId && recordNos.Contains(r.RecordNo)).ToDictionaryAsync(r => r.RecordNo, ct).ConfigureAwait(false);
        var t = new ReportTable($"lines-run{runId}", "Lines (as filed, and what CLV100 computed)",
            new Column("record", ColumnKind.Integer), new Column("line"), new Column("HTS"), new Column("origin"), new Column("SPI"),
            new Column("foreign value", ColumnKind.Cents), new Column("status"), new Column("reason"), new Column("USD value", ColumnKind.Cents),
            new Column("duty", ColumnKind.Cents), new Column("ch99 1"), new Column("ch99 1 amount", ColumnKind.Cents), new Column("ch99 2"),
            new Column("ch99 2 amount", ColumnKind.Cents), new Column("ch99 3"), new Column("ch99 3 amount", ColumnKind.Cents), new Column("AD/CVD"),
            new Column("AD/CVD amount", ColumnKind.Cents), new Column("cotton (056)", ColumnKind.Cents));
        foreach (var l in lines)
        {
            results.TryGetValue(l.RecordNo, out var r);
            t.Add(l.RecordNo, l.LineNo, l.HtsNo, l.OriginCountry, l.SpiCode, l.ForeignValueCents is { } fv ? new Cell(fv) : new Cell(null),
                r?.Status, r?.ReasonCode, C(r?.UsdValueCents), C(r?.DutyCents), r?.Ch99Class1, C(r?.Ch99Cents1), r?.Ch99Class2, C(r?.Ch99Cents2),
                r?.Ch99Class3, C(r?.Ch99Cents3), r?.AdcvdType, C(r?.AdcvdCents), C(r?.CottonFeeCents));
        }
        return t;
    }

    public async Task<ReportTable> FeesAsync(EntryFiling f, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(f);
        var t = new ReportTable($"fees-run{f.Run.Id}", "Fees (CLV200 fee table)", new Column("fee", ColumnKind.Integer), new Column("class"), new Column("amount", ColumnKind.Cents));
        if (f.Total is not { } e) return t;
        var fees = await db.EntryFees.AsNoTracking().Where(x => x.RunId == f.Run.Id && x.EntrySeq == e.Seq).OrderBy(x => x.FeeNo).ToListAsync(ct).ConfigureAwait(false);
        foreach (var x in fees) t.Add(x.FeeNo, x.FeeClass, new Cell(x.AmountCents));
        return t;
    }

    public async Task<ReportTable> MpfAsync(EntryFiling f, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(f);
        var t = new ReportTable($"mpf-run{f.Run.Id}", "MPF allocation to lines", new Column("line", ColumnKind.Integer),
            new Column("USD value", ColumnKind.Cents), new Column("allocated", ColumnKind.Cents));
        if (f.Total is not { } e) return t;
        var rows = await db.MpfAllocations.AsNoTracking().Where(x => x.RunId == f.Run.Id && x.EntrySeq == e.Seq).OrderBy(x => x.AllocationNo).ToListAsync(ct).ConfigureAwait(false);
        foreach (var x in rows) t.Add(x.LineNo, new Cell(x.UsdValueCents), new Cell(x.AllocatedCents));
        return t;
    }

    public async Task<ReportTable> RejectsAsync(EntryFiling f, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(f);
        var first = f.Header.RecordNo;
        var end = f.Header.EndRecordNo;
        var entryNo = f.Header.EntryNo;
        var rows = await db.RejectedRecords.AsNoTracking()
            .Where(r => r.RunId == f.Run.Id && (r.EntryNo == entryNo || (r.RecordNo >= first && r.RecordNo <= end)))
            .OrderBy(r => r.RecordNo).ThenBy(r => r.Seq).ToListAsync(ct).ConfigureAwait(false);
        var t = new ReportTable($"rejects-run{f.Run.Id}", "Rejects and warnings", new Column("program"), new Column("record", ColumnKind.Integer),
            new Column("severity"), new Column("reason"), new Column("line"), new Column("detail"));
        foreach (var r in rows) t.Add(r.Program, r.RecordNo, r.Severity, r.ReasonCode, r.LineNo, r.Detail);
        return t;
    }

    private static Cell C(long? cents) => cents is { } c ? new Cell(c) : new Cell(null);
}
