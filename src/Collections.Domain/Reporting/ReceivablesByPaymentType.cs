namespace Collections.Domain.Reporting;

/// <summary>The payment types of section 3 (the statement type of a receivable).</summary>
public enum ReceivableKind
{
    /// <summary>Type 1, and any statement type other than 2, 6 and 7 (the legacy's WHEN OTHER).</summary>
    SinglePay,

    /// <summary>Type 2: daily statement.</summary>
    DailyStatement,

    /// <summary>Type 6: periodic monthly statement per importer.</summary>
    PmsImporter,

    /// <summary>Type 7: periodic monthly statement per filer (broker).</summary>
    PmsFiler,
}

/// <summary>One line of section 3: receivables created or added to, the entries they hold and their amount.</summary>
public readonly record struct ReceivableTotal(string Description, long Receivables, long Entries, long AmountCents);

/// <summary>
/// Section 3, receivables created or added to by payment type (CLV500 3000-RECEIVABLES-SECTION): each receivable
/// (a statement header of the run) counts once under its statement type and once in the total, with its entry count
/// and total amount. The total is accumulated on its own, as the legacy does (WS-RV-ENTRY (5)). Counters PIC S9(07)
/// COMP-3, amounts S9(15)V99, high-order digits lost on overflow.
/// </summary>
public sealed class ReceivablesByPaymentType
{
    private static readonly string[] Descriptions =
        ["SINGLE PAY (TYPE 1)", "DAILY STATEMENT (TYPE 2)", "PMS - IMPORTER (TYPE 6)", "PMS - FILER (TYPE 7)"];

    private readonly ReceivableTotal[] _lines = [.. Descriptions.Select(d => new ReceivableTotal(d, 0, 0, 0))];
    private ReceivableTotal _total = new("TOTAL RECEIVABLES", 0, 0, 0);

    /// <summary>The line a statement type is counted on.</summary>
    public static ReceivableKind KindOf(int statementType) => statementType switch
    {
        2 => ReceivableKind.DailyStatement,
        6 => ReceivableKind.PmsImporter,
        7 => ReceivableKind.PmsFiler,
        _ => ReceivableKind.SinglePay,
    };

    /// <summary>Adds one receivable.</summary>
    public void Add(int statementType, long entryCount, long amountCents)
    {
        var i = (int)KindOf(statementType);
        _lines[i] = Added(_lines[i], entryCount, amountCents);
        _total = Added(_total, entryCount, amountCents);
    }

    private static ReceivableTotal Added(ReceivableTotal t, long entries, long cents) => t with
    {
        Receivables = Clv500Fields.Count(t.Receivables),
        Entries = Clv500Fields.AddCount(t.Entries, entries),
        AmountCents = Clv500Fields.AddAmount(t.AmountCents, cents),
    };

    /// <summary>The four payment types in report order (<see cref="ReceivableKind"/> order).</summary>
    public IReadOnlyList<ReceivableTotal> PaymentTypes => _lines;

    /// <summary>The total line.</summary>
    public ReceivableTotal Total => _total;
}
