using Collections.Domain.LineDuties;
using Collections.Domain.Reference;
using Collections.Domain.Values;

namespace Collections.Domain.Tests.LineDuties;

/// <summary>A small reference set shaped like the legacy's ref/ tables (rows copied from ref/*.DAT).</summary>
internal static class LineDutyTestData
{
    private static AdValoremRate A(long m) => AdValoremRate.FromMillionths(m);
    private static SpecificRate S(long m) => SpecificRate.FromMillionths(m);

    public static Clv100Reference RefData(params CertifiedRate[] extraRates) => new(
        [
            new TariffRate("0409000000", 20240101, 99999999, TariffRateType.Specific, A(0), S(190000), "KG ", 'N', ["A ", "AU", "CL", "CO", "IL", "KR", "P ", "S "], "HONEY"),
            new TariffRate("6103101000", 20240101, 20260630, TariffRateType.Compound, A(280000), S(1100000), "KG ", 'N', ["AU", "BH", "CL", "CO", "IL", "JO", "KR", "S "], "SUITS"),
            new TariffRate("6109100012", 20240101, 99999999, TariffRateType.AdValorem, A(165000), S(0), "DOZ", 'Y', ["AU", "BH", "CL", "CO", "IL", "JO", "KR", "S "], "T-SHIRTS"),
            new TariffRate("7208510030", 20240101, 99999999, TariffRateType.Free, A(0), S(0), "KG ", 'N', ["  ", "  ", "  ", "  ", "  ", "  ", "  ", "  "], "STEEL"),
            new TariffRate("8414510090", 20240101, 99999999, TariffRateType.AdValorem, A(47000), S(0), "NO ", 'N', ["A+", "AU", "BH", "CL", "CO", "IL", "KR", "S "], "FANS"),
            new TariffRate("8481809050", 20240101, 99999999, TariffRateType.AdValorem, A(20000), S(0), "X  ", 'N', ["A+", "AU", "BH", "CL", "CO", "IL", "KR", "S "], "VALVES"),
        ],
        [
            new Chapter99Heading("9903012500", "**", 20250405, 20260223, A(100000), "EX", 2, "IEP", "IEEPA"),
            new Chapter99Heading("9903030100", "**", 20260224, 20260723, A(100000), "EX", 3, "122", "SEC 122"),
            new Chapter99Heading("9903818700", "**", 20250604, 99999999, A(500000), "EX", 1, "232", "SEC 232 STEEL"),
            new Chapter99Heading("9903818700", "GB", 20250604, 99999999, A(250000), "EX", 1, "232", "SEC 232 STEEL UK"),
            new Chapter99Heading("9903880100", "CN", 20180706, 99999999, A(250000), "00", 0, "301", "SEC 301 LIST 1"),
            new Chapter99Heading("9903881500", "CN", 20200214, 99999999, A(75000), "00", 0, "301", "SEC 301 LIST 4A"),
        ],
        [
            new AdcvdCase("A570848003", "CN", AdcvdRateType.PerKilogram, S(5070000), 'A', "20020422", "CRAWFISH"),
            new AdcvdCase("A570848029", "CN", AdcvdRateType.PerKilogram, S(380000), 'I', "20020115", "CRAWFISH"),
            new AdcvdCase("A570863000", "CN", AdcvdRateType.AdValorem, S(2210300), 'A', "20011210", "HONEY"),
        ],
        [
            new CertifiedRate("EUR", CertifiedRateType.Quarterly, 20260101, ExchangeRate.FromMillionths(920000), "FRBNY"),
            new CertifiedRate("JPY", CertifiedRateType.Quarterly, 20260101, ExchangeRate.FromMillionths(150_000000), "FRBNY"),
            .. extraRates,
        ],
        [new SpecialProgram("A+", 'Y', "GSP LDC"), new SpecialProgram("AU", 'Y', "AUSTRALIA"), new SpecialProgram("JO", 'N', "JORDAN"), new SpecialProgram("KR", 'Y', "KOREA")],
        [
            new FeeScheduleEntry("056", 20151101, 20260228, 'K', A(12013), Money.Zero, Money.Zero, Money.Zero, "COTTON"),
            new FeeScheduleEntry("056", 20260301, 99999999, 'K', A(11871), Money.Zero, Money.Zero, Money.Zero, "COTTON"),
            new FeeScheduleEntry("499", 20241001, 20250930, 'R', A(3464), Money.FromCents(3271), Money.FromCents(63462), Money.Zero, "MPF"),
            new FeeScheduleEntry("499", 20251001, 20260930, 'R', A(3464), Money.FromCents(3358), Money.FromCents(65150), Money.Zero, "MPF"),
        ]);

    public static EntryHeaderFields Header(string currency = "USD", string entryDate = "20260302", string exportDate = "20260215", string? number = null) =>
        new(number ?? EntryNumber.Create("ZZ1", 1).ToString(), "01", "IMP000000001", "2704", entryDate, exportDate, "11", "1", "00000000", currency, 'N', "001");

    public static AcceptedEntry Accept(Clv100Reference r, EntryHeaderFields h)
    {
        var o = EntryHeaderEdits.Evaluate(h, 20261231, EntryHeaderEdits.NoPreviousEntry, r, Clv100RoundingPolicies.Legacy);
        o.Reason.Should().BeNull();
        return o.Entry!;
    }

    public static EntryLineFields Line(string hts, long value, string origin = "CN", string spi = "  ", long quantity = 100, string unit = "NO ",
        long kg = 1000, char count = '0', string c1 = "          ", string c2 = "          ", string c3 = "          ", string adcvd = "          ") =>
        new()
        {
            EntryNumber = B("ZZ100000011"), LineNumber = B("001"), HtsNumber = B(hts), OriginCountry = B(origin), SpiCode = B(spi),
            ForeignValue = value, NetQuantity = quantity, QuantityUnit = B(unit), NetKilograms = kg, Chapter99Count = (byte)count,
            Chapter99Numbers = B(c1 + c2 + c3), AdcvdCaseNumber = B(adcvd),
        };

    /// <summary>Text as the record's bytes (one byte per char).</summary>
    public static byte[] B(string text) => System.Text.Encoding.Latin1.GetBytes(text);
}
