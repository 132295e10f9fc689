namespace Collections.Domain.Reference;

/// <summary>
/// The reference tables CLV100 loads (tariff, Chapter 99, AD/CVD cases, exchange rates, SPI, fee schedule), in the
/// order they were loaded (ascending key, checked by the loader), with the look-ups the program performs. Sequential
/// SEARCHes (tariff, Chapter 99, fee schedule) return the FIRST row in table order that matches; SEARCH ALL
/// (binary) look-ups (AD/CVD, exchange rates, SPI) are exact key matches on unique keys.
/// </summary>
public sealed class Clv100Reference
{
    private readonly TariffRate[] _tariff;
    private readonly Chapter99Heading[] _ch99;
    private readonly Dictionary<string, AdcvdCase> _adcvd;
    private readonly Dictionary<(string, CertifiedRateType, int), CertifiedRate> _rates;
    private readonly Dictionary<string, SpecialProgram> _spi;
    private readonly FeeScheduleEntry[] _fees;
    private readonly Dictionary<string, TariffRate[]> _tariffByHts;

    public Clv100Reference(
        IEnumerable<TariffRate> tariff, IEnumerable<Chapter99Heading> chapter99, IEnumerable<AdcvdCase> adcvdCases,
        IEnumerable<CertifiedRate> exchangeRates, IEnumerable<SpecialProgram> specialPrograms, IEnumerable<FeeScheduleEntry> fees)
    {
        _tariff = [.. tariff];
        _ch99 = [.. chapter99];
        _fees = [.. fees];
        _adcvd = new Dictionary<string, AdcvdCase>(StringComparer.Ordinal);
        foreach (var c in adcvdCases) _adcvd.TryAdd(c.CaseNumber, c);
        _rates = [];
        foreach (var r in exchangeRates) _rates.TryAdd((r.Currency, r.RateType, r.Date), r);
        _spi = new Dictionary<string, SpecialProgram>(StringComparer.Ordinal);
        foreach (var s in specialPrograms) _spi.TryAdd(s.Code, s);
        // Rows of one HTS keep their table order, so "first match" is preserved.
        _tariffByHts = _tariff.GroupBy(t => t.HtsNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<TariffRate> Tariff => _tariff;
    public IReadOnlyList<Chapter99Heading> Chapter99 => _ch99;
    public IReadOnlyCollection<AdcvdCase> AdcvdCases => _adcvd.Values;
    public IReadOnlyCollection<CertifiedRate> ExchangeRates => _rates.Values;
    public IReadOnlyCollection<SpecialProgram> SpecialPrograms => _spi.Values;
    public IReadOnlyList<FeeScheduleEntry> Fees => _fees;

    /// <summary>The tariff rate in force on <paramref name="entryDate"/> (first in table order), or null.</summary>
    public TariffRate? FindTariff(string hts, int entryDate)
    {
        if (!_tariffByHts.TryGetValue(hts, out var rows)) return null;
        foreach (var t in rows) if (t.InForceOn(entryDate)) return t;
        return null;
    }

    /// <summary>The Chapter 99 row for heading, origin (or "**") and date: first in table order, or null.</summary>
    public Chapter99Heading? FindChapter99(string heading, string origin, int entryDate)
    {
        foreach (var c in _ch99)
            if (c.Heading == heading && c.AppliesTo(origin) && c.InForceOn(entryDate)) return c;
        return null;
    }

    public AdcvdCase? FindAdcvdCase(string caseNumber) => _adcvd.GetValueOrDefault(caseNumber);

    public CertifiedRate? FindExchangeRate(string currency, CertifiedRateType type, int date) =>
        _rates.GetValueOrDefault((currency, type, date));

    public SpecialProgram? FindSpecialProgram(string code) => _spi.GetValueOrDefault(code);

    /// <summary>The fee row of a class in force on a date (first in table order), or null.</summary>
    public FeeScheduleEntry? FindFee(string classCode, int date)
    {
        foreach (var f in _fees)
            if (f.ClassCode == classCode && f.InForceOn(date)) return f;
        return null;
    }
}
