using Collections.Web.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Collections.Web.Pages;

/// <summary>
/// A page made of tables: <see cref="LoadAsync"/> fills <see cref="Tables"/> for the page, or (export) whole for a
/// download; every table shown can be downloaded as CSV or XLSX from the same rows
/// (<c>?handler=export&amp;table=NAME&amp;format=csv|xlsx</c>, same authorization as the page).
/// </summary>
public abstract class TablePageModel : PageModel
{
    public List<ReportTable> Tables { get; } = [];

    /// <summary>True while loading for a download: long tables are read whole.</summary>
    protected bool ForExport { get; private set; }

    /// <summary>Fills <see cref="Tables"/>; returns a result (NotFound, ...) instead of the page when there is nothing to show.</summary>
    protected abstract Task<IActionResult?> LoadAsync(CancellationToken ct);

    /// <summary>What the download's file name says besides the table (a date, an entry number).</summary>
    protected virtual string? ExportQualifier => null;

    public virtual async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct).ConfigureAwait(false) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        if (!TableExport.IsFormat(format)) return BadRequest("format must be csv or xlsx");
        ForExport = true;
        var result = await LoadAsync(ct).ConfigureAwait(false);
        if (result is not null) return result;
        var t = Tables.FirstOrDefault(x => string.Equals(x.Name, table, StringComparison.Ordinal));
        if (t is null) return NotFound();
        return format == "csv"
            ? File(TableExport.Csv(t), TableExport.CsvType, TableExport.FileName(t, ExportQualifier, "csv"))
            : File(TableExport.Xlsx(t), TableExport.XlsxType, TableExport.FileName(t, ExportQualifier, "xlsx"));
    }

    /// <summary>The link that downloads <paramref name="table"/> in <paramref name="format"/> with this page's query.</summary>
    public string ExportLink(ReportTable table, string format)
    {
        ArgumentNullException.ThrowIfNull(table);
        var query = Request.Query.Where(q => q.Key is not ("handler" or "table" or "format"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("handler", "export")).Append(new("table", table.Name)).Append(new("format", format));
        return QueryHelpers.AddQueryString(Request.PathBase + Request.Path, query);
    }
}
