namespace Collections.Domain.Receivables;

/// <summary>SR-REF-TYPE / SH-REF-TYPE: the kind of receivable.</summary>
public enum ReferenceType
{
    /// <summary>'E': a single-pay entry, its own receivable (reference = entry number).</summary>
    Entry = 'E',

    /// <summary>'S': a statement (reference D..., P..., B...).</summary>
    Statement = 'S',
}

/// <summary>The four payment-type buckets of CLV300's control totals (WS-TYPE-COUNT / WS-TYPE-AMOUNT 1..4).</summary>
public enum PaymentTypeBucket
{
    /// <summary>1: payment type 1 and every type CLV300 does not know (EVALUATE ... WHEN OTHER).</summary>
    SinglePay = 1,

    /// <summary>2: payment type 2.</summary>
    DailyStatement = 2,

    /// <summary>3: payment type 6.</summary>
    PmsImporter = 3,

    /// <summary>4: payment type 7.</summary>
    PmsFiler = 4,
}

/// <summary>A warning raised while assigning an entry; the adapter prints it (CLV2201W, CLV8211W) and ends with RC 4.</summary>
public abstract record ReceivableWarning
{
    private protected ReceivableWarning()
    {
    }
}

/// <summary>CLV2201W: a fee class that is not 499, 311, 500, 501 or 056; its amount is not on any category.</summary>
/// <param name="FeeClass">ECT-FEE-CLASS as recorded (three characters)</param>
/// <param name="EntryNumber">ECT-ENTRY-NO</param>
public sealed record UnknownFeeClass(string FeeClass, string EntryNumber) : ReceivableWarning;

/// <summary>CLV8211W: a working-day count looked at a weekday after the holiday table's last year (reported once per run).</summary>
/// <param name="Date">the first such date (CCYYMMDD)</param>
public sealed record DateBeyondHolidayTable(int Date) : ReceivableWarning;

/// <summary>
/// The receivable of one entry (CLV300's sort record, SORT-RECORD): the key (reference type, reference, entry
/// number), the statement data and the entry's amounts by category. Text fields hold their full legacy width.
/// </summary>
public sealed record ReceivableAssignment
{
    /// <summary>Bytes of the receivable key: SR-REF-TYPE X(01) + SR-REFERENCE X(16).</summary>
    public const int ReferenceLength = 16;

    /// <summary>SR-REF-TYPE.</summary>
    public required ReferenceType ReferenceType { get; init; }

    /// <summary>SR-REFERENCE X(16): entry number, or statement number as STRING builds it, padded with spaces.</summary>
    public required string Reference { get; init; }

    /// <summary>SR-ENTRY-NO X(11).</summary>
    public required string EntryNumber { get; init; }

    /// <summary>SR-STMT-TYPE 9(01): 1, 2, 6 or 7.</summary>
    public required int StatementType { get; init; }

    /// <summary>SR-FILER-CODE X(03): spaces for PMS per importer.</summary>
    public required string FilerCode { get; init; }

    /// <summary>SR-IMPORTER-NO X(12): spaces for daily statements and PMS per filer.</summary>
    public required string ImporterNumber { get; init; }

    /// <summary>SR-PERIOD 9(06): CCYYMM for periodic monthly statements, else 0.</summary>
    public required int Period { get; init; }

    /// <summary>SR-ENTRY-DATE 9(08).</summary>
    public required int EntryDate { get; init; }

    /// <summary>SR-SCHED-DATE 9(08): the filer's scheduled statement date (ECT-STMT-DATE).</summary>
    public required int ScheduledStatementDate { get; init; }

    /// <summary>SR-STMT-DATE 9(08).</summary>
    public required int StatementDate { get; init; }

    /// <summary>SR-DUE-DATE 9(08).</summary>
    public required int DueDate { get; init; }

    /// <summary>SR-ADJ-FLAG: the daily statement date was moved back to the limit ('Y'), else 'N'.</summary>
    public required bool StatementDateAdjusted { get; init; }

    /// <summary>SR-CATEGORY-AMT (1..13).</summary>
    public required CategoryAmounts Categories { get; init; }

    /// <summary>SR-ENTRY-TOTAL: ECT-TOTAL-ASSESSED, cents.</summary>
    public required long EntryTotalCents { get; init; }

    /// <summary>The control-total bucket the entry was counted in (WS-TYPE-SUB).</summary>
    public required PaymentTypeBucket Bucket { get; init; }

    /// <summary>The warnings raised while assigning this entry, in the order the legacy displays them.</summary>
    public IReadOnlyList<ReceivableWarning> Warnings { get; init; } = [];

    /// <summary>
    /// The order of CLV300's SORT: reference type, reference, entry number (as bytes; the strings hold one char per
    /// byte, so ordinal comparison is byte comparison). Equal keys keep their arrival order (a stable sort).
    /// </summary>
    public static int CompareSortKeys(ReceivableAssignment x, ReceivableAssignment y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var c = ((int)x.ReferenceType).CompareTo((int)y.ReferenceType);
        if (c == 0) c = string.CompareOrdinal(x.Reference, y.Reference);
        if (c == 0) c = string.CompareOrdinal(x.EntryNumber, y.EntryNumber);
        return c;
    }

    /// <summary>True when both belong to the same receivable (SR-REF-KEY equal).</summary>
    public bool IsSameReceivable(ReceivableAssignment other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceType == other.ReferenceType && string.Equals(Reference, other.Reference, StringComparison.Ordinal);
    }
}
