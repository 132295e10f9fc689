using System.Globalization;
using Collections.Cobol.Codecs;
using Collections.Cobol.Numerics;
using Collections.Domain.LineDuties;
using Collections.Domain.Reference;
using Collections.Legacy.Clv100;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv100Parity;

/// <summary>
/// Crafted days written with the port's ENTRYIN writer, run through the live legacy and the port, compared byte
/// for byte (LINECALC, REJECTS, CTLTOTS CLV100 lines, sysout, RC). The days are built from the reference tables so
/// every row is reached: every currency and daily rate (the 5 % rule both ways), every SPI, every Chapter 99 row at
/// its effective boundaries, every AD/CVD case, the fiscal-year and cotton-rate boundaries, PIC limits.
/// </summary>
public class Clv100CraftedDayTests
{
    private static readonly Lazy<Clv100Reference> Ref = new(() => Clv100CraftedDay.Reference(Clv100Harness.Legacy.RefDir));

    private static string D(int yyyymmdd) => yyyymmdd.ToString("D8", CultureInfo.InvariantCulture);

    private static int AddDays(int yyyymmdd, int days)
    {
        var d = new DateOnly(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100).AddDays(days);
        return d.Year * 10000 + d.Month * 100 + d.Day;
    }

    [Fact]
    public void LegacyRun_EveryCurrencyAndDailyRate_ByteIdentical()
    {
        using var temp = new TempDir("clv100-fx");
        const string runDate = "20261231";
        using (var day = new Clv100CraftedDay(temp, runDate))
        {
            var values = new long[] { 1, 49, 50, 99, 150, 12_345_67, 98_765_432_10, 1_000_000_000_00 };
            int v = 0;
            foreach (var rate in Ref.Value.ExchangeRates.OrderBy(r => r.Currency, StringComparer.Ordinal).ThenBy(r => r.Date))
            {
                if (rate.Date > 20261231) continue;
                // a daily rate's date (quarterly vs daily, 5 % both ways) and the day after a quarter start (quarterly only)
                var export = rate.RateType == CertifiedRateType.Daily ? rate.Date : AddDays(rate.Date, 1);
                var e = day.Header(2, entryDate: D(export), exportDate: D(export), currency: rate.Currency);
                day.Line(e, 1, "8414510090", values[v++ % values.Length]);
                day.Line(e, 2, "6103101000", values[v++ % values.Length], unit: "KG ", quantity: 12_34, kg: 56_78);
            }
            // currency without any rate (H011), a quarter without a quarterly rate, blank currency (USD)
            var x = day.Header(1, currency: "BRL");
            day.Line(x, 1, "8414510090", 100_00);
            x = day.Header(1, entryDate: "20240102", exportDate: "20240102", currency: "EUR");
            day.Line(x, 1, "8414510090", 100_00);
            x = day.Header(1, currency: "   ");
            day.Line(x, 1, "8414510090", 100_50);
            day.Trailer();
        }
        var o = Clv100Harness.Run(temp, runDate, temp.Combine("in"));
        Clv100Harness.AssertSame(o);
        File.ReadAllText(Path.Combine(o.PortedOut, "REJECTS")).Should().Contain("H011");
        // the daily rate was chosen at least once and the quarterly rate kept at least once despite a daily rate
        var linecalc = File.ReadAllBytes(Path.Combine(o.PortedOut, "LINECALC"));
        var sources = Enumerable.Range(0, linecalc.Length / 250).Select(i => (char)linecalc[i * 250 + 67]).ToHashSet();
        sources.Should().Contain(['D', 'Q', 'U']);
    }

    [Fact]
    public void LegacyRun_SpiChapter99AdcvdAndBoundaries_ByteIdentical()
    {
        using var temp = new TempDir("clv100-cover");
        const string runDate = "20261231";
        using (var day = new Clv100CraftedDay(temp, runDate))
        {
            // every SPI (and an unknown one) on two tariff rows with different SPI lists
            var spis = Ref.Value.SpecialPrograms.Select(s => s.Code).OrderBy(s => s, StringComparer.Ordinal).Append("ZZ").Append("  ").ToList();
            var e = day.Header(spis.Count * 2);
            int n = 0;
            foreach (var spi in spis)
            {
                day.Line(e, ++n, "8414510090", 1234_56, origin: "KR", spi: spi);
                day.Line(e, ++n, "2204215020", 5678_90, origin: "JO", spi: spi, unit: "L  ", quantity: 750_00);
            }
            // every Chapter 99 row: the day before, on, at the end of and after its effective period
            foreach (var c in Ref.Value.Chapter99)
            {
                var origin = c.Country == "**" ? "DE" : c.Country;
                foreach (var date in new[] { AddDays(c.EffectiveDate, -1), c.EffectiveDate, c.EndDate, c.EndDate == 99999999 ? 20261230 : AddDays(c.EndDate, 1) })
                {
                    if (date > 20261231 || date < 20240101) continue;
                    var h = day.Header(1, entryDate: D(date), exportDate: D(date));
                    day.Line(h, 1, "7208510030", 98_765_43, origin: origin, unit: "KG ", ch99Count: "1", ch1: c.Heading);
                }
            }
            // stacking: exclusive group EX by priority (232 before IEEPA before 122), cumulative 301, duplicates
            foreach (var date in new[] { 20250701, 20260223, 20260224, 20260301 })
            {
                var h = day.Header(5, entryDate: D(date), exportDate: D(date));
                day.Line(h, 1, "7208510030", 10_000_01, origin: "CN", unit: "KG ", ch99Count: "3", ch1: "9903880100", ch2: "9903818700", ch3: "9903012500");
                day.Line(h, 2, "7208510030", 10_000_49, origin: "CN", unit: "KG ", ch99Count: "3", ch1: "9903012500", ch2: "9903030100", ch3: "9903850200");
                day.Line(h, 3, "7208510030", 10_000_50, origin: "CN", unit: "KG ", ch99Count: "2", ch1: "9903012500", ch2: "9903012500");
                day.Line(h, 4, "7208510030", 10_000_99, origin: "GB", unit: "KG ", ch99Count: "2", ch1: "9903818700", ch2: "9903880100");
                day.Line(h, 5, "7208510030", 10_001_00, origin: "CN", unit: "KG ", ch99Count: "3", ch1: "9903880100", ch2: "9903880200", ch3: "9903881500");
            }
            // every AD/CVD case with its country, a wrong country, an unknown case; per kg with negative kg
            var cases = Ref.Value.AdcvdCases.OrderBy(c => c.CaseNumber, StringComparer.Ordinal).ToList();
            var a = day.Header(cases.Count * 2 + 2);
            n = 0;
            foreach (var c in cases)
            {
                day.Line(a, ++n, "0306170040", 4321_09, origin: c.Country, unit: "KG ", kg: 1234_56, adcvd: c.CaseNumber);
                day.Line(a, ++n, "0306170040", 4321_09, origin: c.Country, unit: "KG ", kg: -12_34, adcvd: c.CaseNumber);
            }
            day.Line(a, ++n, "0306170040", 100_00, origin: "MX", unit: "KG ", adcvd: cases[0].CaseNumber);
            day.Line(a, ++n, "0306170040", 100_00, origin: "CN", unit: "KG ", adcvd: "A999999999");
            // fiscal-year boundary (MPF row) and the cotton rate change (056 row 2026-02-28 / 2026-03-01)
            foreach (var date in new[] { 20250930, 20251001, 20260228, 20260301, 20260630, 20260701 })
            {
                var h = day.Header(4, entryDate: D(date), exportDate: D(date));
                day.Line(h, 1, "6109100012", 87_654_32, unit: "DOZ", quantity: 10_00, kg: 333_33);
                day.Line(h, 2, "6103101000", 87_654_32, unit: "KG ", quantity: 77_77, kg: 77_77);
                day.Line(h, 3, "2009110020", 1_00, unit: "L  ", quantity: 999_999_999_99);
                day.Line(h, 4, "8516604000", 99_99, quantity: -5_00, kg: -5_00);
            }
            // PIC limits: the largest foreign value (USD overflow: L013), just below, one cent, specific duty overflow
            var p = day.Header(6);
            day.Line(p, 1, "8414510090", 99_999_999_999_99);
            day.Line(p, 2, "8414510090", 99_999_999_999_49);
            day.Line(p, 3, "8414510090", 1);
            day.Line(p, 4, "0409000000", 1_00, unit: "KG ", quantity: 999_999_999_99);
            day.Line(p, 5, "6103101000", 99_999_999_999_49, unit: "KG ", quantity: 999_999_999_99, kg: 999_999_999_99);
            day.Line(p, 6, "6109100012", 5_00, unit: "DOZ", kg: 999_999_999_99);
            var big = day.Header(1, currency: "VND", exportDate: "20260215");
            day.Line(big, 1, "8414510090", 99_999_999_999_99);
            day.Trailer();
        }
        var o = Clv100Harness.Run(temp, runDate, temp.Combine("in"));
        Clv100Harness.AssertSame(o);
        var rejects = File.ReadAllText(Path.Combine(o.PortedOut, "REJECTS"));
        foreach (var code in new[] { "L007", "L010", "L011", "L012", "L013", "W001" }) rejects.Should().Contain(code);
    }

    [Fact]
    public void LegacyRun_EveryHeaderAndLineReason_ByteIdentical()
    {
        using var temp = new TempDir("clv100-reasons");
        const string runDate = "20260302";
        using (var day = new Clv100CraftedDay(temp, runDate))
        {
            // a line before any header (L001)
            day.Line("ZZ100000000", 1, "8414510090", 100_00);
            var ok = day.Header(1);
            day.Line(ok, 1, "8414510090", 100_00);
            void Bad(string? no = null, string entryType = "01", string importer = "IMP000000001", string port = "2704",
                string entryDate = "20260302", string exportDate = "20260215", string mode = "11", string payment = "1",
                string statementDate = "00000000", string manual = "N", string lineCount = "002", string currency = "USD")
            {
                var e = day.Header(2, entryNumber: no, entryType: entryType, importer: importer, port: port, entryDate: entryDate,
                    exportDate: exportDate, mode: mode, payment: payment, statementDate: statementDate, manual: manual, lineCount: lineCount, currency: currency);
                day.Line(e, 1, "8414510090", 100_00);
                day.Line(e, 2, "8414510090", 100_00);
            }
            Bad(no: "   12345670");                   // H001 blank filer
            Bad(no: "Z!112345670");                   // H001 invalid character
            Bad(no: "ZZ01234X670");                   // H001 serial not numeric
            var good = day.NextEntryNumber();
            Bad(no: good[..10] + (char)('0' + (good[10] - '0' + 1) % 10));   // H002
            Bad(no: good[..10] + "X");                // H002 not numeric
            Bad(no: Domain.Values.EntryNumber.Create("AAA", 1).ToString());                 // H003 out of sequence (lower than the previous)
            Bad(entryType: "21");                     // H004
            Bad(importer: "            ");            // H015
            Bad(port: "27A4");                        // H007
            Bad(entryDate: "20260303");               // H005 after run date
            Bad(entryDate: "20260230");               // H005 invalid
            Bad(entryDate: "19891231", exportDate: "19891230"); // H005 year
            Bad(exportDate: "20260303");              // H006 after entry date
            Bad(exportDate: "2026021X");              // H006
            Bad(mode: "13");                          // H008
            Bad(mode: "1X");                          // H008
            Bad(payment: "5");                        // H009
            Bad(payment: "2", statementDate: "20260231"); // H010
            Bad(payment: "2", statementDate: "20260310"); // accepted statement entry
            Bad(payment: "6");
            Bad(manual: "X");                         // H012
            Bad(manual: " ");
            Bad(manual: "Y");
            Bad(lineCount: "000");                    // H013
            Bad(lineCount: "0A1");                    // H013
            Bad(entryDate: "20240101", exportDate: "20240101", currency: "CAD"); // H011 (no 2024 Q1 rate)
            Bad(entryDate: "20151031", exportDate: "20151031");  // H014: no 499 fee row (FY2016 missing), 056 exists
            Bad(lineCount: "005");                    // W002 (2 lines, header says 5)
            // lines: sequence, value, quantity, tariff, SPI, unit, Chapter 99 count / number
            var l = day.Header(14);
            day.Line(l, 1, "8414510090", 100_00);
            day.Line(l, 3, "8414510090", 100_00);                                 // L003 gap (last becomes 3)
            day.Line(l, 2, "8414510090", 100_00);                                 // L003 lower
            day.Line(l, 4, "8414510090", 100_00, lineNumberText: "0X4");          // L003 not numeric
            day.Line(l, 4, "8414510090", 0);                                      // L004 zero
            day.Line(l, 5, "8414510090", -100_00);                                // L004 negative
            day.Line(l, 6, "8414510090", 0, valueRaw: [0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40]); // L004 blanks
            day.Line(l, 7, "8414510090", 0, valueRaw: [0, 0, 0, 0, 0x10, 0x00, 0x0F]);            // L004 sign F
            day.Line(l, 8, "8414510090", 100_00, quantityRaw: [0xFF, 0xFF, 0x12, 0x34, 0x56, 0xAB]); // L005
            day.Line(l, 9, "8414510090", 100_00, kgRaw: [0, 0, 0, 0, 0x1A, 0x0C]); // L005 digit nibble A
            day.Line(l, 10, "8528729999", 100_00);                                // L006
            day.Line(l, 11, "8414510090", 100_00, spi: "QQ");                     // L007
            day.Line(l, 12, "8414510090", 100_00, unit: "KG ");                   // L008
            day.Line(l, 13, "8414510090", 100_00, ch99Count: "4", ch1: "9903880100"); // L009
            day.Line(l, 14, "8414510090", 100_00, ch99Count: "X");                // L009 not numeric
            var m = day.Header(3);
            day.Line(m, 1, "8414510090", 100_00, ch99Count: "2", ch1: "9903880100", ch2: "9903999999"); // L010 second slot
            day.Line(m, 2, "8414510090", 100_00, origin: "DE", ch99Count: "1", ch1: "9903880100");       // L010 wrong origin
            day.Line("ZZ199999999", 3, "8414510090", 100_00);                                           // L001 other entry
            // an unknown record type in the middle
            var raw = new byte[250];
            raw.AsSpan().Fill((byte)' ');
            raw[0] = (byte)'Q';
            day.Writer.WriteRaw(raw);
            day.Trailer();
        }
        var o = Clv100Harness.Run(temp, runDate, temp.Combine("in"));
        Clv100Harness.AssertSame(o);
        var rejects = File.ReadAllText(Path.Combine(o.PortedOut, "REJECTS"));
        foreach (var code in new[] { "H001", "H002", "H003", "H004", "H005", "H006", "H007", "H008", "H009", "H010", "H011", "H012", "H013", "H014", "H015",
                     "L001", "L002", "L003", "L004", "L005", "L006", "L007", "L008", "L009", "L010", "R001", "W002" })
            rejects.Should().Contain(" " + code + " ", code);
        o.Diagnostics.Should().Contain("EL-FOREIGN-VALUE offset 29 raw 40404040404040");
    }

    public static TheoryData<string> TrailerCases => ["none", "records", "entries", "hash", "notnumeric", "after", "truncated", "empty", "two"];

    [Theory]
    [MemberData(nameof(TrailerCases))]
    public void LegacyRun_TrailerAndRecordErrors_SameOutcome(string kind)
    {
        using var temp = new TempDir("clv100-trl");
        using (var day = new Clv100CraftedDay(temp, "20260302"))
        {
            if (kind != "empty")
            {
                var e = day.Header(2);
                day.Line(e, 1, "8414510090", 100_00);
                day.Line(e, 2, "6109100012", 200_00, unit: "DOZ");
                switch (kind)
                {
                    case "records": day.Trailer(records: 4); break;
                    case "entries": day.Trailer(entries: 2); break;
                    case "hash": day.Trailer(hash: 1); break;
                    case "notnumeric":
                        var t = new byte[250];
                        t.AsSpan().Fill((byte)' ');
                        t[0] = (byte)'T';
                        "000000A0000001"u8.CopyTo(t.AsSpan(1));
                        PackedDecimal.Encode(30000L, t.AsSpan(15, 9), 17, true);
                        day.Writer.WriteRaw(t, countInTrailer: false);
                        break;
                    case "after":
                        day.Trailer();
                        day.Line(e, 3, "8414510090", 100_00);
                        break;
                    case "two":
                        day.Trailer();
                        day.Trailer();
                        break;
                    case "truncated":
                        day.Trailer();
                        break;
                    case "none": break;
                }
            }
        }
        if (kind == "truncated")
        {
            var p = Path.Combine(temp.Combine("in"), "ENTRYIN");
            var bytes = File.ReadAllBytes(p);
            File.WriteAllBytes(p, bytes[..^130]);
        }
        var o = Clv100Harness.Run(temp, "20260302", temp.Combine("in"));
        Clv100Harness.AssertSame(o);
        o.PortedRc.Should().Be(8);
    }

    [Fact]
    public void LegacyRun_PolicyChanged_HarnessSeesTheDifference()
    {
        // A deliberately wrong port (USD value truncated instead of ROUNDED) must not pass the parity comparison.
        using var temp = new TempDir("clv100-policy");
        using (var day = new Clv100CraftedDay(temp, "20260302"))
        {
            var e = day.Header(1);
            day.Line(e, 1, "8414510090", 100_50);
            day.Trailer();
        }
        var wrong = new Clv100Step { Policies = Clv100RoundingPolicies.Legacy with { UsdValue = CobolRoundingMode.Truncation } };
        var o = Clv100Harness.Run(temp, "20260302", temp.Combine("in"), step: wrong);
        Clv100Harness.Differences(o).Should().Contain(d => d.StartsWith("LINECALC differs", StringComparison.Ordinal));
    }
}
