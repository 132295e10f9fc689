namespace Collections.Domain.Receivables;

/// <summary>
/// The rules of CLV300 that a port might want to change, each defaulting to what the legacy does
/// (<see cref="Legacy"/>). Tests alter one member to show the parity harness notices.
/// </summary>
public sealed record ReceivablePolicies
{
    /// <summary>The legacy's behaviour at every site.</summary>
    public static ReceivablePolicies Legacy { get; } = new();

    /// <summary>2330: where a monthly period ends (legacy: the month-end table with February 28).</summary>
    public PeriodCutOff PeriodCutOff { get; init; } = PeriodCutOff.LegacyMonthEndTable;

    /// <summary>2310: a single-pay entry is due on this working day after the entry date (10).</summary>
    public int SinglePayDueWorkingDays { get; init; } = 10;

    /// <summary>2320: a daily statement date later than this working day after the entry date is moved back to it (10).</summary>
    public int DailyStatementLimitWorkingDays { get; init; } = 10;

    /// <summary>2330: the preliminary statement is on this working day after the period's last day (11).</summary>
    public int PreliminaryStatementWorkingDays { get; init; } = 11;

    /// <summary>2330: a periodic monthly statement is due on this working day after the period's last day (15).</summary>
    public int PeriodicPaymentDueWorkingDays { get; init; } = 15;
}
