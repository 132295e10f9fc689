using Collections.Web.Data;
using Collections.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Collections.Web.Pages.Entries;

/// <summary>
/// /entries/{entry number}: the entry as filed and what the cycle computed, for each business day it came in. An
/// importer account sees only its own entries: any other entry number answers 404.
/// </summary>
public sealed class DetailModel(EntryReader entries, RecordsReader records) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string EntryNo { get; set; } = "";

    public IReadOnlyList<EntryFiling> Filings { get; private set; } = [];

    protected override string? ExportQualifier => EntryNo;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Filings = await entries.FilingsAsync(EntryNo, User.ImporterScope(), ct).ConfigureAwait(false);
        if (Filings.Count == 0) return NotFound();
        foreach (var f in Filings)
        {
            Tables.Add(EntryReader.Header(f));
            Tables.Add(await entries.LinesAsync(f, ct).ConfigureAwait(false));
            Tables.Add(EntryReader.Totals(f));
            Tables.Add(await entries.FeesAsync(f, ct).ConfigureAwait(false));
            Tables.Add(await entries.MpfAsync(f, ct).ConfigureAwait(false));
            Tables.Add(await entries.RejectsAsync(f, ct).ConfigureAwait(false));
        }
        // entry -> statement -> payments -> ledger postings
        Tables.Add(await records.StatementsOfEntryAsync(Filings[0].Header.EntryNo, ct).ConfigureAwait(false));
        Tables.Add(await records.PaymentsToAsync(Filings[0].Header.EntryNo, ct).ConfigureAwait(false));
        Tables.Add(await records.LedgerOfAsync(Filings[0].Header.EntryNo, ct).ConfigureAwait(false));
        return null;
    }
}
