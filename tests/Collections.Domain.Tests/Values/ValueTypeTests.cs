using Collections.Domain.Values;
using Collections.Testing;

namespace Collections.Domain.Tests.Values;

public class MoneyTests
{
    [Theory]
    [InlineData("-919.00", -91900)]
    [InlineData("12.5", 1250)]
    [InlineData("0", 0)]
    public void Parse_InvariantText_Cents(string text, long cents)
    {
        using var culture = HostileCulture.Enter();
        Money.Parse(text).Cents.Should().Be(cents);
        Money.FromCents(cents).ToString().Should().Be(Money.Parse(text).ToString());
    }

    [Fact]
    public void ToString_TurkishCulture_InvariantDecimalPoint()
    {
        using var culture = HostileCulture.Enter();
        Money.FromCents(123456).ToString().Should().Be("1234.56");
        Money.FromCents(-5).ToString().Should().Be("-0.05");
    }

    [Fact]
    public void TryParse_TooManyDecimalsOrGarbage_False()
    {
        Money.TryParse("1.234", out _).Should().BeFalse();
        Money.TryParse("1,23", out _).Should().BeFalse();
        Money.TryParse(null, out _).Should().BeFalse();
    }

    [Fact]
    public void Operators_EqualityAndOrdering_Consistent()
    {
        var a = Money.FromCents(100);
        var b = Money.FromDollars(1);
        (a == b).Should().BeTrue();
        (a + b).Cents.Should().Be(200);
        (a - Money.FromCents(150) < Money.Zero).Should().BeTrue();
        default(Money).Should().Be(Money.Zero);
        new[] { Money.FromCents(3), Money.FromCents(-1), Money.FromCents(2) }.Order().Select(m => m.Cents).Should().Equal(-1, 2, 3);
    }
}

public class RateTests
{
    [Fact]
    public void AdValoremRate_Limits_ValidatedAndFormatted()
    {
        using var culture = HostileCulture.Enter();
        AdValoremRate.FromMillionths(25000).ToString().Should().Be("0.025000");
        AdValoremRate.TryFromMillionths(10_000_000, out _).Should().BeFalse();
        AdValoremRate.TryFromMillionths(-1, out _).Should().BeFalse();
        AdValoremRate.TryParse("0.003464", out var mpf).Should().BeTrue();
        mpf.Millionths.Should().Be(3464);
        AdValoremRate.TryParse("0.0034641", out _).Should().BeFalse();
    }

    [Fact]
    public void SpecificAndExchangeRate_Limits_Validated()
    {
        SpecificRate.FromMillionths(9_999_999_999).ToString().Should().Be("9999.999999");
        SpecificRate.TryFromMillionths(10_000_000_000, out _).Should().BeFalse();
        ExchangeRate.UsDollar.ToString().Should().Be("1.000000");
        default(ExchangeRate).IsZero.Should().BeTrue();
        ExchangeRate.TryFromMillionths(1_000_000_000_000, out _).Should().BeFalse();
        (ExchangeRate.FromMillionths(2) > ExchangeRate.FromMillionths(1)).Should().BeTrue();
    }
}

public class CobolDateTests
{
    [Theory]
    [InlineData(20240229, true)]
    [InlineData(20250229, false)]
    [InlineData(20000229, true)]
    [InlineData(19900101, true)]
    [InlineData(19891231, false)]
    [InlineData(20991231, true)]
    [InlineData(21000101, false)]
    [InlineData(20261301, false)]
    [InlineData(20260431, false)]
    [InlineData(20260400, false)]
    [InlineData(0, false)]
    [InlineData(99999999, false)]
    public void IsValid_LegacyRule(int value, bool valid) => CobolDate.IsValid(value).Should().Be(valid);

    [Fact]
    public void TryParse_NonDigits_False()
    {
        using var culture = HostileCulture.Enter();
        CobolDate.TryParse("2026X302", out _).Should().BeFalse();
        CobolDate.TryParse("2026030", out _).Should().BeFalse();
        CobolDate.TryParse("20260302", out var d).Should().BeTrue();
        d.ToString().Should().Be("20260302");
        d.Year.Should().Be(2026);
        default(CobolDate).ToString().Should().Be("00000000");
    }

    [Theory]
    [InlineData(20260215, 20260101)]
    [InlineData(20260331, 20260101)]
    [InlineData(20260401, 20260401)]
    [InlineData(20261231, 20261001)]
    [InlineData(20250704, 20250701)]
    public void QuarterStart_FirstDayOfCalendarQuarter(int date, int start) =>
        CobolDate.FromValue(date).QuarterStart().Value.Should().Be(start);
}

public class FiscalYearTests
{
    [Theory]
    [InlineData(20250930, 2025)]
    [InlineData(20251001, 2026)]
    [InlineData(20260101, 2026)]
    public void Of_OctoberFirstStartsTheNextYear(int date, int fy) =>
        FiscalYear.Of(CobolDate.FromValue(date)).Year.Should().Be(fy);

    [Fact]
    public void Bounds_OctoberFirstToSeptemberThirtieth()
    {
        var fy = FiscalYear.FromYear(2026);
        fy.StartValue.Should().Be(20251001);
        fy.EndValue.Should().Be(20260930);
        fy.Contains(CobolDate.FromValue(20250930)).Should().BeFalse();
        fy.ToString().Should().Be("FY2026");
    }
}

public class CodeTests
{
    [Fact]
    public void HtsNumber_TenDigits()
    {
        HtsNumber.TryParse("9903880100", out var h).Should().BeTrue();
        h.Chapter.Should().Be(99);
        HtsNumber.TryParse("990388010", out _).Should().BeFalse();
        HtsNumber.TryParse("99038801OO", out _).Should().BeFalse();
        HtsNumber.TryParse("0101", out _).Should().BeFalse();
        default(HtsNumber).Digits.Should().BeEmpty();
    }

    [Fact]
    public void PortAndCurrency_Validated()
    {
        using var culture = HostileCulture.Enter();
        PortCode.Parse("0401").ToString().Should().Be("0401");
        PortCode.TryParse("04A1", out _).Should().BeFalse();
        CurrencyCode.Parse("EUR").IsUsd.Should().BeFalse();
        default(CurrencyCode).Should().Be(CurrencyCode.Usd);
        CurrencyCode.TryParse("eur", out _).Should().BeFalse();
        // tr-TR upper-casing of 'i' must not matter: we never case-convert
        CurrencyCode.TryParse("INR", out var inr).Should().BeTrue();
        inr.ToString().Should().Be("INR");
    }
}
