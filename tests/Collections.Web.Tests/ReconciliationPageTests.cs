using System.Globalization;
using System.Net;
using Collections.Batch.Reconciliation;
using Collections.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Tests;

/// <summary>
/// The reconciliation page shows the figures of <see cref="ReconciliationService"/> (the service behind
/// <c>collections reconcile</c>), and each drill-down lists rows adding up to its figure.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ReconciliationPageTests(SiteFixture site)
{
    private static readonly DateOnly From = SiteFixture.Day1, To = SiteFixture.Day2;

    /// <summary>The data rows of a CSV export (RFC 4180 quoting), header skipped.</summary>
    private static string[][] Csv(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(CsvText.SplitRecord)];

    private static string Dollars(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Figures_EqualTheReconcileService()
    {
        var report = await new ReconciliationService(site.Database).ReconcileAsync(From, To);
        using var client = await site.SignedInAsync("ana");
        const string q = "/reconciliation?date=2026-03-02&to=2026-03-03&handler=export&format=csv&table=";
        var classes = Csv(await client.GetStringAsync(q + "revenue-by-class"));
        classes.Select(c => (c[0], c[3])).Should().Equal(report.RevenueByClass.Select(c => (c.Code, Dollars(c.AmountCents))));
        var ac = Csv(await client.GetStringAsync(q + "assessed-collected")).ToDictionary(r => r[0], r => r[1]);
        ac["assessed"].Should().Be(Dollars(report.AssessedVsCollected.AssessedCents));
        ac["collected"].Should().Be(Dollars(report.AssessedVsCollected.CollectedCents));
        ac["refunded"].Should().Be(Dollars(report.AssessedVsCollected.RefundedCents));
        ac["interest"].Should().Be(Dollars(report.AssessedVsCollected.InterestCents));
        ac["suspense"].Should().Be(Dollars(report.AssessedVsCollected.SuspenseCents));
        var checks = Csv(await client.GetStringAsync(q + "checks"));
        checks.Select(c => (c[1], c[2], c[4], c[5])).Should().Equal(report.Checks.Select(c => (c.Name, c.Passed ? "pass" : "FAIL", Dollars(c.ExpectedCents), Dollars(c.ActualCents))));
        report.Checks.Should().NotBeEmpty();
        var ports = Csv(await client.GetStringAsync(q + "revenue-by-port"));
        ports.Select(p => (p[0], p[6])).Should().Equal(report.RevenueByPort.Select(p => (p.Port, Dollars(p.TotalCents))));
        var html = await client.GetStringAsync("/reconciliation?date=2026-03-02&to=2026-03-03");
        html.Should().Contain("<svg").And.Contain(report.AllPassed ? "checks pass" : "checks FAIL");
    }

    [Fact]
    public async Task DrillDowns_AddUpToTheirFigures()
    {
        var report = await new ReconciliationService(site.Database).ReconcileAsync(From, To);
        using var client = await site.SignedInAsync("ana");
        async Task<long> DrillCents(string what, string code, int amountColumn)
        {
            var rows = Csv(await client.GetStringAsync($"/reconciliation/drill?what={what}&code={Uri.EscapeDataString(code)}&date=2026-03-02&to=2026-03-03&handler=export&format=csv&table="
                + (what switch { "method" => "payments", "tran" => "postings", "status" => "open-items", _ => "entries" })));
            return rows.Sum(r => (long)(decimal.Parse(r[amountColumn], CultureInfo.InvariantCulture) * 100));
        }
        report.RevenueByClass.Should().NotBeEmpty();
        foreach (var c in report.RevenueByClass) (await DrillCents("class", c.Code, 2)).Should().Be(c.AmountCents, "class " + c.Code);
        foreach (var p in report.RevenueByPort) (await DrillCents("port", p.Port, 4)).Should().Be(p.TotalCents, "port " + p.Port);
        foreach (var a in report.Activity) (await DrillCents("tran", a.TranCode, 7)).Should().Be(a.AmountCents, "tran " + a.TranCode);
        foreach (var s in report.OpenReceivables.ByStatus) (await DrillCents("status", s.Key, 10)).Should().Be(s.BalanceCents, "status " + s.Key);
        (await client.GetAsync("/reconciliation/drill?what=nope&code=X&date=2026-03-02")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/reconciliation?date=03/02/2026")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Entry_LinksToItsStatement_StatementToPaymentsAndLedger()
    {
        using var client = await site.SignedInAsync("ana");
        var statement = await client.GetStringAsync("/statements/" + site.StatementOfA);
        statement.Should().Contain("Entries of the statement").And.Contain("Ledger postings").And.Contain("Payments received");
        await using var db = site.Database.CreateContext();
        var entry = await db.StatementEntries.AsNoTracking().Where(e => e.Reference.Trim() == site.StatementOfA).Select(e => e.EntryNo).FirstAsync();
        statement.Should().Contain("/entries/" + entry.Trim());
        (await client.GetStringAsync("/entries/" + entry.Trim())).Should().Contain("/statements/" + site.StatementOfA);
    }
}
