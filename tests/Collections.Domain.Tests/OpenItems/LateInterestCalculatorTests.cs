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

    [Theory]
    // 8500: IF WS-INT-DATE < WS-INT-RATE-EFF OR > WS-INT-RATE-END: a day on either end of the kept range takes the
    // kept rate without a search, even when an earlier table entry (found first by 8510) also covers it. Overlapping
    // tables show it: the kept range is B (8 %), the day is on its first / last day, A (7 %) comes first in the table.
    [InlineData(20260101, 20260331, 20260101, 20260630, 20260331, 20260401, 20251231, 20260101)] // first day of B
    [InlineData(20260301, 20260331, 20260201, 20260331, 20260214, 20260215, 20260330, 20260331)] // last day of B
    public void Compute_DayOnTheEdgeOfTheKeptRange_KeepsItsRate(int aEff, int aEnd, int bEff, int bEnd, int from1, int to1, int from2, int to2)
    {
        var calc = new LateInterestCalculator([new(aEff, aEnd, 7000), new(bEff, bEnd, 8000)]);
        Compute(calc, 100_000_00, from1, to1);
        (calc.RateEffectiveDate, calc.RateEndDate).Should().Be((bEff, bEnd));

        Compute(calc, 100_000_00, from2, to2).Should().Be(21_91);           // 100,000.00 * 0.0002191780 (8 %), not 19.17 (7 %)
        calc.AnnualRateThousandths.Should().Be(8000);
        (calc.RateEffectiveDate, calc.RateEndDate).Should().Be((bEff, bEnd));
    }

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

    /// <summary>
    /// The integer form (the default) against the decimal reference (<see cref="LateInterestCalculator.DecimalReference"/>)
    /// on random tables (gaps, overlaps, ends that are not dates, rates from 0 to 99.999) and random cases computed one
    /// after the other (the kept range flows from case to case): interest bytes, factor, kept range, rate and every
    /// missing-rate day agree.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Compute_IntegerForm_EqualsDecimalReference(int seed)
    {
        var rng = new Random(seed);
        var table = new List<InterestRate>();
        var eff = 20190101 + rng.Next(0, 3) * 10_000;
        for (var i = 0; i < 30; i++)
        {
            var start = DateOnly.ParseExact(eff.ToString(System.Globalization.CultureInfo.InvariantCulture), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var end = start.AddDays(rng.Next(0, 4) == 0 ? rng.Next(1, 40) : rng.Next(80, 100));
            var endDate = int.Parse(end.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
            if (rng.Next(0, 15) == 0) endDate = endDate / 100 * 100 + 99;                    // an end that is not a date
            var rate = rng.Next(0, 6) switch { 0 => 99_999, 1 => 0, 2 => rng.Next(0, 100_000), _ => rng.Next(3, 13) * 1000 };
            table.Add(new InterestRate(eff, endDate, rate));
            var gap = rng.Next(0, 5) switch { 0 => rng.Next(2, 30), 1 => -rng.Next(1, 20), _ => 1 };   // gaps and overlaps
            var next = end.AddDays(gap);
            var nextEff = int.Parse(next.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
            eff = Math.Max(nextEff, eff + 1);
        }
        var fast = new LateInterestCalculator(table);
        var reference = new LateInterestCalculator(table) { DecimalReference = true };
        for (var i = 0; i < 400; i++)
        {
            var principal = rng.Next(5) switch
            {
                0 => rng.NextInt64(-99_999_999_999_99, 99_999_999_999_99),
                1 => rng.NextInt64(1, 100_000_00),
                2 => 0,
                _ => rng.NextInt64(1, 10_000_000_00),
            };
            var from = new DateOnly(2018, 6, 1).AddDays(rng.Next(0, 3000));
            var span = rng.Next(6) switch { 0 => rng.Next(-3, 3), 1 => rng.Next(0, 40), 2 => rng.Next(30, 400), 3 => rng.Next(300, 1500), 4 => rng.Next(2500, 9000), _ => rng.Next(0, 120) };
            var to = from.AddDays(span);
            DisplayNumber D(DateOnly d) => rng.Next(60) == 0 ? DisplayNumber.FromBytes("2026AB01"u8) : Date(int.Parse(d.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
            var fromDate = D(from);
            var toDate = D(to);
            var missingFast = new List<int>();
            var missingReference = new List<int>();
            var a = fast.Compute(Cents(principal), fromDate, toDate, missingFast.Add);
            var b = reference.Compute(Cents(principal), fromDate, toDate, missingReference.Add);
            a.Should().Be(b, "case {0}: {1} from {2} to {3}", i, principal, fromDate, toDate);
            fast.Factor.IsIdenticalTo(reference.Factor).Should().BeTrue("case {0}: factor {1} vs {2}", i, fast.Factor, reference.Factor);
            (fast.RateEffectiveDate, fast.RateEndDate, fast.AnnualRateThousandths).Should().Be((reference.RateEffectiveDate, reference.RateEndDate, reference.AnnualRateThousandths));
            missingFast.Should().Equal(missingReference);
        }
    }

    [Fact]
    public void Compute_FactorBeyond999_WrapsAsTheReference()
    {
        InterestRate[] table = [new(20000101, 20991231, 99_999)];
        var fast = new LateInterestCalculator(table);
        var reference = new LateInterestCalculator(table) { DecimalReference = true };
        foreach (var (from, to) in new[] { (20000101, 20071231), (20000101, 20150101), (20000101, 20991231) })
        {
            var a = fast.Compute(Cents(99_999_999_999_99), Date(from), Date(to), _ => { });
            var b = reference.Compute(Cents(99_999_999_999_99), Date(from), Date(to), _ => { });
            a.Should().Be(b);
            fast.Factor.Should().Be(reference.Factor);
        }
        fast.Factor.Should().BeLessThan(CobolDecimal.FromUnscaled(1000, 0));
    }
}
