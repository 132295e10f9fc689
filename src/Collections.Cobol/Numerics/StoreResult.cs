namespace Collections.Cobol.Numerics;

/// <summary>
/// The outcome of storing an arithmetic result into a receiver.
/// <see cref="Value"/> is what the receiver holds afterwards (for statement-level helpers that were given the
/// receiver's current value, the unchanged current value when a size error kept it);
/// <see cref="SizeError"/> is true when the statement raised a size condition (overflow, division by zero,
/// ROUNDED MODE PROHIBITED with excess digits), i.e. when an ON SIZE ERROR phrase would run.
/// </summary>
public readonly record struct StoreResult(CobolDecimal Value, bool SizeError)
{
    /// <summary>
    /// True when GnuCOBOL leaves a negative zero in a signed DISPLAY or PACKED-DECIMAL receiver: a negative
    /// value whose remaining digits are all zero after high-order truncation (COMPUTE S999 = -1000 stores "00}" /
    /// X'000D'). <see cref="Value"/> is then zero; an encoder must write the negative sign to reproduce the bytes.
    /// A BINARY receiver simply holds zero. (Low-order truncation to zero gives a positive zero in arithmetic
    /// statements; MOVE keeps the source's sign, see <see cref="CobolArithmetic.Move(CobolDecimal, NumericPic, out bool)"/>.)
    /// </summary>
    public bool NegativeZero { get; init; }
}

/// <summary>The two receivers of DIVIDE ... GIVING ... REMAINDER.</summary>
public readonly record struct DivideRemainderResult(StoreResult Quotient, StoreResult Remainder)
{
    /// <summary>True when the statement as a whole raised a size condition.</summary>
    public bool SizeError => Quotient.SizeError || Remainder.SizeError;
}
