namespace Collections.Domain.EntryFees;

/// <summary>Which MPF limit was applied (ECT-MPF-LIMIT-IND: space, N = minimum, X = maximum).</summary>
public enum MpfLimitApplied
{
    None,
    Minimum,
    Maximum,
}

/// <summary>A fee of the entry's fee table (class 499/311, 500, 501, 056) in cents.</summary>
public readonly record struct EntryFee(string FeeClass, long AmountCents);

/// <summary>The MPF allocated to one liable line (an M record).</summary>
public readonly record struct MpfAllocation(int LineNumber, long UsdValueCents, long RawMpfE5, long AllocatedCents);

/// <summary>How the completion of an entry ended.</summary>
public enum EntryFeeStatus
{
    /// <summary>Fees computed; the entry total and its allocations are written.</summary>
    Assessed,

    /// <summary>Every line was rejected by CLV100: nothing written (CLV2401W), the run goes on.</summary>
    NoAssessedLines,

    /// <summary>No fee schedule row for a class on the entry date (CLV2411E): the run stops with RC 8.</summary>
    NoFeeSchedule,
}

/// <summary>The entry totals and fees of one entry (the content of an E record and its M records).</summary>
public sealed class EntryFeeResult
{
    public required EntryFeeStatus Status { get; init; }

    /// <summary>For <see cref="EntryFeeStatus.NoFeeSchedule"/>: the first class not found (499, 311, 500, 501).</summary>
    public string? MissingFeeClass { get; init; }

    public int LinesAccepted { get; init; }
    public int LinesRejected { get; init; }
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
    public long CottonCents { get; init; }

    /// <summary>Sum of the raw line MPF of the liable lines, 5 decimals.</summary>
    public long MpfRawE5 { get; init; }

    /// <summary>Entry MPF after rounding and the fiscal-year limits (formal entries; 0 for informal).</summary>
    public long MpfCents { get; init; }

    public MpfLimitApplied MpfLimit { get; init; }
    public bool MpfMinimumApplied { get; init; }
    public bool MpfMaximumApplied { get; init; }
    public long InformalFeeCents { get; init; }
    public long ManualSurchargeCents { get; init; }

    /// <summary>HMF as charged (0 when not a vessel at an HMF port, or waived by the $3 rule).</summary>
    public long HmfCents { get; init; }

    /// <summary>The $3 rule set a positive HMF to zero.</summary>
    public bool HmfWaived { get; init; }

    /// <summary>Duty + Chapter 99 + AD + CVD (WS-CUR-ALL-DUTIES).</summary>
    public long AllDutiesCents { get; init; }

    /// <summary>The fee table of the E record: first 499 (formal) or 311 (informal), then 500, 501, 056 when not zero.</summary>
    public IReadOnlyList<EntryFee> Fees { get; init; } = [];

    public long FeeTotalCents { get; init; }
    public long TotalAssessedCents { get; init; }

    /// <summary>One allocation per liable line, in line order (formal entries only).</summary>
    public IReadOnlyList<MpfAllocation> Allocations { get; init; } = [];

    public char MpfLimitIndicator => MpfLimit switch { MpfLimitApplied.Minimum => 'N', MpfLimitApplied.Maximum => 'X', _ => ' ' };
}

/// <summary>Run totals of the step (WS-COUNTERS): counts wrap at 10^7 and amounts at 10^17 cents, as the legacy's packed fields.</summary>
public sealed class EntryFeeRunTotals
{
    public long LinesAssessed { get; internal set; }
    public long LinesRejected { get; internal set; }
    public long EntriesWritten { get; internal set; }
    public long EntriesSkipped { get; internal set; }
    public long MpfEntries { get; internal set; }
    public long MpfMinimumCount { get; internal set; }
    public long MpfMaximumCount { get; internal set; }
    public long InformalCount { get; internal set; }
    public long ManualCount { get; internal set; }
    public long HmfCount { get; internal set; }
    public long HmfWaivedCount { get; internal set; }
    public long CottonCount { get; internal set; }
    public long AllocationsWritten { get; internal set; }
    public long UsdValueCents { get; internal set; }
    public long AssessedCents { get; internal set; }
    public long MpfCents { get; internal set; }
    public long InformalCents { get; internal set; }
    public long ManualCents { get; internal set; }
    public long HmfCents { get; internal set; }
    public long CottonCents { get; internal set; }
    public long AllocatedCents { get; internal set; }

    internal static long Count(long counter) => Clv200Fields.TruncateHighOrder(counter + 1, Clv200Fields.CounterDigits);

    internal static long Sum(long total, long amount) => Clv200Fields.Add(total, amount, Clv200Fields.RunAmount);
}
