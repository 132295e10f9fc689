using System.Globalization;
using System.Numerics;
using Collections.Cobol.Numerics;

namespace Collections.ArithDiff;

/// <summary>
/// Deterministic (per seed) generator of random arithmetic statements: mixed PICs (1..18 digits, scales 0..8,
/// P scaling), signed and unsigned, DISPLAY / COMP-3 / COMP items, every ROUNDED MODE, ON SIZE ERROR or not,
/// overflow, division by zero, REMAINDER, integer exponents, nested expressions.
/// </summary>
public sealed class CaseGenerator
{
    private readonly Random _rnd;
    private int _next;
    private Func<int, FieldSpec> _exponentField = _ => throw new InvalidOperationException();

    public CaseGenerator(int seed)
    {
        _rnd = new Random(seed);
    }

    private static readonly StatementKind[] Kinds = Enum.GetValues<StatementKind>();

    private static readonly CobolRoundingMode[] Modes = Enum.GetValues<CobolRoundingMode>();

    public IEnumerable<ArithCase> Generate(int count)
    {
        for (int i = 0; i < count; i++) yield return Next();
    }

    public ArithCase Next()
    {
        int id = _next++;
        var kind = PickKind();
        var fields = new List<FieldSpec>();
        string prefix = "F" + id.ToString("D7", CultureInfo.InvariantCulture);
        int fieldNo = 0;
        FieldSpec NewField(bool zeroish = false, bool small = false)
        {
            var pic = RandomPic(small);
            var usage = (FieldUsage)_rnd.Next(3);
            // cobc 3.1.2 bugs: a COMP item with trailing P positions (9(4)PPP COMP VALUE 0) loops forever in its
            // generated initialisation; P9(18) COMP dies with SIGFPE.
            // P-scaled COMP-3 items are misread by cobc 3.1.2 (the digit count includes the P positions; fixed in 3.2).
            // P scaling is therefore generated for DISPLAY items only.
            if (pic.ScalingPositions > 0) usage = FieldUsage.Display;
            var f = new FieldSpec(prefix + (char)('A' + fieldNo++), pic, usage, RandomValue(pic, zeroish));
            fields.Add(f);
            return f;
        }
        _exponentField = e =>
        {
            var f = new FieldSpec(prefix + (char)('A' + fieldNo++), new NumericPic(1, 0, true), FieldUsage.Display, CobolDecimal.FromInt64(e));
            fields.Add(f);
            return f;
        };
        Expr Operand(bool divisor = false)
        {
            if (_rnd.Next(5) == 0) return RandomLiteral(divisor);
            return new FieldExpr(NewField(zeroish: divisor));
        }

        var operands = new List<Expr>();
        Expr? expression = null;
        FieldSpec? remainder = null;
        switch (kind)
        {
            case StatementKind.Compute:
                expression = RandomExpr(3, Operand);
                break;
            case StatementKind.AddTo:
            case StatementKind.SubtractFrom:
            case StatementKind.AddGiving:
                operands.Add(Operand());
                if (_rnd.Next(3) == 0 || kind == StatementKind.AddGiving) operands.Add(Operand());
                break;
            case StatementKind.SubtractGiving:
            case StatementKind.MultiplyGiving:
                operands.Add(Operand());
                operands.Add(Operand());
                break;
            case StatementKind.MultiplyBy:
            case StatementKind.Move:
                operands.Add(Operand());
                break;
            case StatementKind.DivideInto:
                operands.Add(Operand(divisor: true));
                break;
            case StatementKind.DivideIntoGiving:
                operands.Add(Operand(divisor: true));
                operands.Add(Operand());
                break;
            case StatementKind.DivideByGiving:
            case StatementKind.DivideRemainder:
                operands.Add(Operand());
                operands.Add(Operand(divisor: true));
                break;
        }

        var receiver = NewField();
        // cobc 3.1.2 bugs: MOVE from a P-scaled DISPLAY item to COMP-3 writes wrong digits (SPPP9(2) -.00076 to
        // S9(9)V9 COMP-3 gives -0.7) and to COMP loops forever; such MOVEs get a DISPLAY receiver.
        // cobc 3.1.2 bugs in ADD/SUBTRACT ... TO/FROM (not GIVING): cob_add_int truncates an integer addend to
        // a trailing-P receiver's scale before adding (SUBTRACT -6 FROM S9(3)P holding -130 gives -130, not -120;
        // SUBTRACT 262 FROM S9(17)P holding 3830 gives 3570, not 3560), and the packed fast path misreads a P-scaled
        // DISPLAY addend (SUBTRACT 9(9)PPP 650793674000 FROM S99V99 COMP-3 -99.99 gives +92.01). Such receivers are
        // replaced by the same digits without P, and a COMP-3 receiver with a P-scaled operand becomes DISPLAY.
        if (kind is StatementKind.AddTo or StatementKind.SubtractFrom)
        {
            // ... and cob_add/cob_sub misread a trailing-P DISPLAY operand even into a DISPLAY receiver
            // (SUBTRACT 9(9)PPP 650793674000 FROM S99V99 -99.99 gives +92.01): such operands lose their P.
            for (int i = 0; i < operands.Count; i++)
            {
                if (operands[i] is FieldExpr { Field: { Pic.Scale: < 0 } pf })
                {
                    var nf = pf with { Pic = pf.Pic with { Scale = 0 }, Value = CobolDecimal.FromUnscaled(pf.Value.Rescale(pf.Pic.Scale).Unscaled, 0) };
                    operands[i] = new FieldExpr(nf);
                    fields[fields.IndexOf(pf)] = nf;
                }
            }
            if (receiver.Pic.Scale < 0)
            {
                var pic = receiver.Pic with { Scale = 0 };
                receiver = receiver with { Pic = pic, Value = CobolDecimal.FromUnscaled(receiver.Value.Rescale(receiver.Pic.Scale).Unscaled, 0) };
                fields[^1] = receiver;
            }
            if (receiver.Usage == FieldUsage.Packed && operands.Any(o => o is FieldExpr { Field.Pic.ScalingPositions: > 0 }))
            {
                receiver = receiver with { Usage = FieldUsage.Display };
                fields[^1] = receiver;
            }
        }
        if (kind == StatementKind.Move && operands[0] is FieldExpr { Field.Pic.ScalingPositions: > 0 }
            && receiver.Usage != FieldUsage.Display)
        {
            receiver = receiver with { Usage = FieldUsage.Display };
            fields[^1] = receiver;
        }
        if (kind == StatementKind.DivideRemainder) remainder = NewField();

        bool rounded = kind != StatementKind.Move && _rnd.Next(2) == 0;
        var mode = rounded ? Modes[_rnd.Next(Modes.Length)] : CobolRoundingMode.Truncation;
        if (rounded && mode == CobolRoundingMode.Truncation && _rnd.Next(2) == 0) mode = CobolRoundingMode.NearestAwayFromZero;
        bool onSizeError = kind != StatementKind.Move && _rnd.Next(2) == 0;
        return new ArithCase(id, kind, fields, operands, receiver, remainder, expression, mode, rounded, onSizeError);
    }

    private StatementKind PickKind()
    {
        // COMPUTE is the richest form: a third of the cases.
        if (_rnd.Next(3) == 0) return StatementKind.Compute;
        return Kinds[_rnd.Next(Kinds.Length)];
    }

    private NumericPic RandomPic(bool small)
    {
        bool signed = _rnd.Next(10) < 7;
        int maxDigits = small ? 6 : 18;
        int digits = _rnd.Next(3) == 0 ? _rnd.Next(1, 5) : _rnd.Next(1, maxDigits + 1);
        int p = _rnd.Next(20);
        // P scaling: digits + P positions stay within 18 (cobc sizes a P9(18) COMP item for 19 digits and its
        // generated initialisation dies with SIGFPE).
        int pCount = _rnd.Next(1, 4);
        if (p < 2 && digits + pCount > 18) digits = 18 - pCount;
        if (p == 0) return new NumericPic(digits, -pCount, signed);          // 99PPP
        if (p == 1) return new NumericPic(digits, digits + pCount, signed);  // PPP99
        int scale = _rnd.Next(0, Math.Min(8, digits) + 1);
        return new NumericPic(digits, scale, signed);
    }

    private CobolDecimal RandomValue(NumericPic pic, bool zeroish)
    {
        int r = _rnd.Next(100);
        if (r < (zeroish ? 8 : 4)) return CobolDecimal.FromUnscaled(0, pic.Scale);
        BigInteger u;
        if (r < 8)
        {
            u = BigInteger.Pow(10, pic.Digits) - 1; // all nines
        }
        else
        {
            int n = _rnd.Next(1, pic.Digits + 1);
            u = RandomDigits(n);
        }
        if (pic.Signed && _rnd.Next(2) == 0) u = -u;
        return CobolDecimal.FromUnscaled(u, pic.Scale);
    }

    private BigInteger RandomDigits(int n)
    {
        BigInteger u = _rnd.Next(1, 10);
        for (int i = 1; i < n; i++) u = u * 10 + _rnd.Next(10);
        return u;
    }

    private LiteralExpr RandomLiteral(bool divisor)
    {
        if (divisor && _rnd.Next(8) == 0) return new LiteralExpr(_rnd.Next(2) == 0 ? "0" : "0.00", CobolDecimal.Parse("0"));
        int digits = _rnd.Next(1, 11);
        int scale = _rnd.Next(0, Math.Min(4, digits) + 1);
        var u = RandomDigits(digits);
        if (_rnd.Next(4) == 0) u = -u;
        var d = CobolDecimal.FromUnscaled(u, scale);
        var text = d.ToString();
        return new LiteralExpr(text, CobolDecimal.Parse(text));
    }

    private Expr RandomExpr(int depth, Func<bool, Expr> operand)
    {
        if (depth == 0 || _rnd.Next(4) == 0) return operand(false);
        int k = _rnd.Next(10);
        if (k == 0)
        {
            int[] exps = [-2, -1, 0, 1, 2, 2, 3];
            var b = _rnd.Next(2) == 0 ? operand(false) : RandomSmallLiteral();
            int e = exps[_rnd.Next(exps.Length)];
            // cobc 3.1.2 bug: cob_decimal_pow overwrites its exponent operand for negative powers, and cobc shares
            // one decimal per literal for the whole program, so a second "** -1" in the same program uses a
            // corrupted constant (6 ** -1 then 5 ** -1 gives 625). Negative exponents are data items here.
            Expr? exponentItem = e < 0 ? new FieldExpr(_exponentField(e)) : null;
            return new PowerExpr(b, e, exponentItem);
        }
        char op = "+-*/"[_rnd.Next(4)];
        var left = RandomExpr(depth - 1, operand);
        var right = op == '/' && _rnd.Next(2) == 0 ? operand(true) : RandomExpr(depth - 1, operand);
        return new BinaryExpr(op, left, right, _rnd.Next(6) == 0);
    }

    private LiteralExpr RandomSmallLiteral()
    {
        int scale = _rnd.Next(0, 3);
        var u = (BigInteger)_rnd.Next(1, 1000);
        if (_rnd.Next(4) == 0) u = -u;
        var text = CobolDecimal.FromUnscaled(u, scale).ToString();
        return new LiteralExpr(text, CobolDecimal.Parse(text));
    }
}
