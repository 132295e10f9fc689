using Collections.Cobol.Numerics;

namespace Collections.Domain.EntryFees;

/// <summary>
/// The receiving fields of CLV200 whose sizes decide where the legacy truncates (high order) or rounds (low order).
/// The stores themselves are the toolkit's (<see cref="CobolArithmetic.Add(long, long, NumericPic)"/>,
/// <see cref="CobolArithmetic.TruncateHighOrder"/>, <see cref="CobolArithmetic.StoreRescaled"/>).
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

    /// <summary>COMPUTE receiver [ROUNDED] = value: rounding/truncation by <paramref name="mode"/>, then high-order truncation.</summary>
    public static long Store(CobolDecimal value, NumericPic receiver, CobolRoundingMode mode)
        => Unscaled(CobolArithmetic.Store(value, receiver, mode).Value, receiver.Scale);

    public static CobolDecimal Dec(long unscaled, int scale) => CobolDecimal.FromUnscaled(unscaled, scale);

    /// <summary>The unscaled integer of <paramref name="value"/> at <paramref name="scale"/> (exact; throws if digits would be lost).</summary>
    public static long Unscaled(CobolDecimal value, int scale) => value.ToUnscaledInt64(scale);
}
