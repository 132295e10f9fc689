using Collections.Domain.EntryFees;

namespace Collections.Domain.Reporting;

/// <summary>
/// What the daily report takes from one assessed entry (an ENTCALC entry total, or the same figures from the
/// database): its port, accepted lines, entered value, the eight duty and deposit amounts, the fee table and the
/// totals as CLV200 computed them. Amounts in cents. <see cref="PortCode"/> is the 4-character port code as the
/// record holds it (ports are ordered by these characters).
/// </summary>
public sealed record EntryRevenue
{
    public required string PortCode { get; init; }
    public int LinesAccepted { get; init; }
    public long EnteredValueCents { get; init; }
    public long DutyCents { get; init; }
    public long Section301Cents { get; init; }
    public long Section232Cents { get; init; }
    public long IeepaCents { get; init; }
    public long Section122Cents { get; init; }
    public long OtherChapter99Cents { get; init; }
    public long AntidumpingCents { get; init; }
    public long CountervailingCents { get; init; }

    /// <summary>The entry's fees by class (499/311, 500, 501, 056); a class not among the report's is not shown by class.</summary>
    public IReadOnlyList<EntryFee> Fees { get; init; } = [];

    public long FeeTotalCents { get; init; }
    public long TotalAssessedCents { get; init; }
}
