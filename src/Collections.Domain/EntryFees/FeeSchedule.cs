namespace Collections.Domain.EntryFees;

/// <summary>
/// One row of the fee schedule as CLV200 keeps it in WS-FEE-TABLE: class, effective and end date (CCYYMMDD,
/// inclusive, 99999999 = open), rate (6 decimals, unscaled), minimum, maximum and flat amount (cents).
/// </summary>
public readonly record struct FeeScheduleRow(
    string FeeClass, int EffectiveDate, int EndDate, long RateE6, long MinimumCents, long MaximumCents, long FlatCents);

/// <summary>
/// The fee schedule in load order (class + effective date ascending), searched as 8300-FIND-FEE does: a serial
/// SEARCH from the first row; the first row of the class whose dates include the entry date wins.
/// </summary>
public sealed class FeeSchedule
{
    private readonly FeeScheduleRow[] _rows;

    public FeeSchedule(IEnumerable<FeeScheduleRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows.ToArray();
    }

    public IReadOnlyList<FeeScheduleRow> Rows => _rows;

    /// <summary>The row in force for <paramref name="feeClass"/> on <paramref name="date"/> (CCYYMMDD), or false.</summary>
    public bool TryFind(string feeClass, int date, out FeeScheduleRow row)
    {
        foreach (var r in _rows)
        {
            if (string.Equals(r.FeeClass, feeClass, StringComparison.Ordinal) && r.EffectiveDate <= date && r.EndDate >= date)
            {
                row = r;
                return true;
            }
        }
        row = default;
        return false;
    }
}

/// <summary>The amounts CLV200 takes from the schedule for one entry date (2410-GET-ENTRY-FEES).</summary>
public readonly record struct EntryFeeRates(long MpfMinimumCents, long MpfMaximumCents, long InformalFeeCents, long ManualSurchargeCents, long HmfRateE6)
{
    /// <summary>Fee classes looked up, in the legacy's order; the first one missing stops the run (CLV2411E).</summary>
    public static readonly string[] LookupOrder = [FeeClasses.Mpf, FeeClasses.InformalFee, FeeClasses.ManualSurcharge, FeeClasses.Hmf];

    /// <summary>Resolves the rates for <paramref name="entryDate"/>; on failure <paramref name="missingClass"/> names the first class not found.</summary>
    public static bool TryResolve(FeeSchedule schedule, int entryDate, out EntryFeeRates rates, out string? missingClass)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        rates = default;
        if (!schedule.TryFind(FeeClasses.Mpf, entryDate, out var mpf)) { missingClass = FeeClasses.Mpf; return false; }
        if (!schedule.TryFind(FeeClasses.InformalFee, entryDate, out var informal)) { missingClass = FeeClasses.InformalFee; return false; }
        if (!schedule.TryFind(FeeClasses.ManualSurcharge, entryDate, out var manual)) { missingClass = FeeClasses.ManualSurcharge; return false; }
        if (!schedule.TryFind(FeeClasses.Hmf, entryDate, out var hmf)) { missingClass = FeeClasses.Hmf; return false; }
        missingClass = null;
        rates = new EntryFeeRates(mpf.MinimumCents, mpf.MaximumCents, informal.FlatCents, manual.FlatCents, hmf.RateE6);
        return true;
    }
}

/// <summary>Accounting class codes of the entry fees.</summary>
public static class FeeClasses
{
    public const string Mpf = "499";
    public const string InformalFee = "311";
    public const string ManualSurcharge = "500";
    public const string Hmf = "501";
    public const string Cotton = "056";
}
