using System.Globalization;
using Collections.Batch.Reconciliation;
using Collections.Persistence;
using Collections.Web.Charts;
using Collections.Web.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Pages.Reconciliation;

/// <summary>
/// /reconciliation?date=YYYY-MM-DD[&amp;to=YYYY-MM-DD]: the figures and checks of <see cref="ReconciliationService"/>
/// (the same service as <c>collections reconcile</c>: one computation), as tables, charts and drill-down links.
/// </summary>
public sealed class IndexModel(ReconciliationService service, CollectionsDbContext db) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public ReconciliationReport? Report { get; private set; }
    public string? Error { get; private set; }

    protected override string? ExportQualifier => Report is null ? null : Report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        + (Report.To == Report.From ? "" : "_" + Report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public string Period => Report is null ? "" : Report.From == Report.To ? D(Report.From) : D(Report.From) + " to " + D(Report.To);

    public string Drill(string what, string code) =>
        $"/reconciliation/drill?what={what}&code={Uri.EscapeDataString(code)}&date={D(Report!.From)}&to={D(Report.To)}";

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        DateOnly from;
        if (string.IsNullOrEmpty(Date))
        {
            var latest = await db.PostedDays.AsNoTracking().OrderByDescending(p => p.BusinessDate).Select(p => (DateOnly?)p.BusinessDate).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (latest is null)
            {
                Error = "No business day is posted yet.";
                return null;
            }
            from = latest.Value;
        }
        else if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
            return BadRequest("date must be YYYY-MM-DD");
        var to = from;
        if (!string.IsNullOrEmpty(To) && !DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out to))
            return BadRequest("to must be YYYY-MM-DD");
        if (to < from) return BadRequest("to is before date");
        Report = await service.ReconcileAsync(from, to, ct).ConfigureAwait(false);
        var r = Report;

        var days = new ReportTable("days", "Posted days", new Column("business date", ColumnKind.Date), new Column("run", ColumnKind.Integer),
            new Column("return code", ColumnKind.Integer), new Column("checks failed", ColumnKind.Integer));
        foreach (var d in r.Days) days.Add(d.Date, new Cell(d.RunId, "/runs/" + d.RunId), d.ReturnCode, d.ChecksFailed);
        Tables.Add(days);

        var ac = r.AssessedVsCollected;
        var totals = new ReportTable("assessed-collected", "Assessed vs collected (ledger)", new Column("figure"), new Column("amount", ColumnKind.Cents));
        totals.Add(new Cell("assessed", Drill("tran", "AS")), new Cell(ac.AssessedCents));
        totals.Add(new Cell("interest", Drill("tran", "LI")), new Cell(ac.InterestCents));
        totals.Add(new Cell("collected", Drill("tran", "PY")), new Cell(ac.CollectedCents));
        totals.Add(new Cell("refunded", Drill("tran", "RF")), new Cell(ac.RefundedCents));
        totals.Add(new Cell("suspense", "/suspense"), new Cell(ac.SuspenseCents));
        totals.Add("net change of receivables", new Cell(ac.NetChangeCents));
        Tables.Add(totals);

        var classes = new ReportTable("revenue-by-class", "Revenue by class", new Column("class"), new Column("description"),
            new Column("entries", ColumnKind.Integer), new Column("amount", ColumnKind.Cents));
        foreach (var c in r.RevenueByClass) classes.Add(new Cell(c.Code, Drill("class", c.Code)), c.Description, c.Entries, new Cell(c.AmountCents));
        Tables.Add(classes);

        var ports = new ReportTable("revenue-by-port", "Revenue by port", new Column("port"), new Column("entries", ColumnKind.Integer),
            new Column("lines", ColumnKind.Integer), new Column("entered value", ColumnKind.Cents), new Column("duties", ColumnKind.Cents),
            new Column("fees", ColumnKind.Cents), new Column("total", ColumnKind.Cents));
        foreach (var p in r.RevenueByPort)
            ports.Add(new Cell(p.Port, Drill("port", p.Port)), p.Entries, p.Lines, new Cell(p.EnteredValueCents), new Cell(p.DutiesCents), new Cell(p.FeesCents), new Cell(p.TotalCents));
        Tables.Add(ports);

        var methods = new ReportTable("payments-by-method", "Payments by method", new Column("method"), new Column("payments", ColumnKind.Integer),
            new Column("applied", ColumnKind.Cents), new Column("refunded", ColumnKind.Cents), new Column("suspense", ColumnKind.Cents), new Column("received", ColumnKind.Cents));
        foreach (var m in r.PaymentsByMethod)
            methods.Add(new Cell(m.Method, Drill("method", m.Method)), m.Payments, new Cell(m.AppliedCents), new Cell(m.RefundedCents), new Cell(m.SuspenseCents), new Cell(m.ReceivedCents));
        Tables.Add(methods);

        var activity = new ReportTable("activity", "Ledger activity (bills, refunds, interest...)", new Column("code"), new Column("description"),
            new Column("postings", ColumnKind.Integer), new Column("amount", ColumnKind.Cents));
        foreach (var a in r.Activity) activity.Add(new Cell(a.TranCode, Drill("tran", a.TranCode)), a.Description, a.Postings, new Cell(a.AmountCents));
        Tables.Add(activity);

        var o = r.OpenReceivables;
        var byStatus = new ReportTable("open-by-status", "Open receivables by status" + (o.AsOf is { } asOf ? " on " + D(asOf) : ""),
            new Column("status"), new Column("description"), new Column("items", ColumnKind.Integer), new Column("balance", ColumnKind.Cents));
        foreach (var s in o.ByStatus) byStatus.Add(new Cell(s.Key, Drill("status", s.Key)), s.Description, s.Items, new Cell(s.BalanceCents));
        byStatus.Add("", "TOTAL", o.Items, new Cell(o.BalanceCents));
        Tables.Add(byStatus);
        var byAge = new ReportTable("open-by-age", "Open receivables by age (days past due)", new Column("age"), new Column("description"),
            new Column("items", ColumnKind.Integer), new Column("balance", ColumnKind.Cents));
        foreach (var s in o.ByAge) byAge.Add(s.Key, s.Description, s.Items, new Cell(s.BalanceCents));
        Tables.Add(byAge);

        var suspense = new ReportTable("suspense", "Suspense by reason", new Column("reason"), new Column("message"), new Column("items", ColumnKind.Integer), new Column("amount", ColumnKind.Cents));
        foreach (var s in r.Suspense) suspense.Add(new Cell(s.ReasonCode, "/suspense"), s.Message, s.Items, new Cell(s.AmountCents));
        Tables.Add(suspense);

        var checks = new ReportTable("checks", "Control checks", new Column("business date", ColumnKind.Date), new Column("check"), new Column("result"),
            new Column("description"), new Column("expected", ColumnKind.Cents), new Column("actual", ColumnKind.Cents), new Column("difference", ColumnKind.Cents),
            new Column("expected count", ColumnKind.Integer), new Column("actual count", ColumnKind.Integer));
        foreach (var c in r.Checks)
            checks.Add(c.Date, c.Name, c.Passed ? "pass" : "FAIL", c.Description, new Cell(c.ExpectedCents), new Cell(c.ActualCents), new Cell(c.DifferenceCents),
                c.ExpectedCount is { } e ? new Cell(e) : new Cell(null), c.ActualCount is { } a ? new Cell(a) : new Cell(null));
        Tables.Add(checks);
        return null;
    }

    public IReadOnlyList<Bar> ClassBars => [.. Report!.RevenueByClass.Select(c => new Bar(c.Code + " " + c.Description, c.AmountCents, Drill("class", c.Code)))];

    public IReadOnlyList<Bar> AssessedBars
    {
        get
        {
            var ac = Report!.AssessedVsCollected;
            return [new Bar("assessed", ac.AssessedCents, Drill("tran", "AS")), new Bar("interest", ac.InterestCents, Drill("tran", "LI")),
                new Bar("collected", ac.CollectedCents, Drill("tran", "PY")), new Bar("refunded", ac.RefundedCents, Drill("tran", "RF")),
                new Bar("suspense", ac.SuspenseCents, "/suspense")];
        }
    }

    public IReadOnlyList<Bar> AgeBars => [.. Report!.OpenReceivables.ByAge.Select(a => new Bar(a.Description, a.BalanceCents))];

    public IReadOnlyList<(string, bool, string?)> CheckMarks =>
        [.. Report!.Checks.Select(c => (D(c.Date) + " " + c.Name, c.Passed, c.Passed ? null : "#t-checks"))];

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
