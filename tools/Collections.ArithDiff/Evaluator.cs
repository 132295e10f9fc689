using Collections.Cobol.Numerics;

namespace Collections.ArithDiff;

/// <summary>What the library says a statement leaves in its receiver(s).</summary>
public readonly record struct Outcome(CobolDecimal Value, CobolDecimal? Remainder, bool SizeError,
    bool NegativeZero = false, bool RemainderNegativeZero = false);

/// <summary>
/// Evaluates a generated case with Collections.Cobol.Numerics (the code under test). Literals that cobc compiles as
/// the program's shared constants (second operands) come from <paramref name="literals"/>, one pool per generated
/// program, and cases must be evaluated in program order (an earlier statement can raise a literal's scale).
/// </summary>
public static class Evaluator
{
    /// <summary>Evaluates a case as the only statement of a program (a fresh literal pool).</summary>
    public static Outcome Evaluate(ArithCase c) => Evaluate(c, new CobolLiteralPool());

    public static Outcome Evaluate(ArithCase c, CobolLiteralPool literals)
    {
        var r = c.Receiver;
        var mode = c.Rounded ? c.Mode : CobolRoundingMode.Truncation;
        bool se = c.OnSizeError;
        CobolDecimal Op(int i) => Value(c.Operands[i]);
        // An operand in the position where cobc uses the literal's shared constant (second operand).
        CobolOperand Second(int i) => Operand(c.Operands[i], literals);
        StoreResult s;
        switch (c.Kind)
        {
            case StatementKind.Compute:
            {
                bool exprSizeError = false;
                var v = Eval(c.Expression!, literals, ref exprSizeError);
                if (v is null) return new Outcome(r.Value, null, true); // division by zero: the decimal is NaN
                s = CobolArithmetic.Compute(v.Value, r.Pic, r.Value, mode, se, exprSizeError);
                break;
            }
            case StatementKind.AddTo:
                // One addend: cob_add with the literal's field (no shared constant); two: a + b first.
                s = c.Operands.Count == 1
                    ? CobolArithmetic.AddTo(Op(0), r.Pic, r.Value, mode, se)
                    : CobolArithmetic.AddTo(Op(0), Second(1), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.AddGiving:
                s = CobolArithmetic.AddGiving(Op(0), Second(1), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.SubtractFrom:
                s = c.Operands.Count == 1
                    ? CobolArithmetic.SubtractFrom(Op(0), r.Pic, r.Value, mode, se)
                    : CobolArithmetic.SubtractFrom(Op(0), Second(1), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.SubtractGiving:
                s = CobolArithmetic.SubtractGiving(Second(0), Op(1), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.MultiplyBy:
                s = CobolArithmetic.MultiplyBy(Op(0), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.MultiplyGiving:
                s = CobolArithmetic.MultiplyGiving(Op(0), Second(1), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.DivideInto:
                s = CobolArithmetic.DivideInto(Op(0), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.DivideIntoGiving:
                s = CobolArithmetic.DivideGiving(Op(1), Second(0), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.DivideByGiving:
                s = CobolArithmetic.DivideGiving(Op(0), Second(1), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.DivideRemainder:
            {
                var rm = c.Remainder!;
                var d = CobolArithmetic.DivideGivingRemainder(Op(0), Op(1), r.Pic, r.Value, rm.Pic, rm.Value, mode, se);
                return new Outcome(d.Quotient.Value, d.Remainder.Value, d.SizeError, d.Quotient.NegativeZero, d.Remainder.NegativeZero);
            }
            case StatementKind.Move:
            {
                var v = c.Operands[0] is FieldExpr fe
                    ? CobolArithmetic.Move(Op(0), Usage(fe.Field.Usage), r.Pic, Usage(r.Usage), out bool negativeZero)
                    : CobolArithmetic.MoveLiteral(Op(0), r.Pic, Usage(r.Usage), out negativeZero);
                if (r.Usage == FieldUsage.Binary) negativeZero = false;
                return new Outcome(v, null, false, negativeZero);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(c));
        }
        return new Outcome(s.Value, null, s.SizeError, s.NegativeZero);
    }

    private static NumericUsage Usage(FieldUsage u) => u switch
    {
        FieldUsage.Packed => NumericUsage.Packed,
        FieldUsage.Binary => NumericUsage.Binary,
        _ => NumericUsage.Display,
    };

    public static CobolDecimal Value(Expr e) => e switch
    {
        FieldExpr f => f.Field.Value.Rescale(f.Field.Pic.Scale),
        LiteralExpr l => l.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    private static CobolOperand Operand(Expr e, CobolLiteralPool literals) => e switch
    {
        LiteralExpr l => literals.Get(l.Text),
        _ => Value(e),
    };

    /// <summary>
    /// cobc's decimal_expand: the left subtree into d, the right subtree into t (a literal right operand is the shared
    /// constant), then d op t. Both subtrees are always evaluated; null is libcob's NaN decimal after a division by
    /// zero, which later operations propagate without touching their operands (DECIMAL_CHECK), while a subtree
    /// evaluated after it still aligns its own literals.
    /// </summary>
    private static CobolDecimal? Eval(Expr e, CobolLiteralPool literals, ref bool sizeError)
    {
        switch (e)
        {
            case FieldExpr or LiteralExpr:
                return Value(e);
            case PowerExpr p:
            {
                var b = Eval(p.Base, literals, ref sizeError);
                CobolOperand exponent = p.ExponentItem is { } item ? Value(item) : literals.Get(p.Exponent.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (b is not { } bv) return null;
                if (CobolArithmetic.PowerRaisesSizeError(bv, p.Exponent)) sizeError = true;
                return exponent.Literal is { } lit ? CobolArithmetic.Power(bv, lit) : CobolArithmetic.Power(bv, p.Exponent);
            }
            case BinaryExpr bin:
            {
                var l = Eval(bin.Left, literals, ref sizeError);
                CobolOperand r;
                if (bin.Right is LiteralExpr rl)
                {
                    r = literals.Get(rl.Text);
                }
                else
                {
                    var rv = Eval(bin.Right, literals, ref sizeError);
                    if (rv is null) return null;
                    r = rv.Value;
                }
                if (l is not { } lv) return null;
                if (bin.Op == '/' && r.Current.IsZero) return null;
                return bin.Op switch
                {
                    '/' => CobolArithmetic.Divide(lv, r),
                    '+' => CobolArithmetic.Add(lv, r),
                    '-' => CobolArithmetic.Subtract(lv, r),
                    '*' => CobolArithmetic.Multiply(lv, r),
                    _ => throw new ArgumentOutOfRangeException(nameof(e)),
                };
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(e));
        }
    }
}
