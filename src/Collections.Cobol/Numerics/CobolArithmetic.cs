using System.Numerics;

namespace Collections.Cobol.Numerics;

/// <summary>
/// GnuCOBOL 3.1.2 arithmetic (libcob/numeric.c) as compiled by cobc with the legacy's flags
/// (-std=default -fsign=EBCDIC -fbinary-size=2-4-8 -fno-constant-folding -fassign-clause=ibm).
/// Intermediate results are exact <see cref="CobolDecimal"/>s; only division (and negative powers) lose digits,
/// at GnuCOBOL's intermediate scale; storing into a receiver applies ROUNDED MODE, decimal-point alignment,
/// high-order truncation and the size-error rules.
/// </summary>
public static partial class CobolArithmetic
{
    /// <summary>GnuCOBOL's COB_MAX_DIGITS: the extra digits cob_decimal_div shifts the dividend by.</summary>
    public const int DivisionExtraDigits = 38;

    /// <summary>
    /// cob_decimal_div: the quotient truncated toward zero at scale
    /// <c>38 + max(0, dividend.Scale - divisor.Scale)</c> (a zero dividend gives 0 at scale 0).
    /// Throws <see cref="DivideByZeroException"/> for a zero divisor (GnuCOBOL: EC-SIZE-ZERO-DIVIDE).
    /// </summary>
    public static CobolDecimal Divide(CobolDecimal dividend, CobolDecimal divisor)
    {
        if (divisor.IsZero) throw new DivideByZeroException("COBOL division by zero (EC-SIZE-ZERO-DIVIDE)");
        if (dividend.IsZero) return CobolDecimal.Zero;
        int scale = dividend.Scale - divisor.Scale;
        int shift = DivisionExtraDigits + (scale < 0 ? -scale : 0);
        var numerator = dividend.Big * Pow10.Big(shift);
        return CobolDecimal.FromUnscaled(BigInteger.Divide(numerator, divisor.Big), scale + shift);
    }

    /// <summary>Division that reports a zero divisor instead of throwing.</summary>
    public static bool TryDivide(CobolDecimal dividend, CobolDecimal divisor, out CobolDecimal quotient)
    {
        if (divisor.IsZero)
        {
            quotient = default;
            return false;
        }
        quotient = Divide(dividend, divisor);
        return true;
    }

    /// <summary>
    /// cob_decimal_pow with an integer exponent: 0 ** n = 0 (n != 0), x ** 0 = 1, x ** n exact (trailing fraction zeros
    /// trimmed), x ** -n = 1 / (x ** n) by <see cref="Divide"/> then trimmed. 0 ** 0 gives 1 (GnuCOBOL also raises
    /// EC-SIZE-EXPONENTIATION; see <see cref="PowerRaisesSizeError"/>).
    /// </summary>
    public static CobolDecimal Power(CobolDecimal value, int exponent)
    {
        if (exponent == 0) return CobolDecimal.One;
        if (value.IsZero) return CobolDecimal.Zero;
        var x = value.Trim();
        if (exponent == 1) return x;
        int n = exponent < 0 ? -exponent : exponent;
        var p = CobolDecimal.FromUnscaled(BigInteger.Pow(x.Big, n), checked(x.Scale * n));
        if (p.Scale != 0) p = p.Trim();
        if (exponent > 0) return p;
        return Divide(CobolDecimal.One, p).Trim();
    }

    /// <summary>True when GnuCOBOL raises a size condition for this exponentiation (0 ** 0).</summary>
    public static bool PowerRaisesSizeError(CobolDecimal value, int exponent) => exponent == 0 && value.IsZero;

    /// <summary>
    /// Stores <paramref name="value"/> into a receiver as COMPUTE/ADD/SUBTRACT/MULTIPLY/DIVIDE do
    /// (cob_decimal_get_field): rounding per <paramref name="mode"/> when the value has more fraction digits than
    /// the receiver, truncation of the remaining excess fraction digits, sign dropped for unsigned receivers, then
    /// high-order truncation. <see cref="StoreResult.SizeError"/> reports a size condition; when
    /// <paramref name="onSizeError"/> is true and the condition is an overflow, <see cref="StoreResult.Value"/> is
    /// the value the statement would have stored without the phrase and the caller must keep the receiver unchanged
    /// (use the overloads taking the current value to get that done). ROUNDED MODE PROHIBITED raises the condition
    /// whenever fraction digits are lost and stores the truncated value anyway (GnuCOBOL 3.1.2).
    /// </summary>
    public static StoreResult Store(CobolDecimal value, NumericPic receiver, CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false)
    {
        var (v, overflow, prohibited, negZero) = StoreCore(value, receiver, mode);
        return new StoreResult(v, overflow || prohibited) { NegativeZero = negZero };
    }

    /// <summary>
    /// Store with the receiver's current value: returns the current value unchanged when
    /// <paramref name="onSizeError"/> is set and the value overflows the receiver.
    /// </summary>
    public static StoreResult Store(CobolDecimal value, NumericPic receiver, CobolDecimal current, CobolRoundingMode mode, bool onSizeError)
    {
        var (v, overflow, prohibited, negZero) = StoreCore(value, receiver, mode);
        if (overflow && onSizeError) return new StoreResult(current, true);
        return new StoreResult(v, overflow || prohibited) { NegativeZero = negZero };
    }

    /// <summary>
    /// MOVE numeric to numeric: decimal-point alignment, truncation at both ends (no rounding, no size error),
    /// sign dropped for an unsigned receiver.
    /// </summary>
    public static CobolDecimal Move(CobolDecimal value, NumericPic receiver) => Move(value, receiver, out _);

    /// <summary>
    /// MOVE numeric to numeric; <paramref name="negativeZero"/> is true when GnuCOBOL writes a negative zero into a
    /// signed DISPLAY or PACKED-DECIMAL receiver: MOVE keeps the source's sign even when truncation at either
    /// end leaves only zero digits (MOVE -0.001 TO S9V99 stores "00}").
    /// </summary>
    public static CobolDecimal Move(CobolDecimal value, NumericPic receiver, out bool negativeZero)
    {
        var v = value.Rescale(receiver.Scale);
        if (!receiver.Signed && v.Sign < 0) v = -v;
        var r = TruncateHighOrder(v, receiver.Digits);
        negativeZero = receiver.Signed && value.Sign < 0 && r.IsZero;
        return r;
    }

    /// <summary>
    /// MOVE with the storages of source and receiver, which decide whether a truncated negative value leaves a
    /// negative zero (cobc 3.1.2): a DISPLAY receiver keeps the source's sign always; a PACKED receiver keeps it
    /// when high-order truncation produced the zero, and for low-order truncation only from a DISPLAY source
    /// (packed or binary sources go through a decimal whose zero has no sign); a BINARY receiver has no -0.
    /// </summary>
    /// <remarks>
    /// DISPLAY to BINARY follows libcob's cob_move_display_to_binary: the source digits up to the receiver's scale
    /// are accumulated in an unsigned 64-bit integer, which wraps modulo 2^64 when the value does not fit, and only
    /// then is the result cut to the receiver's PIC digits (cobc 3.1.2, found by the differential tool:
    /// MOVE 543069556083.52080 TO S9(5)V9(8) COMP stores 74609.32976768).
    /// </remarks>
    public static CobolDecimal Move(CobolDecimal value, NumericUsage sourceUsage, NumericPic receiver, NumericUsage receiverUsage, out bool negativeZero)
    {
        if (sourceUsage == NumericUsage.Display && receiverUsage == NumericUsage.Binary)
            value = WrapDisplayToBinary(value, receiver.Scale);
        var r = Move(value, receiver, out negativeZero);
        if (negativeZero)
        {
            negativeZero = receiverUsage switch
            {
                NumericUsage.Display => true,
                NumericUsage.Packed => sourceUsage == NumericUsage.Display || !value.Rescale(receiver.Scale).IsZero,
                _ => false,
            };
        }
        return r;
    }

    /// <summary>The magnitude at the receiver's scale, low-order digits dropped, taken modulo 2^64 (libcob's cob_u64_t accumulator), sign kept.</summary>
    private static CobolDecimal WrapDisplayToBinary(CobolDecimal value, int receiverScale)
    {
        var magnitude = BigInteger.Abs(value.Rescale(receiverScale).Unscaled);
        if (magnitude <= ulong.MaxValue) return value;
        var wrapped = magnitude & ulong.MaxValue;
        return CobolDecimal.FromUnscaled(value.Sign < 0 ? -wrapped : wrapped, receiverScale);
    }

    // ---- core ----

    private static (CobolDecimal Value, bool Overflow, bool Prohibited, bool NegativeZero) StoreCore(CobolDecimal value, NumericPic receiver, CobolRoundingMode mode)
    {
        bool prohibited = false;
        var v = value;
        if (mode != CobolRoundingMode.Truncation && !v.IsZero && v.Scale > receiver.Scale)
        {
            if (mode == CobolRoundingMode.Prohibited) prohibited = true;
            else v = Round(v, receiver.Scale, mode);
        }
        v = v.Rescale(receiver.Scale);
        if (!receiver.Signed && v.Sign < 0) v = -v;
        if (Exceeds(v, receiver.Digits))
        {
            var t = TruncateHighOrder(v, receiver.Digits);
            return (t, true, prohibited, t.IsZero && v.Sign < 0);
        }
        return (v, false, prohibited, false);
    }

    private static bool Exceeds(CobolDecimal v, int digits)
    {
        if (v.TryGetUnscaled(out Int128 s))
        {
            if (digits > Pow10.MaxInt128Exponent) return false;
            return Int128.Abs(s) >= Pow10.Int128Table[digits];
        }
        return BigInteger.Abs(v.Big) >= Pow10.Big(digits);
    }

    private static CobolDecimal TruncateHighOrder(CobolDecimal v, int digits)
    {
        if (v.TryGetUnscaled(out Int128 s))
        {
            if (digits > Pow10.MaxInt128Exponent) return v;
            return CobolDecimal.FromUnscaled(s % Pow10.Int128Table[digits], v.Scale);
        }
        return CobolDecimal.FromUnscaled(BigInteger.Remainder(v.Big, Pow10.Big(digits)), v.Scale);
    }

    /// <summary>
    /// Rounds a non-zero value with more than <paramref name="scale"/> fraction digits to exactly
    /// <paramref name="scale"/> fraction digits (cob_decimal_do_round).
    /// </summary>
    internal static CobolDecimal Round(CobolDecimal v, int scale, CobolRoundingMode mode)
    {
        int adj = v.Scale - scale;
        if (adj <= 0 || v.IsZero) return v.Rescale(scale);
        if (v.TryGetUnscaled(out Int128 s) && adj <= Pow10.MaxInt128Exponent)
        {
            var q = RoundCore(s, Pow10.Int128Table[adj], mode);
            return CobolDecimal.FromUnscaled(q, scale);
        }
        var bq = RoundCore(v.Big, Pow10.Big(adj), mode);
        return CobolDecimal.FromUnscaled(bq, scale);
    }

    // Quotient of v / unit rounded per mode; unit = 10^adj with adj >= 1.
    private static T RoundCore<T>(T v, T unit, CobolRoundingMode mode) where T : IBinaryInteger<T>
    {
        var (q, r) = T.DivRem(v, unit); // truncating: r has v's sign
        if (T.IsZero(r)) return q;
        T sign = T.IsNegative(v) ? -T.One : T.One;
        T half = unit / T.CreateTruncating(2);
        T absR = T.Abs(r);
        switch (mode)
        {
            case CobolRoundingMode.Truncation:
            case CobolRoundingMode.Prohibited:
                return q;
            case CobolRoundingMode.AwayFromZero:
                return q + sign;
            case CobolRoundingMode.TowardGreater:
                return T.IsNegative(v) ? q : q + T.One;
            case CobolRoundingMode.TowardLesser:
                return T.IsNegative(v) ? q - T.One : q;
            case CobolRoundingMode.NearestTowardZero:
                return absR > half ? q + sign : q;
            case CobolRoundingMode.NearestEven:
                if (absR > half) return q + sign;
                if (absR < half) return q;
                return T.IsEvenInteger(q) ? q : q + sign;
            case CobolRoundingMode.NearestAwayFromZero:
            default:
                return absR >= half ? q + sign : q;
        }
    }
}
