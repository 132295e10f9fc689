using System.Runtime.CompilerServices;
using Collections.Cobol.Numerics;

namespace Collections.Domain.EntryFees;

/// <summary>
/// The per-entry computation of CLV200, fed one entry at a time (control break on entry number):
/// <see cref="StartEntry"/>, <see cref="AddLine"/> for each line, <see cref="CompleteEntry"/>. Keeps the run
/// totals, and the one piece of state the legacy carries from entry to entry (WS-AL-AMOUNT, see
/// <see cref="ZeroDivisorShare.KeepPreviousAmount"/>). Memory is bounded by the lines of one entry.
/// </summary>
public sealed class EntryFeeCalculator
{
    private readonly EntryFeeReference _reference;
    private readonly EntryFeePolicies _policies;
    private readonly List<MpfAllocation> _liable = new(16);
    private readonly EntryFeeResult _result = new();
    private long[] _values = new long[16];
    private long[] _parts = new long[16];
    private long _previousShare;

    // 2410: the rates of every entry date looked up so far (the schedule never changes during a run, so a date's
    // outcome is the same each time; a day's entries span few dates, the cache is emptied past RatesCacheLimit dates)
    private const int RatesCacheLimit = 4096;
    private readonly Dictionary<int, (bool Found, EntryFeeRates Rates, string? Missing)> _ratesByDate = [];
    private int _ratesDate = int.MinValue;
    private bool _ratesFound;
    private EntryFeeRates _rates;
    private string? _ratesMissing;

    private EntryFeeHeader _header;
    private bool _started;
    private int _accepted;
    private int _rejected;
    private long _entered;
    private long _liableValue;
    private long _duty;
    private long _s301;
    private long _s232;
    private long _ieepa;
    private long _s122;
    private long _oth99;
    private long _add;
    private long _cvd;
    private long _cotton;
    private long _mpfRaw;

    public EntryFeeCalculator(EntryFeeReference reference, EntryFeePolicies? policies = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _reference = reference;
        _policies = policies ?? EntryFeePolicies.Legacy;
    }

    public EntryFeePolicies Policies => _policies;

    public EntryFeeRunTotals Totals { get; } = new();

    /// <summary>2200-START-ENTRY: a new entry from its first line (INITIALIZE WS-CURRENT-ENTRY).</summary>
    public void StartEntry(in EntryFeeHeader header)
    {
        _header = header;
        _started = true;
        _accepted = _rejected = 0;
        _entered = _liableValue = _duty = _s301 = _s232 = _ieepa = _s122 = _oth99 = _add = _cvd = _cotton = _mpfRaw = 0;
        _liable.Clear();
    }

    /// <summary>2300-ACCUMULATE-LINE.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    public void AddLine(in EntryFeeLine line)
    {
        if (!_started) throw new InvalidOperationException("AddLine before StartEntry");
        var t = Totals;
        if (!line.IsAssessable)
        {
            _rejected = (int)CobolArithmetic.TruncateHighOrder(_rejected + 1, Clv200Fields.LineCountDigits, signed: false);
            t.LinesRejected = EntryFeeRunTotals.Count(t.LinesRejected);
            return;
        }
        _accepted = (int)CobolArithmetic.TruncateHighOrder(_accepted + 1, Clv200Fields.LineCountDigits, signed: false);
        t.LinesAssessed = EntryFeeRunTotals.Count(t.LinesAssessed);
        var amount = Clv200Fields.EntryAmount;
        _entered = CobolArithmetic.Add(_entered, line.UsdValueCents, amount);
        t.UsdValueCents = EntryFeeRunTotals.Sum(t.UsdValueCents, line.UsdValueCents);
        _duty = CobolArithmetic.Add(_duty, line.DutyCents, amount);
        AddChapter99(line.Chapter99First);
        AddChapter99(line.Chapter99Second);
        AddChapter99(line.Chapter99Third);
        if (line.AdCvdIsCountervailing) _cvd = CobolArithmetic.Add(_cvd, line.AdCvdCents, amount);
        else _add = CobolArithmetic.Add(_add, line.AdCvdCents, amount);
        _cotton = CobolArithmetic.Add(_cotton, line.CottonFeeCents, amount);
        if (IsMpfLiable(line))
        {
            _liableValue = CobolArithmetic.Add(_liableValue, line.UsdValueCents, amount);
            _mpfRaw = CobolArithmetic.Add(_mpfRaw, line.RawMpfE5, Clv200Fields.RawMpf);
            _liable.Add(new MpfAllocation(line.LineNumber, line.UsdValueCents, line.RawMpfE5, 0));
        }
    }

    /// <summary>
    /// 2310-CHECK-MPF-LIABILITY: formal entries only; not liable when the line's SPI is MPF exempt, or for Chapter 98
    /// other than 9802.00.60 and 9802.00.80.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    public bool IsMpfLiable(in EntryFeeLine line)
    {
        var liable = !_header.IsInformal;
        if (!line.SpiCode.IsBlank && _reference.IsMpfExemptProgram(line.SpiCode)) liable = false;
        var hts = line.HtsNumber;
        if (hts.StartsWith(Chapter98) && !hts.StartsWith(Heading98020060) && !hts.StartsWith(Heading98020080))
        {
            liable = false;
        }
        return liable;
    }

    private static readonly FixedCode Chapter98 = "98", Heading98020060 = "98020060", Heading98020080 = "98020080";

    private void AddChapter99(in Chapter99Charge c)
    {
        if (!c.Applied) return;
        var amount = Clv200Fields.EntryAmount;
        switch (c.RevenueClass)
        {
            case Chapter99Class.Section301: _s301 = CobolArithmetic.Add(_s301, c.AmountCents, amount); break;
            case Chapter99Class.Section232: _s232 = CobolArithmetic.Add(_s232, c.AmountCents, amount); break;
            case Chapter99Class.Ieepa: _ieepa = CobolArithmetic.Add(_ieepa, c.AmountCents, amount); break;
            case Chapter99Class.Section122: _s122 = CobolArithmetic.Add(_s122, c.AmountCents, amount); break;
            default: _oth99 = CobolArithmetic.Add(_oth99, c.AmountCents, amount); break;
        }
    }

    /// <summary>2400-COMPLETE-ENTRY: fees, totals and allocations of the entry (an independent result object).</summary>
    public EntryFeeResult CompleteEntry() => CompleteEntryInPlace().Snapshot();

    /// <summary>
    /// 2400-COMPLETE-ENTRY without allocating: the result is the calculator's own object, overwritten by the next
    /// completion (for the batch loop, which writes it out at once).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    public EntryFeeResult CompleteEntryInPlace()
    {
        if (!_started) throw new InvalidOperationException("CompleteEntry before StartEntry");
        _started = false;
        var t = Totals;
        var r = _result;
        if (_accepted == 0)
        {
            t.EntriesSkipped = EntryFeeRunTotals.Count(t.EntriesSkipped);
            r.Reset(EntryFeeStatus.NoAssessedLines);
            r.LinesRejected = _rejected;
            return r;
        }

        // 2410-GET-ENTRY-FEES
        if (_header.EntryDate != _ratesDate)
        {
            if (!_ratesByDate.TryGetValue(_header.EntryDate, out var known))
            {
                known.Found = EntryFeeRates.TryResolve(_reference.Schedule, _header.EntryDate, out known.Rates, out known.Missing);
                if (_ratesByDate.Count >= RatesCacheLimit) _ratesByDate.Clear();
                _ratesByDate.Add(_header.EntryDate, known);
            }
            (_ratesFound, _rates, _ratesMissing) = known;
            _ratesDate = _header.EntryDate;
        }
        if (!_ratesFound)
        {
            r.Reset(EntryFeeStatus.NoFeeSchedule);
            r.MissingFeeClass = _ratesMissing;
            r.LinesAccepted = _accepted;
            r.LinesRejected = _rejected;
            return r;
        }
        var rates = _rates;
        r.Reset(EntryFeeStatus.Assessed);

        long mpf = 0, informalFee = 0, manualFee = 0;
        var limit = MpfLimitApplied.None;
        bool minApplied = false, maxApplied = false;
        if (_header.IsInformal)
        {
            // 2430-INFORMAL-FEE
            informalFee = rates.InformalFeeCents;
            t.InformalCount = EntryFeeRunTotals.Count(t.InformalCount);
            t.InformalCents = EntryFeeRunTotals.Sum(t.InformalCents, informalFee);
        }
        else
        {
            // 2420-COMPUTE-MPF
            t.MpfEntries = EntryFeeRunTotals.Count(t.MpfEntries);
            if (_liable.Count > 0)
            {
                // COMPUTE WS-CUR-MPF ROUNDED = WS-CUR-MPF-RAW: 5 decimals to cents by the EntryMpfRounding policy
                mpf = CobolArithmetic.StoreRescaled(_mpfRaw, 5, Clv200Fields.FeeAmount, _policies.EntryMpfRounding);
                if (mpf < rates.MpfMinimumCents)
                {
                    mpf = rates.MpfMinimumCents;
                    limit = MpfLimitApplied.Minimum;
                    minApplied = true;
                    t.MpfMinimumCount = EntryFeeRunTotals.Count(t.MpfMinimumCount);
                }
                if (mpf > rates.MpfMaximumCents)
                {
                    mpf = rates.MpfMaximumCents;
                    limit = MpfLimitApplied.Maximum;
                    maxApplied = true;
                    t.MpfMaximumCount = EntryFeeRunTotals.Count(t.MpfMaximumCount);
                }
            }
            t.MpfCents = EntryFeeRunTotals.Sum(t.MpfCents, mpf);
        }

        // 2440-MANUAL-SURCHARGE
        if (_header.IsManual)
        {
            manualFee = rates.ManualSurchargeCents;
            t.ManualCount = EntryFeeRunTotals.Count(t.ManualCount);
            t.ManualCents = EntryFeeRunTotals.Sum(t.ManualCents, manualFee);
        }

        // 2450-HARBOR-MAINTENANCE-FEE
        long hmf = 0;
        var waived = false;
        if (_header.IsVessel && _reference.IsHmfPort(_header.PortCode))
        {
            // COMPUTE WS-CUR-HMF ROUNDED = WS-CUR-ENTERED-VALUE (2 decimals) * WS-HMF-RATE (6 decimals): the exact
            // product at 8 decimals, to cents by the HmfRounding policy (Int128: 13 + 7 digits do not fit a long)
            hmf = CobolArithmetic.StoreRescaled((Int128)_entered * rates.HmfRateE6, 8, Clv200Fields.FeeAmount, _policies.HmfRounding);
        }
        // COMPUTE WS-CUR-ALL-DUTIES (S9(13)V99) = duty + 301 + 232 + IEEPA + 122 + other 99 + AD + CVD: eight
        // S9(11)V99 amounts of the same scale, an exact integer sum that always fits 15 digits (no rounding, no
        // truncation can occur), so the store is the sum itself.
        var allDuties = CobolArithmetic.TruncateHighOrder(_duty + _s301 + _s232 + _ieepa + _s122 + _oth99 + _add + _cvd, Clv200Fields.AllDuties.Digits);
        if (hmf > 0)
        {
            var nothingElseDue = allDuties == 0 && _cotton == 0 && informalFee == 0 && manualFee == 0
                                 && (!_policies.HmfWaiverConsidersMpf || mpf == 0);
            if (hmf <= _policies.HmfWaiverLimitCents && nothingElseDue)
            {
                hmf = 0;
                waived = true;
                t.HmfWaivedCount = EntryFeeRunTotals.Count(t.HmfWaivedCount);
            }
            else
            {
                t.HmfCount = EntryFeeRunTotals.Count(t.HmfCount);
                t.HmfCents = EntryFeeRunTotals.Sum(t.HmfCents, hmf);
            }
        }

        // 2460-BUILD-ENTCALC-TOTAL: the fee table
        var fees = r.FeeList;
        fees.Add(_header.IsInformal ? new EntryFee(FeeClasses.InformalFee, informalFee) : new EntryFee(FeeClasses.Mpf, mpf));
        if (manualFee != 0) fees.Add(new EntryFee(FeeClasses.ManualSurcharge, manualFee));
        if (hmf != 0) fees.Add(new EntryFee(FeeClasses.Hmf, hmf));
        if (_cotton != 0)
        {
            // MOVE WS-CUR-COTTON (S9(11)V99) TO ECT-FEE-AMT (S9(09)V99): high-order truncation in the record only.
            fees.Add(new EntryFee(FeeClasses.Cotton, CobolArithmetic.TruncateHighOrder(_cotton, Clv200Fields.FeeAmount.Digits)));
            t.CottonCount = EntryFeeRunTotals.Count(t.CottonCount);
            t.CottonCents = EntryFeeRunTotals.Sum(t.CottonCents, _cotton);
        }
        long feeTotal = 0;
        foreach (var fee in fees.AsSpan()) feeTotal = CobolArithmetic.Add(feeTotal, fee.AmountCents, Clv200Fields.EntryAmount);
        // COMPUTE ECT-TOTAL-ASSESSED (S9(11)V99) = WS-CUR-ALL-DUTIES + WS-CUR-FEE-TOTAL: same scale, so the store is
        // the exact sum with high-order truncation to 13 digits (which can happen: duties are S9(13)V99).
        var totalAssessed = CobolArithmetic.TruncateHighOrder(allDuties + feeTotal, Clv200Fields.EntryAmount.Digits);
        t.AssessedCents = EntryFeeRunTotals.Sum(t.AssessedCents, totalAssessed);
        t.EntriesWritten = EntryFeeRunTotals.Count(t.EntriesWritten);

        // 2470-WRITE-MPF-ALLOCATION (formal entries; informal entries have no liable lines)
        if (!_header.IsInformal && _liable.Count > 0)
        {
            var n = _liable.Count;
            if (_values.Length < n)
            {
                _values = new long[Math.Max(n, _values.Length * 2)];
                _parts = new long[_values.Length];
            }
            for (var i = 0; i < n; i++) _values[i] = _liable[i].UsdValueCents;
            MpfProration.Prorate(mpf, _values.AsSpan(0, n), _liableValue, _policies, ref _previousShare, _parts);
            var allocations = r.AllocationList;
            for (var i = 0; i < n; i++)
            {
                allocations.Add(_liable[i] with { AllocatedCents = _parts[i] });
                t.AllocationsWritten = EntryFeeRunTotals.Count(t.AllocationsWritten);
                t.AllocatedCents = EntryFeeRunTotals.Sum(t.AllocatedCents, _parts[i]);
            }
        }

        r.LinesAccepted = _accepted;
        r.LinesRejected = _rejected;
        r.EnteredValueCents = _entered;
        r.MpfLiableValueCents = _liableValue;
        r.DutyCents = _duty;
        r.Section301Cents = _s301;
        r.Section232Cents = _s232;
        r.IeepaCents = _ieepa;
        r.Section122Cents = _s122;
        r.OtherChapter99Cents = _oth99;
        r.AntidumpingCents = _add;
        r.CountervailingCents = _cvd;
        r.CottonCents = _cotton;
        r.MpfRawE5 = _mpfRaw;
        r.MpfCents = mpf;
        r.MpfLimit = limit;
        r.MpfMinimumApplied = minApplied;
        r.MpfMaximumApplied = maxApplied;
        r.InformalFeeCents = informalFee;
        r.ManualSurchargeCents = manualFee;
        r.HmfCents = hmf;
        r.HmfWaived = waived;
        r.AllDutiesCents = allDuties;
        r.FeeTotalCents = feeTotal;
        r.TotalAssessedCents = totalAssessed;
        return r;
    }
}
