namespace Collections.Persistence.Entities;

/// <summary>
/// The outcome of an entry header's edits (CLV100): accepted (A) with what is carried to its lines (rates found,
/// normalised flags), or rejected (R) with the reason. Rates in millionths.
/// </summary>
public sealed class EntryResult
{
    public long RunId { get; set; }
    public long RecordNo { get; set; }
    public string EntryNo { get; set; } = "";
    public string Status { get; set; } = "";
    public string? ReasonCode { get; set; }
    public string EntryType { get; set; } = "";
    public string ImporterNo { get; set; } = "";
    public string PortCode { get; set; } = "";
    public int EntryDate { get; set; }
    public int ExportDate { get; set; }
    public string TransportMode { get; set; } = "";
    public string PaymentType { get; set; } = "";
    public int StatementDate { get; set; }
    public string ManualFlag { get; set; } = "";
    public string CurrencyCode { get; set; } = "";
    public int LineCount { get; set; }
    public long ExchangeRateE6 { get; set; }
    public string RateSource { get; set; } = "";
    public long MpfRateE6 { get; set; }
    public long CottonRateE6 { get; set; }
}

/// <summary>
/// What CLV100 computed for a line of an accepted entry (LINECALC's calculated part): status A assessed, W assessed
/// with warning, R rejected; amounts in cents by revenue class (duty, three Chapter 99 slots with their class, AD/CVD,
/// cotton fee 056), raw MPF in 0.00001 dollars, rates in millionths.
/// </summary>
public sealed class LineResult
{
    public long RunId { get; set; }
    public long RecordNo { get; set; }
    public long HeaderRecordNo { get; set; }
    public string EntryNo { get; set; } = "";
    /// <summary>The line number as filed (3 characters, not always digits: the line-number edit rejects those).</summary>
    public string LineNo { get; set; } = "";
    public string Status { get; set; } = "";
    public string? ReasonCode { get; set; }
    /// <summary>HTS number and SPI as filed (LINECALC carries them; CLV200 decides MPF liability on them).</summary>
    public string HtsNo { get; set; } = "";
    public string SpiCode { get; set; } = "";
    public string RateType { get; set; } = "";
    public long AdValoremRateE6 { get; set; }
    public long SpecificRateE6 { get; set; }
    public string SpiFree { get; set; } = "";
    public long UsdValueCents { get; set; }
    public long DutyCents { get; set; }
    public string Ch99Class1 { get; set; } = "";
    public long Ch99RateE6_1 { get; set; }
    public string Ch99Applied1 { get; set; } = "";
    public long Ch99Cents1 { get; set; }
    public string Ch99Class2 { get; set; } = "";
    public long Ch99RateE6_2 { get; set; }
    public string Ch99Applied2 { get; set; } = "";
    public long Ch99Cents2 { get; set; }
    public string Ch99Class3 { get; set; } = "";
    public long Ch99RateE6_3 { get; set; }
    public string Ch99Applied3 { get; set; } = "";
    public long Ch99Cents3 { get; set; }
    public string AdcvdType { get; set; } = "";
    public long AdcvdCents { get; set; }
    public long RawMpfE5 { get; set; }
    public long CottonFeeCents { get; set; }
}

/// <summary>
/// An entry's totals and fees (CLV200, the ENTCALC E record): amounts in cents by revenue class, MPF (499) after the
/// fiscal year's minimum/maximum, informal fee (311), manual surcharge (500), HMF (501), cotton (056).
/// <see cref="Written"/> false: no assessed line, nothing written for the entry.
/// </summary>
public sealed class EntryTotal
{
    public long RunId { get; set; }
    /// <summary>Output order (the entry's position among the entries of the day's line results).</summary>
    public long Seq { get; set; }
    /// <summary>The entry's header record (its <see cref="EntryResult"/>).</summary>
    public long HeaderRecordNo { get; set; }
    public string EntryNo { get; set; } = "";
    public bool Written { get; set; }
    public int LinesAccepted { get; set; }
    public int LinesRejected { get; set; }
    public long EnteredValueCents { get; set; }
    public long MpfLiableValueCents { get; set; }
    public long DutyCents { get; set; }
    public long Section301Cents { get; set; }
    public long Section232Cents { get; set; }
    public long IeepaCents { get; set; }
    public long Section122Cents { get; set; }
    public long OtherChapter99Cents { get; set; }
    public long AntidumpingCents { get; set; }
    public long CountervailingCents { get; set; }
    public long MpfRawE5 { get; set; }
    public string MpfLimit { get; set; } = "";
    public long MpfCents { get; set; }
    public long InformalFeeCents { get; set; }
    public long ManualSurchargeCents { get; set; }
    public long HmfCents { get; set; }
    public bool HmfWaived { get; set; }
    public long CottonCents { get; set; }
    public long FeeTotalCents { get; set; }
    public long TotalAssessedCents { get; set; }
}

/// <summary>One fee of an entry's fee table (class 499/311, 500, 501, 056), in the legacy's order.</summary>
public sealed class EntryFeeRow
{
    public long RunId { get; set; }
    public long EntrySeq { get; set; }
    public int FeeNo { get; set; }
    public string FeeClass { get; set; } = "";
    public long AmountCents { get; set; }
}

/// <summary>The entry MPF allocated to one MPF-liable line (ENTCALC M record).</summary>
public sealed class MpfAllocationRow
{
    public long RunId { get; set; }
    public long EntrySeq { get; set; }
    public int AllocationNo { get; set; }
    public string EntryNo { get; set; } = "";
    public int LineNo { get; set; }
    public long UsdValueCents { get; set; }
    public long RawMpfE5 { get; set; }
    public long AllocatedCents { get; set; }
}
