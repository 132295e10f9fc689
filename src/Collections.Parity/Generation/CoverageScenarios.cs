using System.Globalization;

namespace Collections.Parity.Generation;

/// <summary>
/// Entries crafted to reach every branch of CLV100 and CLV200 on the run date (and the day before, so a run date on
/// a fiscal-year or Chapter 99 boundary covers both sides): MPF under/at/over the minimum and maximum of each fee
/// schedule in force, proration over several liable lines, SPI and HTS 98 exemptions; HMF at exactly $3.00 waived
/// and not waived, vessel at HMF and non-HMF ports; informal and manual entries; every entry and payment type; every
/// currency with the quarterly rate and with daily rates on both sides of the 5% rule; every SPI on HTS numbers that
/// list it and that do not; every Chapter 99 heading in force (and stacking in a group); every active AD/CVD case
/// (ad valorem and per kg, AD and CVD); every tariff row in force (free, ad valorem, specific, compound, cotton);
/// values at the limits of their PICs. Built from the reference tables, so it follows them when they change.
/// </summary>
internal sealed class CoverageScenarios
{
    private readonly DayGenerator _g;
    private readonly GeneratorReferenceData _ref;
    private readonly List<EntrySpec> _entries = [];
    private readonly int _run;

    public CoverageScenarios(DayGenerator generator)
    {
        _g = generator;
        _ref = generator.ReferenceData;
        _run = generator.RunDate;
    }

    public List<EntrySpec> Build()
    {
        var dates = new List<int> { _run };
        var dayBefore = LegacyDate.AddDays(_run, -1);
        if (dayBefore >= _g.EarliestEntryDate) dates.Add(dayBefore);

        // MPF around the minimum and maximum of every fee schedule in force on the dates
        var schedules = dates.Select(d => (Date: d, Fee: _ref.Fee("499", d))).Where(x => x.Fee is not null)
            .GroupBy(x => x.Fee).Select(g => g.First()).ToList();
        foreach (var (date, fee) in schedules) Mpf(date, fee!);

        Hmf();
        EntryAndPaymentTypes();
        Currencies();
        SpiCodes();
        foreach (var d in dates.Distinct()) Chapter99(d);
        Stacking();
        Adcvd();
        EveryTariffRow();
        Limits();
        return _entries;
    }

    // ------------------------------------------------------------------ helpers

    private TariffRow Free(int date) => _g.TariffOn(date).First(t => t.RateType == 'F' && !t.Hts.StartsWith("98", StringComparison.Ordinal) && !t.Cotton);

    private TariffRow AdValorem(int date) => _g.TariffOn(date).First(t => t.RateType == 'A' && t.Unit != "X  " && !t.Cotton && !t.Hts.StartsWith("98", StringComparison.Ordinal));

    private EntrySpec NewEntry(string scenario, int date, string type = "01")
    {
        var e = new EntrySpec
        {
            Scenario = scenario,
            EntryType = type,
            Importer = _g.Importers[_entries.Count % _g.Importers.Count],
            Port = 2304,          // Laredo: not an HMF port
            EntryDate = date,
            ExportDate = LegacyDate.AddDays(date, -3),
            Mode = 30,            // truck
            PaymentType = 1,
            Currency = "USD",
            Manual = 'N',
        };
        _entries.Add(e);
        return e;
    }

    private LineSpec AddLine(EntrySpec e, TariffRow t, string origin, long usdCents, string spi = "  ")
    {
        var l = new LineSpec { Hts = t.Hts, Origin = origin, Spi = spi };
        _g.SetUsdValue(e, l, usdCents);
        _g.SetQuantities(l, t);
        e.Lines.Add(l);
        return l;
    }

    /// <summary>Whole dollars whose line MPF (v x rate truncated to 5 decimals, then rounded to cents) is <paramref name="cents"/>.</summary>
    private static long DollarsForMpf(long rate, long cents)
    {
        var v0 = Math.Max(1, cents * 10_000 / rate);
        for (var v = Math.Max(1, v0 - 50); v < v0 + 50; v++)
        {
            var raw5 = v * rate / 10;                 // COMPUTE LC-RAW-MPF (5 decimals, truncated)
            var rounded = (raw5 + 500) / 1000;        // COMPUTE WS-CUR-MPF ROUNDED
            if (rounded == cents) return v;
        }
        return v0;
    }

    // ------------------------------------------------------------------ scenarios

    private void Mpf(int date, FeeRow fee)
    {
        var fy = LegacyDate.Format(date);
        var free = Free(date);
        void One(string name, long dollars)
        {
            var e = NewEntry($"mpf-{name}-{fy}", date);
            AddLine(e, free, "JP", dollars * 100);
        }
        One("below-min", 100);
        One("just-under-min", DollarsForMpf(fee.Rate, fee.MinAmount - 1));
        One("at-min", DollarsForMpf(fee.Rate, fee.MinAmount));
        One("just-over-min", DollarsForMpf(fee.Rate, fee.MinAmount + 1));
        One("just-under-max", DollarsForMpf(fee.Rate, fee.MaxAmount - 1));
        One("at-max", DollarsForMpf(fee.Rate, fee.MaxAmount));
        One("just-over-max", DollarsForMpf(fee.Rate, fee.MaxAmount + 1));

        // proration: three liable lines between the limits, and five lines capped at the maximum
        var e3 = NewEntry($"mpf-prorated-3-lines-{fy}", date);
        AddLine(e3, free, "JP", 1_234_567);
        AddLine(e3, AdValorem(date), "DE", 2_345_678_9);
        AddLine(e3, free, "KR", 3_333_333);
        var e5 = NewEntry($"mpf-capped-prorated-5-lines-{fy}", date);
        foreach (var v in new long[] { 7_777_777_77, 3_333_333_33, 1_111_111_11, 9_999_99, 1 })
            AddLine(e5, free, "TW", v);

        // exemptions: an MPF-exempt SPI line, an HTS 98 line (exempt) and 9802.00.80 (liable) beside liable lines
        var ex = NewEntry($"mpf-exemptions-{fy}", date);
        var exempt = _ref.Spi.First(s => s.MpfExempt).Code;
        var withSpi = _g.TariffOn(date).FirstOrDefault(t => t.SpiCodes.Contains(exempt)) ?? AdValorem(date);
        AddLine(ex, withSpi, "AU", 50_000_00, exempt);
        foreach (var t98 in _g.TariffOn(date).Where(t => t.Hts.StartsWith("98", StringComparison.Ordinal)))
            AddLine(ex, t98, "CA", 20_000_00);
        AddLine(ex, free, "JP", 40_000_00);
        var allExempt = NewEntry($"mpf-all-lines-exempt-{fy}", date);
        AddLine(allExempt, withSpi, "AU", 80_000_00, exempt);

        // the flat fees of the schedule in force: informal (311) and manual surcharge (500)
        var informal = NewEntry($"fee-informal-311-{fy}", date, "11");
        AddLine(informal, AdValorem(date), "FR", 1_850_00);
        var manual = NewEntry($"fee-manual-500-{fy}", date);
        manual.Manual = 'Y';
        AddLine(manual, AdValorem(date), "FR", 18_500_00);
    }

    private void Hmf()
    {
        var d = _run;
        var free = Free(d);
        var port = _g.HmfPorts.Order().First();
        EntrySpec Vessel(string name, long dollars, int mode = 11, int? atPort = null, string type = "01")
        {
            var e = NewEntry("hmf-" + name, d, type);
            e.Port = atPort ?? port;
            e.Mode = mode;
            AddLine(e, free, "JP", dollars * 100);
            return e;
        }
        Vessel("exactly-3.00-waived", 2400);
        Vessel("3.01-charged", 2408);
        Vessel("under-3.00-waived", 1000, mode: 10);
        var dutiable = Vessel("3.00-with-duty-charged", 2400);
        dutiable.Lines[0] = new LineSpec { Hts = AdValorem(d).Hts, Origin = "DE", Spi = "  " };
        _g.SetUsdValue(dutiable, dutiable.Lines[0], 2400_00);
        _g.SetQuantities(dutiable.Lines[0], AdValorem(d));
        Vessel("3.00-manual-charged", 2400).Manual = 'Y';
        Vessel("3.00-informal-charged", 2400, type: "11");
        var cotton = _g.TariffOn(d).FirstOrDefault(t => t.Cotton && t.SpiCodes.Count > 0);
        if (cotton is not null)
        {
            var e = Vessel("3.00-cotton-fee-charged", 2400);
            e.Lines.Clear();
            AddLine(e, cotton, "AU", 2400_00, cotton.SpiCodes[0]);
        }
        var nonHmf = Vessel("vessel-at-non-hmf-port", 500_000, atPort: 2304);
        _ = nonHmf;
        Vessel("air-at-hmf-port", 500_000, mode: 40);
        Vessel("large-value", 9_000_000, mode: 10);
    }

    private void EntryAndPaymentTypes()
    {
        var d = _run;
        string[] types = ["01", "02", "03", "06", "07", "11", "12", "31", "32", "34", "38"];
        foreach (var t in types)
        {
            var e = NewEntry("entry-type-" + t, d, t);
            var informal = t is "11" or "12";
            Random(e, informal ? 2 : 3, informal);
        }
        foreach (var p in new[] { 1, 2, 6, 7 })
        {
            var e = NewEntry("payment-type-" + p.ToString(CultureInfo.InvariantCulture), d);
            e.PaymentType = p;
            e.StatementDate = p == 2 ? LegacyDate.AddDays(d, 5) : 0;
            Random(e, 2, false);
        }
        var late = NewEntry("payment-type-2-statement-date-adjusted", d);
        late.PaymentType = 2;
        late.StatementDate = LegacyDate.AddDays(d, 40);
        Random(late, 1, false);
        var manual = NewEntry("manual-entry", d);
        manual.Manual = 'Y';
        Random(manual, 2, false);
        var blank = NewEntry("manual-flag-blank", d);
        blank.Manual = ' ';
        Random(blank, 1, false);
        var im = NewEntry("informal-manual-entry", d, "12");
        im.Manual = 'Y';
        Random(im, 1, true);
        var many = NewEntry("entry-with-12-lines", d);
        Random(many, 12, false);
    }

    private void Random(EntrySpec e, int lines, bool informal)
    {
        for (var i = 0; i < lines; i++)
        {
            var l = new LineSpec();
            e.Lines.Add(l);
            _g.RandomLine(e, l, informal);
        }
    }

    private void Currencies()
    {
        var d = _run;
        var free = AdValorem(d);
        var blank = NewEntry("currency-blank-is-usd", d);
        blank.Currency = "   ";
        AddLine(blank, free, "DE", 12_345_67);
        foreach (var cur in _ref.Currencies)
        {
            var days = _g.DailyDates.TryGetValue(cur, out var dd) ? dd : [];
            // quarterly rate (no daily rate that day)
            var q = Enumerable.Range(0, 60).Select(k => LegacyDate.AddDays(d, -k))
                .FirstOrDefault(x => Array.IndexOf(days, x) < 0 && _ref.Rate(cur, 'Q', GeneratorReferenceData.QuarterStart(x)) is not null);
            if (q != 0)
            {
                var e = NewEntry($"currency-{cur}-quarterly", d);
                e.Currency = cur;
                e.ExportDate = q;
                AddLine(e, free, "DE", 54_321_09);
            }
            // daily rates on both sides of the 5% rule
            foreach (var over in new[] { true, false })
            {
                var hit = days.Where(x => x <= d).Reverse().FirstOrDefault(x =>
                {
                    var qr = _ref.Rate(cur, 'Q', GeneratorReferenceData.QuarterStart(x));
                    var dr = _ref.Rate(cur, 'D', x);
                    return qr is not null && dr is not null && GeneratorReferenceData.DailyOverrides(qr.Rate, dr.Rate) == over;
                });
                if (hit == 0) continue;
                var e = NewEntry($"currency-{cur}-daily-{(over ? "5pct-or-more-used" : "under-5pct-ignored")}", d);
                e.Currency = cur;
                e.ExportDate = hit;
                AddLine(e, free, "DE", 98_765_43);
            }
        }
    }

    private void SpiCodes()
    {
        var d = _run;
        var tariffs = _g.TariffOn(d);
        var dutiable = AdValorem(d);
        EntrySpec? e = null;
        foreach (var spi in _ref.Spi)
        {
            if (e is null || e.Lines.Count >= 8) e = NewEntry("spi-every-code", d);
            var listing = tariffs.FirstOrDefault(t => t.SpiCodes.Contains(spi.Code));
            if (listing is not null) AddLine(e, listing, "CL", 15_000_00, spi.Code);
            var notListing = tariffs.FirstOrDefault(t => t.RateType != 'F' && !t.SpiCodes.Contains(spi.Code)) ?? dutiable;
            AddLine(e, notListing, "CL", 16_000_00, spi.Code);
        }
    }

    private void Chapter99(int d)
    {
        var dutiable = AdValorem(d);
        EntrySpec? e = null;
        foreach (var row in _g.Ch99On(d))
        {
            if (e is null || e.Lines.Count >= 6) e = NewEntry("chapter99-every-heading-" + LegacyDate.Format(d), d);
            var origin = row.Country == "**" ? "DE" : row.Country;
            var l = AddLine(e, dutiable, origin, 100_000_00);
            l.Ch99.Add(row.Heading);
        }
    }

    private void Stacking()
    {
        var d = _run;
        var on = _g.Ch99On(d);
        var dutiable = AdValorem(d);
        var e = NewEntry("chapter99-stacking", d);
        foreach (var origin in new[] { "CN", "DE", "GB" })
        {
            var headings = on.Where(c => c.Country == origin || c.Country == "**").Select(c => c.Heading).Distinct(StringComparer.Ordinal).ToList();
            // same group together (priority decides, then position), and mixes of groups
            foreach (var group in on.Where(c => c.Group != "00").GroupBy(c => c.Group, StringComparer.Ordinal))
            {
                var inGroup = group.Where(c => c.Country == origin || c.Country == "**").Select(c => c.Heading).Distinct(StringComparer.Ordinal).Take(3).ToList();
                if (inGroup.Count < 2) continue;
                var l = AddLine(e, dutiable, origin, 250_000_00);
                l.Ch99.AddRange(inGroup);
                var r = AddLine(e, dutiable, origin, 250_000_00);
                r.Ch99.AddRange(Enumerable.Reverse(inGroup));
            }
            if (headings.Count >= 3)
            {
                var l = AddLine(e, dutiable, origin, 333_333_33);
                l.Ch99.AddRange(headings.Take(3));
            }
        }
        if (e.Lines.Count == 0) _entries.Remove(e);
    }

    private void Adcvd()
    {
        var d = _run;
        var e = NewEntry("adcvd-every-active-case", d, "03");
        foreach (var c in _g.ActiveCases)
        {
            var t = _g.TariffOn(d)[e.Lines.Count % _g.TariffOn(d).Length];
            var l = AddLine(e, t, c.Country, 75_000_00);
            l.CaseNo = c.CaseNo;
        }
        if (e.Lines.Count == 0) _entries.Remove(e);
    }

    private void EveryTariffRow()
    {
        var d = _run;
        EntrySpec? e = null;
        foreach (var t in _g.TariffOn(d))
        {
            if (e is null || e.Lines.Count >= 10) e = NewEntry("tariff-every-row-in-force", d);
            AddLine(e, t, "IT", 25_000_00 + (e.Lines.Count * 1_01));
        }
    }

    private void Limits()
    {
        var d = _run;
        var free = Free(d);
        var a = NewEntry("limit-usd-value-99999999999", d);
        var l = AddLine(a, free, "JP", 1);
        l.ForeignValue = 99_999_999_999_49;   // converts to 99,999,999,999 whole dollars (S9(11))
        var highest = _ref.Currencies.Select(c => (Cur: c, Rate: _ref.CertifiedRate(c, d, out _) ?? 0)).OrderByDescending(x => x.Rate).First();
        var b = NewEntry("limit-foreign-value-max-" + highest.Cur, d);
        b.Currency = highest.Cur;
        b.ExportDate = d;
        if (_ref.CertifiedRate(b.Currency, b.ExportDate, out _) is null) b.Currency = "USD";
        var bl = AddLine(b, free, "VN", 1);
        bl.ForeignValue = b.Currency == "USD" ? 99_999_999_999_49 : 99_999_999_999_99;
        var specific = _g.TariffOn(d).FirstOrDefault(t => t.RateType == 'S' && t.Unit == "KG ");
        if (specific is not null)
        {
            var c = NewEntry("limit-quantity-and-kg-max", d);
            var cl = AddLine(c, specific, "MX", 1_000_000_00);
            cl.Quantity = 999_999_999_99;
            cl.Kg = 999_999_999_99;
        }
        var cotton = _g.TariffOn(d).FirstOrDefault(t => t.Cotton);
        if (cotton is not null)
        {
            var c = NewEntry("limit-kg-max-cotton-fee", d);
            var cl = AddLine(c, cotton, "IN", 10_000_00);
            cl.Kg = 999_999_999_99;
        }
        var cent = NewEntry("value-one-cent", d);
        var one = AddLine(cent, free, "JP", 1);
        one.ForeignValue = 1;
        var half = NewEntry("value-rounds-half-dollar", d);
        var h = AddLine(half, AdValorem(d), "DE", 1);
        h.ForeignValue = 12_345_50;           // 12,345.50 USD rounds to 12,346
    }
}
