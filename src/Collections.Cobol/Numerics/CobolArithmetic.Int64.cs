using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Collections.Cobol.Numerics;

/// <summary>
/// Integer fast paths for the statements batch ports run per record: the same results as <see cref="Store(CobolDecimal,
/// NumericPic, CobolRoundingMode, bool)"/> (GnuCOBOL 3.1.2) for truncation and plain ROUNDED (half away from zero), in
/// <see cref="long"/> arithmetic when the exact intermediate fits and in <see cref="Int128"/> otherwise; every other
/// rounding mode goes through <see cref="CobolDecimal"/>. Values are unscaled integers at the given scales.
/// A product of two fields is exact in both; for a division GnuCOBOL truncates the quotient at 38 or more decimals
/// before rounding, which cannot change a truncation or a half-away-from-zero decision (0.5 has one decimal).
/// Cross-checked against the <see cref="CobolDecimal"/> path by tests.
/// </summary>
public static partial class CobolArithmetic
{
    private static readonly long[] Pow10Int64 =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    /// <summary>
    /// High-order truncation of an unscaled integer to <paramref name="digits"/> digit positions, the sign kept (as ADD
    /// or COMPUTE without ON SIZE ERROR store it: 999.00 + 2.50 into S9(3)V99 gives 1.50); for an unsigned receiver
    /// (<paramref name="signed"/> false) the sign is dropped first. A value that already fits is returned without a
    /// division. 19 or more digits: a <see cref="long"/> always fits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]   // per record in the ports' totals: no call
    public static long TruncateHighOrder(long unscaled, int digits, bool signed = true)
    {
        if (digits < 1) ThrowDigits(digits);
        if (!signed && unscaled < 0) unscaled = -unscaled;
        if (digits > 18) return unscaled;
        var limit = Pow10Int64[digits];
        return unscaled > -limit && unscaled < limit ? unscaled : unscaled % limit;
    }

    [DoesNotReturn]
    private static void ThrowDigits(int digits) => throw new ArgumentOutOfRangeException(nameof(digits), digits, "at least 1 digit");

    /// <summary><c>ADD addend TO receiver</c> without ON SIZE ERROR: the exact sum, then high-order truncation to the receiver's digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Add(long receiver, long addend, NumericPic pic) => TruncateHighOrder(receiver + addend, pic.Digits, pic.Signed);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsIntegerMode(CobolRoundingMode mode) =>
        mode is CobolRoundingMode.Truncation or CobolRoundingMode.NearestAwayFromZero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool FastReceiver(CobolRoundingMode mode, NumericPic receiver) =>
        IsIntegerMode(mode) && receiver.Signed && receiver.Scale >= 0 && receiver.Digits <= 18;

    /// <summary>
    /// <c>COMPUTE receiver [ROUNDED] = a × b ON SIZE ERROR</c>: <paramref name="a"/> and <paramref name="b"/> unscaled at
    /// their scales. False on a size error (<paramref name="result"/> 0: the receiver is left as it was); otherwise the
    /// result unscaled at the receiver's scale.
    /// </summary>
    public static bool TryStoreProduct(long a, int aScale, long b, int bScale, NumericPic receiver, CobolRoundingMode mode, out long result)
    {
        if (!FastReceiver(mode, receiver)) return Slow(Dec(a, aScale) * Dec(b, bScale), receiver, mode, out result);
        // The operands are at most 18 digits each, so the exact product can need 128 bits; usually (an amount below
        // 10^13 times a rate below 10^10) it fits a long: then the whole store is long arithmetic.
        var high = Math.BigMul(a, b, out long low);
        if (high == (low >> 63) && aScale + bScale - receiver.Scale is >= 0 and <= 18)
            return FinishInt64(low, aScale + bScale - receiver.Scale, receiver, mode, out result);
        return Finish((Int128)a * b, aScale + bScale, receiver, mode, out result);
    }

    /// <summary><c>COMPUTE receiver [ROUNDED] = a / b ON SIZE ERROR</c> (<paramref name="b"/> not zero: a zero divisor throws <see cref="DivideByZeroException"/>).</summary>
    public static bool TryStoreQuotient(long a, int aScale, long b, int bScale, NumericPic receiver, CobolRoundingMode mode, out long result)
    {
        if (b == 0) throw new DivideByZeroException("COBOL division by zero (EC-SIZE-ZERO-DIVIDE)");
        if (!FastReceiver(mode, receiver) || aScale > 18 || bScale > 18)
            return Slow(Divide(Dec(a, aScale), Dec(b, bScale)), receiver, mode, out result);
        // a/10^as ÷ b/10^bs at receiver scale rs: (a × 10^(bs + rs)) / (b × 10^as), the remainder decides the rounding.
        // When both scaled operands fit a long the division is done in long arithmetic; otherwise in Int128.
        if (bScale + receiver.Scale <= 18)
        {
            var highN = Math.BigMul(a, Pow10Int64[bScale + receiver.Scale], out long n);
            var highD = Math.BigMul(b, Pow10Int64[aScale], out long d);
            if (highN == (n >> 63) && highD == (d >> 63) && n != long.MinValue && d != long.MinValue)
            {
                if (d < 0)
                {
                    n = -n;
                    d = -d;
                }
                var q64 = n / d;
                var r64 = n - (q64 * d);
                if (mode == CobolRoundingMode.NearestAwayFromZero && r64 != 0)
                {
                    var abs = r64 < 0 ? -r64 : r64;
                    if (abs >= d - abs) q64 += n < 0 ? -1 : 1;
                }
                return CheckInt64(q64, receiver, out result);
            }
        }
        var num = (Int128)a * Pow10.Int128Table[bScale + receiver.Scale];
        var den = (Int128)b * Pow10.Int128Table[aScale];
        if (den < 0)
        {
            num = -num;
            den = -den;
        }
        var q = num / den;
        var rem = num % den;
        if (mode == CobolRoundingMode.NearestAwayFromZero && rem != 0 && Int128.Abs(rem) * 2 >= den) q += num < 0 ? -1 : 1;
        return Check(q, receiver, out result);
    }

    /// <summary>
    /// <c>COMPUTE receiver [ROUNDED] = value</c> without ON SIZE ERROR, <paramref name="unscaled"/> at
    /// <paramref name="fromScale"/> decimals: the low-order digits beyond the receiver's scale rounded or truncated by
    /// <paramref name="mode"/>, then high-order truncation to the receiver's digits (the sign kept; dropped for an
    /// unsigned receiver). Integer arithmetic for truncation and half away from zero when the receiver has fewer
    /// decimals (at most 18 fewer); otherwise through <see cref="Store(CobolDecimal, NumericPic, CobolRoundingMode, bool)"/>.
    /// </summary>
    public static long StoreRescaled(Int128 unscaled, int fromScale, NumericPic receiver, CobolRoundingMode mode)
    {
        var drop = fromScale - receiver.Scale;
        if (drop <= 0 || drop > 18 || !IsIntegerMode(mode) || receiver.Digits > 18)
            return Store(CobolDecimal.FromUnscaled(unscaled, fromScale), receiver, mode).Value.ToUnscaledInt64(receiver.Scale);
        var divisor = (Int128)Pow10Int64[drop];
        var negative = unscaled < 0;
        var magnitude = negative ? -unscaled : unscaled;
        var kept = magnitude / divisor;
        if (mode == CobolRoundingMode.NearestAwayFromZero && magnitude % divisor * 2 >= divisor) kept++;
        var cut = (long)(kept % Pow10Int64[receiver.Digits]);   // high-order truncation of the receiver
        return negative && receiver.Signed ? -cut : cut;
    }

    private static CobolDecimal Dec(long unscaled, int scale) => CobolDecimal.FromUnscaled(unscaled, scale);

    private static bool Slow(CobolDecimal value, NumericPic receiver, CobolRoundingMode mode, out long result)
    {
        var r = Store(value, receiver, mode, onSizeError: true);
        result = r.SizeError ? 0 : r.Value.ToUnscaledInt64(receiver.Scale);
        return !r.SizeError;
    }

    /// <summary>
    /// <see cref="Finish"/> for a product that fits a long: drop <paramref name="drop"/> decimals (0-18) with the
    /// rounding, then the size check. |remainder| &lt; 10^drop, so comparing it with the divisor's other part cannot
    /// overflow; the common drops (3, 6) divide by a constant, which the JIT turns into a multiply.
    /// </summary>
    private static bool FinishInt64(long value, int drop, NumericPic receiver, CobolRoundingMode mode, out long result)
    {
        var v = value;
        if (drop > 0)
        {
            var p = Pow10Int64[drop];
            v = drop switch
            {
                3 => value / 1_000,
                6 => value / 1_000_000,
                _ => value / p,
            };
            var rem = value - (v * p);
            if (mode == CobolRoundingMode.NearestAwayFromZero && rem != 0)
            {
                var abs = rem < 0 ? -rem : rem;
                if (abs >= p - abs) v += value < 0 ? -1 : 1;
            }
        }
        return CheckInt64(v, receiver, out result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CheckInt64(long v, NumericPic receiver, out long result)
    {
        var limit = Pow10Int64[receiver.Digits];
        if (v >= limit || v <= -limit)
        {
            result = 0;
            return false;
        }
        result = v;
        return true;
    }

    private static bool Finish(Int128 value, int scale, NumericPic receiver, CobolRoundingMode mode, out long result)
    {
        var drop = scale - receiver.Scale;
        Int128 v;
        if (drop > 0)
        {
            var p = Pow10.Int128Table[drop];
            v = value / p;
            var rem = value % p;
            if (mode == CobolRoundingMode.NearestAwayFromZero && rem != 0 && Int128.Abs(rem) * 2 >= p) v += value < 0 ? -1 : 1;
        }
        else v = value * Pow10.Int128Table[-drop];
        return Check(v, receiver, out result);
    }

    private static bool Check(Int128 v, NumericPic receiver, out long result)
    {
        if (Int128.Abs(v) >= Pow10.Int128Table[receiver.Digits])
        {
            result = 0;
            return false;
        }
        result = (long)v;
        return true;
    }
}
