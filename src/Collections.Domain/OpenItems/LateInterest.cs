using Collections.Cobol.Intrinsics;
using Collections.Cobol.Numerics;

namespace Collections.Domain.OpenItems;

/// <summary>One quarter of the interest rate table (INTRATE, copybook REFINTR): dates CCYYMMDD, annual percent in thousandths.</summary>
/// <param name="EffectiveDate">INT-EFF-DATE</param>
/// <param name="EndDate">INT-END-DATE</param>
/// <param name="UnderpaymentRateThousandths">INT-UNDERPAY-RATE, PIC 9(02)V9(03): 7.000 % is 7000</param>
public readonly record struct InterestRate(int EffectiveDate, int EndDate, int UnderpaymentRateThousandths);

/// <summary>
/// Late payment and bill interest as 8500-COMPUTE-INTEREST / 8510-FIND-INTEREST-RATE compute it: for each day after
/// the from date up to and including the to date, the factor (PIC 9(03)V9(10)) is multiplied by
/// <c>1 + rate / 100 / 365</c> at the rate of the day's quarter and truncated; the interest is
/// <c>principal * (factor - 1)</c> truncated into PIC S9(09)V99. Arithmetic is GnuCOBOL's (divisions at its
/// intermediate scale). The rate of the last day looked up is kept for the whole run (WS-INT-RATE-EFF / -END, first
/// 99999999 / 00000000): a day inside that range takes it without a search; otherwise the table is searched from its
/// first entry. A day no entry covers is reported, computes at rate zero, and becomes the kept range by itself, so
/// each following day without a rate is reported too.
/// </summary>
public sealed class LateInterestCalculator
{
    private static readonly NumericPic FactorPic = new(13, 10, false);        // WS-INT-FACTOR PIC 9(03)V9(10)
    private static readonly CobolDecimal Hundred = 100, One = 1;
    private const long FactorOne = 10_000_000_000;                            // 1.0000000000 unscaled
    private const long InterestModulus = 100_000_000_000;                    // 10^11: S9(09)V99
    private const long InterestShift = 10_000_000_000;                        // scale 12 -> 2

    private readonly IReadOnlyList<InterestRate> _table;
    private readonly OpenItemPolicies _policies;
    private readonly CobolDecimal _daysPerYear;
    private readonly Dictionary<int, CobolDecimal> _dailyMultiplier = [];
    private readonly Dictionary<int, FixedPointMultiplier> _dailyStep = [];
    private int _stepRate = -1;
    private FixedPointMultiplier _step;

    public LateInterestCalculator(IReadOnlyList<InterestRate> table, OpenItemPolicies? policies = null)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _policies = policies ?? OpenItemPolicies.Legacy;
        _daysPerYear = _policies.DaysPerYear;
    }

    /// <summary>
    /// Compute every day's factor and the interest with <see cref="CobolDecimal"/> and <see cref="CobolArithmetic.Store(CobolDecimal, NumericPic, CobolRoundingMode, bool)"/>,
    /// as the COMPUTE statements are specified, instead of the integer form (<see cref="FixedPointMultiplier"/>, 64/128-bit
    /// integers) used by default when the policies truncate. Both give the same results; this one is the reference the
    /// integer form is tested against (and the one used for other rounding policies). Default false.
    /// </summary>
    public bool DecimalReference { get; init; }

    /// <summary>WS-INT-RATE-EFF: first day of the rate range in use (99999999 before the first look-up).</summary>
    public int RateEffectiveDate { get; private set; } = 99_999_999;

    /// <summary>WS-INT-RATE-END: last day of the rate range in use (0 before the first look-up).</summary>
    public int RateEndDate { get; private set; }

    /// <summary>WS-INT-FACTOR as the last computation left it (PIC 9(03)V9(10)).</summary>
    public CobolDecimal Factor { get; private set; } = CobolDecimal.FromUnscaled(1, 0);

    /// <summary>WS-INT-ANNUAL-RATE in thousandths of a percent.</summary>
    public int AnnualRateThousandths { get; private set; }

    /// <summary>
    /// The interest on <paramref name="principal"/> from <paramref name="fromDate"/> (excluded) to
    /// <paramref name="toDate"/> (included). The dates are read as INTEGER-OF-DATE reads its argument (a field that is
    /// not a date counts as day 0). <paramref name="rateNotFound"/> is called with each day no rate covers (CLV8511E).
    /// </summary>
    public PackedNumber Compute(PackedNumber principal, DisplayNumber fromDate, DisplayNumber toDate, Action<int> rateNotFound)
    {
        ArgumentNullException.ThrowIfNull(rateNotFound);
        var fromDay = DayNumber(IntegerDate.IntegerOfDate(fromDate.GetInt()) + 1);
        var toDay = DayNumber(IntegerDate.IntegerOfDate(toDate.GetInt()));
        if (DecimalReference || _policies.DailyFactorRounding != CobolRoundingMode.Truncation
            || _policies.InterestAmountRounding != CobolRoundingMode.Truncation)
            return ComputeDecimal(principal, fromDay, toDay, rateNotFound);

        // 8500 in integers: the factor's unscaled value (scale 10), one FixedPointMultiplier per rate
        var factor = (ulong)FactorOne;
        if (fromDay <= toDay)
        {
            var date = IntegerDate.DateOfInteger(fromDay);
            for (var day = fromDay; ; day++)
            {
                if (date < RateEffectiveDate || date > RateEndDate) FindRate(date, rateNotFound);
                factor = StepFor(AnnualRateThousandths).Apply(factor);
                if (day == toDay) break;
                date = IntegerDate.NextDate(date);
            }
        }
        Factor = CobolDecimal.FromUnscaled((long)factor, 10);
        // COMPUTE WS-INTEREST-AMT = WS-INT-PRINCIPAL * (WS-INT-FACTOR - 1): scale 2 + 10, truncated to 2, high-order digits dropped
        var product = (Int128)principal.Unscaled * ((long)factor - FactorOne);
        var cents = product / InterestShift;
        var negativeZero = false;
        if (Int128.Abs(cents) >= InterestModulus)
        {
            var kept = cents % InterestModulus;
            negativeZero = kept == 0 && cents < 0;
            cents = kept;
        }
        return PackedNumber.FromUnscaled((long)cents, OpenItemPictures.Interest, negativeZero);
    }

    /// <summary>8500 as the statements are written, every value a <see cref="CobolDecimal"/>.</summary>
    private PackedNumber ComputeDecimal(PackedNumber principal, int fromDay, int toDay, Action<int> rateNotFound)
    {
        var factor = CobolArithmetic.Store(One, FactorPic, _policies.DailyFactorRounding).Value;
        for (var day = fromDay; day <= toDay; day = DayNumber(day + 1))
        {
            var date = IntegerDate.DateOfInteger(day);
            if (date < RateEffectiveDate || date > RateEndDate) FindRate(date, rateNotFound);
            factor = CobolArithmetic.Store(factor * DailyMultiplier(AnnualRateThousandths), FactorPic, _policies.DailyFactorRounding).Value;
        }
        Factor = factor;
        var interest = CobolArithmetic.Store(principal.Value * (factor - One), OpenItemPictures.Interest, _policies.InterestAmountRounding);
        return PackedNumber.FromUnscaled(interest.Value.ToUnscaledInt64(2), OpenItemPictures.Interest, interest.NegativeZero);
    }

    /// <summary>A day number as PIC 9(07) holds it.</summary>
    private static int DayNumber(long value) => (int)(value % 10_000_000);

    /// <summary>The daily multiplication at a rate, in integers (see <see cref="FixedPointMultiplier"/>).</summary>
    private FixedPointMultiplier StepFor(int rateThousandths)
    {
        if (rateThousandths == _stepRate) return _step;
        if (!_dailyStep.TryGetValue(rateThousandths, out var step))
        {
            step = FixedPointMultiplier.Create(DailyMultiplier(rateThousandths), FactorPic);
            _dailyStep[rateThousandths] = step;
        }
        _stepRate = rateThousandths;
        _step = step;
        return step;
    }

    /// <summary><c>1 + rate / 100 / 365</c> with GnuCOBOL's intermediate scale for the divisions (the same for every day at a rate).</summary>
    private CobolDecimal DailyMultiplier(int rateThousandths)
    {
        if (!_dailyMultiplier.TryGetValue(rateThousandths, out var m))
        {
            var rate = CobolDecimal.FromUnscaled(rateThousandths, 3);
            m = One + CobolArithmetic.Divide(CobolArithmetic.Divide(rate, Hundred), _daysPerYear);
            _dailyMultiplier[rateThousandths] = m;
        }
        return m;
    }

    /// <summary>8510: linear search from the first entry for a range holding the date.</summary>
    private void FindRate(int date, Action<int> rateNotFound)
    {
        foreach (var r in _table)
        {
            if (r.EffectiveDate <= date && r.EndDate >= date)
            {
                RateEffectiveDate = r.EffectiveDate;
                RateEndDate = r.EndDate;
                AnnualRateThousandths = r.UnderpaymentRateThousandths;
                return;
            }
        }
        rateNotFound(date);
        AnnualRateThousandths = 0;
        RateEffectiveDate = RateEndDate = date;
    }
}
