using Collections.Domain.Reference;
using static Collections.Domain.Tests.LineDuties.LineDutyTestData;

namespace Collections.Domain.Tests.LineDuties;

/// <summary>The byte-keyed look-ups answer exactly what the text look-ups answer.</summary>
public sealed class Clv100ReferenceTests
{
    private static readonly Clv100Reference R = RefData();

    [Theory]
    [InlineData("6103101000", 20260630)]
    [InlineData("6103101000", 20260701)]
    [InlineData("0409000000", 20231231)]
    [InlineData("8414510090", 20260302)]
    [InlineData("8414510091", 20260302)]
    [InlineData("841451009 ", 20260302)]
    public void FindTariff_Bytes_SameRowAsText(string hts, int date)
    {
        var byText = R.FindTariff(hts, date);
        R.FindTariff(B(hts), date).Should().BeSameAs(byText);
        if (hts == "8414510090") byText.Should().NotBeNull();
    }

    [Fact]
    public void FindTariff_WrongLength_Null()
    {
        R.FindTariff("841451009", 20260302).Should().BeNull();
        R.FindTariff(B("84145100900"), 20260302).Should().BeNull();
    }

    [Theory]
    [InlineData("9903818700", "GB", 20260302, "**")]   // the "**" row is first in table order
    [InlineData("9903818700", "DE", 20260302, "**")]
    [InlineData("9903880100", "CN", 20260302, "CN")]
    [InlineData("9903880100", "VN", 20260302, null)]
    [InlineData("9903012500", "VN", 20260224, null)]
    public void FindChapter99_Bytes_FirstRowInTableOrder(string heading, string origin, int date, string? country)
    {
        var row = R.FindChapter99(B(heading), B(origin), date);
        row.Should().BeSameAs(R.FindChapter99(heading, origin, date));
        row?.Country.Should().Be(country);
        if (country is null) row.Should().BeNull();
    }

    [Fact]
    public void FindAdcvdCaseAndSpecialProgram_Bytes_SameAsText()
    {
        R.FindAdcvdCase(B("A570863000")).Should().BeSameAs(R.FindAdcvdCase("A570863000")).And.NotBeNull();
        R.FindAdcvdCase(B("A570863001")).Should().BeNull();
        R.FindSpecialProgram(B("KR")).Should().BeSameAs(R.FindSpecialProgram("KR")).And.NotBeNull();
        R.FindSpecialProgram(B("ZZ")).Should().BeNull();
        R.FindSpecialProgram(B("K")).Should().BeNull();
    }
}
