using System.Globalization;
using System.Text;
using Collections.Cobol.Numerics;

namespace Collections.ArithDiff;

/// <summary>
/// Writes a batch of cases as one fixed-format COBOL program. Every case declares its own items with VALUE
/// clauses, runs its statement, then DISPLAYs "Rnnnnnnn|receiver[|remainder]|flag" where flag is Y/N when the
/// statement has ON SIZE ERROR / NOT ON SIZE ERROR and '-' otherwise.
/// </summary>
public static class CobolWriter
{
    private const int MaxColumn = 72;
    private const string AreaB = "           "; // 11 spaces: code starts in column 12

    public static string Write(string programId, IReadOnlyList<ArithCase> cases)
    {
        var sb = new StringBuilder(cases.Count * 600);
        sb.Append("       IDENTIFICATION DIVISION.\n");
        sb.Append("       PROGRAM-ID. ").Append(programId).Append(".\n");
        sb.Append("       DATA DIVISION.\n");
        sb.Append("       WORKING-STORAGE SECTION.\n");
        sb.Append("       01 SZ PIC X VALUE '-'.\n");
        foreach (var c in cases)
            foreach (var f in c.Fields)
                WriteField(sb, f);
        sb.Append("       PROCEDURE DIVISION.\n");
        foreach (var c in cases) WriteStatement(sb, c);
        sb.Append("           STOP RUN.\n");
        return sb.ToString();
    }

    private static void WriteField(StringBuilder sb, FieldSpec f)
    {
        sb.Append("       01 ").Append(f.Name).Append(" PIC ").Append(Picture(f.Pic)).Append(f.UsageClause).Append('\n');
        sb.Append("           VALUE ").Append(f.ValueLiteral).Append(".\n");
        if (f.Usage == FieldUsage.Display)
        {
            sb.Append("       01 ").Append(f.OutputName).Append(" REDEFINES ").Append(f.Name)
              .Append(CultureInfo.InvariantCulture, $" PIC X({f.Pic.Digits}).\n");
        }
        else if (f.Usage == FieldUsage.Packed)
        {
            sb.Append("       01 ").Append(f.ProbeName).Append(" PIC ").Append(Picture(f.Pic)).Append(".\n");
            sb.Append("       01 ").Append(f.OutputName).Append(" REDEFINES ").Append(f.ProbeName)
              .Append(CultureInfo.InvariantCulture, $" PIC X({f.Pic.Digits}).\n");
        }
    }

    /// <summary>Picture text as a programmer writes it (P positions spelled out).</summary>
    public static string Picture(NumericPic pic)
    {
        var s = new StringBuilder();
        if (pic.Signed) s.Append('S');
        if (pic.Scale < 0)
        {
            s.Append(CultureInfo.InvariantCulture, $"9({pic.Digits})").Append('P', -pic.Scale);
        }
        else if (pic.Scale > pic.Digits)
        {
            s.Append('P', pic.Scale - pic.Digits).Append(CultureInfo.InvariantCulture, $"9({pic.Digits})");
        }
        else
        {
            int intDigits = pic.Digits - pic.Scale;
            if (intDigits > 0) s.Append(CultureInfo.InvariantCulture, $"9({intDigits})");
            if (pic.Scale > 0) s.Append(CultureInfo.InvariantCulture, $"V9({pic.Scale})");
        }
        return s.ToString();
    }

    public static string ModeWords(ArithCase c)
    {
        if (!c.Rounded) return "";
        return c.Mode switch
        {
            CobolRoundingMode.NearestAwayFromZero => " ROUNDED",
            CobolRoundingMode.Truncation => " ROUNDED MODE IS TRUNCATION",
            CobolRoundingMode.NearestEven => " ROUNDED MODE NEAREST-EVEN",
            CobolRoundingMode.NearestTowardZero => " ROUNDED MODE IS NEAREST-TOWARD-ZERO",
            CobolRoundingMode.AwayFromZero => " ROUNDED MODE AWAY-FROM-ZERO",
            CobolRoundingMode.TowardGreater => " ROUNDED MODE TOWARD-GREATER",
            CobolRoundingMode.TowardLesser => " ROUNDED MODE TOWARD-LESSER",
            CobolRoundingMode.Prohibited => " ROUNDED MODE PROHIBITED",
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
    }

    /// <summary>The statement as COBOL text on one logical line (wrapped when written).</summary>
    public static string StatementText(ArithCase c)
    {
        string R = c.Receiver.Name + ModeWords(c);
        string Op(int i) => Render(c.Operands[i]);
        string body = c.Kind switch
        {
            StatementKind.Compute => $"COMPUTE {R} = {RenderExpr(c.Expression!, -1, false)}",
            StatementKind.AddTo => $"ADD {string.Join(' ', c.Operands.Select(Render))} TO {R}",
            StatementKind.AddGiving => $"ADD {Op(0)} {Op(1)} GIVING {R}",
            StatementKind.SubtractFrom => $"SUBTRACT {string.Join(' ', c.Operands.Select(Render))} FROM {R}",
            StatementKind.SubtractGiving => $"SUBTRACT {Op(0)} FROM {Op(1)} GIVING {R}",
            StatementKind.MultiplyBy => $"MULTIPLY {Op(0)} BY {R}",
            StatementKind.MultiplyGiving => $"MULTIPLY {Op(0)} BY {Op(1)} GIVING {R}",
            StatementKind.DivideInto => $"DIVIDE {Op(0)} INTO {R}",
            StatementKind.DivideIntoGiving => $"DIVIDE {Op(0)} INTO {Op(1)} GIVING {R}",
            StatementKind.DivideByGiving => $"DIVIDE {Op(0)} BY {Op(1)} GIVING {R}",
            StatementKind.DivideRemainder => $"DIVIDE {Op(0)} BY {Op(1)} GIVING {R} REMAINDER {c.Remainder!.Name}",
            StatementKind.Move => $"MOVE {Op(0)} TO {c.Receiver.Name}",
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
        if (c.OnSizeError) body += " ON SIZE ERROR MOVE 'Y' TO SZ NOT ON SIZE ERROR MOVE 'N' TO SZ";
        if (c.Kind != StatementKind.Move) body += " END-" + body[..body.IndexOf(' ', StringComparison.Ordinal)];
        return body;
    }

    private static void WriteStatement(StringBuilder sb, ArithCase c)
    {
        WrapTokens(sb, StatementText(c));
        foreach (var f in c.Remainder is null ? [c.Receiver] : new[] { c.Receiver, c.Remainder })
            if (f.Usage == FieldUsage.Packed) WrapTokens(sb, $"MOVE {f.Name} TO {f.ProbeName}");
        string display = c.Remainder is null
            ? $"DISPLAY '{c.Tag}|' {c.Receiver.OutputName} '|' SZ"
            : $"DISPLAY '{c.Tag}|' {c.Receiver.OutputName} '|' {c.Remainder.OutputName} '|' SZ";
        if (!c.OnSizeError) display = display[..^2] + "'-'";
        WrapTokens(sb, display);
    }

    private static void WrapTokens(StringBuilder sb, string text)
    {
        // Split on spaces outside quotes; the statement never has spaces inside its quoted literals.
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int col = 0;
        var line = new StringBuilder(AreaB);
        foreach (var t in tokens)
        {
            if (line.Length + 1 + t.Length > MaxColumn && line.Length > AreaB.Length)
            {
                sb.Append(line).Append('\n');
                line.Clear().Append(AreaB).Append("    ");
            }
            if (line.Length > AreaB.Length && line[^1] != ' ') line.Append(' ');
            line.Append(t);
            col++;
        }
        sb.Append(line).Append('\n');
    }

    private static string Render(Expr e) => RenderExpr(e, -1, false);

    private static string RenderExpr(Expr e, int parentPrec, bool isRight)
    {
        switch (e)
        {
            case FieldExpr f:
                return f.Field.Name;
            case LiteralExpr l:
                return l.Text;
            case PowerExpr p:
            {
                string b = p.Base switch
                {
                    LiteralExpr { Value.Sign: < 0 } l => "( " + l.Text + " )",
                    FieldExpr or LiteralExpr => RenderExpr(p.Base, 3, false),
                    _ => "( " + RenderExpr(p.Base, -1, false) + " )",
                };
                string ex = p.ExponentItem is { } item ? RenderExpr(item, 3, false) : p.Exponent.ToString(CultureInfo.InvariantCulture);
                string s = b + " ** " + ex;
                return parentPrec >= 2 ? "( " + s + " )" : s;
            }
            case BinaryExpr bin:
            {
                int prec = bin.Precedence;
                string s = RenderExpr(bin.Left, prec, false) + " " + bin.Op + " " + RenderExpr(bin.Right, prec, true);
                bool parens = bin.ExtraParens || prec < parentPrec || (prec == parentPrec && isRight);
                return parens ? "( " + s + " )" : s;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(e));
        }
    }
}
