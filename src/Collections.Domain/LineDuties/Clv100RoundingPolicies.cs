using Collections.Cobol.Numerics;

namespace Collections.Domain.LineDuties;

/// <summary>
/// Every place CLV100 makes cents (or other digits) out of a longer result, one named member per site, each
/// defaulting to what the legacy does (<see cref="Legacy"/>). <see cref="CobolRoundingMode.NearestAwayFromZero"/> is
/// COBOL's plain ROUNDED; <see cref="CobolRoundingMode.Truncation"/> is a COMPUTE without ROUNDED (or a MOVE).
/// Injectable so a test can change one site and see the parity harness notice.
/// </summary>
public sealed record Clv100RoundingPolicies
{
    /// <summary>2255: the daily/quarterly rate variance in percent, PIC S9(03)V99, ROUNDED (then high-order truncated: no ON SIZE ERROR).</summary>
    public CobolRoundingMode RateVariance { get; init; } = CobolRoundingMode.NearestAwayFromZero;

    /// <summary>
    /// 2340: the line's value in U.S. dollars, foreign value / rate into whole dollars PIC S9(11), ROUNDED. A known
    /// difference from 19 CFR 159.3, which rounds per invoice and rate group (docs/deviations.md).
    /// </summary>
    public CobolRoundingMode UsdValue { get; init; } = CobolRoundingMode.NearestAwayFromZero;

    /// <summary>2352: ad valorem duty, USD value × rate into PIC S9(11)V99, ROUNDED.</summary>
    public CobolRoundingMode AdValoremDuty { get; init; } = CobolRoundingMode.NearestAwayFromZero;

    /// <summary>2354: specific duty, net quantity × rate into PIC S9(11)V99, truncated (no ROUNDED).</summary>
    public CobolRoundingMode SpecificDuty { get; init; } = CobolRoundingMode.Truncation;

    /// <summary>2366: each applied Chapter 99 duty, USD value × rate into PIC S9(11)V99, ROUNDED.</summary>
    public CobolRoundingMode Chapter99Duty { get; init; } = CobolRoundingMode.NearestAwayFromZero;

    /// <summary>2372: AD/CVD ad valorem cash deposit, USD value × rate into PIC S9(11)V99, ROUNDED.</summary>
    public CobolRoundingMode AdcvdAdValorem { get; init; } = CobolRoundingMode.NearestAwayFromZero;

    /// <summary>2372: AD/CVD per-kilogram cash deposit, net kg × rate into PIC S9(11)V99, truncated.</summary>
    public CobolRoundingMode AdcvdPerKilogram { get; init; } = CobolRoundingMode.Truncation;

    /// <summary>2380: raw line MPF, USD value × MPF rate into PIC S9(09)V9(05), truncated.</summary>
    public CobolRoundingMode RawMpf { get; init; } = CobolRoundingMode.Truncation;

    /// <summary>2380: cotton fee, net kg × cotton rate into PIC S9(11)V99, truncated.</summary>
    public CobolRoundingMode CottonFee { get; init; } = CobolRoundingMode.Truncation;

    /// <summary>9100: the raw MPF total (5 decimals) moved to the control-total amount (2 decimals): a MOVE, truncated.</summary>
    public CobolRoundingMode RawMpfControlTotal { get; init; } = CobolRoundingMode.Truncation;

    /// <summary>The legacy's behaviour at every site.</summary>
    public static Clv100RoundingPolicies Legacy { get; } = new();
}
