using Collections.Cobol.Numerics;

namespace Collections.Domain.LineDuties;

/// <summary>
/// Fast, exact stores for CLV100's hot COMPUTEs (products of two fixed-point fields and one division) in
/// <see cref="Int128"/>, giving the same result as <see cref="CobolArithmetic"/> (GnuCOBOL 3.1.2) for truncation and
/// plain ROUNDED (half away from zero); any other rounding mode goes through <see cref="CobolArithmetic"/>.
/// A product of two PIC fields is exact in both; for the division, GnuCOBOL truncates the quotient at 38+ decimals
/// before rounding, which cannot change a truncation or a half-away-from-zero decision (0.5 has one decimal).
/// Cross-checked against <see cref="CobolArithmetic"/> by tests.
/// </summary>
public static class LegacyStore
{
    private static readonly Int128[] Pow10 = BuildPow10();

    private static Int128[] BuildPow10()
    {
        var p = new Int128[39];
        p[0] = 1;
        for (int i = 1; i < p.Length; i++) p[i] = p[i - 1] * 10;
        return p;
    }

    private static bool Fast(CobolRoundingMode mode, NumericPic receiver) =>
        mode is CobolRoundingMode.Truncation or CobolRoundingMode.NearestAwayFromZero && receiver.Signed && receiver.Scale >= 0 && receiver.Digits <= 18;

    /// <summary>
    /// COMPUTE receiver [ROUNDED] = a × b ON SIZE ERROR: <paramref name="a"/> and <paramref name="b"/> unscaled at
    /// their scales. Returns false on a size error; <paramref name="result"/> is unscaled at the receiver's scale.
    /// </summary>
    public static bool TryMultiply(long a, int aScale, long b, int bScale, NumericPic receiver, CobolRoundingMode mode, out long result)
    {
        if (!Fast(mode, receiver))
        {
            var r = CobolArithmetic.Store(CobolDecimal.FromUnscaled(a, aScale) * CobolDecimal.FromUnscaled(b, bScale), receiver, mode, onSizeError: true);
            result = r.SizeError ? 0 : r.Value.ToUnscaledInt64(receiver.Scale);
            return !r.SizeError;
        }
        // The operands are at most 18 digits each, so the exact product can need 128 bits; in CLV100 (an amount below
        // 10^13 times a rate below 10^10) it usually fits a long: then the whole store is long arithmetic.
        long high = Math.BigMul(a, b, out long low);
        if (high == (low >> 63) && aScale + bScale - receiver.Scale is >= 0 and <= 18)
            return FinishInt64(low, aScale + bScale - receiver.Scale, receiver, mode, out result);
        return Finish((Int128)a * b, aScale + bScale, receiver, mode, out result);
    }

    /// <summary>
    /// <see cref="Finish"/> for a product that fits a long: drop <paramref name="drop"/> decimals (0-18) with the
    /// rounding, then the size check. |remainder| &lt; 10^drop, so comparing it with the divisor's other part cannot
    /// overflow; the common drops (3: raw MPF, 6: amounts) divide by a constant, which the JIT turns into a multiply.
    /// </summary>
    private static bool FinishInt64(long value, int drop, NumericPic receiver, CobolRoundingMode mode, out long result)
    {
        long v = value;
        if (drop > 0)
        {
            long p = Pow10Int64[drop];
            v = drop switch
            {
                3 => value / 1_000,
                6 => value / 1_000_000,
                _ => value / p,
            };
            long rem = value - (v * p);
            if (mode == CobolRoundingMode.NearestAwayFromZero && rem != 0)
            {
                long abs = rem < 0 ? -rem : rem;
                if (abs >= p - abs) v += value < 0 ? -1 : 1;
            }
        }
        return CheckInt64(v, receiver, out result);
    }

    private static bool CheckInt64(long v, NumericPic receiver, out long result)
    {
        long limit = Pow10Int64[receiver.Digits];
        if (v >= limit || v <= -limit)
        {
            result = 0;
            return false;
        }
        result = v;
        return true;
    }

    private static readonly long[] Pow10Int64 =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    /// <summary>COMPUTE receiver [ROUNDED] = a / b ON SIZE ERROR (b not zero).</summary>
    public static bool TryDivide(long a, int aScale, long b, int bScale, NumericPic receiver, CobolRoundingMode mode, out long result)
    {
        if (b == 0) throw new DivideByZeroException();
        if (!Fast(mode, receiver) || aScale > 18 || bScale > 18)
        {
            var r = CobolArithmetic.Store(CobolArithmetic.Divide(CobolDecimal.FromUnscaled(a, aScale), CobolDecimal.FromUnscaled(b, bScale)), receiver, mode, onSizeError: true);
            result = r.SizeError ? 0 : r.Value.ToUnscaledInt64(receiver.Scale);
            return !r.SizeError;
        }
        // a/10^as ÷ b/10^bs at receiver scale rs: (a × 10^(bs + rs)) / (b × 10^as), remainder decides the rounding.
        // When both scaled operands fit a long (in CLV100: a foreign value below 10^13 times 10^6, a rate below 10^12
        // times 100, unless the value is 92 billion or more) the division is done in long arithmetic; otherwise in Int128.
        if (bScale + receiver.Scale <= 18)
        {
            long highN = Math.BigMul(a, Pow10Int64[bScale + receiver.Scale], out long n);
            long highD = Math.BigMul(b, Pow10Int64[aScale], out long d);
            if (highN == (n >> 63) && highD == (d >> 63) && n != long.MinValue && d != long.MinValue)
            {
                if (d < 0)
                {
                    n = -n;
                    d = -d;
                }
                long q64 = n / d;
                long r64 = n - (q64 * d);
                if (mode == CobolRoundingMode.NearestAwayFromZero && r64 != 0)
                {
                    long abs = r64 < 0 ? -r64 : r64;
                    if (abs >= d - abs) q64 += n < 0 ? -1 : 1;
                }
                return CheckInt64(q64, receiver, out result);
            }
        }
        Int128 num = (Int128)a * Pow10[bScale + receiver.Scale];
        Int128 den = (Int128)b * Pow10[aScale];
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

    private static bool Finish(Int128 value, int scale, NumericPic receiver, CobolRoundingMode mode, out long result)
    {
        int drop = scale - receiver.Scale;
        Int128 v;
        if (drop > 0)
        {
            var p = Pow10[drop];
            v = value / p;
            var rem = value % p;
            if (mode == CobolRoundingMode.NearestAwayFromZero && rem != 0 && Int128.Abs(rem) * 2 >= p) v += value < 0 ? -1 : 1;
        }
        else v = value * Pow10[-drop];
        return Check(v, receiver, out result);
    }

    private static bool Check(Int128 v, NumericPic receiver, out long result)
    {
        if (Int128.Abs(v) >= Pow10[receiver.Digits])
        {
            result = 0;
            return false;
        }
        result = (long)v;
        return true;
    }
}
