using Collections.Cobol.Numerics;
using Collections.Domain.LineDuties;
using Collections.Domain.Reference;
using Collections.Domain.Values;
using Collections.Testing;
using static Collections.Domain.Tests.LineDuties.LineDutyTestData;

namespace Collections.Domain.Tests.LineDuties;

public class LineCalculatorTests
{
    private static LineCalculation Calc(EntryLineFields line, string entryDate = "20260302", string currency = "USD", Clv100RoundingPolicies? p = null)
    {
        var r = RefData();
        var entry = Accept(r, Header(currency, entryDate, entryDate));
        int last = 0;
        return new LineCalculator(r, p).Calculate(entry, line, ref last);
    }

    [Fact]
    public void Calculate_UsdValue_RoundedToWholeDollars()
    {
        Calc(Line("8414510090", 100_49)).UsdValue.Cents.Should().Be(100_00);
        Calc(Line("8414510090", 100_50)).UsdValue.Cents.Should().Be(101_00);
        Calc(Line("8414510090", 49)).UsdValue.Cents.Should().Be(0);
    }

    [Fact]
    public void Calculate_UsdValueTruncationPolicy_Changes()
    {
        var p = Clv100RoundingPolicies.Legacy with { UsdValue = CobolRoundingMode.Truncation };
        Calc(Line("8414510090", 100_50), p: p).UsdValue.Cents.Should().Be(100_00);
    }

    [Fact]
    public void Calculate_ForeignCurrency_DividedByRateThenRounded()
    {
        // 1000.00 EUR / 0.920000 = 1086.956... -> 1087 dollars
        Calc(Line("8414510090", 1000_00), currency: "EUR").UsdValue.Cents.Should().Be(1087_00);
        // 100.00 JPY / 150 = 0.666 -> 1 dollar
        Calc(Line("8414510090", 100_00), currency: "JPY").UsdValue.Cents.Should().Be(1_00);
    }

    [Fact]
    public void Calculate_AdValorem_RoundedToCents()
    {
        // 1234 * 0.047 = 57.998 -> 58.00
        var c = Calc(Line("8414510090", 1234_00));
        c.Duty.Cents.Should().Be(58_00);
        c.RateType.Should().Be('A');
        c.Status.Should().Be('A');
    }

    [Fact]
    public void Calculate_Specific_Truncated()
    {
        // 12.34 kg * 0.19 = 2.3446 -> 2.34 (truncated)
        Calc(Line("0409000000", 500_00, unit: "KG ", quantity: 12_34)).Duty.Cents.Should().Be(2_34);
        // a negative quantity gives a negative duty (the legacy only checks NUMERIC)
        Calc(Line("0409000000", 500_00, unit: "KG ", quantity: -12_34)).Duty.Cents.Should().Be(-2_34);
    }

    [Fact]
    public void Calculate_Compound_AdValoremPlusSpecific()
    {
        // 1000 * 0.28 = 280.00 ; 3.33 * 1.10 = 3.663 -> 3.66
        Calc(Line("6103101000", 1000_00, unit: "KG ", quantity: 3_33)).Duty.Cents.Should().Be(283_66);
    }

    [Fact]
    public void Calculate_FreeBySpiInList_ZeroDutyFlagY()
    {
        var c = Calc(Line("8414510090", 1000_00, origin: "KR", spi: "KR"));
        c.SpiFree.Should().Be('Y');
        c.Duty.Should().Be(Money.Zero);
        var notInList = Calc(Line("8414510090", 1000_00, origin: "JO", spi: "JO"));
        notInList.SpiFree.Should().Be('N');
        notInList.Duty.Cents.Should().Be(47_00);
    }

    [Fact]
    public void Calculate_FreeRateType_ZeroDuty() => Calc(Line("7208510030", 1000_00, unit: "KG ")).Duty.Should().Be(Money.Zero);

    [Theory]
    [InlineData("20260223", "9903012500", 'A', 100_00)]
    [InlineData("20260224", "9903012500", 'R', 0)]
    [InlineData("20260224", "9903030100", 'A', 100_00)]
    [InlineData("20260223", "9903030100", 'R', 0)]
    public void Calculate_Chapter99EffectiveBoundary_IeepaEndsSection122Starts(string date, string heading, char status, long amount)
    {
        var c = Calc(Line("7208510030", 1000_00, unit: "KG ", count: '1', c1: heading), entryDate: date);
        c.Status.Should().Be(status);
        c.Chapter99[0].Amount.Cents.Should().Be(amount);
        if (status == 'R') c.Reason.Should().Be(Clv100Reasons.Chapter99Invalid);
    }

    [Fact]
    public void Calculate_StackingExclusiveGroup_HighestPriorityOnly()
    {
        // 301 (group 00) always; 232 (EX, priority 1) beats IEEPA (EX, priority 2)
        var c = Calc(Line("7208510030", 1000_00, unit: "KG ", count: '3', c1: "9903880100", c2: "9903012500", c3: "9903818700"), entryDate: "20260101");
        c.Chapter99.Select(x => x.Applied).Should().Equal('Y', 'N', 'Y');
        c.Chapter99.Select(x => x.Amount.Cents).Should().Equal(250_00, 0, 500_00);
        c.Chapter99.Select(x => x.RevenueClass).Should().Equal("301", "IEP", "232");
    }

    [Fact]
    public void Calculate_SameHeadingTwice_ExclusiveFirstWinsCumulativeBoth()
    {
        var ex = Calc(Line("7208510030", 1000_00, unit: "KG ", count: '2', c1: "9903012500", c2: "9903012500"), entryDate: "20260101");
        ex.Chapter99.Take(2).Select(x => x.Applied).Should().Equal('Y', 'N');
        var cum = Calc(Line("7208510030", 1000_00, unit: "KG ", count: '2', c1: "9903880100", c2: "9903880100"), entryDate: "20260101");
        cum.Chapter99.Take(2).Select(x => x.Applied).Should().Equal('Y', 'Y');
    }

    [Fact]
    public void Calculate_Chapter99CountryRowBeforeAnyCountry_FirstInTableOrder()
    {
        // the "**" row comes first in table order, so GB goods get 50 % as in the legacy (first match wins)
        Calc(Line("7208510030", 1000_00, origin: "GB", unit: "KG ", count: '1', c1: "9903818700")).Chapter99[0].Amount.Cents.Should().Be(500_00);
    }

    [Fact]
    public void Calculate_AdcvdAdValoremActive_Rounded()
    {
        // 1234 * 2.2103 = 2727.5102 -> 2727.51
        var c = Calc(Line("0409000000", 1234_00, unit: "KG ", adcvd: "A570863000"));
        c.AdcvdDeposit.Cents.Should().Be(2727_51);
        c.AdcvdType.Should().Be('A');
    }

    [Fact]
    public void Calculate_AdcvdPerKg_Truncated()
    {
        // 3.33 kg * 5.07 = 16.8831 -> 16.88
        Calc(Line("0409000000", 1234_00, unit: "KG ", kg: 3_33, adcvd: "A570848003")).AdcvdDeposit.Cents.Should().Be(16_88);
    }

    [Fact]
    public void Calculate_AdcvdInactive_WarningNoDeposit()
    {
        var c = Calc(Line("0409000000", 1234_00, unit: "KG ", adcvd: "A570848029"));
        c.Status.Should().Be('W');
        c.Reason.Should().Be(Clv100Reasons.AdcvdInactive);
        c.AdcvdDeposit.Should().Be(Money.Zero);
    }

    [Fact]
    public void Calculate_AdcvdUnknownOrWrongCountry_Rejected()
    {
        Calc(Line("0409000000", 1234_00, unit: "KG ", adcvd: "A999999999")).Reason.Should().Be(Clv100Reasons.AdcvdCaseUnknown);
        var c = Calc(Line("0409000000", 1234_00, origin: "VN", unit: "KG ", adcvd: "A570863000"));
        c.Reason.Should().Be(Clv100Reasons.AdcvdCountry);
        c.AdcvdType.Should().Be('A');            // kept on the rejected record, as the legacy leaves it
        c.RateType.Should().Be('S');
        c.UsdValue.Should().Be(Money.Zero);      // amounts zeroed (2395)
    }

    [Fact]
    public void Calculate_RawMpf_FiveDecimalsTruncated()
    {
        // 12345 * 0.003464 = 42.76308
        Calc(Line("8414510090", 12345_00)).RawMpf.Should().Be(42_76308);
    }

    [Fact]
    public void Calculate_CottonFee_RateOfTheEntryDate()
    {
        // 12.34 kg * 0.012013 = 0.14824 -> 0.14 ; from 2026-03-01 0.011871: 100 kg -> 1.18
        Calc(Line("6109100012", 100_00, unit: "DOZ", kg: 12_34), entryDate: "20260228").CottonFee.Cents.Should().Be(14);
        Calc(Line("6109100012", 100_00, unit: "DOZ", kg: 100_00), entryDate: "20260301").CottonFee.Cents.Should().Be(1_18);
        Calc(Line("8414510090", 100_00, kg: 100_00)).CottonFee.Should().Be(Money.Zero);
    }

    [Fact]
    public void Calculate_UsdOverflow_L013()
    {
        var c = Calc(Line("8414510090", 99_999_999_999_99));
        c.Status.Should().Be('R');
        c.Reason.Should().Be(Clv100Reasons.AmountTooLarge);
    }

    [Theory]
    // compound 6103101000 (28 % + 1.10/kg): 1,000,000,000 USD gives 280,000,000.00 ad valorem; 90,654,545,454.54 kg
    // x 1.10 = 99,719,999,999.994, truncated .99: the sum is 99,999,999,999.99, the largest S9(11)V99 (assessed); one
    // hundredth of a unit more makes the specific part 99,720,000,000.00 and the sum 10^11: ON SIZE ERROR, L013
    [InlineData(90_654_545_454_54, 'A', 99_999_999_999_99)]
    [InlineData(90_654_545_454_55, 'R', 0)]
    public void Calculate_CompoundDutySum_SizeErrorOnlyPastTheLargestS9_11_V99(long quantity, char status, long duty)
    {
        var c = Calc(Line("6103101000", 1_000_000_000_00, unit: "KG ", quantity: quantity));

        c.Status.Should().Be(status);
        c.Duty.Cents.Should().Be(duty);
        c.Reason.Should().Be(status == 'R' ? Clv100Reasons.AmountTooLarge : null);
    }

    [Theory]
    [InlineData(0, Clv100Reasons.ForeignValue)]
    [InlineData(-1, Clv100Reasons.ForeignValue)]
    public void Calculate_ValueNotPositive_L004(long value, string reason) => Calc(Line("8414510090", value)).Reason.Should().Be(reason);

    [Fact]
    public void Calculate_LineEdits_LegacyOrder()
    {
        Calc(Line("8414510090", 1_00) with { NetKilograms = null }).Reason.Should().Be(Clv100Reasons.QuantityOrKg);
        Calc(Line("1111111111", 1_00)).Reason.Should().Be(Clv100Reasons.HtsNotOnTariff);
        Calc(Line("8414510090", 1_00, spi: "ZZ")).Reason.Should().Be(Clv100Reasons.SpiUnknown);
        Calc(Line("8414510090", 1_00, unit: "KG ")).Reason.Should().Be(Clv100Reasons.UnitMismatch);
        Calc(Line("8481809050", 1_00, unit: "KG ")).Status.Should().Be('A');   // unit X: any unit
        Calc(Line("8414510090", 1_00, count: '4')).Reason.Should().Be(Clv100Reasons.Chapter99Count);
        Calc(Line("6103101000", 1_00, unit: "KG "), entryDate: "20260701").Reason.Should().Be(Clv100Reasons.HtsNotOnTariff);
    }

    [Fact]
    public void Calculate_LineNumberSequence_LastNumberKeptAsLegacy()
    {
        var r = RefData();
        var entry = Accept(r, Header());
        var calc = new LineCalculator(r);
        int last = 0;
        calc.Calculate(entry, Line("8414510090", 1_00) with { LineNumber = "001"u8 }, ref last).Status.Should().Be('A');
        calc.Calculate(entry, Line("8414510090", 1_00) with { LineNumber = "003"u8 }, ref last).Reason.Should().Be(Clv100Reasons.LineNumber);
        last.Should().Be(3);
        calc.Calculate(entry, Line("8414510090", 1_00) with { LineNumber = "002"u8 }, ref last).Reason.Should().Be(Clv100Reasons.LineNumber);
        last.Should().Be(3);
        calc.Calculate(entry, Line("8414510090", 1_00) with { LineNumber = "004"u8 }, ref last).Status.Should().Be('A');
    }
}

public class ExchangeRateSelectorTests
{
    private static CertifiedRate Daily(long millionths) =>
        new("EUR", CertifiedRateType.Daily, 20260215, ExchangeRate.FromMillionths(millionths), "FRBNY");

    [Theory]
    [InlineData(966000, RateSource.Daily)]       // +5.00 %
    [InlineData(965999, RateSource.Daily)]       // +4.99989 % rounds to 5.00: the legacy's ROUNDED variance
    [InlineData(965954, RateSource.Daily)]       // +4.99500 % exactly: half rounds away from zero to 5.00
    [InlineData(965953, RateSource.Quarterly)]   // +4.99489 % -> 4.99
    [InlineData(874000, RateSource.Daily)]       // -5.00 %
    [InlineData(874001, RateSource.Daily)]       // -4.99989 % -> -5.00
    [InlineData(874047, RateSource.Quarterly)]   // -4.99489 % -> -4.99
    [InlineData(920000, RateSource.Quarterly)]
    public void Select_FivePercentRule_BothWays(long daily, RateSource expected)
    {
        var r = RefData(Daily(daily));
        var s = ExchangeRateSelector.Select(r, "EUR", 20260215, Clv100RoundingPolicies.Legacy);
        s.Source.Should().Be(expected);
        s.Rate.Should().Be(s.Source == RateSource.Daily ? ExchangeRate.FromMillionths(daily) : ExchangeRate.FromMillionths(920000));
    }

    [Fact]
    public void Variance_HighOrderDigitsLost_AsWithoutOnSizeError()
    {
        // +1000 % does not fit S9(3)V99: stored as 000.00, so the quarterly rate stays (a legacy quirk, checked with cobc)
        ExchangeRateSelector.Variance(ExchangeRate.FromMillionths(11_000000), ExchangeRate.FromMillionths(1_000000), CobolRoundingMode.NearestAwayFromZero)
            .Should().Be(CobolDecimal.Zero);
        ExchangeRateSelector.Variance(ExchangeRate.FromMillionths(11_500000), ExchangeRate.FromMillionths(1_000000), CobolRoundingMode.NearestAwayFromZero)
            .Should().Be(CobolDecimal.Parse("50.00"));
    }

    [Fact]
    public void Select_UsdBlankMissingNoDaily()
    {
        var r = RefData();
        ExchangeRateSelector.Select(r, "USD", 20260215, Clv100RoundingPolicies.Legacy).Source.Should().Be(RateSource.UsDollar);
        ExchangeRateSelector.Select(r, "   ", 20260215, Clv100RoundingPolicies.Legacy).Rate.Should().Be(ExchangeRate.UsDollar);
        ExchangeRateSelector.Select(r, "BRL", 20260215, Clv100RoundingPolicies.Legacy).Found.Should().BeFalse();
        ExchangeRateSelector.Select(r, "EUR", 20250215, Clv100RoundingPolicies.Legacy).Found.Should().BeFalse();
        var q = ExchangeRateSelector.Select(r, "EUR", 20260331, Clv100RoundingPolicies.Legacy);
        q.Source.Should().Be(RateSource.Quarterly);
        q.Variance.Should().BeNull();
    }
}

public class EntryHeaderEditsTests
{
    [Theory]
    [InlineData("entryType", "21", "H004")]
    [InlineData("importer", "            ", "H015")]
    [InlineData("port", "27A4", "H007")]
    [InlineData("entryDate", "20270101", "H005")]
    [InlineData("exportDate", "20260303", "H006")]
    [InlineData("mode", "13", "H008")]
    [InlineData("payment", "5", "H009")]
    [InlineData("manual", "X", "H012")]
    [InlineData("lineCount", "000", "H013")]
    public void Validate_BadField_LegacyReason(string field, string value, string reason)
    {
        using var culture = HostileCulture.Enter();
        var h = Header();
        h = field switch
        {
            "entryType" => h with { EntryType = value },
            "importer" => h with { ImporterNumber = value },
            "port" => h with { PortCode = value },
            "entryDate" => h with { EntryDate = value },
            "exportDate" => h with { ExportDate = value },
            "mode" => h with { TransportMode = value },
            "payment" => h with { PaymentType = value },
            "manual" => h with { ManualFlag = value[0] },
            _ => h with { LineCount = value },
        };
        EntryHeaderEdits.Validate(h, 20261231, EntryHeaderEdits.NoPreviousEntry).Should().Be(reason);
    }

    [Fact]
    public void Evaluate_RatesAndFees_H011H014()
    {
        var r = RefData();
        EntryHeaderEdits.Evaluate(Header("BRL"), 20261231, EntryHeaderEdits.NoPreviousEntry, r, Clv100RoundingPolicies.Legacy).Reason.Should().Be("H011");
        EntryHeaderEdits.Evaluate(Header(entryDate: "20240102", exportDate: "20240102"), 20261231, EntryHeaderEdits.NoPreviousEntry, r, Clv100RoundingPolicies.Legacy)
            .Reason.Should().Be("H014");
        var ok = EntryHeaderEdits.Evaluate(Header("   "), 20261231, EntryHeaderEdits.NoPreviousEntry, r, Clv100RoundingPolicies.Legacy);
        ok.Entry!.CurrencyCode.Should().Be("USD");
        ok.Entry.MpfRate.Millionths.Should().Be(3464);
    }

    [Fact]
    public void Validate_Sequence_H003()
    {
        var h = Header();
        EntryHeaderEdits.Validate(h, 20261231, h.EntryNumber).Should().Be("H003");
        EntryHeaderEdits.Validate(h, 20261231, "AAA00000000").Should().BeNull();
    }
}
