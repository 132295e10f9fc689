using Collections.Domain.EntryFees;

namespace Collections.Domain.Receivables;

/// <summary>
/// What CLV300 needs of one entry (an ENTCALC E record): identification, dates, payment type and amounts. Text
/// fields hold their full legacy width (one char per byte); display numerics their value; amounts in cents.
/// </summary>
public sealed record ReceivableEntry
{
    /// <summary>ECT-ENTRY-NO X(11); its first three characters are the filer code (ECT-FILER-CODE).</summary>
    public required string EntryNumber { get; init; }

    /// <summary>ECT-IMPORTER-NO X(12), e.g. "22-014590000" (the hyphen at position 3).</summary>
    public required string ImporterNumber { get; init; }

    /// <summary>ECT-ENTRY-DATE 9(08).</summary>
    public required int EntryDate { get; init; }

    /// <summary>ECT-PAYMENT-TYPE 9(01): 1 single pay, 2 daily statement, 6 PMS importer, 7 PMS filer; any other value is treated as single pay.</summary>
    public required int PaymentType { get; init; }

    /// <summary>ECT-STMT-DATE 9(08): the statement date the filer scheduled (type 2), else 0.</summary>
    public required int ScheduledStatementDate { get; init; }

    /// <summary>
    /// The duties and deposits by category: <see cref="ReceivableCategory.Duty"/> .. <see cref="ReceivableCategory.Countervailing"/>
    /// (ECT-DUTY-AMT .. ECT-CVD-AMT); the fee categories must be zero (fees come from <see cref="Fees"/>).
    /// </summary>
    public required CategoryAmounts Duties { get; init; }

    /// <summary>ECT-FEE-TABLE: class and amount of each fee, in record order.</summary>
    public required IReadOnlyList<EntryFee> Fees { get; init; }

    /// <summary>ECT-TOTAL-ASSESSED S9(11)V99, cents.</summary>
    public required long TotalAssessedCents { get; init; }

    /// <summary>ECT-FILER-CODE: the first three characters of the entry number.</summary>
    public string FilerCode => EntryNumber.Length >= 3 ? EntryNumber[..3] : EntryNumber.PadRight(3);
}
