using System.Globalization;
using Collections.Cobol.Numerics;

namespace Collections.ArithDiff;

/// <summary>Storage of a generated data item (all three behave alike for arithmetic; they are mixed to prove it).</summary>
public enum FieldUsage { Display, Packed, Binary }

/// <summary>The statement forms the generator produces.</summary>
public enum StatementKind
{
    Compute,
    AddTo,
    AddGiving,
    SubtractFrom,
    SubtractGiving,
    MultiplyBy,
    MultiplyGiving,
    DivideInto,
    DivideIntoGiving,
    DivideByGiving,
    DivideRemainder,
    Move,
}

/// <summary>A working-storage item with its initial VALUE.</summary>
public sealed record FieldSpec(string Name, NumericPic Pic, FieldUsage Usage, CobolDecimal Value)
{
    public string UsageClause => Usage switch
    {
        FieldUsage.Packed => " COMP-3",
        FieldUsage.Binary => " COMP",
        _ => "",
    };

    /// <summary>
    /// How the program shows the item after the statement. cobc 3.1.2 DISPLAYs P-scaled items wrongly
    /// (9(4)PPP holding 978000 displays as 09780000) and DISPLAY hides a negative zero ("+000"), so DISPLAY items
    /// are shown as their raw storage through a REDEFINES, COMP-3 items are first MOVEd to a DISPLAY probe of
    /// the same PICTURE (MOVE keeps the sign nibble), and only COMP items (which cannot hold -0) are DISPLAYed.
    /// </summary>
    public string OutputName => Usage switch
    {
        FieldUsage.Display => Name + "X",
        FieldUsage.Packed => Name + "DX",
        _ => Name,
    };

    public string ProbeName => Name + "D";

    public bool OutputIsRaw => Usage != FieldUsage.Binary;

    /// <summary>The VALUE literal: the value at the PIC's scale (P positions as zeros / leading point).</summary>
    public string ValueLiteral => Literal(Value, Pic);

    public static string Literal(CobolDecimal value, NumericPic pic)
    {
        var v = value.Rescale(Math.Max(0, pic.Scale));
        var s = v.ToString();
        if (s.StartsWith("0.", StringComparison.Ordinal)) s = s[1..];
        else if (s.StartsWith("-0.", StringComparison.Ordinal)) s = "-" + s[2..];
        return s;
    }
}

/// <summary>An arithmetic expression (operands are items or literals).</summary>
public abstract record Expr
{
    /// <summary>Precedence: 3 = primary/power base, 2 = ** , 1 = * /, 0 = + -.</summary>
    public abstract int Precedence { get; }
}

public sealed record FieldExpr(FieldSpec Field) : Expr
{
    public override int Precedence => 3;
}

public sealed record LiteralExpr(string Text, CobolDecimal Value) : Expr
{
    public override int Precedence => 3;
}

public sealed record BinaryExpr(char Op, Expr Left, Expr Right, bool ExtraParens) : Expr
{
    public override int Precedence => Op is '+' or '-' ? 0 : 1;
}

/// <summary>Base ** Exponent; when <paramref name="ExponentItem"/> is set the COBOL text names that item
/// (holding Exponent) instead of a literal.</summary>
public sealed record PowerExpr(Expr Base, int Exponent, Expr? ExponentItem = null) : Expr
{
    public override int Precedence => 2;
}

/// <summary>One generated statement: its items, its COBOL text and the library's expected outcome.</summary>
public sealed record ArithCase(
    int Id,
    StatementKind Kind,
    IReadOnlyList<FieldSpec> Fields,
    IReadOnlyList<Expr> Operands,
    FieldSpec Receiver,
    FieldSpec? Remainder,
    Expr? Expression,
    CobolRoundingMode Mode,
    bool Rounded,
    bool OnSizeError)
{
    public string Tag => "R" + Id.ToString("D7", CultureInfo.InvariantCulture);
}
