using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;

namespace Collections.Domain.Tests.OpenItems;

public class LateInterestCalculatorTests
{
    private static readonly InterestRate[] Rates = [new(20251001, 20251231, 8000), new(20260101, 20260331, 7000)];

    private static PackedNumber Cents(long c) => PackedNumber.FromUnscaled(c, OpenItemPictures.Amount);

    private static DisplayNumber Date(int d) => DisplayNumber.FromValue(d, 8);

    private static long Compute(LateInterestCalculator calc, long cents, int from, int to, List<int>? missing = null) =>
        calc.Compute(Cents(cents), Date(from), Date(to), d => missing?.Add(d)).Unscaled;

    [Fact]
    public void Compute_NoDay_IsZeroWithFactorOne()
    {
        var calc = new LateInterestCalculator(Rates);
        Compute(calc, 100_000_00, 20260302, 20260302).Should().Be(0);
        calc.Factor.Should().Be(CobolDecimal.FromUnscaled(1, 0));
        calc.RateEffectiveDate.Should().Be(99_999_999);
        calc.RateEndDate.Should().Be(0);
    }

    [Fact]
    public void Compute_ToBeforeFrom_IsZero() => Compute(new LateInterestCalculator(Rates), 100_000_00, 20260305, 20260302).Should().Be(0);

    [Fact]
    public void Compute_OneDayAtSevenPercent_TruncatesFactorAndInterest()
    {
        var calc = new LateInterestCalculator(Rates);
        Compute(calc, 100_000_00, 20260301, 20260302).Should().Be(19_17);   // 100,000.00 * 0.0001917808
        calc.Factor.ToString().Should().Be("1.0001917808");                  // 1 + 0.07/365 = 1.000191780821..., truncated
        (calc.RateEffectiveDate, calc.RateEndDate, calc.AnnualRateThousandths).Should().Be((20260101, 20260331, 7000));
    }

    [Fact]
    public void Compute_RoundingPolicies_AreApplied()
    {
        var rounded = new LateInterestCalculator(Rates, OpenItemPolicies.Legacy with
        {
            DailyFactorRounding = CobolRoundingMode.NearestAwayFromZero, InterestAmountRounding = CobolRoundingMode.NearestAwayFromZero,
        });
        Compute(rounded, 100_000_00, 20260301, 20260302).Should().Be(19_18);
        rounded.Factor.ToString().Should().Be("1.0001917808");
    }

    [Fact]
    public void Compute_DaysPerYear_IsAPolicy() =>
        Compute(new LateInterestCalculator(Rates, OpenItemPolicies.Legacy with { DaysPerYear = 366 }), 100_000_00, 20260301, 20260302).Should().Be(19_12);

    [Fact]
    public void Compute_AcrossAQuarter_TakesEachDaysRate()
    {
        var calc = new LateInterestCalculator(Rates);
        var across = Compute(calc, 100_000_00, 20251230, 20260102);
        var at8 = Compute(new LateInterestCalculator(Rates), 100_000_00, 20251227, 20251231);
        across.Should().BeLessThan(at8 * 2).And.BeGreaterThan(0);
        calc.AnnualRateThousandths.Should().Be(7000);
    }

    [Fact]
    public void Compute_DayWithoutRate_ReportedEachDayAtRateZero()
    {
        var calc = new LateInterestCalculator(Rates);
        var missing = new List<int>();
        var twoDaysAt8 = Compute(new LateInterestCalculator(Rates), 100_000_00, 20250930, 20251002);
        Compute(calc, 100_000_00, 20250928, 20251002, missing).Should().Be(twoDaysAt8).And.BeGreaterThan(0);   // the missing days count at 0 %
        missing.Should().Equal(20250929, 20250930);
        Compute(calc, 100_000_00, 20250928, 20250929, missing);
        missing.Should().Equal(20250929, 20250930, 20250929);
    }

    [Fact]
    public void Compute_KeepsTheRangeInUseAcrossCalls()
    {
        var calc = new LateInterestCalculator(Rates);
        Compute(calc, 1_00, 20260101, 20260102);
        (calc.RateEffectiveDate, calc.RateEndDate).Should().Be((20260101, 20260331));
        var missing = new List<int>();
        Compute(calc, 1_00, 20260401, 20260402, missing);
        missing.Should().Equal(20260402);
        (calc.RateEffectiveDate, calc.RateEndDate, calc.AnnualRateThousandths).Should().Be((20260402, 20260402, 0));
    }

    [Fact]
    public void Compute_FromDateNotADate_StartsAtDayOne()
    {
        var calc = new LateInterestCalculator([new(16010101, 16010102, 10000)]);
        var missing = new List<int>();
        calc.Compute(Cents(100_00), DisplayNumber.FromBytes("        "u8), Date(16010104), missing.Add).Unscaled.Should().BeGreaterThan(0);
        missing.Should().Equal(16010103, 16010104);
    }

    [Fact]
    public void Compute_NegativePrincipal_GivesNegativeInterest() =>
        Compute(new LateInterestCalculator(Rates), -100_000_00, 20260301, 20260302).Should().Be(-19_17);
}
