using Collections.Web.Data;
using Collections.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collections.Web.Pages.Parity;

/// <summary>
/// /parity/report?name=...: the harness's self-contained HTML as written (a name from the listing only, never a
/// path), under a policy that allows its inline style and no script at all, in a sandbox.
/// </summary>
public sealed class ReportModel(ParityReports reports) : PageModel
{
    public IActionResult OnGet(string? name)
    {
        var report = reports.Find(name);
        if (report is null) return NotFound();
        SecurityHeaders.Override(HttpContext, SecurityHeaders.DocumentPolicy);
        return PhysicalFile(report.HtmlPath, "text/html; charset=utf-8");
    }
}
