namespace Collections.Persistence.Entities;

// The rest of the cycle (CLV300 statements, CLV400 open items / payments / ledger / suspense, CLV500 report), one row
// per record the legacy writes. Each row keeps the record's bytes as written (Raw: `export legacy` writes them back
// unchanged, FILLER and damaged fields included) beside its fields decoded for queries (money in cents, dates CCYYMMDD;
// a damaged numeric field reads as GnuCOBOL reads it).

/// <summary>What the payments-and-interest step took as its inputs: the PAYMENTS data set and the old master's run.</summary>
public sealed class CycleInput
{
    public long RunId { get; set; }
    /// <summary>False when the day had no PAYMENTS data set (CLV400: CLV4005I NO PAYMENTS FILE FOR THIS RUN).</summary>
    public bool PaymentsPresent { get; set; }
    public long PaymentsBytes { get; set; }
    /// <summary>The run that posted the previous business day (its open items are the old master), null on the first day.</summary>
    public long? PriorRunId { get; set; }
    public DateOnly? PriorBusinessDate { get; set; }
}

/// <summary>A payment as received (PAYREC, 50 bytes; a short last record keeps its length).</summary>
public sealed class PaymentRow
{
    public long RunId { get; set; }
    public long RecordNo { get; set; }
    public string PaymentId { get; set; } = "";
    public string Method { get; set; } = "";
    public string RefType { get; set; } = "";
    public string Reference { get; set; } = "";
    public long AmountCents { get; set; }
    public int DateReceived { get; set; }
    public bool IsShort { get; set; }
    public byte[] Raw { get; set; } = [];
}

/// <summary>A receivable of the day (STMTOUT, STMTHDR 200 bytes): single pay entry or statement, amounts by category.</summary>
public sealed class StatementRow
{
    public long RunId { get; set; }
    public long SeqNo { get; set; }
    public string RefType { get; set; } = "";
    public string Reference { get; set; } = "";
    public int StatementType { get; set; }
    public string FilerCode { get; set; } = "";
    public string ImporterNo { get; set; } = "";
    public int Period { get; set; }
    public int StatementDate { get; set; }
    public int DueDate { get; set; }
    public int RunDate { get; set; }
    public int EntryCount { get; set; }
    public long DutyCents { get; set; }
    public long Section301Cents { get; set; }
    public long Section232Cents { get; set; }
    public long IeepaCents { get; set; }
    public long Section122Cents { get; set; }
    public long OtherChapter99Cents { get; set; }
    public long AntidumpingCents { get; set; }
    public long CountervailingCents { get; set; }
    public long MpfCents { get; set; }
    public long InformalFeeCents { get; set; }
    public long ManualSurchargeCents { get; set; }
    public long HmfCents { get; set; }
    public long CottonCents { get; set; }
    public long TotalCents { get; set; }
    public byte[] Raw { get; set; } = [];
}

/// <summary>An entry of a receivable (STMTDTL, 80 bytes).</summary>
public sealed class StatementEntryRow
{
    public long RunId { get; set; }
    public long SeqNo { get; set; }
    public string RefType { get; set; } = "";
    public string Reference { get; set; } = "";
    public string EntryNo { get; set; } = "";
    public int StatementType { get; set; }
    public int EntryDate { get; set; }
    public int ScheduledStatementDate { get; set; }
    public int StatementDate { get; set; }
    public int DueDate { get; set; }
    public string DateAdjusted { get; set; } = "";
    public long EntryTotalCents { get; set; }
    public byte[] Raw { get; set; } = [];
}

/// <summary>
/// An item of the open item master written by a run (OPENITEM, 150 bytes). The master of a posted business day is the
/// open items of the run that posted it; the next day's CLV400 reads it as its old master.
/// </summary>
public sealed class OpenItemRow
{
    public long RunId { get; set; }
    public long SeqNo { get; set; }
    public DateOnly BusinessDate { get; set; }
    public string RefType { get; set; } = "";
    public string Reference { get; set; } = "";
    public string ItemType { get; set; } = "";
    public string Status { get; set; } = "";
    public int StatementType { get; set; }
    public string FilerCode { get; set; } = "";
    public string ImporterNo { get; set; } = "";
    public int Period { get; set; }
    public int OpenDate { get; set; }
    public int StatementDate { get; set; }
    public int DueDate { get; set; }
    public int BillDate { get; set; }
    public int LastPaymentDate { get; set; }
    public int LastActivityDate { get; set; }
    public int EntryCount { get; set; }
    public long AssessedCents { get; set; }
    public long InterestCents { get; set; }
    public long PaidCents { get; set; }
    public long RefundCents { get; set; }
    public long BalanceCents { get; set; }
    public byte[] Raw { get; set; } = [];
}

/// <summary>
/// A posting of the collections ledger (LEDGER, 80 bytes) on the receivable side: AS assessment (D, by revenue class),
/// PY payment applied (C), LI late interest (D), BI interest billed (D), RF overpayment to refund (C), SU suspense (C).
/// </summary>
public sealed class LedgerPostingRow
{
    public long RunId { get; set; }
    public long SeqNo { get; set; }
    public int PostDate { get; set; }
    public int Sequence { get; set; }
    public string RefType { get; set; } = "";
    public string Reference { get; set; } = "";
    public string ItemType { get; set; } = "";
    public string TranCode { get; set; } = "";
    public string RevenueClass { get; set; } = "";
    public string DebitCredit { get; set; } = "";
    public long AmountCents { get; set; }
    public string PayMethod { get; set; } = "";
    public string SourceId { get; set; } = "";
    public int EffectiveDate { get; set; }
    public byte[] Raw { get; set; } = [];
}

/// <summary>
/// A leg of the double-entry journal the ledger step derives from each posting: the posting's own account (receivable,
/// refunds payable or suspense) and its contra account (revenue by class, interest income, cash by payment method).
/// The debits and credits of a run are equal.
/// </summary>
public sealed class JournalLine
{
    public long RunId { get; set; }
    public long PostingSeqNo { get; set; }
    public int Leg { get; set; }
    public string Account { get; set; } = "";
    public string TranCode { get; set; } = "";
    public long DebitCents { get; set; }
    public long CreditCents { get; set; }
}

/// <summary>A payment put in suspense (SUSPENSE, SUSPREC line sequential, up to 111 bytes).</summary>
public sealed class SuspenseItemRow
{
    public long RunId { get; set; }
    public long SeqNo { get; set; }
    public int RunDate { get; set; }
    public string PaymentId { get; set; } = "";
    public string Method { get; set; } = "";
    public string RefType { get; set; } = "";
    public string Reference { get; set; } = "";
    public long AmountCents { get; set; }
    public string DateReceived { get; set; } = "";
    public string ReasonCode { get; set; } = "";
    public string Message { get; set; } = "";
    public byte[] Raw { get; set; } = [];
}

/// <summary>A line of the daily revenue and control report (CLV500.RPT: ASA control byte + up to 132, line sequential).</summary>
public sealed class ReportLine
{
    public long RunId { get; set; }
    public int LineNo { get; set; }
    public byte[] Raw { get; set; } = [];
}

/// <summary>
/// A figure of the daily revenue report as CLV500 accumulated it (the same domain accumulators print CLV500.RPT):
/// section revenue-by-class (code = class, count = entries), ports (code = port, count = entries, count2 = lines, value,
/// duties, fees, amount = total), receivables (count = receivables, count2 = entries), collections (count, amount),
/// open-items (code = status, count, amount = balance); line 0 of a section, where present, is its total.
/// </summary>
public sealed class ReportTotal
{
    public long RunId { get; set; }
    public string Section { get; set; } = "";
    public int LineNo { get; set; }
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    public long Count { get; set; }
    public long Count2 { get; set; }
    public long ValueCents { get; set; }
    public long DutiesCents { get; set; }
    public long FeesCents { get; set; }
    public long AmountCents { get; set; }
}
