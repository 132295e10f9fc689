namespace Collections.Domain.Reporting;

/// <summary>
/// The figures of the daily revenue and control report (CLV500), section by section, computed from domain inputs
/// only: entry totals (sections 1 and 2), receivables (3), ledger postings and suspense items (4), the open item
/// master (5), rejects (6) and the steps' control totals (7). The legacy file cycle and the database cycle feed the
/// same accumulators; the print layout is an adapter's business.
/// </summary>
public sealed class DailyRevenueReport
{
    public RevenueByClass RevenueByClass { get; } = new();
    public PortAssessments Ports { get; } = new();
    public ReceivablesByPaymentType Receivables { get; } = new();
    public CollectionsActivity Collections { get; } = new();
    public OpenItemsByStatus OpenItems { get; } = new();
    public RejectReasons Rejects { get; } = new();
    public RunControlTotals ControlTotals { get; } = new();

    /// <summary>Adds one assessed entry to sections 1 and 2; returns where its port was counted.</summary>
    public PortTally AddEntry(EntryRevenue entry)
    {
        RevenueByClass.Add(entry);
        return Ports.Add(entry);
    }
}
