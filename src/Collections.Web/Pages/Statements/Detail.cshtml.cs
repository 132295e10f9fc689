using Collections.Web.Data;
using Collections.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Collections.Web.Pages.Statements;

/// <summary>
/// /statements/{statement number}: the statement (per business day it was issued), its entries, open item, payments
/// and ledger postings. An importer account sees only its own statements: others answer 404.
/// </summary>
public sealed class DetailModel(RecordsReader records) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    protected override string? ExportQualifier => Number;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var filings = await records.StatementsAsync(Number, User.ImporterScope(), ct).ConfigureAwait(false);
        if (filings.Count == 0) return NotFound();
        var dates = await records.DatesAsync(filings.Select(f => f.RunId), ct).ConfigureAwait(false);
        foreach (var s in filings)
        {
            Tables.Add(RecordsReader.StatementHeader(s, dates[s.RunId]));
            Tables.Add(await records.StatementEntriesAsync(s, ct).ConfigureAwait(false));
        }
        Tables.Add(await records.OpenItemsOfAsync(Number, ct).ConfigureAwait(false));
        Tables.Add(await records.PaymentsToAsync(Number, ct).ConfigureAwait(false));
        Tables.Add(await records.LedgerOfAsync(Number, ct).ConfigureAwait(false));
        return null;
    }
}
