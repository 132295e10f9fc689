using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Tests;

/// <summary>What the pages show equals what the cycle stored; exports hold the same rows.</summary>
[Collection(SiteCollection.Name)]
public sealed class PageTests(SiteFixture site)
{
    [Fact]
    public async Task Runs_ShowEachPostedDay()
    {
        using var client = await site.SignedInAsync("ops");
        var html = await client.GetStringAsync("/runs");
        html.Should().Contain("2026-03-02").And.Contain("2026-03-03").And.Contain("posted");
    }

    [Fact]
    public async Task RunsCsv_EqualsTheLedger()
    {
        using var client = await site.SignedInAsync("ops");
        var r = await client.GetAsync("/runs?handler=export&table=runs&format=csv");
        r.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        r.Content.Headers.ContentDisposition!.FileName.Should().Contain("runs.csv");
        var lines = (await r.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("business date,run,status,posted,return code,rejects");
        await using var db = site.Database.CreateContext();
        var runs = await db.Runs.AsNoTracking().OrderByDescending(x => x.Id).ToListAsync();
        lines.Length.Should().Be(runs.Count + 1);
        for (var i = 0; i < runs.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            cells[0].Should().Be(runs[i].BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cells[1].Should().Be(runs[i].Id.ToString(CultureInfo.InvariantCulture));
            cells[2].Should().Be(runs[i].Status);
            cells[4].Should().Be(runs[i].ReturnCode.ToString(CultureInfo.InvariantCulture));
            cells[5].Should().Be((await db.RejectedRecords.CountAsync(x => x.RunId == runs[i].Id)).ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task RunDetail_ControlTotals_CsvAndXlsxEqualTheTable()
    {
        using var client = await site.SignedInAsync("ops");
        await using var db = site.Database.CreateContext();
        var totals = await db.ControlTotals.AsNoTracking().Where(c => c.RunId == 1).OrderBy(c => c.Program).ThenBy(c => c.SeqNo).ToListAsync();
        totals.Should().NotBeEmpty();
        var csv = (await client.GetStringAsync("/runs/1?handler=export&table=control-totals&format=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        csv.Length.Should().Be(totals.Count + 1);
        var xlsx = await client.GetByteArrayAsync("/runs/1?handler=export&table=control-totals&format=xlsx");
        using var book = new XLWorkbook(new MemoryStream(xlsx));
        var sheet = book.Worksheet(1);
        sheet.Cell(1, 5).GetString().Should().Be("amount");
        for (var i = 0; i < totals.Count; i++)
        {
            var dollars = (totals[i].AmountCents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            csv[i + 1].Should().EndWith("," + dollars);
            sheet.Cell(i + 2, 5).GetValue<decimal>().Should().Be(totals[i].AmountCents / 100m);
            sheet.Cell(i + 2, 4).GetValue<long>().Should().Be(totals[i].Count);
        }
    }

    [Fact]
    public async Task Entry_ShowsLinesAndTotals_AsStored()
    {
        using var client = await site.SignedInAsync("ana");
        await using var db = site.Database.CreateContext();
        var header = await db.Entries.AsNoTracking().Where(e => e.EntryNo == site.EntryOfA).OrderBy(e => e.RunId).FirstAsync();
        var lines = await db.EntryLines.AsNoTracking().CountAsync(l => l.RunId == header.RunId && l.HeaderRecordNo == header.RecordNo);
        var total = await db.EntryTotals.AsNoTracking().FirstOrDefaultAsync(t => t.RunId == header.RunId && t.HeaderRecordNo == header.RecordNo);
        var csv = (await client.GetStringAsync($"/entries/{site.EntryOfA}?handler=export&table=lines-run{header.RunId}&format=csv"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        csv.Length.Should().Be(lines + 1);
        var totals = await client.GetStringAsync($"/entries/{site.EntryOfA}?handler=export&table=totals-run{header.RunId}&format=csv");
        if (total is not null)
            totals.Should().Contain("total assessed," + (total.TotalAssessedCents / 100m).ToString("0.00", CultureInfo.InvariantCulture));
        var html = await client.GetStringAsync("/entries/" + site.EntryOfA);
        html.Should().Contain(site.EntryOfA).And.Contain("/runs/" + header.RunId);
    }

    [Fact]
    public async Task Export_UnknownTableOrFormat_Rejected()
    {
        using var client = await site.SignedInAsync("ops");
        (await client.GetAsync("/runs?handler=export&table=nope&format=csv")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/runs?handler=export&table=runs&format=pdf")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Parity_ListsTheReports()
    {
        using var client = await site.SignedInAsync("mig");
        var html = await client.GetStringAsync("/parity");
        html.Should().Contain("fixtures/sample-2026-03-02").And.Contain("PASS: no differences");
    }

    [Fact]
    public async Task Suspense_ReapplyQueuesAPayrec_TheNextDayRunFromTheSiteTakesIt()
    {
        await using var db = site.Database.CreateContext();
        var items = await db.SuspenseItems.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.SeqNo).ToListAsync();
        items.Should().HaveCountGreaterThanOrEqualTo(2, "the sample day 2026-03-03 puts two payments in suspense");
        var first = items.First(x => x.ReasonCode == "S001");
        var second = items.First(x => x != first);
        using var ana = await site.SignedInAsync("ana");
        var noReason = await SiteFixture.PostFormAsync(ana, "/suspense?handler=reapply",
            new() { ["run"] = first.RunId.ToString(CultureInfo.InvariantCulture), ["seq"] = first.SeqNo.ToString(CultureInfo.InvariantCulture), ["statement"] = site.StatementOfA, ["reason"] = "" }, formPage: "/suspense");
        noReason.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var r = await SiteFixture.PostFormAsync(ana, "/suspense?handler=reapply",
            new() { ["run"] = first.RunId.ToString(CultureInfo.InvariantCulture), ["seq"] = first.SeqNo.ToString(CultureInfo.InvariantCulture), ["statement"] = site.StatementOfA, ["reason"] = "payer quoted the entry, not the statement" }, formPage: "/suspense");
        r.StatusCode.Should().Be(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var again = await SiteFixture.PostFormAsync(ana, "/suspense?handler=refund",
            new() { ["run"] = first.RunId.ToString(CultureInfo.InvariantCulture), ["seq"] = first.SeqNo.ToString(CultureInfo.InvariantCulture), ["reason"] = "twice" }, formPage: "/suspense");
        again.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "an item is acted on once");
        var refund = await SiteFixture.PostFormAsync(ana, "/suspense?handler=refund",
            new() { ["run"] = second.RunId.ToString(CultureInfo.InvariantCulture), ["seq"] = second.SeqNo.ToString(CultureInfo.InvariantCulture), ["reason"] = "payer asked for the money back" }, formPage: "/suspense");
        refund.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refund.Content.ReadAsStringAsync()).Should().Contain("marked for refund: the refund is handled outside the cycle").And.Contain("id=\"refund-outside-cycle\"");

        var action = await db.PaymentActions.AsNoTracking().SingleAsync(a => a.SourceRunId == first.RunId && a.SourceSeqNo == first.SeqNo);
        action.Action.Should().Be("reapply");
        var payrec = Collections.Legacy.Records.PaymentRecord.Decode(action.Record!);
        payrec.Reference.Trim().Should().Be(site.StatementOfA);
        payrec.RefType.Should().Be('S');
        payrec.PaymentId.Should().Be(first.PaymentId);
        payrec.Amount.Unscaled.Should().Be(first.AmountCents);
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == action.AuditEventId);
        (audit.UserName, audit.Action, audit.Reason, audit.AmountCents).Should().Be(("ana", "suspense-reapply", "payer quoted the entry, not the statement", first.AmountCents));
        // a refund: audited, no PAYREC (the legacy has no refund-from-suspense transaction: docs/deviations.md CLV400-09)
        var refundAction = await db.PaymentActions.AsNoTracking().SingleAsync(a => a.SourceSeqNo == second.SeqNo && a.SourceRunId == second.RunId);
        (refundAction.Action, refundAction.Record, refundAction.Reference).Should().Be(("refund", (byte[]?)null, ""));
        var refundAudit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == refundAction.AuditEventId);
        (refundAudit.UserName, refundAudit.Action, refundAudit.Reason, refundAudit.Detail, refundAudit.AmountCents)
            .Should().Be(("ana", "suspense-refund", "payer asked for the money back", Collections.Web.Pages.Suspense.IndexModel.RefundOutcome, second.AmountCents));

        // operations run the next business day from the site: the queued record joins its PAYMENTS
        var day = new DateOnly(2026, 3, 4);
        var input = Path.Combine(site.Inbox, "2026-03-04");
        Directory.CreateDirectory(input);
        foreach (var f in Directory.GetFiles(Path.Combine(Collections.Testing.RepoPaths.LegacyFixtures, "gen-chain-3-20260304", "input")))
            File.Copy(f, Path.Combine(input, Path.GetFileName(f)), overwrite: true);
        // the generated day ends PAYMENTS with a short record (31 bytes): queued payments are not appended after it
        var paymentsPath = Path.Combine(input, "PAYMENTS");
        var shortTail = await File.ReadAllBytesAsync(paymentsPath);
        using (var ops0 = await site.SignedInAsync("ops"))
        {
            (await SiteFixture.PostFormAsync(ops0, "/runs?handler=run", new() { ["date"] = "2099-01-01", ["reason"] = "probe" }, formPage: "/runs")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "no inbox for that day");
        }
        await File.WriteAllBytesAsync(paymentsPath, shortTail[..(shortTail.Length / 50 * 50)]);
        var originalPayments = new FileInfo(paymentsPath).Length;
        using var client = await site.SignedInAsync("ops");
        var missingReason = await SiteFixture.PostFormAsync(client, "/runs?handler=run", new() { ["date"] = "2026-03-04", ["reason"] = " " }, formPage: "/runs");
        missingReason.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var run1 = await SiteFixture.PostFormAsync(client, "/runs?handler=run", new() { ["date"] = "2026-03-04", ["reason"] = "daily cycle test" }, formPage: "/runs");
        run1.StatusCode.Should().Be(HttpStatusCode.OK);
        (await run1.Content.ReadAsStringAsync()).Should().Contain("submitted").And.Contain("1 payment(s) re-applied from suspense");
        new FileInfo(Path.Combine(input, "PAYMENTS")).Length.Should().Be(originalPayments + 50);
        var runAudit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "run-day" && e.Subject == "2026-03-04");
        (runAudit.UserName, runAudit.Reason).Should().Be(("ops", "daily cycle test"));
        BatchRun? run = null;
        for (var i = 0; i < 900 && run?.Status is not (RunStatus.Done or RunStatus.Failed); i++)
        {
            await Task.Delay(100);
            run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(x => x.BusinessDate == day);
        }
        run!.Status.Should().Be(RunStatus.Done, run.Message);
        (await db.PostedDays.AnyAsync(p => p.BusinessDate == day)).Should().BeTrue();
        (await db.PaymentActions.AsNoTracking().SingleAsync(a => a.Id == action.Id)).ConsumedRunId.Should().Be(run.Id);
        var taken = await db.Payments.AsNoTracking().Where(p => p.RunId == run.Id && p.PaymentId == first.PaymentId).ToListAsync();
        taken.Should().ContainSingle().Which.Reference.Trim().Should().Be(site.StatementOfA);
        // the payment marked for refund did not enter the cycle: not consumed, not among the day's payments (PAYMENTS grew by
        // the one re-applied record only, above)
        (await db.PaymentActions.AsNoTracking().SingleAsync(a => a.Id == refundAction.Id)).ConsumedRunId.Should().BeNull();
        (await db.Payments.AsNoTracking().CountAsync(p => p.RunId == run.Id && p.PaymentId == second.PaymentId)).Should().Be(0);
        // the same day again: nothing to do, nothing audited, nothing appended
        var again2 = await SiteFixture.PostFormAsync(client, "/runs?handler=run", new() { ["date"] = "2026-03-04", ["reason"] = "again" }, formPage: "/runs");
        (await again2.Content.ReadAsStringAsync()).Should().Contain("already ended");
        (await db.AuditEvents.CountAsync(e => e.Reason == "again")).Should().Be(0);
        new FileInfo(Path.Combine(input, "PAYMENTS")).Length.Should().Be(originalPayments + 50);
    }
}
