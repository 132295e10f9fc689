using Collections.Web.Data;
using Collections.Web.Exports;
using Microsoft.AspNetCore.Mvc;

namespace Collections.Web.Pages.Parity;

/// <summary>/parity: the parity harness's reports (fixture sets, chains, database runs), each opening its HTML.</summary>
public sealed class IndexModel(ParityReports reports) : TablePageModel
{
    public string Root => reports.Root;

    protected override Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var t = new ReportTable("parity-reports", "Parity reports",
            new Column("report"), new Column("verdict"), new Column("exit code", ColumnKind.Integer), new Column("written (UTC)", ColumnKind.DateTime))
        {
            Note = "Exit code 0: every difference is covered by the known-difference register; 1: some difference is not.",
        };
        foreach (var r in reports.List())
            t.Add(new Cell(r.Name, "/parity/report?name=" + Uri.EscapeDataString(r.Name)), r.Verdict,
                r.ExitCode is { } e ? new Cell((long)e) : new Cell(null), DateTime.SpecifyKind(r.WrittenUtc, DateTimeKind.Utc));
        Tables.Add(t);
        return Task.FromResult<IActionResult?>(null);
    }
}
