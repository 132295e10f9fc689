using Collections.Cobol.Numerics;
using Collections.Domain.Values;

namespace Collections.Domain.Tests.Values;

/// <summary>
/// Every comparison operator of the exact value types against the plain comparison of their unscaled integers, on
/// the three orders (less, equal, greater), and the PIC limits of the rates taken at both ends (inclusive). Pins the
/// operators the mutation run found untested (each of &lt;, &lt;=, &gt;, &gt;=, ==, != swapped for another).
/// </summary>
public class ValueOrderingTests
{
    public static TheoryData<long, long> Pairs => new() { { 1, 2 }, { 2, 2 }, { 3, 2 }, { -5, 0 }, { 0, -5 } };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Money_Operators_AgreeWithTheCents(long x, long y)
    {
        Money a = Money.FromCents(x), b = Money.FromCents(y);

        (a < b).Should().Be(x < y);
        (a <= b).Should().Be(x <= y);
        (a > b).Should().Be(x > y);
        (a >= b).Should().Be(x >= y);
        (a == b).Should().Be(x == y);
        (a != b).Should().Be(x != y);
        a.Equals(b).Should().Be(x == y);
        a.Equals((object)b).Should().Be(x == y);
        Math.Sign(a.CompareTo(b)).Should().Be(Math.Sign(x.CompareTo(y)));
        Math.Sign(a.CompareTo((object)b)).Should().Be(Math.Sign(x.CompareTo(y)));
        (a - b).Cents.Should().Be(x - y);
        (-a).Cents.Should().Be(-x);
        (a.GetHashCode() == b.GetHashCode()).Should().Be(x == y);
    }

    [Fact]
    public void Money_CompareToObject_NullIsLessAndOtherTypesThrow()
    {
        Money.FromCents(-1).CompareTo(null).Should().Be(1);
        Money.FromCents(1).Equals("0.01").Should().BeFalse();
        var act = () => Money.FromCents(1).CompareTo(1L);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Money_FromDollarsAndParse_ExactCentsAndOverflowChecked()
    {
        Money.FromDollars(-7).Cents.Should().Be(-700);
        Money.Parse("0.07").Cents.Should().Be(7);
        var bad = () => Money.Parse("1.234");
        bad.Should().Throw<FormatException>().WithMessage("*1.234*");
        var overflow = () => Money.FromDollars(long.MaxValue / 10);
        overflow.Should().Throw<OverflowException>();
        var sum = () => Money.FromCents(long.MaxValue) + Money.FromCents(1);
        sum.Should().Throw<OverflowException>();
        var difference = () => Money.FromCents(long.MinValue) - Money.FromCents(1);
        difference.Should().Throw<OverflowException>();
        var negate = () => -Money.FromCents(long.MinValue);
        negate.Should().Throw<OverflowException>();
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Rates_Operators_AgreeWithTheMillionths(long x, long y)
    {
        if (x < 0 || y < 0) return; // rates are unsigned
        AdValoremRate a = AdValoremRate.FromMillionths(x), b = AdValoremRate.FromMillionths(y);
        SpecificRate s = SpecificRate.FromMillionths(x), t = SpecificRate.FromMillionths(y);
        ExchangeRate e = ExchangeRate.FromMillionths(x), f = ExchangeRate.FromMillionths(y);

        ((a < b), (a <= b), (a > b), (a >= b), (a == b), (a != b)).Should().Be((x < y, x <= y, x > y, x >= y, x == y, x != y));
        ((s < t), (s <= t), (s > t), (s >= t), (s == t), (s != t)).Should().Be((x < y, x <= y, x > y, x >= y, x == y, x != y));
        ((e < f), (e <= f), (e > f), (e >= f), (e == f), (e != f)).Should().Be((x < y, x <= y, x > y, x >= y, x == y, x != y));
        (Math.Sign(a.CompareTo(b)), Math.Sign(s.CompareTo(t)), Math.Sign(e.CompareTo(f))).Should().Be((Math.Sign(x.CompareTo(y)), Math.Sign(x.CompareTo(y)), Math.Sign(x.CompareTo(y))));
        (a.Equals((object)b), s.Equals((object)t), e.Equals((object)f)).Should().Be((x == y, x == y, x == y));
        (a.GetHashCode() == b.GetHashCode(), s.GetHashCode() == t.GetHashCode(), e.GetHashCode() == f.GetHashCode()).Should().Be((x == y, x == y, x == y));
        (a.Value.ToUnscaledInt64(6), s.Value.ToUnscaledInt64(6), e.Value.ToUnscaledInt64(6)).Should().Be((x, x, x));
    }

    [Fact]
    public void Rates_PictureLimits_InclusiveAtBothEnds()
    {
        AdValoremRate.TryFromMillionths(0, out var a0).Should().BeTrue();
        a0.Millionths.Should().Be(0);
        AdValoremRate.TryFromMillionths(9_999_999, out var aMax).Should().BeTrue();
        aMax.Millionths.Should().Be(9_999_999);
        SpecificRate.TryFromMillionths(0, out _).Should().BeTrue();
        SpecificRate.TryFromMillionths(-1, out _).Should().BeFalse();
        ExchangeRate.TryFromMillionths(0, out var e0).Should().BeTrue();
        e0.IsZero.Should().BeTrue();
        ExchangeRate.TryFromMillionths(-1, out _).Should().BeFalse();
        ExchangeRate.TryFromMillionths(999_999_999_999, out var eMax).Should().BeTrue();
        eMax.IsZero.Should().BeFalse();
        eMax.ToString().Should().Be("999999.999999");
        ExchangeRate.UsDollar.Millionths.Should().Be(1_000_000);

        var badA = () => AdValoremRate.FromMillionths(10_000_000);
        var badS = () => SpecificRate.FromMillionths(-1);
        var badE = () => ExchangeRate.FromMillionths(-1);
        badA.Should().Throw<ArgumentOutOfRangeException>();
        badS.Should().Throw<ArgumentOutOfRangeException>();
        badE.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("0.125", 125_000)]
    [InlineData("9999.999999", 9_999_999_999)]
    public void Rates_Parse_InvariantMillionths(string text, long millionths)
    {
        SpecificRate.TryParse(text, out var s).Should().BeTrue();
        s.Millionths.Should().Be(millionths);
        ExchangeRate.TryParse(text, out var e).Should().BeTrue();
        e.Millionths.Should().Be(millionths);
        SpecificRate.TryParse(null, out _).Should().BeFalse();
        ExchangeRate.TryParse("1.0000001", out _).Should().BeFalse();
        AdValoremRate.TryParse(null, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(20260301, 20260302)]
    [InlineData(20260302, 20260302)]
    [InlineData(20261231, 20260101)]
    public void CobolDate_Operators_Chronological(int x, int y)
    {
        CobolDate a = CobolDate.FromValue(x), b = CobolDate.FromValue(y);

        ((a < b), (a <= b), (a > b), (a >= b), (a == b), (a != b)).Should().Be((x < y, x <= y, x > y, x >= y, x == y, x != y));
        (Math.Sign(a.CompareTo(b)), Math.Sign(a.CompareTo((object)b))).Should().Be((Math.Sign(x.CompareTo(y)), Math.Sign(x.CompareTo(y))));
        (a.Equals((object)b), a.GetHashCode() == b.GetHashCode()).Should().Be((x == y, x == y));
        a.CompareTo(null).Should().Be(1);
        var act = () => a.CompareTo("20260302");
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void CobolDate_ByteParseDateOnlyAndNone_AsTheLegacyRule()
    {
        CobolDate.TryParse("20240229"u8, out var leap).Should().BeTrue();
        leap.ToDateOnly().Should().Be(new DateOnly(2024, 2, 29));
        (leap.Year, leap.Month, leap.Day).Should().Be((2024, 2, 29));
        CobolDate.TryParse("20250229"u8, out _).Should().BeFalse();
        CobolDate.TryParse("2024022"u8, out _).Should().BeFalse();
        CobolDate.TryParse("202402291"u8, out _).Should().BeFalse();
        CobolDate.TryParse("2024022 "u8, out _).Should().BeFalse();
        CobolDate.TryParse("202402291", out _).Should().BeFalse();
        CobolDate.FromDateOnly(new DateOnly(2099, 12, 31)).Value.Should().Be(20991231);
        CobolDate.Create(1990, 1, 1).IsNone.Should().BeFalse();
        CobolDate.None.IsNone.Should().BeTrue();
        var none = () => CobolDate.None.ToDateOnly();
        none.Should().Throw<InvalidOperationException>();
        var bad = () => CobolDate.Create(2026, 2, 29);
        bad.Should().Throw<ArgumentOutOfRangeException>();
        CobolDate.IsValid(-1).Should().BeFalse();
        CobolDate.IsValid(100_000_101).Should().BeFalse();
        CobolDate.IsValid(20260100).Should().BeFalse();
        CobolDate.IsValid(20260131).Should().BeTrue();
        CobolDate.IsValid(20260132).Should().BeFalse();
        CobolDate.IsValid(20261231).Should().BeTrue();
        CobolDate.IsValid(20260001).Should().BeFalse();
        CobolDate.IsValid(20960229).Should().BeTrue();
    }

    [Theory]
    [InlineData(2025, 2026)]
    [InlineData(2026, 2026)]
    [InlineData(2027, 2026)]
    public void FiscalYear_Operators_ByYear(int x, int y)
    {
        FiscalYear a = FiscalYear.FromYear(x), b = FiscalYear.FromYear(y);

        ((a < b), (a <= b), (a > b), (a >= b), (a == b), (a != b)).Should().Be((x < y, x <= y, x > y, x >= y, x == y, x != y));
        (Math.Sign(a.CompareTo(b)), a.Equals((object)b), a.GetHashCode() == b.GetHashCode()).Should().Be((Math.Sign(x.CompareTo(y)), x == y, x == y));
    }

    [Fact]
    public void FiscalYear_RangeAndContains_InclusiveAtBothEnds()
    {
        FiscalYear.FromYear(CobolDate.MinYear).Year.Should().Be(1990);
        FiscalYear.FromYear(CobolDate.MaxYear + 1).Year.Should().Be(2100);
        var low = () => FiscalYear.FromYear(1989);
        var high = () => FiscalYear.FromYear(2101);
        low.Should().Throw<ArgumentOutOfRangeException>();
        high.Should().Throw<ArgumentOutOfRangeException>();
        var fy = FiscalYear.FromYear(2026);
        fy.Contains(CobolDate.FromValue(20251001)).Should().BeTrue();
        fy.Contains(CobolDate.FromValue(20260930)).Should().BeTrue();
        fy.Contains(CobolDate.FromValue(20261001)).Should().BeFalse();
        FiscalYear.Of(CobolDate.FromValue(20260930)).Year.Should().Be(2026);
        FiscalYear.Of(CobolDate.FromValue(20261001)).Year.Should().Be(2027);
    }

    [Fact]
    public void Rates_Pictures_AreTheLegacyFields()
    {
        AdValoremRate.Picture.Should().Be(NumericPic.Parse("9(01)V9(06)"));
        SpecificRate.Picture.Should().Be(NumericPic.Parse("9(04)V9(06)"));
        ExchangeRate.Picture.Should().Be(NumericPic.Parse("9(06)V9(06)"));
    }

    [Theory]
    [InlineData("20991231", true)]
    [InlineData("19900909", true)]
    [InlineData("2026030:", false)]
    [InlineData("2026030/", false)]
    public void CobolDate_TextParse_EveryDigitAndOnlyDigits(string text, bool ok)
    {
        CobolDate.TryParse(text, out var d).Should().Be(ok);
        if (ok) d.ToString().Should().Be(text);
    }
}
