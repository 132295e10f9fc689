using Collections.Domain.OpenItems;

namespace Collections.Domain.Reporting;

/// <summary>
/// Section 5, the open item master by status (CLV500 5000-OPEN-ITEM-SECTION): each item of the new master counts
/// with its balance under its status — O open, P partially paid, B billed, C closed today, R refund due to payer —
/// and in the total. An item with any other status (a damaged master) counts in the total only. Counters PIC
/// S9(07) COMP-3, balances S9(15)V99, high-order digits lost on overflow.
/// </summary>
public sealed class OpenItemsByStatus
{
    private static readonly (char Code, string Description)[] Statuses =
        [('O', "OPEN"), ('P', "PARTIALLY PAID"), ('B', "BILLED"), ('C', "CLOSED TODAY"), ('R', "REFUND DUE TO PAYER")];

    private readonly ActivityTotal[] _lines = [.. Statuses.Select(s => new ActivityTotal(s.Description, 0, 0))];

    /// <summary>The status codes in report order.</summary>
    public static IReadOnlyList<char> StatusCodes { get; } = [.. Statuses.Select(s => s.Code)];

    /// <summary>The line of a status, or -1 for a status the report does not know.</summary>
    public static int StatusIndex(char status) => Array.FindIndex(Statuses, s => s.Code == status);

    /// <summary>Adds one item.</summary>
    public void Add(char status, long balanceCents)
    {
        var i = StatusIndex(status);
        if (i >= 0) _lines[i] = _lines[i].Plus(balanceCents);
        else Unknown = Unknown.Plus(balanceCents);
        Total = Total.Plus(balanceCents);
    }

    /// <summary>Adds one item of the master: its status and its balance as GnuCOBOL adds it (the lenient value of damaged bytes).</summary>
    public void Add(OpenItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Add(item.Status, item.Balance.Unscaled);
    }

    /// <summary>The five statuses in report order.</summary>
    public IReadOnlyList<ActivityTotal> ByStatus => _lines;

    /// <summary>The total line: every item, whatever its status.</summary>
    public ActivityTotal Total { get; private set; } = new("TOTAL OPEN ITEM MASTER", 0, 0);

    /// <summary>Items with a status the report does not know (not printed by the legacy: they are only in <see cref="Total"/>).</summary>
    public ActivityTotal Unknown { get; private set; } = new("UNKNOWN STATUS", 0, 0);
}
