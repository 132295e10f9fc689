using System.Globalization;
using Collections.Persistence.Entities;
using Collections.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Collections.Web.Pages.Runs;

/// <summary>/runs/{id}: a run's steps, chunks, rejects, control totals and sysout.</summary>
public sealed class DetailModel(RunReader runs) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public BatchRun? Run { get; private set; }
    public bool Posted { get; private set; }

    protected override string? ExportQualifier => "run" + Id.ToString(CultureInfo.InvariantCulture);

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Run = await runs.RunAsync(Id, ct).ConfigureAwait(false);
        if (Run is null) return NotFound();
        Posted = await runs.IsPostedAsync(Id, ct).ConfigureAwait(false);
        Tables.Add(await runs.StepsAsync(Id, ct).ConfigureAwait(false));
        Tables.Add(await runs.ControlTotalsAsync(Id, ct).ConfigureAwait(false));
        Tables.Add(await runs.RejectsAsync(Id, ForExport, ct).ConfigureAwait(false));
        Tables.Add(await runs.ChunksAsync(Id, ForExport, ct).ConfigureAwait(false));
        Tables.Add(await runs.MessagesAsync(Id, ct).ConfigureAwait(false));
        if (Run.Status is RunStatus.Submitted or RunStatus.Running) ViewData["Refresh"] = 5;
        return null;
    }
}
