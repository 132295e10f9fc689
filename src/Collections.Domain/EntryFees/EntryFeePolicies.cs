using Collections.Cobol.Numerics;

namespace Collections.Domain.EntryFees;

/// <summary>Where the cents left over by the MPF proration go (CLV200 2470-WRITE-MPF-ALLOCATION).</summary>
public enum MpfRemainderPlacement
{
    /// <summary>Legacy: every liable line but the last gets its truncated share; the last gets MPF minus the others.</summary>
    LastLiableLine,

    /// <summary>Alternative: the first liable line takes the remainder, the others their shares.</summary>
    FirstLiableLine,
}

/// <summary>What a line's share becomes when the liable value of the entry is zero (the divisor of the proration).</summary>
public enum ZeroDivisorShare
{
    /// <summary>
    /// Legacy (GnuCOBOL): COMPUTE without ON SIZE ERROR leaves the receiver unchanged on a zero divide, so the share
    /// is the previous value of WS-AL-AMOUNT, carried from the line before, or from the last allocation of an
    /// earlier entry of the run.
    /// </summary>
    KeepPreviousAmount,

    /// <summary>Alternative: a zero share.</summary>
    Zero,
}

/// <summary>
/// Every place CLV200 makes or drops a cent, as a named, replaceable policy. <see cref="Legacy"/> (the default) is
/// what the legacy program does; tests alter one member to prove the parity harness notices.
/// </summary>
public sealed record EntryFeePolicies
{
    /// <summary>The legacy's behaviour at every site.</summary>
    public static EntryFeePolicies Legacy { get; } = new();

    /// <summary>2420: <c>COMPUTE WS-CUR-MPF ROUNDED = WS-CUR-MPF-RAW</c> (5 decimals to cents, half away from zero).</summary>
    public CobolRoundingMode EntryMpfRounding { get; init; } = CobolRoundingMode.NearestAwayFromZero;

    /// <summary>2470: <c>COMPUTE WS-AL-AMOUNT = WS-CUR-MPF * value / liable value</c>, no ROUNDED: truncated to cents.</summary>
    public CobolRoundingMode MpfShareRounding { get; init; } = CobolRoundingMode.Truncation;

    /// <summary>2470: the line that receives MPF minus the shares of the other liable lines.</summary>
    public MpfRemainderPlacement MpfRemainder { get; init; } = MpfRemainderPlacement.LastLiableLine;

    /// <summary>2470: the share computed when the divisor (liable value) is zero.</summary>
    public ZeroDivisorShare ZeroLiableValueShare { get; init; } = ZeroDivisorShare.KeepPreviousAmount;

    /// <summary>2450: <c>COMPUTE WS-CUR-HMF ROUNDED = WS-CUR-ENTERED-VALUE * WS-HMF-RATE</c> (half away from zero).</summary>
    public CobolRoundingMode HmfRounding { get; init; } = CobolRoundingMode.NearestAwayFromZero;

    /// <summary>2450: HMF not charged when it is not greater than this many cents (and nothing else is due).</summary>
    public long HmfWaiverLimitCents { get; init; } = 300;

    /// <summary>
    /// 2450: the legacy's "nothing else is due" test looks at duties, Chapter 99, AD/CVD, cotton, the informal fee
    /// and the manual surcharge, but not at the MPF (a deviation from 19 CFR 24.24, see docs/deviations.md).
    /// </summary>
    public bool HmfWaiverConsidersMpf { get; init; }
}
