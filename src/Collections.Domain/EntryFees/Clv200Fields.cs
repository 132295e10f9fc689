using Collections.Cobol.Numerics;

namespace Collections.Domain.EntryFees;

/// <summary>
/// The receiving fields of CLV200 whose sizes decide where the legacy truncates (high order) or rounds (low order).
/// </summary>
internal static class Clv200Fields
{
    /// <summary>WS-CUR-ENTERED-VALUE, WS-CUR-DUTY, ... ECT-TOTAL-ASSESSED: PIC S9(11)V99.</summary>
    public static readonly NumericPic EntryAmount = NumericPic.Parse("S9(11)V99");

    /// <summary>WS-CUR-MPF, WS-CUR-HMF, WS-AL-AMOUNT, ECT-FEE-AMT: PIC S9(09)V99.</summary>
    public static readonly NumericPic FeeAmount = NumericPic.Parse("S9(09)V99");

    /// <summary>WS-CUR-MPF-RAW, LC-RAW-MPF: PIC S9(09)V9(05).</summary>
    public static readonly NumericPic RawMpf = NumericPic.Parse("S9(09)V9(05)");

    /// <summary>WS-CUR-ALL-DUTIES: PIC S9(13)V99.</summary>
    public static readonly NumericPic AllDuties = NumericPic.Parse("S9(13)V99");

    /// <summary>WS-TOT-*: PIC S9(15)V99.</summary>
    public static readonly NumericPic RunAmount = NumericPic.Parse("S9(15)V99");

    /// <summary>WS-LINECALC-READ and the other run counters: PIC S9(07) COMP-3.</summary>
    public const int CounterDigits = 7;

    /// <summary>WS-CUR-LINES-ACCEPTED / -REJECTED: PIC 9(03).</summary>
    public const int LineCountDigits = 3;

    /// <summary>
    /// <c>ADD a TO b</c> without ON SIZE ERROR as GnuCOBOL does it: exact sum, then high-order truncation to the
    /// receiver's digits (the sign is kept; 999.00 + 2.50 into S9(3)V99 gives 1.50).
    /// </summary>
    public static long Add(long receiver, long addend, NumericPic pic) => TruncateHighOrder(receiver + addend, pic.Digits, pic.Signed);

    /// <summary>High-order truncation of an unscaled value to <paramref name="digits"/> digit positions.</summary>
    public static long TruncateHighOrder(long unscaled, int digits, bool signed = true)
    {
        if (!signed && unscaled < 0) unscaled = -unscaled;
        if (digits >= 18) return unscaled;
        var limit = Powers[digits];
        // |unscaled| < 10^digits: nothing to cut (x % m == x), and no division on the common path
        return unscaled > -limit && unscaled < limit ? unscaled : unscaled % limit;
    }

    /// <summary>
    /// COMPUTE receiver [ROUNDED] = value where value is <paramref name="unscaled"/> at <paramref name="fromScale"/>
    /// decimals and the receiver has <paramref name="receiver"/>'s picture (scale below <paramref name="fromScale"/>):
    /// the same result as <see cref="Store"/>, computed in integers for truncation and half-away-from-zero rounding
    /// (other modes go through <see cref="CobolArithmetic"/>).
    /// </summary>
    public static long Rescale(Int128 unscaled, int fromScale, NumericPic receiver, CobolRoundingMode mode)
    {
        var drop = fromScale - receiver.Scale;
        if (drop <= 0 || drop > 18 || (mode != CobolRoundingMode.Truncation && mode != CobolRoundingMode.NearestAwayFromZero))
            return Store(CobolDecimal.FromUnscaled(unscaled, fromScale), receiver, mode);
        var divisor = (Int128)Powers[drop];
        var negative = unscaled < 0;
        var magnitude = negative ? -unscaled : unscaled;
        var kept = magnitude / divisor;
        if (mode == CobolRoundingMode.NearestAwayFromZero && magnitude % divisor * 2 >= divisor) kept++;
        var cut = (long)(kept % Powers[receiver.Digits]);   // high-order truncation of the receiver
        return negative ? -cut : cut;
    }

    /// <summary>COMPUTE receiver [ROUNDED] = value: rounding/truncation by <paramref name="mode"/>, then high-order truncation.</summary>
    public static long Store(CobolDecimal value, NumericPic receiver, CobolRoundingMode mode)
        => Unscaled(CobolArithmetic.Store(value, receiver, mode).Value, receiver.Scale);

    public static CobolDecimal Dec(long unscaled, int scale) => CobolDecimal.FromUnscaled(unscaled, scale);

    /// <summary>The unscaled integer of <paramref name="value"/> at <paramref name="scale"/> (exact; throws if digits would be lost).</summary>
    public static long Unscaled(CobolDecimal value, int scale) => value.ToUnscaledInt64(scale);

    private static readonly long[] Powers = BuildPowers();

    private static long[] BuildPowers()
    {
        var p = new long[19];
        p[0] = 1;
        for (var i = 1; i < p.Length; i++) p[i] = p[i - 1] * 10;
        return p;
    }
}
