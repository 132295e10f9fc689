namespace Collections.Batch.Reconciliation;

// The result of reconciling posted business days: plain records (money in cents), for the CLI (text, CSV, JSON) and
// the web application, which shows exactly these figures.

/// <summary>A control total that must tie: its name, the two sides and whether they agree.</summary>
/// <param name="Date">the business day (checks over a range are made day by day)</param>
/// <param name="Name">stable identifier, e.g. ledger-balanced, master-roll-forward</param>
/// <param name="Description">what is compared with what</param>
/// <param name="ExpectedCents">the first side (the control)</param>
/// <param name="ActualCents">the second side (what the tables hold)</param>
/// <param name="ExpectedCount">counts compared with the amounts, when the check has them</param>
/// <param name="ActualCount">see <paramref name="ExpectedCount"/></param>
public sealed record ReconciliationCheck(DateOnly Date, string Name, string Description, long ExpectedCents, long ActualCents,
    long? ExpectedCount = null, long? ActualCount = null)
{
    public bool Passed => ExpectedCents == ActualCents && ExpectedCount == ActualCount;

    public long DifferenceCents => ActualCents - ExpectedCents;
}

/// <summary>Assessed revenue of a class (the report's revenue by class: entries and amount).</summary>
public sealed record RevenueClassLine(string Code, string Description, long Entries, long AmountCents);

/// <summary>Assessed revenue of a port of entry.</summary>
public sealed record PortLine(string Port, long Entries, long Lines, long EnteredValueCents, long DutiesCents, long FeesCents, long TotalCents);

/// <summary>Payments received by method (D ACH debit, C ACH credit, K check...): applied, to refund, to suspense.</summary>
public sealed record PaymentMethodLine(string Method, long Payments, long AppliedCents, long RefundedCents, long SuspenseCents)
{
    public long ReceivedCents => AppliedCents + RefundedCents + SuspenseCents;
}

/// <summary>Assessed against collected over the period (from the ledger).</summary>
public sealed record AssessedCollected(long AssessedCents, long InterestCents, long CollectedCents, long RefundedCents, long SuspenseCents)
{
    /// <summary>Assessed plus interest less collected: what the period added to the receivables.</summary>
    public long NetChangeCents => AssessedCents + InterestCents - CollectedCents;
}

/// <summary>A group of open items of the master (by status, or by age since the due date).</summary>
public sealed record OpenItemLine(string Key, string Description, long Items, long BalanceCents);

/// <summary>The open item master of the last posted day of the period.</summary>
public sealed record OpenReceivables(DateOnly? AsOf, IReadOnlyList<OpenItemLine> ByStatus, IReadOnlyList<OpenItemLine> ByAge, long Items, long BalanceCents);

/// <summary>A ledger transaction code's activity (AS, PY, LI, BI, RF, SU).</summary>
public sealed record ActivityLine(string TranCode, string Description, long Postings, long AmountCents);

/// <summary>Payments in suspense by reason (S001...).</summary>
public sealed record SuspenseLine(string ReasonCode, string Message, long Items, long AmountCents);

/// <summary>One posted day of the period and its run.</summary>
public sealed record ReconciledDay(DateOnly Date, long RunId, int ReturnCode, int ChecksFailed);

/// <summary>The reconciliation of the posted days from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record ReconciliationReport(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<ReconciledDay> Days,
    IReadOnlyList<RevenueClassLine> RevenueByClass,
    IReadOnlyList<PortLine> RevenueByPort,
    IReadOnlyList<PaymentMethodLine> PaymentsByMethod,
    AssessedCollected AssessedVsCollected,
    IReadOnlyList<ActivityLine> Activity,
    OpenReceivables OpenReceivables,
    IReadOnlyList<SuspenseLine> Suspense,
    IReadOnlyList<ReconciliationCheck> Checks)
{
    public bool AllPassed => Checks.All(c => c.Passed);

    public IEnumerable<ReconciliationCheck> Failed => Checks.Where(c => !c.Passed);
}
