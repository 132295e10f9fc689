namespace Collections.Persistence.Entities;

/// <summary>
/// An analyst's action on a payment in suspense (one per suspense item): re-applied to a statement (a PAYMENTS record in
/// the legacy's PAYREC format, queued for the next business day's input) or marked for refund. The audit event beside
/// it says who, when and why.
/// </summary>
public sealed class PaymentAction
{
    public long Id { get; set; }
    /// <summary>The suspense item acted on: its run and sequence number (unique: an item is acted on once).</summary>
    public long SourceRunId { get; set; }
    public long SourceSeqNo { get; set; }
    /// <summary>reapply or refund.</summary>
    public string Action { get; set; } = "";
    public string PaymentId { get; set; } = "";
    /// <summary>The statement a re-applied payment goes to (blank for a refund).</summary>
    public string Reference { get; set; } = "";
    public long AmountCents { get; set; }
    /// <summary>The PAYREC record (50 bytes) queued for the next business day's PAYMENTS; null for a refund.</summary>
    public byte[]? Record { get; set; }
    public long AuditEventId { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>The run whose PAYMENTS input took the record (null while queued).</summary>
    public long? ConsumedRunId { get; set; }
}
