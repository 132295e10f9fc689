using System.Globalization;
using System.Text.Json;
using Collections.Batch.Export;
using Collections.Batch.Reconciliation;
using Collections.Persistence;
using Collections.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Tests;

/// <summary>
/// `reconcile` on real databases over the sample chain (two days, the second reading the first's posted master): every
/// control total ties, and the figures equal the legacy's own control totals (CTLTOTS of the captured legacy runs,
/// read from the fixture files, not from the database); a broken tie is reported as FAIL with its amounts and exit 1.
/// </summary>
public abstract class ReconciliationTests
{
    protected abstract DatabaseOptions NewDatabase(TempDir dir);

    private static readonly string[] Chain = ["sample-2026-03-02", "sample-2026-03-03"];

    /// <summary>The legacy's CTLTOTS line (count, amount in cents) of a fixture day.</summary>
    private static (long Count, long Cents) LegacyControl(string fixture, string program, string description)
    {
        var line = File.ReadAllLines(Path.Combine(RepoPaths.LegacyFixtures, fixture, "output", "CTLTOTS"), System.Text.Encoding.Latin1)
            .Single(l => l.StartsWith(program, StringComparison.Ordinal) && l[21..51].TrimEnd() == description);
        Cobol.Codecs.ZonedDecimal.TryDecode(System.Text.Encoding.Latin1.GetBytes(line[62..79]), 17, Cobol.Codecs.SignPlacement.TrailingOverpunch,
            Cobol.Codecs.OverpunchStyle.AsciiEbcdicLetters, out var cents).Should().BeTrue();
        return (long.Parse(line[52..61], CultureInfo.InvariantCulture), cents);
    }

    protected async Task<DatabaseOptions> RunChainAsync(TempDir dir)
    {
        var options = NewDatabase(dir);
        foreach (var fixture in Chain)
        {
            var (_, final) = await TestDatabases.RunDayAsync(options, TestDatabases.DateOf(fixture[7..].Replace("-", "", StringComparison.Ordinal)),
                Path.Combine(RepoPaths.LegacyFixtures, fixture, "input"));
            final!.Run.Status.Should().Be(Persistence.Entities.RunStatus.Done, final.Run.Message);
        }
        return options;
    }

    protected async Task SampleChain_EveryCheckPasses_FiguresEqualTheLegacyControlTotalsAsync()
    {
        using var dir = new TempDir("db-reconcile");
        var options = await RunChainAsync(dir);
        ReconciliationReport report;
        using (HostileCulture.Enter())
            report = await new ReconciliationService(options).ReconcileAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3));

        report.Failed.Should().BeEmpty();
        report.Days.Select(d => d.Date).Should().Equal(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3));
        report.Checks.Select(c => c.Name).Distinct().Should().Contain(["ledger-balanced", "master-roll-forward", "payments-received", "old-master",
            "new-master-ctltots", "report-revenue", "report-receivables", "report-open-items", "statements-ctltots", "suspense-ctltots", "ledger-assessments"]);
        report.Checks.Should().HaveCount(2 * report.Checks.Count(c => c.Date == new DateOnly(2026, 3, 2)), "the same checks every day");

        long Sum(string program, string description) => Chain.Sum(f => LegacyControl(f, program, description).Cents);
        report.RevenueByClass.Sum(r => r.AmountCents).Should().Be(Sum("CLV200", "ENTRIES WRITTEN - ASSESSED"));
        report.RevenueByClass.Single(r => r.Code == "499").AmountCents.Should().Be(Sum("CLV200", "MPF 499"));
        report.RevenueByPort.Sum(p => p.TotalCents).Should().Be(Sum("CLV200", "ENTRIES WRITTEN - ASSESSED"));
        report.PaymentsByMethod.Sum(m => m.ReceivedCents).Should().Be(Sum("CLV400", "PAYMENTS READ"));
        report.PaymentsByMethod.Sum(m => m.AppliedCents).Should().Be(Sum("CLV400", "PAYMENTS APPLIED"));
        report.AssessedVsCollected.CollectedCents.Should().Be(Sum("CLV400", "PAYMENTS APPLIED"));
        report.AssessedVsCollected.SuspenseCents.Should().Be(Sum("CLV400", "PAYMENTS TO SUSPENSE"));
        report.AssessedVsCollected.RefundedCents.Should().Be(Sum("CLV400", "OVERPAYMENTS TO REFUND"));
        report.AssessedVsCollected.AssessedCents.Should().Be(Sum("CLV400", "RECEIVABLES READ"));
        report.Activity.Single(a => a.TranCode == "LI").AmountCents.Should().Be(Sum("CLV400", "LATE PAYMENT INTEREST"));
        report.Suspense.Sum(s => s.Items).Should().Be(Chain.Sum(f => LegacyControl(f, "CLV400", "PAYMENTS TO SUSPENSE").Count));
        var master = LegacyControl(Chain[^1], "CLV400", "NEW MASTER WRITTEN - BALANCE");
        report.OpenReceivables.AsOf.Should().Be(new DateOnly(2026, 3, 3));
        report.OpenReceivables.Items.Should().Be(master.Count);
        report.OpenReceivables.BalanceCents.Should().Be(master.Cents);
        report.OpenReceivables.ByStatus.Sum(s => s.BalanceCents).Should().Be(master.Cents);
        report.OpenReceivables.ByAge.Sum(s => s.BalanceCents).Should().Be(report.OpenReceivables.ByStatus.Where(s => s.Key is "O" or "P" or "B").Sum(s => s.BalanceCents));

        // one day alone: the second day's old master is the first day's new master
        var day2 = await new ReconciliationService(options).ReconcileAsync(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3));
        day2.Checks.Single(c => c.Name == "old-master").ActualCents.Should().Be(LegacyControl(Chain[0], "CLV400", "NEW MASTER WRITTEN - BALANCE").Cents);
        day2.AllPassed.Should().BeTrue();
    }

    protected async Task BrokenTie_ReportedAsFail_Exit1Async()
    {
        using var dir = new TempDir("db-reconcile-broken");
        var options = await RunChainAsync(dir);
        var args = new List<string> { "reconcile", "--date", "2026-03-02", "--to", "2026-03-03", "--provider", options.ProviderName, "--connection", options.ConnectionString };
        var (ok, okOut, okErr) = Cli.Run(args);
        ok.Should().Be(0, okErr);
        okOut.Should().Contain("PASS 2026-03-03 master-roll-forward").And.NotContain("FAIL");

        // a journal leg and a suspense item changed behind the cycle's back
        await using (var db = options.CreateContext())
        {
            var run = await db.PostedDays.Where(p => p.BusinessDate == new DateOnly(2026, 3, 3)).Select(p => p.RunId).SingleAsync();
            (await db.JournalLines.Where(j => j.RunId == run && j.PostingSeqNo == 1 && j.Leg == 2)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.DebitCents, j => j.DebitCents + 100).SetProperty(j => j.CreditCents, j => j.CreditCents == 0 ? 0 : j.CreditCents + 100))).Should().Be(1);
            (await db.SuspenseItems.Where(s => s.RunId == run && s.SeqNo == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.AmountCents, x => x.AmountCents - 7))).Should().Be(1);
        }
        var csv = Path.Combine(dir.Path, "reconcile.csv");
        var json = Path.Combine(dir.Path, "reconcile.json");
        // the command under a Turkish culture: the CSV still has points and invariant digits
        var turkish = new Dictionary<string, string> { ["LC_ALL"] = "tr_TR.UTF-8", ["LANG"] = "tr_TR.UTF-8" };
        var (rc, stdout, stderr) = Cli.Run([.. args, "--csv", csv, "--json", json], turkish);
        rc.Should().Be(1, "a control total does not tie");
        stdout.Should().Contain("FAIL 2026-03-03 ledger-balanced").And.Contain("FAIL 2026-03-03 suspense-ctltots").And.Contain("FAIL 2026-03-03 suspense-ledger")
            .And.Contain("PASS 2026-03-02 ledger-balanced");
        stderr.Should().Contain("2026-03-03 suspense-ctltots FAILS").And.Contain("(difference -7)");
        var report = ReconciliationWriter.FromJson(File.ReadAllText(json))!;
        var suspense = report.Checks.Single(c => c.Date == new DateOnly(2026, 3, 3) && c.Name == "suspense-ctltots");
        suspense.Passed.Should().BeFalse();
        suspense.DifferenceCents.Should().Be(-7);
        suspense.ExpectedCents.Should().Be(LegacyControl(Chain[1], "CLV400", "PAYMENTS TO SUSPENSE").Cents);
        var rows = File.ReadAllLines(csv).Skip(1).Select(CsvText.SplitRecord).Where(r => r[0] == "check").ToList();
        rows.Should().HaveCount(report.Checks.Count);
        var row = rows.Single(r => r[1] == "2026-03-03" && r[2] == "suspense-ctltots");
        row[^1].Should().Be("fail");
        decimal.Parse(row[^2], CultureInfo.InvariantCulture).Should().Be(-0.07m);
        decimal.Parse(row[8], CultureInfo.InvariantCulture).Should().Be(suspense.ExpectedCents / 100m);
        rows.Count(r => r[^1] == "fail").Should().Be(report.Checks.Count(c => !c.Passed));
    }
}

public sealed class SqliteReconciliationTests : ReconciliationTests
{
    protected override DatabaseOptions NewDatabase(TempDir dir) => TestDatabases.Sqlite(dir);

    [Fact]
    public Task SampleChain_EveryCheckPasses_FiguresEqualTheLegacyControlTotals() => SampleChain_EveryCheckPasses_FiguresEqualTheLegacyControlTotalsAsync();

    [Fact]
    public Task BrokenTie_ReportedAsFail_Exit1() => BrokenTie_ReportedAsFail_Exit1Async();

    [Fact]
    public async Task NoPostedDay_FailsTheDaysPostedCheck()
    {
        using var dir = new TempDir("db-reconcile-empty");
        var options = NewDatabase(dir);
        await Database.MigrateAsync(options);
        var report = await new ReconciliationService(options).ReconcileAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3));
        report.AllPassed.Should().BeFalse();
        report.Checks.Should().ContainSingle().Which.Name.Should().Be("days-posted");
        report.OpenReceivables.AsOf.Should().BeNull();
    }

    [Theory]
    [InlineData(20260303, "not-due")]
    [InlineData(20260302, "1-30")]
    [InlineData(20260201, "1-30")]
    [InlineData(20260131, "31-60")]
    [InlineData(20260102, "31-60")]
    [InlineData(20260101, "61-90")]
    [InlineData(20251203, "61-90")]
    [InlineData(20251202, "over-90")]
    [InlineData(0, "no-date")]
    [InlineData(20260231, "no-date")]
    public void AgeOf_DaysPastDue_Bucket(int due, string bucket) =>
        ReconciliationService.AgeOf(due, new DateOnly(2026, 3, 3)).Should().Be(bucket);

    [Theory]
    [InlineData("payments")]
    [InlineData("ledger")]
    [InlineData("open-items")]
    public async Task ExportCsv_NewKinds_HeaderInvariantDollarsOneRowPerRecord(string what)
    {
        using var dir = new TempDir("db-csv2");
        var options = await RunChainAsync(dir);
        await using var db = options.CreateContext();
        var run = await db.PostedDays.Where(p => p.BusinessDate == new DateOnly(2026, 3, 3)).Select(p => p.RunId).SingleAsync();
        var path = Path.Combine(dir.Path, what + ".csv");
        long rows;
        using (HostileCulture.Enter())
            rows = await CsvExport.WriteAsync(options, run, what, path);
        var lines = File.ReadAllLines(path);
        var (expected, cents, column) = what switch
        {
            "payments" => (await db.Payments.CountAsync(p => p.RunId == run), await db.Payments.Where(p => p.RunId == run).SumAsync(p => p.AmountCents), "amount"),
            "ledger" => (await db.LedgerPostings.CountAsync(p => p.RunId == run), await db.LedgerPostings.Where(p => p.RunId == run).SumAsync(p => p.AmountCents), "amount"),
            _ => (await db.OpenItems.CountAsync(p => p.RunId == run), await db.OpenItems.Where(p => p.RunId == run).SumAsync(p => p.BalanceCents), "balance"),
        };
        expected.Should().BeGreaterThan(0);
        rows.Should().Be(expected);
        lines.Should().HaveCount(expected + 1);
        var header = CsvText.SplitRecord(lines[0]);
        var i = Array.IndexOf(header, column);
        i.Should().BeGreaterThanOrEqualTo(0);
        lines.Skip(1).Sum(l => decimal.Parse(CsvText.SplitRecord(l)[i], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))
            .Should().Be(cents / 100m);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReconciliationTests(PostgresServer server) : ReconciliationTests
{
    protected override DatabaseOptions NewDatabase(TempDir dir) => TestDatabases.Postgres(server);

    [Fact]
    public Task SampleChain_EveryCheckPasses_FiguresEqualTheLegacyControlTotals() => SampleChain_EveryCheckPasses_FiguresEqualTheLegacyControlTotalsAsync();

    [Fact]
    public Task BrokenTie_ReportedAsFail_Exit1() => BrokenTie_ReportedAsFail_Exit1Async();
}
