namespace Collections.Cobol.Numerics;

/// <summary>
/// Statement-level helpers that read like the COBOL verbs. Each takes the receiver's PIC and current value and
/// returns what the receiver holds afterwards plus whether a size condition was raised (so a port can run the
/// ON SIZE ERROR branch). Semantics verified against cobc 3.1.2 with the legacy's flags:
/// <list type="bullet">
/// <item>overflow with ON SIZE ERROR: receiver unchanged; without: high-order digits dropped;</item>
/// <item>division by zero anywhere in the statement: receiver unchanged, size condition raised, with or without the phrase;</item>
/// <item>ROUNDED MODE PROHIBITED with excess fraction digits: size condition raised, truncated value stored;</item>
/// <item>0 ** 0: 1 is used and the size condition is raised.</item>
/// </list>
/// </summary>
public static partial class CobolArithmetic
{
    /// <summary>COMPUTE receiver [ROUNDED [MODE mode]] = result [ON SIZE ERROR].</summary>
    /// <param name="expressionSizeError">true when evaluating the expression raised a size condition that does not
    /// prevent the store (0 ** 0).</param>
    public static StoreResult Compute(CobolDecimal result, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false, bool expressionSizeError = false)
    {
        var r = Store(result, receiver, current, mode, onSizeError);
        return expressionSizeError ? r with { SizeError = true } : r;
    }

    /// <summary>
    /// COMPUTE with an expression that may divide by zero: a <see cref="DivideByZeroException"/> thrown by the
    /// expression leaves the receiver unchanged and raises the size condition.
    /// </summary>
    public static StoreResult Compute(Func<CobolDecimal> expression, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false)
    {
        ArgumentNullException.ThrowIfNull(expression);
        CobolDecimal value;
        try
        {
            value = expression();
        }
        catch (DivideByZeroException)
        {
            return new StoreResult(current, true);
        }
        return Store(value, receiver, current, mode, onSizeError);
    }

    /// <summary>ADD addend TO receiver.</summary>
    public static StoreResult AddTo(CobolDecimal addend, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false) =>
        Store(current + addend, receiver, current, mode, onSizeError);

    /// <summary>SUBTRACT subtrahend FROM receiver.</summary>
    public static StoreResult SubtractFrom(CobolDecimal subtrahend, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false) =>
        Store(current - subtrahend, receiver, current, mode, onSizeError);

    /// <summary>MULTIPLY multiplier BY receiver.</summary>
    public static StoreResult MultiplyBy(CobolDecimal multiplier, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false) =>
        Store(current * multiplier, receiver, current, mode, onSizeError);

    /// <summary>MULTIPLY a BY b GIVING receiver (b as the second operand: a literal b is the program's shared constant).</summary>
    public static StoreResult MultiplyGiving(CobolOperand a, CobolOperand b, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false) =>
        Store(Multiply(a.Value, b), receiver, current, mode, onSizeError);

    /// <summary>DIVIDE divisor INTO receiver (receiver = receiver / divisor).</summary>
    public static StoreResult DivideInto(CobolDecimal divisor, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false) =>
        DivideGiving(current, divisor, receiver, current, mode, onSizeError);

    /// <summary>DIVIDE dividend BY divisor GIVING receiver (also DIVIDE divisor INTO dividend GIVING receiver; a literal
    /// divisor is the program's shared constant).</summary>
    public static StoreResult DivideGiving(CobolOperand dividend, CobolOperand divisor, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false)
    {
        if (divisor.Current.IsZero) return new StoreResult(current, true);
        return Store(Divide(dividend.Value, divisor), receiver, current, mode, onSizeError);
    }

    /// <summary>
    /// DIVIDE dividend BY divisor GIVING quotient [ROUNDED] REMAINDER remainder (cob_div_quotient / cob_div_remainder):
    /// the remainder is dividend - (quotient truncated to the quotient receiver's scale, before any rounding and
    /// without high-order truncation) * divisor, stored without rounding. A size error on the quotient (with ON SIZE
    /// ERROR) keeps the quotient but the remainder is still stored, as GnuCOBOL 3.1.2 does. Division by zero
    /// changes neither receiver.
    /// </summary>
    public static DivideRemainderResult DivideGivingRemainder(CobolDecimal dividend, CobolDecimal divisor,
        NumericPic quotient, CobolDecimal currentQuotient, NumericPic remainder, CobolDecimal currentRemainder,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false)
    {
        if (divisor.IsZero)
            return new DivideRemainderResult(new StoreResult(currentQuotient, true), new StoreResult(currentRemainder, true));
        var q = Divide(dividend, divisor);
        var storedQ = Store(q, quotient, currentQuotient, mode, onSizeError);
        var truncated = q.Rescale(quotient.Scale);
        var rem = dividend - truncated * divisor;
        var storedR = Store(rem, remainder, currentRemainder, CobolRoundingMode.Truncation, onSizeError);
        return new DivideRemainderResult(storedQ, storedR);
    }

    /// <summary>ADD a b GIVING receiver: a + b with b as the second operand (a literal b is the program's shared
    /// constant, aligned in place to a's scale).</summary>
    public static StoreResult AddGiving(CobolOperand a, CobolOperand b, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false) =>
        Store(Add(a.Value, b), receiver, current, mode, onSizeError);

    /// <summary>ADD a b TO receiver: the addends are summed first (a + b, b as the second operand), then added to the receiver.</summary>
    public static StoreResult AddTo(CobolOperand a, CobolOperand b, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false) =>
        Store(current + Add(a.Value, b), receiver, current, mode, onSizeError);

    /// <summary>SUBTRACT a b FROM receiver: the subtrahends are summed first (a + b, b as the second operand).</summary>
    public static StoreResult SubtractFrom(CobolOperand a, CobolOperand b, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false) =>
        Store(current - Add(a.Value, b), receiver, current, mode, onSizeError);

    /// <summary>SUBTRACT subtrahend FROM minuend GIVING receiver: minuend - subtrahend, the subtrahend as the second
    /// operand (a literal subtrahend is the program's shared constant, aligned in place to the minuend's scale).</summary>
    public static StoreResult SubtractGiving(CobolOperand subtrahend, CobolOperand minuend, NumericPic receiver, CobolDecimal current,
        CobolRoundingMode mode = CobolRoundingMode.Truncation, bool onSizeError = false) =>
        Store(Subtract(minuend.Value, subtrahend), receiver, current, mode, onSizeError);

    /// <summary>MOVE source TO receiver (numeric to numeric).</summary>
    public static CobolDecimal MoveTo(CobolDecimal source, NumericPic receiver) => Move(source, receiver);
}
