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
        return Finish((Int128)a * b, aScale + bScale, receiver, mode, out result);
    }

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
        // a/10^as ÷ b/10^bs at receiver scale rs: (a × 10^(bs + rs)) / (b × 10^as), remainder decides the rounding
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
