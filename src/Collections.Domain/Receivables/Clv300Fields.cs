namespace Collections.Domain.Receivables;

/// <summary>
/// The receiving fields of CLV300 whose sizes decide what an ADD without ON SIZE ERROR keeps: GnuCOBOL adds
/// exactly, then drops the high-order digits the receiver cannot hold (the sign is kept).
/// </summary>
public static class Clv300Fields
{
    /// <summary>WS-ENTCALC-READ, WS-ENTRIES-RELEASED, WS-TYPE-COUNT ... : PIC S9(07) COMP-3.</summary>
    public const int CounterDigits = 7;

    /// <summary>WS-ST-ENTRY-COUNT / SH-ENTRY-COUNT: PIC 9(05).</summary>
    public const int EntryCountDigits = 5;

    /// <summary>SR-CATEGORY-AMT, WS-ST-CATEGORY-AMT, WS-ST-TOTAL, SH-...-AMT: PIC S9(11)V99 (13 digits of cents).</summary>
    public const int StatementAmountDigits = 13;

    /// <summary>WS-TYPE-AMOUNT, WS-TOT-STATEMENTS: PIC S9(15)V99 (17 digits of cents).</summary>
    public const int RunAmountDigits = 17;

    private static readonly long[] Powers = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000, 10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000];

    /// <summary>ADD 1 TO an unsigned or positive counter of <paramref name="digits"/> digits: 99..9 + 1 gives 0.</summary>
    public static long CountUp(long counter, int digits) => (counter + 1) % Powers[digits];

    /// <summary>ADD addend TO a signed receiver of <paramref name="digits"/> digits: the exact sum, high-order digits dropped, sign kept.</summary>
    public static long Add(long receiver, long addend, int digits) => (receiver + addend) % Powers[digits];
}

/// <summary>
/// A signed PACKED-DECIMAL receiver of ADD without ON SIZE ERROR, as GnuCOBOL leaves it: the exact sum with its
/// high-order digits dropped; when a negative sum loses every remaining digit the field holds a negative zero (sign
/// nibble D), which a later MOVE to a field of the same picture copies (cobc 3.1.2 probe: -99999999999.99 + -0.01
/// into S9(11)V99 COMP-3 gives X'00000000000000D'; adding anything to it computes a fresh sign). Default: +0.
/// </summary>
/// <param name="Cents">the value (0 for a negative zero)</param>
/// <param name="IsNegativeZero">true when the field holds -0</param>
public readonly record struct PackedSum(long Cents, bool IsNegativeZero)
{
    /// <summary>ADD <paramref name="addend"/> TO this field of <paramref name="digits"/> digits (e.g. 13 for S9(11)V99).</summary>
    public PackedSum Add(long addend, int digits)
    {
        var exact = Cents + addend;
        var kept = Clv300Fields.Add(Cents, addend, digits);
        return new PackedSum(kept, kept == 0 && exact < 0);
    }
}
