using Collections.Cobol.Numerics;

namespace Collections.Domain.OpenItems;

/// <summary>
/// Every place CLV400 drops a digit or fixes a number of days, as a named, replaceable policy. <see cref="Legacy"/>
/// (the default) is what the legacy program does; docs/deviations.md lists where that departs from the regulations.
/// </summary>
public sealed record OpenItemPolicies
{
    /// <summary>The legacy's behaviour at every site.</summary>
    public static OpenItemPolicies Legacy { get; } = new();

    /// <summary>
    /// 8500: <c>COMPUTE WS-INT-FACTOR = WS-INT-FACTOR * (1 + WS-INT-ANNUAL-RATE / 100 / 365)</c> without ROUNDED: the
    /// daily compound factor (PIC 9(03)V9(10)) is truncated to ten decimals every day.
    /// </summary>
    public CobolRoundingMode DailyFactorRounding { get; init; } = CobolRoundingMode.Truncation;

    /// <summary>8500: <c>COMPUTE WS-INTEREST-AMT = WS-INT-PRINCIPAL * (WS-INT-FACTOR - 1)</c> without ROUNDED: truncated to cents.</summary>
    public CobolRoundingMode InterestAmountRounding { get; init; } = CobolRoundingMode.Truncation;

    /// <summary>8500: the annual rate is divided by this many days, leap years included (<c>/ 100 / 365</c>).</summary>
    public int DaysPerYear { get; init; } = 365;

    /// <summary>3800: an unbilled item with a balance is billed when it is more than this many days past due.</summary>
    public int BillWhenDaysPastDueExceed { get; init; } = 30;

    /// <summary>3810: a bill is due this many calendar days after the bill date (the run date).</summary>
    public int BillDueInDays { get; init; } = 30;
}
