using Collections.Parity.Generation;
using static Collections.Parity.Tests.Generation.GenerationTestSupport;

namespace Collections.Parity.Tests.Generation;

public sealed class GeneratorReferenceDataTests
{
    [Fact]
    public void Load_LegacyTables_ReadsEveryRow()
    {
        var r = GeneratorReferenceData.Load(RefDir);
        r.Tariff.Count.Should().Be(File.ReadAllLines(Path.Combine(RefDir, "TARIFF.DAT")).Length);
        r.Ch99.Should().Contain(c => c.Heading == "9903030100" && c.EffectiveDate == 20260224);
        r.Fee("499", 20250930)!.MinAmount.Should().Be(3271);
        r.Fee("499", 20251001)!.MinAmount.Should().Be(3358);
        r.HmfPorts.Should().Contain(2704);
    }

    [Theory]
    [InlineData(20260217, 1)]
    [InlineData(20250815, 7)]
    [InlineData(20251231, 10)]
    public void QuarterStart_AsClv100Computes(int date, int month)
    {
        GeneratorReferenceData.QuarterStart(date).Should().Be((date / 10000 * 10000) + (month * 100) + 1);
    }

    [Theory]
    [InlineData(1_000_000, 1_050_000, true)]    // +5.00
    [InlineData(1_000_000, 1_049_949, false)]   // +4.99494.. rounds to 4.99
    [InlineData(1_000_000, 1_049_950, true)]    // +4.995 rounds half away from zero to 5.00
    [InlineData(1_000_000, 950_050, true)]      // -4.995 -> -5.00
    [InlineData(1_000_000, 950_051, false)]
    public void DailyOverrides_FivePercentRuleWithRounding(long quarterly, long daily, bool expected)
    {
        GeneratorReferenceData.DailyOverrides(quarterly, daily).Should().Be(expected);
    }
}
