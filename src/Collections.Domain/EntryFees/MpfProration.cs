using Collections.Cobol.Numerics;

namespace Collections.Domain.EntryFees;

/// <summary>
/// Splits the entry MPF over its liable lines in proportion to their value (2470-WRITE-MPF-ALLOCATION): each line's
/// share is <c>MPF * line value / liable value</c> stored into PIC S9(09)V99 (truncated under the legacy policy); one
/// line, chosen by <see cref="EntryFeePolicies.MpfRemainder"/>, receives MPF minus the other shares so the parts add
/// up to the MPF.
/// </summary>
public static class MpfProration
{
    /// <summary>
    /// Writes one part per line into <paramref name="parts"/> (same order as <paramref name="lineValuesCents"/>).
    /// <paramref name="previousShare"/> is the value WS-AL-AMOUNT holds before the call (it survives from one
    /// entry to the next in the legacy) and is updated to the value it holds after.
    /// </summary>
    public static void Prorate(
        long mpfCents,
        ReadOnlySpan<long> lineValuesCents,
        long liableValueCents,
        EntryFeePolicies policies,
        ref long previousShare,
        Span<long> parts)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var n = lineValuesCents.Length;
        if (parts.Length < n) throw new ArgumentException("parts is shorter than the line values", nameof(parts));
        if (n == 0) return;

        var remainderIndex = policies.MpfRemainder switch
        {
            MpfRemainderPlacement.LastLiableLine => n - 1,
            MpfRemainderPlacement.FirstLiableLine => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(policies), policies.MpfRemainder, "unknown remainder placement"),
        };

        long allocated = 0;
        for (var i = 0; i < n; i++)
        {
            if (i == remainderIndex) continue;
            var share = Share(mpfCents, lineValuesCents[i], liableValueCents, policies, previousShare);
            parts[i] = share;
            previousShare = share;
            allocated = CobolArithmetic.Add(allocated, share, Clv200Fields.FeeAmount);
        }

        // COMPUTE WS-AL-AMOUNT = WS-CUR-MPF - WS-AL-ALLOCATED
        var remainder = Clv200Fields.Store(
            Clv200Fields.Dec(mpfCents, 2) - Clv200Fields.Dec(allocated, 2), Clv200Fields.FeeAmount, CobolRoundingMode.Truncation);
        parts[remainderIndex] = remainder;
        if (remainderIndex == n - 1) previousShare = remainder;
    }

    /// <summary>
    /// One line's share: <c>MPF * value / liable value</c> into PIC S9(09)V99 with <see cref="EntryFeePolicies.MpfShareRounding"/>.
    /// A zero liable value is a size error in GnuCOBOL: the receiver keeps <paramref name="previousShare"/> (legacy policy).
    /// </summary>
    public static long Share(long mpfCents, long lineValueCents, long liableValueCents, EntryFeePolicies policies, long previousShare)
    {
        ArgumentNullException.ThrowIfNull(policies);
        if (liableValueCents == 0)
        {
            return policies.ZeroLiableValueShare == ZeroDivisorShare.KeepPreviousAmount ? previousShare : 0;
        }
        if (policies.MpfShareRounding == CobolRoundingMode.Truncation)
        {
            // Same value as the general path below, without BigInteger: GnuCOBOL truncates the quotient toward zero
            // at 38+ decimals and the store truncates it again at 2, which is the exact quotient truncated at 2
            // (in cents: MPF x value / liable value, integer division toward zero), then high-order truncation.
            var cents = (Int128)mpfCents * lineValueCents / liableValueCents;
            return CobolArithmetic.TruncateHighOrder((long)(cents % 100_000_000_000), Clv200Fields.FeeAmount.Digits);
        }
        return ShareByCobolArithmetic(mpfCents, lineValueCents, liableValueCents, policies.MpfShareRounding);
    }

    /// <summary>The share as COMPUTE does it: exact product, GnuCOBOL division, store into S9(09)V99 with <paramref name="rounding"/>.</summary>
    public static long ShareByCobolArithmetic(long mpfCents, long lineValueCents, long liableValueCents, CobolRoundingMode rounding)
    {
        var product = Clv200Fields.Dec(mpfCents, 2) * Clv200Fields.Dec(lineValueCents, 2);
        var quotient = CobolArithmetic.Divide(product, Clv200Fields.Dec(liableValueCents, 2));
        return Clv200Fields.Store(quotient, Clv200Fields.FeeAmount, rounding);
    }
}
