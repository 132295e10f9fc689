namespace Collections.Persistence.Entities;

/// <summary>
/// What ingest found in the day's input (ENTRYIN record structure, trailer, control card): the counts the legacy's
/// CLV100 keeps while reading the file. Amounts in cents.
/// </summary>
public sealed class IngestSummary
{
    public long RunId { get; set; }
    /// <summary>The control card (first SYSIN card, 80 characters).</summary>
    public string ControlCard { get; set; } = "";
    public int RunDate { get; set; }
    public long RecordsRead { get; set; }
    public long HeadersRead { get; set; }
    public long LinesRead { get; set; }
    /// <summary>H, L and bad-type records before the trailer (the legacy's count against ET-RECORD-COUNT).</summary>
    public long RecordsBeforeTrailer { get; set; }
    public long ValueHashCents { get; set; }
    public long TrailerRecordCount { get; set; }
    public long TrailerEntryCount { get; set; }
    public long TrailerHashCents { get; set; }
    /// <summary>
    /// ET-VALUE-HASH was packed negative zero (digits 0, sign D): CLV100 keeps the sign into CT-AMOUNT, so CTLTOTS
    /// CLV100 05 ends in '}' (-0) rather than '{' (a cent amount cannot say it).
    /// </summary>
    public bool TrailerHashNegativeZero { get; set; }
    /// <summary>Record number of the trailer (0: none).</summary>
    public long TrailerRecordNo { get; set; }
    public long PaymentRecords { get; set; }
    /// <summary>The SYSIN data set of the run as the cycle uses it (the input's, or the generated RUNDATE card).</summary>
    public byte[] Sysin { get; set; } = [];
}

/// <summary>An entry summary header (ENTRYIN H record) as received: text fields as filed, and the record's bytes.</summary>
public sealed class EntryRow
{
    public long RunId { get; set; }
    public long RecordNo { get; set; }
    public string EntryNo { get; set; } = "";
    public string EntryType { get; set; } = "";
    public string ImporterNo { get; set; } = "";
    public string PortCode { get; set; } = "";
    public string EntryDate { get; set; } = "";
    public string ExportDate { get; set; } = "";
    public string TransportMode { get; set; } = "";
    public string PaymentType { get; set; } = "";
    public string StatementDate { get; set; } = "";
    public string CurrencyCode { get; set; } = "";
    public string ManualFlag { get; set; } = "";
    public string LineCount { get; set; } = "";
    /// <summary>The highest entry number filed before this header (the entry sequence edit compares with it).</summary>
    public string PrecedingEntryNo { get; set; } = "";
    /// <summary>The record that ends the entry (next header, trailer, or the last record): its number dates the line-count warning.</summary>
    public long EndRecordNo { get; set; }
    public byte[] Raw { get; set; } = [];
}

/// <summary>
/// An entry summary line (ENTRYIN L record) as received. <see cref="HeaderRecordNo"/> is the header it belongs to
/// (null: no header with its entry number precedes it, reject L001). Packed amounts in hundredths, null when not
/// valid packed decimal.
/// </summary>
public sealed class EntryLineRow
{
    public long RunId { get; set; }
    public long RecordNo { get; set; }
    public long? HeaderRecordNo { get; set; }
    public string EntryNo { get; set; } = "";
    public string LineNo { get; set; } = "";
    public string HtsNo { get; set; } = "";
    public string OriginCountry { get; set; } = "";
    public string SpiCode { get; set; } = "";
    public long? ForeignValueCents { get; set; }
    public long? NetQuantity { get; set; }
    public string QuantityUnit { get; set; } = "";
    public long? NetKg { get; set; }
    public string Ch99Count { get; set; } = "";
    public string Ch99No1 { get; set; } = "";
    public string Ch99No2 { get; set; } = "";
    public string Ch99No3 { get; set; } = "";
    public string AdcvdCaseNo { get; set; } = "";
    public byte[] Raw { get; set; } = [];
}

/// <summary>
/// A record the cycle rejected or warned about, with the legacy's reason code (REJECTS), and what the legacy cannot
/// say: the file, the record's bytes and a detail message.
/// </summary>
public sealed class RejectedRecord
{
    public long RunId { get; set; }
    public string Program { get; set; } = "";
    public long RecordNo { get; set; }
    /// <summary>Order among the rejects of the same record.</summary>
    public int Seq { get; set; }
    public string FileName { get; set; } = "";
    public string EntryNo { get; set; } = "";
    public string LineNo { get; set; } = "";
    /// <summary>E rejected, W warning (processed).</summary>
    public string Severity { get; set; } = "";
    public string ReasonCode { get; set; } = "";
    public string? Detail { get; set; }
    public byte[]? Raw { get; set; }
}

/// <summary>A run control total line (CTLTOTS) of a program.</summary>
public sealed class ControlTotal
{
    public long RunId { get; set; }
    public string Program { get; set; } = "";
    public int SeqNo { get; set; }
    public string Description { get; set; } = "";
    public long Count { get; set; }
    public long AmountCents { get; set; }
}

/// <summary>A message line of a step (the legacy's sysout), in order.</summary>
public sealed class StepMessage
{
    public long RunId { get; set; }
    public string StepName { get; set; } = "";
    public int Seq { get; set; }
    public string Text { get; set; } = "";
}
