using Collections.Cobol.Numerics;

namespace Collections.Domain.OpenItems;

/// <summary>
/// A receivable created or added to today (STMTOUT, copybook STMTHDR, written by CLV300): what CLV400 adds to the
/// open item of its reference. Fields hold what the record holds (see <see cref="OpenItem"/>).
/// </summary>
public sealed class Receivable
{
    /// <summary>The revenue classes of the category amounts, in table order (WS-REV-CLASS-DATA).</summary>
    public static readonly IReadOnlyList<string> CategoryClasses =
        ["DTY", "301", "232", "IEP", "122", "O99", "ADD", "CVD", "499", "311", "500", "501", "056"];

    public const int CategoryCount = Receivables.CategoryAmounts.Count;

    public char RefType { get; init; } = ' ';
    public string Reference { get; init; } = OpenItemText.Blank(16);
    public DisplayNumber StatementType { get; init; } = DisplayNumber.FromValue(0, 1);
    public string FilerCode { get; init; } = OpenItemText.Blank(3);
    public string ImporterNumber { get; init; } = OpenItemText.Blank(12);
    public DisplayNumber Period { get; init; } = DisplayNumber.FromValue(0, 6);
    public DisplayNumber StatementDate { get; init; } = DisplayNumber.FromValue(0, 8);
    public DisplayNumber DueDate { get; init; } = DisplayNumber.FromValue(0, 8);
    public DisplayNumber RunDate { get; init; } = DisplayNumber.FromValue(0, 8);
    public DisplayNumber EntryCount { get; init; } = DisplayNumber.FromValue(0, 5);

    /// <summary>The 13 category amounts, in the order of <see cref="CategoryClasses"/>.</summary>
    public required IReadOnlyList<PackedNumber> CategoryAmounts { get; init; }

    public PackedNumber TotalAmount { get; init; } = PackedNumber.Zero(OpenItemPictures.Amount);

    public string RefKey => RefType + Reference;
}

/// <summary>
/// A payment as received (PAYMENTS, copybook PAYREC), before the edit (2200). Fields hold what the record area holds;
/// for the short last record of a file whose length is not a multiple of the record length
/// (<see cref="IsShortRecord"/>), that is the short record's bytes over what the previous record left.
/// </summary>
public sealed class PaymentInput
{
    public string PaymentId { get; init; } = OpenItemText.Blank(12);

    /// <summary>D ACH debit, C ACH credit, K check.</summary>
    public char Method { get; init; } = ' ';

    /// <summary>S statement, E entry.</summary>
    public char RefType { get; init; } = ' ';

    public string Reference { get; init; } = OpenItemText.Blank(16);
    public PackedNumber Amount { get; init; } = PackedNumber.Zero(OpenItemPictures.Amount);

    /// <summary>PIC 9(08) CCYYMMDD, possibly not digits.</summary>
    public DisplayNumber DateReceived { get; init; } = DisplayNumber.FromValue(0, 8);

    /// <summary>The read ended with file status 04 (record shorter than 50 bytes).</summary>
    public bool IsShortRecord { get; init; }
}

/// <summary>An edited payment, as the sort hands it to the update (PAY-SORT-RECORD).</summary>
public sealed record Payment(char RefType, string Reference, DisplayNumber DateReceived, string PaymentId, char Method, PackedNumber Amount)
{
    public string RefKey => RefType + Reference;
}

/// <summary>One posting of the collections ledger (LEDGER, copybook LEDGER).</summary>
/// <param name="PostDate">the run date</param>
/// <param name="Sequence">posting sequence number (PIC 9(07): wraps to 0 after 9,999,999)</param>
/// <param name="ItemType">A receivable, R refund, space for a suspense posting</param>
/// <param name="TranCode">AS assessment, PY payment, LI late interest, BI bill interest, RF refund, SU suspense</param>
/// <param name="RevenueClass">the category's class for AS; INT, PAY, RFD, SUS otherwise</param>
/// <param name="DebitCredit">D or C</param>
/// <param name="PayMethod">the payment method (PY, RF, SU), else space</param>
/// <param name="SourceId">the payment id (PY, LI, RF, SU), else spaces</param>
public sealed record LedgerPosting(
    DisplayNumber PostDate, int Sequence, char RefType, string Reference, char ItemType, string TranCode, string RevenueClass,
    char DebitCredit, PackedNumber Amount, char PayMethod, string SourceId, DisplayNumber EffectiveDate)
{
    public const string Assessment = "AS", PaymentApplied = "PY", LateInterest = "LI", BillInterest = "BI", RefundCode = "RF", SuspenseCode = "SU";
}

/// <summary>
/// A payment placed in suspense (SUSPENSE, copybook SUSPREC). <see cref="Amount"/> is the amount moved to the
/// record (the payment's amount, or zero when it is not numeric or the record was short); the record shows it as
/// signed zoned decimal, keeping the sign of a negative zero.
/// </summary>
public sealed record SuspenseItem(
    DisplayNumber RunDate, string PaymentId, char Method, char RefType, string Reference, PackedNumber Amount,
    string DateReceived, string ReasonCode, string Message);
