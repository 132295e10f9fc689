namespace Collections.Cobol.Numerics;

/// <summary>
/// A numeric literal of one compiled program as cobc 3.1.2 (with -fno-constant-folding) keeps it for arithmetic:
/// one shared <c>cob_decimal</c> constant per distinct literal (cobc's <c>dc_N</c>, set once when the program
/// starts), used wherever the literal is the right operand of + - * / ** in COMPUTE, or the second operand of
/// ADD/SUBTRACT/MULTIPLY/DIVIDE ... GIVING and of ADD/SUBTRACT with two addends.
/// </summary>
/// <remarks>
/// libcob mutates that shared constant, so a literal's scale depends on the statements run before (cobc 3.1.2,
/// legacy flags, programs in the ArithDiff notes of docs/arith-differential.md):
/// <list type="bullet">
/// <item>cob_decimal_add / cob_decimal_sub align the operand with the smaller scale in place: after
/// <c>ADD H 4 GIVING X</c> with H PIC S9(3)V9(8), the constant "4" is 4.00000000 for the rest of the run, and
/// <c>MULTIPLY A BY 4 GIVING B ROUNDED MODE PROHIBITED</c> (A 9(2)V9 0.6, B S9(11)V9(6)) then computes 2.400000000
/// at scale 9 and raises the size error (SZ=Y) where the same statement earlier in the program did not (SZ=N);</item>
/// <item>cob_decimal_pow trims its exponent operand in place (trailing fraction zeros) when base and exponent are
/// non-zero;</item>
/// <item>multiplication and division read the constant without changing it; the literal as the left (first)
/// operand is loaded fresh each time (cob_decimal_set_llint / cob_decimal_set_field), so it has its written scale.</item>
/// </list>
/// Only the scale changes (except after a negative literal exponent, which overwrites the value: cob_decimal_pow
/// stores base ** |exponent| into its exponent operand); the scale is visible through ROUNDED MODE PROHIBITED (trailing zeros count
/// as excess digits), the quotient scale of a later division, and the alignment of other literals.
/// </remarks>
public sealed class CobolLiteral
{
    internal CobolLiteral(string text, CobolDecimal written)
    {
        Text = text;
        Written = written;
        Shared = written;
    }

    /// <summary>The literal as written in the source.</summary>
    public string Text { get; }

    /// <summary>The literal's value at its written scale (what a left operand, a MOVE or a single-addend statement uses).</summary>
    public CobolDecimal Written { get; }

    /// <summary>The shared constant's current state (the written value at a scale that earlier statements may have raised).</summary>
    public CobolDecimal Shared { get; private set; }

    /// <summary>align_decimal in cob_decimal_add/sub with this constant as the second operand.</summary>
    internal CobolDecimal AlignTo(int scale)
    {
        if (scale > Shared.Scale) Shared = Shared.Rescale(scale);
        return Shared;
    }

    /// <summary>cob_decimal_pow with a negative exponent: cob_decimal_set (pd2, pd1).</summary>
    internal void Overwrite(CobolDecimal value) => Shared = value;

    /// <summary>cob_trim_decimal on the constant (cob_decimal_pow's exponent).</summary>
    internal CobolDecimal Trim()
    {
        Shared = Shared.Trim();
        return Shared;
    }
}

/// <summary>
/// The shared literal constants of one program run (see <see cref="CobolLiteral"/>): the same literal text gives the
/// same constant. cobc tells literals apart by sign, digits and scale as written ("4", "-4", "4.0" are three
/// constants), which the text does too. Not thread-safe: one pool per program, used in statement order.
/// </summary>
public sealed class CobolLiteralPool
{
    private readonly Dictionary<string, CobolLiteral> _literals = new(StringComparer.Ordinal);

    /// <summary>The program's constant for the numeric literal <paramref name="text"/> (e.g. "4", "-3.0", ".25").</summary>
    public CobolLiteral Get(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_literals.TryGetValue(text, out var literal))
        {
            if (!CobolDecimal.TryParse(text, out var value))
                throw new FormatException($"not a numeric literal: '{text}'");
            literal = new CobolLiteral(text, value);
            _literals.Add(text, literal);
        }
        return literal;
    }

    /// <summary>Number of distinct literals seen.</summary>
    public int Count => _literals.Count;
}

/// <summary>
/// An arithmetic operand: a value (data item, or anything cobc loads fresh) or a program's shared literal constant.
/// Converts implicitly from both, so the statement helpers of <see cref="CobolArithmetic"/> accept either.
/// </summary>
public readonly struct CobolOperand
{
    private readonly CobolDecimal _value;

    private CobolOperand(CobolDecimal value, CobolLiteral? literal)
    {
        _value = value;
        Literal = literal;
    }

    /// <summary>The shared literal constant, or null for a value.</summary>
    public CobolLiteral? Literal { get; }

    /// <summary>The operand as a first operand sees it (a literal at its written scale).</summary>
    public CobolDecimal Value => Literal?.Written ?? _value;

    /// <summary>The operand as a second operand sees it now (a literal's shared constant in its current state).</summary>
    public CobolDecimal Current => Literal?.Shared ?? _value;

    public static CobolOperand FromValue(CobolDecimal value) => new(value, null);

    public static CobolOperand FromLiteral(CobolLiteral literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return new(default, literal);
    }

    public static implicit operator CobolOperand(CobolDecimal value) => FromValue(value);

    public static implicit operator CobolOperand(CobolLiteral literal) => FromLiteral(literal);

    public override string ToString() => Literal is { } l ? l.Text : _value.ToString();
}
