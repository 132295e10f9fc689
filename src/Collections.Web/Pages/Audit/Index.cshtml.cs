using Collections.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Collections.Web.Pages.Audit;

/// <summary>/audit: the money-changing actions taken on the site, newest first.</summary>
public sealed class IndexModel(AuditTrail audit) : TablePageModel
{
    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Tables.Add(await audit.TableAsync(ForExport, ct).ConfigureAwait(false));
        return null;
    }
}
