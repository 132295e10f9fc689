namespace Collections.Cobol.Numerics;

/// <summary>
/// The binary operations of cob_decimal with a second operand that may be a program's shared literal constant
/// (<see cref="CobolLiteral"/>). Evaluate in the program's statement order, left operand before right, as cobc does.
/// </summary>
public static partial class CobolArithmetic
{
    /// <summary>cob_decimal_add: a literal second operand is aligned in place to the left operand's scale when that is larger.</summary>
    public static CobolDecimal Add(CobolDecimal left, CobolOperand right) => left + Aligned(left, right);

    /// <summary>cob_decimal_sub: a literal second operand is aligned in place to the left operand's scale when that is larger.</summary>
    public static CobolDecimal Subtract(CobolDecimal left, CobolOperand right) => left - Aligned(left, right);

    /// <summary>cob_decimal_mul: the scales add; a literal second operand brings its current (possibly raised) scale.</summary>
    public static CobolDecimal Multiply(CobolDecimal left, CobolOperand right) => left * right.Current;

    /// <summary>cob_decimal_div (<see cref="Divide(CobolDecimal, CobolDecimal)"/>) with the literal's current scale.</summary>
    public static CobolDecimal Divide(CobolDecimal left, CobolOperand right) => Divide(left, right.Current);

    /// <summary>
    /// cob_decimal_pow with a literal exponent (an integer literal): when base and exponent are non-zero the shared
    /// constant is trimmed in place (cob_trim_decimal); a negative exponent overwrites the constant with
    /// base ** |exponent| (trimmed), as libcob 3.1.2 does, so later uses of that literal see that value.
    /// </summary>
    public static CobolDecimal Power(CobolDecimal value, CobolLiteral exponent)
    {
        ArgumentNullException.ThrowIfNull(exponent);
        var e = exponent.Shared;
        if (e.IsZero || value.IsZero) return Power(value, ToExponent(e.Trim())); // cob_decimal_pow returns before trimming
        e = exponent.Trim();
        int n = ToExponent(e);
        var result = Power(value, n);
        if (n < 0)
        {
            var x = value.Trim();
            var p = CobolDecimal.FromUnscaled(System.Numerics.BigInteger.Pow(x.Unscaled, -n), checked(x.Scale * -n));
            exponent.Overwrite(p.Scale != 0 ? p.Trim() : p);
        }
        return result;
    }

    /// <summary>
    /// MOVE of a numeric literal: cobc 3.1.2 compiles a literal MOVEd to a DISPLAY receiver of the same scale into a
    /// constant store (cb_build_move_literal) that writes a positive sign when the stored digits are all zero
    /// (MOVE -3.0 TO SV9 stores "{", MOVE -100.0 TO S99V9 stores "00{"); any other receiver goes through cob_move
    /// from a DISPLAY field (MOVE -0.01 TO S9V9 stores "0}"; MOVE -3.0 TO SV9 COMP-3 stores a negative zero).
    /// </summary>
    public static CobolDecimal MoveLiteral(CobolDecimal literal, NumericPic receiver, NumericUsage receiverUsage, out bool negativeZero)
    {
        var r = Move(literal, NumericUsage.Display, receiver, receiverUsage, out negativeZero);
        if (negativeZero && receiverUsage == NumericUsage.Display && literal.Scale == receiver.Scale) negativeZero = false;
        return r;
    }

    private static CobolDecimal Aligned(CobolDecimal left, CobolOperand right) =>
        right.Literal is { } literal ? literal.AlignTo(left.Scale) : right.Value;

    private static int ToExponent(CobolDecimal e)
    {
        if (e.Scale > 0) throw new NotSupportedException($"non-integer exponent {e}");
        if (!e.TryGetUnscaled(out long n) || n is > int.MaxValue or < int.MinValue + 1)
            throw new NotSupportedException($"exponent {e} out of range");
        return (int)n;
    }
}
