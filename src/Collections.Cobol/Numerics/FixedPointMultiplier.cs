using System.Numerics;

namespace Collections.Cobol.Numerics;

/// <summary>
/// <c>COMPUTE X = X * M</c> without ROUNDED and without ON SIZE ERROR, for an unsigned receiver X of at most 18
/// digits and a constant non-negative multiplier M (an exact <see cref="CobolDecimal"/>, e.g. the
/// <c>1 + RATE / 100 / 365</c> GnuCOBOL computes at its intermediate scale): the exact product truncated to the
/// receiver's scale and its high-order digits dropped, as <see cref="CobolArithmetic.Store(CobolDecimal, NumericPic, CobolRoundingMode, bool)"/>
/// does, but in a few 64-bit multiplications instead of arbitrary-precision arithmetic.
/// <para>
/// With <c>M = q + c</c> (q its integer part, 0 &lt;= c &lt; 1) the stored value is
/// <c>(x * q + floor(x * c)) mod 10^digits</c> for the receiver's unscaled x. <c>floor(x * c)</c> is taken from
/// <c>C = floor(c * 2^128)</c>: <c>floor(x * C / 2^128)</c> equals it unless the fraction of <c>x * c</c> is below
/// <c>x / 2^128</c>, which shows as the low 128 bits of <c>x * C</c> above <c>2^128 - x</c>; that case (about once in
/// 10^25 multiplications) is computed exactly with <see cref="BigInteger"/>. Default value: not usable (create one
/// with <see cref="Create"/>).
/// </para>
/// </summary>
public readonly struct FixedPointMultiplier
{
    private readonly ulong _integerPart;       // q
    private readonly UInt128 _fraction;        // C = floor(c * 2^128)
    private readonly BigInteger _fractionNumerator;   // d: c = d / 10^s exactly
    private readonly BigInteger _fractionDenominator; // 10^s
    private readonly ulong _modulus;           // 10^digits of the receiver

    private FixedPointMultiplier(ulong integerPart, UInt128 fraction, BigInteger numerator, BigInteger denominator, ulong modulus)
    {
        _integerPart = integerPart;
        _fraction = fraction;
        _fractionNumerator = numerator;
        _fractionDenominator = denominator;
        _modulus = modulus;
    }

    /// <summary>
    /// The multiplier <paramref name="multiplier"/> for an unsigned receiver <paramref name="receiver"/>; false when
    /// this form does not apply (a signed receiver or one of more than 18 digits, a negative multiplier, or an integer
    /// part of 2^32 or more), in which case the caller computes with <see cref="CobolArithmetic"/>.
    /// </summary>
    public static bool TryCreate(CobolDecimal multiplier, NumericPic receiver, out FixedPointMultiplier result)
    {
        result = default;
        if (receiver.Signed || receiver.Digits is < 1 or > 18 || multiplier.Sign < 0) return false;
        // the product x * M has scale receiver.Scale + M.Scale; truncating to receiver.Scale divides by 10^M.Scale
        var scale = multiplier.Scale;
        var unscaled = multiplier.Unscaled;
        BigInteger denominator;
        if (scale >= 0) denominator = BigInteger.Pow(10, scale);
        else
        {
            unscaled *= BigInteger.Pow(10, -scale);
            denominator = BigInteger.One;
        }
        var q = BigInteger.DivRem(unscaled, denominator, out var d);
        if (q > uint.MaxValue) return false;
        var fraction = (UInt128)((d << 128) / denominator);
        result = new FixedPointMultiplier((ulong)q, fraction, d, denominator, (ulong)Pow10.Int128Table[receiver.Digits]);
        return true;
    }

    /// <summary>As <see cref="TryCreate"/>; throws when the form does not apply.</summary>
    public static FixedPointMultiplier Create(CobolDecimal multiplier, NumericPic receiver) =>
        TryCreate(multiplier, receiver, out var m) ? m : throw new ArgumentException($"{multiplier} into {receiver}: not an unsigned receiver of at most 18 digits with a multiplier in [0, 2^32)");

    /// <summary>
    /// The receiver's unscaled value after <c>COMPUTE X = X * M</c>, from its unscaled value <paramref name="x"/>
    /// (below 10^digits).
    /// </summary>
    public ulong Apply(ulong x)
    {
        unchecked
        {
            var lo = Math.BigMul(x, (ulong)_fraction, out var loLow);          // x * C_lo = lo:loLow
            var hi = Math.BigMul(x, (ulong)(_fraction >> 64), out var hiLow);  // x * C_hi = hi:hiLow
            var middle = lo + hiLow;
            var carry = middle < lo ? 1UL : 0UL;
            var t = hi + carry;                                                // floor(x * C / 2^128)
            var low128 = ((UInt128)middle << 64) | loLow;
            if (low128 > UInt128.MaxValue - x) t = (ulong)(x * _fractionNumerator / _fractionDenominator);
            if (_integerPart <= 1)
            {
                var sum = (_integerPart == 0 ? 0 : x) + t;   // below 2 * 10^18: no overflow
                return sum < _modulus ? sum : sum % _modulus;
            }
            var product = ((UInt128)x * _integerPart) + t;
            return (ulong)(product % _modulus);
        }
    }
}
