using Collections.Domain.EntryFees;

namespace Collections.Legacy.Clv200;

/// <summary>Record layout of ENTCALC (copybook ENTCALC): RECFM=V, E records of 151 + 9 bytes per fee, M records of 36 bytes.</summary>
public static class EntcalcLayout
{
    /// <summary>Length of the E record without its fee table.</summary>
    public const int EntryTotalFixedLength = 151;

    /// <summary>Length of one ECT-FEE-TABLE occurrence: class X(03) + amount S9(09)V99 COMP-3.</summary>
    public const int FeeLength = 9;

    /// <summary>ECT-FEE-TABLE OCCURS 1 TO 8 TIMES.</summary>
    public const int MaxFees = 8;

    public const int MpfAllocationLength = 36;

    public const int MaxRecordLength = EntryTotalFixedLength + (FeeLength * MaxFees);

    public const byte EntryTotalType = (byte)'E';
    public const byte MpfAllocationType = (byte)'M';

    // E record offsets
    internal const int EntryNo = 1, EntryType = 12, ImporterNo = 14, PortCode = 26, EntryDate = 30, TransportMode = 38,
        PaymentType = 40, StmtDate = 41, ManualFlag = 49, LinesAccepted = 50, LinesRejected = 53, EnteredValue = 56,
        LiableValue = 63, Duty = 70, S301 = 77, S232 = 84, Ieepa = 91, S122 = 98, Oth99 = 105, Add = 112, Cvd = 119,
        FeeTotal = 126, TotalAssessed = 133, MpfRaw = 140, LimitInd = 148, FeeCount = 149, Fees = 151;

    // M record offsets
    internal const int MEntryNo = 1, MLineNo = 12, MUsdValue = 15, MRawMpf = 22, MAllocMpf = 30;
}

/// <summary>
/// ENTCALC E record: the totals and fees of one entry. Display numeric header fields are kept as the digits the
/// record holds. Money in cents; <see cref="MpfRawTotalE5"/> in 0.00001 dollars.
/// </summary>
public sealed record EntcalcEntryTotal
{
    public required string EntryNumber { get; init; }
    public required string EntryType { get; init; }
    public required string ImporterNumber { get; init; }
    public required int PortCode { get; init; }
    public required int EntryDate { get; init; }
    public required int TransportMode { get; init; }
    public required int PaymentType { get; init; }
    public required int StatementDate { get; init; }
    public required char ManualFlag { get; init; }
    public required int LinesAccepted { get; init; }
    public required int LinesRejected { get; init; }
    public long EnteredValueCents { get; init; }
    public long MpfLiableValueCents { get; init; }
    public long DutyCents { get; init; }
    public long Section301Cents { get; init; }
    public long Section232Cents { get; init; }
    public long IeepaCents { get; init; }
    public long Section122Cents { get; init; }
    public long OtherChapter99Cents { get; init; }
    public long AntidumpingCents { get; init; }
    public long CountervailingCents { get; init; }
    public long FeeTotalCents { get; init; }
    public long TotalAssessedCents { get; init; }
    public long MpfRawTotalE5 { get; init; }

    /// <summary>ECT-MPF-LIMIT-IND: ' ', 'N' minimum applied, 'X' maximum applied.</summary>
    public char MpfLimitIndicator { get; init; } = ' ';

    /// <summary>ECT-FEE-TABLE (1 to 8 occurrences; ECT-FEE-COUNT is its count).</summary>
    public required IReadOnlyList<EntryFee> Fees { get; init; }

    public int RecordLength => EntcalcLayout.EntryTotalFixedLength + (EntcalcLayout.FeeLength * Fees.Count);
}

/// <summary>ENTCALC M record: the MPF allocated to one MPF-liable line.</summary>
public readonly record struct EntcalcMpfAllocation(string EntryNumber, int LineNumber, long UsdValueCents, long RawMpfE5, long AllocatedMpfCents);
