using Collections.Cobol.Numerics;

namespace Collections.ArithDiff;

/// <summary>What the library says a statement leaves in its receiver(s).</summary>
public readonly record struct Outcome(CobolDecimal Value, CobolDecimal? Remainder, bool SizeError,
    bool NegativeZero = false, bool RemainderNegativeZero = false);

/// <summary>Evaluates a generated case with Collections.Cobol.Numerics (the code under test).</summary>
public static class Evaluator
{
    public static Outcome Evaluate(ArithCase c)
    {
        var r = c.Receiver;
        var mode = c.Rounded ? c.Mode : CobolRoundingMode.Truncation;
        bool se = c.OnSizeError;
        CobolDecimal Op(int i) => Value(c.Operands[i]);
        StoreResult s;
        switch (c.Kind)
        {
            case StatementKind.Compute:
            {
                bool exprSizeError = false;
                CobolDecimal v;
                try
                {
                    v = Eval(c.Expression!, ref exprSizeError);
                }
                catch (DivideByZeroException)
                {
                    return new Outcome(r.Value, null, true);
                }
                s = CobolArithmetic.Compute(v, r.Pic, r.Value, mode, se, exprSizeError);
                break;
            }
            case StatementKind.AddTo:
                s = CobolArithmetic.AddTo(c.Operands.Select(Value).ToArray(), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.AddGiving:
                s = CobolArithmetic.AddGiving([Op(0), Op(1)], r.Pic, r.Value, mode, se);
                break;
            case StatementKind.SubtractFrom:
                s = c.Operands.Count == 1
                    ? CobolArithmetic.SubtractFrom(Op(0), r.Pic, r.Value, mode, se)
                    : CobolArithmetic.SubtractGiving(c.Operands.Select(Value).ToArray(), r.Value, r.Pic, r.Value, mode, se);
                break;
            case StatementKind.SubtractGiving:
                s = CobolArithmetic.SubtractGiving([Op(0)], Op(1), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.MultiplyBy:
                s = CobolArithmetic.MultiplyBy(Op(0), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.MultiplyGiving:
                s = CobolArithmetic.MultiplyGiving(Op(0), Op(1), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.DivideInto:
                s = CobolArithmetic.DivideInto(Op(0), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.DivideIntoGiving:
                s = CobolArithmetic.DivideGiving(Op(1), Op(0), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.DivideByGiving:
                s = CobolArithmetic.DivideGiving(Op(0), Op(1), r.Pic, r.Value, mode, se);
                break;
            case StatementKind.DivideRemainder:
            {
                var rm = c.Remainder!;
                var d = CobolArithmetic.DivideGivingRemainder(Op(0), Op(1), r.Pic, r.Value, rm.Pic, rm.Value, mode, se);
                return new Outcome(d.Quotient.Value, d.Remainder.Value, d.SizeError, d.Quotient.NegativeZero, d.Remainder.NegativeZero);
            }
            case StatementKind.Move:
            {
                var srcUsage = c.Operands[0] is FieldExpr fe ? Usage(fe.Field.Usage) : NumericUsage.Display;
                var v = CobolArithmetic.Move(Op(0), srcUsage, r.Pic, Usage(r.Usage), out bool negativeZero);
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

    private static CobolDecimal Eval(Expr e, ref bool sizeError)
    {
        switch (e)
        {
            case FieldExpr or LiteralExpr:
                return Value(e);
            case PowerExpr p:
            {
                var b = Eval(p.Base, ref sizeError);
                if (CobolArithmetic.PowerRaisesSizeError(b, p.Exponent)) sizeError = true;
                return CobolArithmetic.Power(b, p.Exponent);
            }
            case BinaryExpr bin:
            {
                var l = Eval(bin.Left, ref sizeError);
                var r = Eval(bin.Right, ref sizeError);
                return bin.Op switch
                {
                    '+' => l + r,
                    '-' => l - r,
                    '*' => l * r,
                    '/' => CobolArithmetic.Divide(l, r),
                    _ => throw new ArgumentOutOfRangeException(nameof(e)),
                };
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(e));
        }
    }
}
