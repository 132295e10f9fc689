using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;

namespace Collections.Batch.Reconciliation;

/// <summary>
/// The reconciliation as text (for the operator), CSV (one flat table for analysts: invariant culture, a header row,
/// amounts as decimal dollars) and JSON (the model as it is, amounts in cents).
/// </summary>
public static class ReconciliationWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson(ReconciliationReport report) => JsonSerializer.Serialize(report, Json);

    public static ReconciliationReport? FromJson(string json) => JsonSerializer.Deserialize<ReconciliationReport>(json, Json);

    private static string D(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string N(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static readonly string[] Header =
        ["section", "date", "name", "description", "count", "amount", "expected_count", "actual_count", "expected", "actual", "difference", "result"];

    /// <summary>The flat rows of the CSV (without the header).</summary>
    public static IEnumerable<string[]> Rows(ReconciliationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var period = report.From == report.To ? report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".." + report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] Figure(string section, string name, string description, long count, long cents) =>
            [section, period, name, description, N(count), D(cents), "", "", "", "", "", ""];
        foreach (var r in report.RevenueByClass) yield return Figure("revenue-by-class", r.Code, r.Description, r.Entries, r.AmountCents);
        foreach (var p in report.RevenueByPort) yield return Figure("revenue-by-port", p.Port, "entries / total assessed", p.Entries, p.TotalCents);
        foreach (var m in report.PaymentsByMethod)
        {
            yield return Figure("payments-by-method", m.Method, "received", m.Payments, m.ReceivedCents);
            yield return Figure("payments-by-method", m.Method, "applied", m.Payments, m.AppliedCents);
            yield return Figure("payments-by-method", m.Method, "refunded", m.Payments, m.RefundedCents);
            yield return Figure("payments-by-method", m.Method, "suspense", m.Payments, m.SuspenseCents);
        }
        var a = report.AssessedVsCollected;
        yield return Figure("assessed-vs-collected", "assessed", "assessments (AS)", 0, a.AssessedCents);
        yield return Figure("assessed-vs-collected", "interest", "interest (LI + BI)", 0, a.InterestCents);
        yield return Figure("assessed-vs-collected", "collected", "payments applied (PY)", 0, a.CollectedCents);
        yield return Figure("assessed-vs-collected", "refunded", "overpayments to refund (RF)", 0, a.RefundedCents);
        yield return Figure("assessed-vs-collected", "suspense", "payments to suspense (SU)", 0, a.SuspenseCents);
        yield return Figure("assessed-vs-collected", "net-change", "assessed + interest - collected", 0, a.NetChangeCents);
        foreach (var x in report.Activity) yield return Figure("activity", x.TranCode, x.Description, x.Postings, x.AmountCents);
        foreach (var o in report.OpenReceivables.ByStatus) yield return Figure("open-items-by-status", o.Key, o.Description, o.Items, o.BalanceCents);
        foreach (var o in report.OpenReceivables.ByAge) yield return Figure("open-items-by-age", o.Key, o.Description, o.Items, o.BalanceCents);
        yield return Figure("open-items", "total", "open item master " + report.OpenReceivables.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.OpenReceivables.Items, report.OpenReceivables.BalanceCents);
        foreach (var s in report.Suspense) yield return Figure("suspense", s.ReasonCode, s.Message, s.Items, s.AmountCents);
        foreach (var c in report.Checks)
            yield return ["check", c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Name, c.Description, "", "", N(c.ExpectedCount), N(c.ActualCount),
                D(c.ExpectedCents), D(c.ActualCents), D(c.DifferenceCents), c.Passed ? "pass" : "fail"];
    }

    public static void WriteCsv(ReconciliationReport report, string path)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions
        {
            Mode = CsvMode.Rfc4180, Separator = ',', NewLine = "\n", Quoting = CsvQuoting.WhenNeededOrWhitespace,
            Injection = CsvInjection.None, FormatProvider = CultureInfo.InvariantCulture,
        }, leaveOpen: true);
        foreach (var row in Rows(report).Prepend(Header))
        {
            foreach (var field in row) csv.WriteField(field.AsSpan());
            csv.EndRecord();
        }
        csv.Flush();
    }

    /// <summary>The reconciliation for a terminal: figures, then each check with PASS / FAIL and its amounts.</summary>
    public static void WriteText(ReconciliationReport report, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(o);
        string L(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        o.WriteLine(L($"RECONCILIATION {report.From:yyyy-MM-dd} TO {report.To:yyyy-MM-dd}: {report.Days.Count} POSTED DAY(S)"));
        foreach (var d in report.Days) o.WriteLine(L($"  {d.Date:yyyy-MM-dd}  run {d.RunId}  RC {d.ReturnCode:D4}  checks failed {d.ChecksFailed}"));
        o.WriteLine("REVENUE BY CLASS");
        foreach (var r in report.RevenueByClass) o.WriteLine(L($"  {r.Code,-4} {r.Description,-36} {r.Entries,9} {D(r.AmountCents),18}"));
        o.WriteLine("REVENUE BY PORT");
        foreach (var p in report.RevenueByPort) o.WriteLine(L($"  {p.Port,-5} entries {p.Entries,7} lines {p.Lines,8} duties {D(p.DutiesCents),16} fees {D(p.FeesCents),14} total {D(p.TotalCents),16}"));
        o.WriteLine("PAYMENTS BY METHOD");
        foreach (var m in report.PaymentsByMethod)
            o.WriteLine(L($"  {m.Method,-2} payments {m.Payments,7} received {D(m.ReceivedCents),16} applied {D(m.AppliedCents),16} refunded {D(m.RefundedCents),12} suspense {D(m.SuspenseCents),12}"));
        var a = report.AssessedVsCollected;
        o.WriteLine(L($"ASSESSED {D(a.AssessedCents)}  INTEREST {D(a.InterestCents)}  COLLECTED {D(a.CollectedCents)}  REFUNDED {D(a.RefundedCents)}  SUSPENSE {D(a.SuspenseCents)}  NET CHANGE {D(a.NetChangeCents)}"));
        o.WriteLine("LEDGER ACTIVITY (BILLS, REFUNDS, INTEREST, SUSPENSE)");
        foreach (var x in report.Activity) o.WriteLine(L($"  {x.TranCode} {x.Description,-28} {x.Postings,9} {D(x.AmountCents),18}"));
        o.WriteLine(L($"OPEN RECEIVABLES AS OF {report.OpenReceivables.AsOf:yyyy-MM-dd}: {report.OpenReceivables.Items} ITEMS, BALANCE {D(report.OpenReceivables.BalanceCents)}"));
        foreach (var i in report.OpenReceivables.ByStatus) o.WriteLine(L($"  {i.Key,-2} {i.Description,-24} {i.Items,9} {D(i.BalanceCents),18}"));
        foreach (var i in report.OpenReceivables.ByAge) o.WriteLine(L($"  {i.Description,-27} {i.Items,9} {D(i.BalanceCents),18}"));
        o.WriteLine("SUSPENSE BY REASON");
        foreach (var s in report.Suspense) o.WriteLine(L($"  {s.ReasonCode} {s.Message,-40} {s.Items,7} {D(s.AmountCents),16}"));
        o.WriteLine("CHECKS");
        foreach (var c in report.Checks)
        {
            var counts = c.ExpectedCount is null && c.ActualCount is null ? "" : L($" count {N(c.ExpectedCount)} vs {N(c.ActualCount)}");
            o.WriteLine(L($"  {(c.Passed ? "PASS" : "FAIL")} {c.Date:yyyy-MM-dd} {c.Name,-28} {D(c.ExpectedCents),16} vs {D(c.ActualCents),16}{counts}  ({c.Description})"));
        }
        var failed = report.Failed.Count();
        o.WriteLine(failed == 0 ? L($"ALL {report.Checks.Count} CHECKS PASS") : L($"{failed} OF {report.Checks.Count} CHECKS FAIL"));
    }
}
