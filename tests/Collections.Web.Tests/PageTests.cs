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
    public async Task RunADay_FromTheSite_PostsIt_AndIsAudited()
    {
        var day = new DateOnly(2026, 3, 4);
        var input = Path.Combine(site.Inbox, "2026-03-04");
        Directory.CreateDirectory(input);
        foreach (var f in Directory.GetFiles(Path.Combine(Collections.Testing.RepoPaths.LegacyFixtures, "gen-chain-3-20260304", "input")))
            File.Copy(f, Path.Combine(input, Path.GetFileName(f)), overwrite: true);
        using var client = await site.SignedInAsync("ops");
        var missingReason = await SiteFixture.PostFormAsync(client, "/runs?handler=run", new() { ["date"] = "2026-03-04", ["reason"] = " " }, formPage: "/runs");
        missingReason.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var r = await SiteFixture.PostFormAsync(client, "/runs?handler=run", new() { ["date"] = "2026-03-04", ["reason"] = "daily cycle test" }, formPage: "/runs");
        r.StatusCode.Should().Be(HttpStatusCode.OK);
        (await r.Content.ReadAsStringAsync()).Should().Contain("submitted");
        await using var db = site.Database.CreateContext();
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "run-day" && e.Subject == "2026-03-04");
        audit.UserName.Should().Be("ops");
        audit.Reason.Should().Be("daily cycle test");
        BatchRun? run = null;
        for (var i = 0; i < 600 && run?.Status is not (RunStatus.Done or RunStatus.Failed); i++)
        {
            await Task.Delay(100);
            run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(x => x.BusinessDate == day);
        }
        run!.Status.Should().Be(RunStatus.Done, run.Message);
        (await db.PostedDays.AnyAsync(p => p.BusinessDate == day)).Should().BeTrue();
        // the same day again: nothing to do, nothing audited
        var again = await SiteFixture.PostFormAsync(client, "/runs?handler=run", new() { ["date"] = "2026-03-04", ["reason"] = "again" }, formPage: "/runs");
        (await again.Content.ReadAsStringAsync()).Should().Contain("already ended");
        (await db.AuditEvents.CountAsync(e => e.Reason == "again")).Should().Be(0);
    }
}
