using Collections.Cobol.Numerics;

namespace Collections.Domain.Reporting;

/// <summary>
/// The accumulators of CLV500 and their pictures. Every ADD in the program has no ON SIZE ERROR, so a sum that
/// outgrows its field loses its high-order digits (GnuCOBOL 3.1.2, verified with cobc: ADD 1 to 9999999 in
/// S9(07) COMP-3 gives 0; ADD 0.01 to 999999999999999.99 in S9(15)V99 gives 0.00).
/// </summary>
internal static class Clv500Fields
{
    /// <summary>Counters (WS-RT-ENTRIES, WS-PT-ENTRIES, WS-RV-COUNT, WS-SS-COUNT, WS-RS-COUNT ...): PIC S9(07) COMP-3.</summary>
    public const int CounterDigits = 7;

    /// <summary>Run totals (WS-RT-AMOUNT, WS-PT-VALUE, WS-PG-TOTAL, WS-RV-AMOUNT, WS-CL-*-AMOUNT, WS-SS-BALANCE): PIC S9(15)V99.</summary>
    public const int RunAmountDigits = 17;

    /// <summary>WS-ENTRY-CLASS-AMT: one entry's amount of one revenue class, PIC S9(11)V99.</summary>
    public const int EntryClassAmountDigits = 13;

    /// <summary>WS-ENTRY-DUTIES: total assessed minus fees of one entry, PIC S9(13)V99.</summary>
    public const int EntryDutiesDigits = 15;

    /// <summary><c>ADD 1 TO counter</c>.</summary>
    public static long Count(long counter) => CobolArithmetic.TruncateHighOrder(counter + 1, CounterDigits);

    /// <summary><c>ADD n TO counter</c> (n a count of another field: lines, entries).</summary>
    public static long AddCount(long counter, long n) => CobolArithmetic.TruncateHighOrder(counter + n, CounterDigits);

    /// <summary><c>COMPUTE WS-ENTRY-DUTIES = ECT-TOTAL-ASSESSED - ECT-FEE-TOTAL</c> into PIC S9(13)V99.</summary>
    public static long EntryDuties(long totalAssessedCents, long feeTotalCents) =>
        CobolArithmetic.TruncateHighOrder(totalAssessedCents - feeTotalCents, EntryDutiesDigits);

    /// <summary><c>ADD cents TO total</c> for a PIC S9(15)V99 total.</summary>
    public static long AddAmount(long total, long cents) => CobolArithmetic.TruncateHighOrder(total + cents, RunAmountDigits);
}
