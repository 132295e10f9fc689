using Collections.Cobol.Numerics;
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
    public EntryFeeStatus Status { get; internal set; }

    /// <summary>For <see cref="EntryFeeStatus.NoFeeSchedule"/>: the first class not found (499, 311, 500, 501).</summary>
    public string? MissingFeeClass { get; internal set; }

    public int LinesAccepted { get; internal set; }
    public int LinesRejected { get; internal set; }
    public long EnteredValueCents { get; internal set; }
    public long MpfLiableValueCents { get; internal set; }
    public long DutyCents { get; internal set; }
    public long Section301Cents { get; internal set; }
    public long Section232Cents { get; internal set; }
    public long IeepaCents { get; internal set; }
    public long Section122Cents { get; internal set; }
    public long OtherChapter99Cents { get; internal set; }
    public long AntidumpingCents { get; internal set; }
    public long CountervailingCents { get; internal set; }
    public long CottonCents { get; internal set; }

    /// <summary>Sum of the raw line MPF of the liable lines, 5 decimals.</summary>
    public long MpfRawE5 { get; internal set; }

    /// <summary>Entry MPF after rounding and the fiscal-year limits (formal entries; 0 for informal).</summary>
    public long MpfCents { get; internal set; }

    public MpfLimitApplied MpfLimit { get; internal set; }
    public bool MpfMinimumApplied { get; internal set; }
    public bool MpfMaximumApplied { get; internal set; }
    public long InformalFeeCents { get; internal set; }
    public long ManualSurchargeCents { get; internal set; }

    /// <summary>HMF as charged (0 when not a vessel at an HMF port, or waived by the $3 rule).</summary>
    public long HmfCents { get; internal set; }

    /// <summary>The $3 rule set a positive HMF to zero.</summary>
    public bool HmfWaived { get; internal set; }

    /// <summary>Duty + Chapter 99 + AD + CVD (WS-CUR-ALL-DUTIES).</summary>
    public long AllDutiesCents { get; internal set; }

    /// <summary>The fee table of the E record: first 499 (formal) or 311 (informal), then 500, 501, 056 when not zero.</summary>
    public IReadOnlyList<EntryFee> Fees => FeeList;

    public long FeeTotalCents { get; internal set; }
    public long TotalAssessedCents { get; internal set; }

    /// <summary>One allocation per liable line, in line order (formal entries only).</summary>
    public IReadOnlyList<MpfAllocation> Allocations => AllocationList;

    /// <summary><see cref="Fees"/> as a span (no enumerator allocation; valid until the calculator's next completion).</summary>
    public ReadOnlySpan<EntryFee> FeesSpan => FeeList.AsSpan();

    /// <summary><see cref="Allocations"/> as a span (valid until the calculator's next completion).</summary>
    public ReadOnlySpan<MpfAllocation> AllocationsSpan => AllocationList.AsSpan();

    internal ReusableList<EntryFee> FeeList { get; private set; } = new(4);

    internal ReusableList<MpfAllocation> AllocationList { get; private set; } = new(16);

    /// <summary>Sets every member back to its default (INITIALIZE), keeping the lists' storage.</summary>
    internal void Reset(EntryFeeStatus status)
    {
        var fees = FeeList;
        var allocations = AllocationList;
        fees.Clear();
        allocations.Clear();
        this.Status = status;
        MissingFeeClass = null;
        LinesAccepted = LinesRejected = 0;
        EnteredValueCents = MpfLiableValueCents = DutyCents = Section301Cents = Section232Cents = IeepaCents = Section122Cents = 0;
        OtherChapter99Cents = AntidumpingCents = CountervailingCents = CottonCents = MpfRawE5 = MpfCents = 0;
        MpfLimit = MpfLimitApplied.None;
        MpfMinimumApplied = MpfMaximumApplied = HmfWaived = false;
        InformalFeeCents = ManualSurchargeCents = HmfCents = AllDutiesCents = FeeTotalCents = TotalAssessedCents = 0;
    }

    /// <summary>An independent copy (the calculator reuses its own result object from entry to entry).</summary>
    internal EntryFeeResult Snapshot()
    {
        var copy = (EntryFeeResult)MemberwiseClone();
        copy.FeeList = FeeList.Copy();
        copy.AllocationList = AllocationList.Copy();
        return copy;
    }

    public char MpfLimitIndicator => MpfLimit switch { MpfLimitApplied.Minimum => 'N', MpfLimitApplied.Maximum => 'X', _ => ' ' };
}

/// <summary>An array-backed read-only list whose storage is reused (no allocation once grown).</summary>
internal sealed class ReusableList<T>(int capacity) : IReadOnlyList<T>
{
    private T[] _items = new T[Math.Max(1, capacity)];

    public int Count { get; private set; }

    public T this[int index] => (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public ReadOnlySpan<T> AsSpan() => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(in T item)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = item;
    }

    public ref T At(int index) => ref _items[index];

    public ReusableList<T> Copy()
    {
        var copy = new ReusableList<T>(Count);
        foreach (var item in AsSpan()) copy.Add(item);
        return copy;
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return _items[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
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

    internal static long Count(long counter) => CobolArithmetic.TruncateHighOrder(counter + 1, Clv200Fields.CounterDigits);

    internal static long Sum(long total, long amount) => CobolArithmetic.Add(total, amount, Clv200Fields.RunAmount);
}
