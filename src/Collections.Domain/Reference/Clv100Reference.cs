using Collections.Domain.Values;

namespace Collections.Domain.Reference;

/// <summary>
/// The reference tables CLV100 loads (tariff, Chapter 99, AD/CVD cases, exchange rates, SPI, fee schedule), in the
/// order they were loaded (ascending key, checked by the loader), with the look-ups the program performs. Sequential
/// SEARCHes (tariff, Chapter 99, fee schedule) return the FIRST row in table order that matches; SEARCH ALL
/// (binary) look-ups (AD/CVD, exchange rates, SPI) are exact key matches on unique keys.
/// The line look-ups take the codes as the record holds them (bytes, compared byte for byte as the legacy does) and
/// use keys packed into integers (<see cref="Key10"/>, <see cref="FixedText.Key2(ReadOnlySpan{byte})"/>), so a line
/// allocates nothing; string overloads are kept for callers holding text.
/// </summary>
public sealed class Clv100Reference
{
    private readonly TariffRate[] _tariff;
    private readonly Chapter99Heading[] _ch99;
    private readonly Key10[] _ch99Heading;
    private readonly ushort[] _ch99Country;
    private readonly bool[] _ch99Valid;
    private readonly Dictionary<Key10, AdcvdCase> _adcvd;
    private readonly Dictionary<(string, CertifiedRateType, int), CertifiedRate> _rates;
    private readonly Dictionary<string, SpecialProgram> _spi;
    private readonly Dictionary<ushort, SpecialProgram> _spiByKey;
    private readonly FeeScheduleEntry[] _fees;
    private readonly Dictionary<string, FeeScheduleEntry[]> _feesByClass;   // each class's rows in table order
    private readonly Dictionary<Key10, TariffEntry[]> _tariffByHts;
    private static readonly ushort AnyCountryKey = FixedText.Key2(Chapter99Heading.AnyCountry)!.Value;

    public Clv100Reference(
        IEnumerable<TariffRate> tariff, IEnumerable<Chapter99Heading> chapter99, IEnumerable<AdcvdCase> adcvdCases,
        IEnumerable<CertifiedRate> exchangeRates, IEnumerable<SpecialProgram> specialPrograms, IEnumerable<FeeScheduleEntry> fees)
    {
        _tariff = [.. tariff];
        _ch99 = [.. chapter99];
        _fees = [.. fees];
        _feesByClass = _fees.GroupBy(f => f.ClassCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        // A code that no fixed-width record field can hold (wrong length, a char above U+00FF) never matches.
        _ch99Heading = new Key10[_ch99.Length];
        _ch99Country = new ushort[_ch99.Length];
        _ch99Valid = new bool[_ch99.Length];
        for (var i = 0; i < _ch99.Length; i++)
        {
            var h = Key10.Of(_ch99[i].Heading);
            var c = FixedText.Key2(_ch99[i].Country);
            _ch99Valid[i] = h is not null && c is not null;
            _ch99Heading[i] = h ?? default;
            _ch99Country[i] = c ?? 0;
        }
        _adcvd = [];
        foreach (var c in adcvdCases)
            if (Key10.Of(c.CaseNumber) is { } k) _adcvd.TryAdd(k, c);
        _rates = [];
        foreach (var r in exchangeRates) _rates.TryAdd((r.Currency, r.RateType, r.Date), r);
        _spi = new Dictionary<string, SpecialProgram>(StringComparer.Ordinal);
        _spiByKey = [];
        foreach (var s in specialPrograms)
        {
            _spi.TryAdd(s.Code, s);
            if (FixedText.Key2(s.Code) is { } k) _spiByKey.TryAdd(k, s);
        }
        // Rows of one HTS keep their table order, so "first match" is preserved.
        _tariffByHts = [];
        foreach (var g in _tariff.GroupBy(t => t.HtsNumber, StringComparer.Ordinal))
            if (Key10.Of(g.Key) is { } k) _tariffByHts.Add(k, [.. g.Select(t => new TariffEntry(t))]);
    }

    public IReadOnlyList<TariffRate> Tariff => _tariff;
    public IReadOnlyList<Chapter99Heading> Chapter99 => _ch99;
    public IReadOnlyCollection<AdcvdCase> AdcvdCases => _adcvd.Values;
    public IReadOnlyCollection<CertifiedRate> ExchangeRates => _rates.Values;
    public IReadOnlyCollection<SpecialProgram> SpecialPrograms => _spi.Values;
    public IReadOnlyList<FeeScheduleEntry> Fees => _fees;

    /// <summary>The tariff rate in force on <paramref name="entryDate"/> (first in table order), or null.</summary>
    public TariffRate? FindTariff(ReadOnlySpan<byte> hts, int entryDate) => FindTariffEntry(hts, entryDate)?.Row;

    /// <inheritdoc cref="FindTariff(ReadOnlySpan{byte}, int)"/>
    public TariffRate? FindTariff(string hts, int entryDate)
    {
        Span<byte> b = stackalloc byte[10];
        return FixedText.TryLatin1(hts, b) ? FindTariff(b, entryDate) : null;
    }

    internal TariffEntry? FindTariffEntry(ReadOnlySpan<byte> hts, int entryDate)
    {
        if (hts.Length != 10 || !_tariffByHts.TryGetValue(Key10.Of(hts), out var rows)) return null;
        foreach (var t in rows) if (t.Row.InForceOn(entryDate)) return t;
        return null;
    }

    /// <summary>The Chapter 99 row for heading, origin (or "**") and date: first in table order, or null.</summary>
    public Chapter99Heading? FindChapter99(ReadOnlySpan<byte> heading, ReadOnlySpan<byte> origin, int entryDate)
    {
        if (heading.Length != 10 || origin.Length != 2) return null;
        var key = Key10.Of(heading);
        var country = FixedText.Key2(origin);
        for (var i = 0; i < _ch99.Length; i++)
        {
            if (!_ch99Heading[i].Equals(key) || !_ch99Valid[i]) continue;
            if ((_ch99Country[i] == country || _ch99Country[i] == AnyCountryKey) && _ch99[i].InForceOn(entryDate)) return _ch99[i];
        }
        return null;
    }

    /// <inheritdoc cref="FindChapter99(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int)"/>
    public Chapter99Heading? FindChapter99(string heading, string origin, int entryDate)
    {
        Span<byte> h = stackalloc byte[10];
        Span<byte> o = stackalloc byte[2];
        return FixedText.TryLatin1(heading, h) && FixedText.TryLatin1(origin, o) ? FindChapter99(h, o, entryDate) : null;
    }

    public AdcvdCase? FindAdcvdCase(ReadOnlySpan<byte> caseNumber) =>
        caseNumber.Length == 10 ? _adcvd.GetValueOrDefault(Key10.Of(caseNumber)) : null;

    public AdcvdCase? FindAdcvdCase(string caseNumber) => Key10.Of(caseNumber) is { } k ? _adcvd.GetValueOrDefault(k) : null;

    public CertifiedRate? FindExchangeRate(string currency, CertifiedRateType type, int date) =>
        _rates.GetValueOrDefault((currency, type, date));

    public SpecialProgram? FindSpecialProgram(ReadOnlySpan<byte> code) =>
        code.Length == 2 ? _spiByKey.GetValueOrDefault(FixedText.Key2(code)) : null;

    public SpecialProgram? FindSpecialProgram(string code) => _spi.GetValueOrDefault(code);

    /// <summary>The fee row of a class in force on a date (first in table order), or null.</summary>
    public FeeScheduleEntry? FindFee(string classCode, int date)
    {
        if (!_feesByClass.TryGetValue(classCode, out var rows)) return null;
        foreach (var f in rows)
            if (f.InForceOn(date)) return f;
        return null;
    }
}

/// <summary>A tariff row with its codes packed for the line edits (unit of quantity, the SPI codes under which it is free).</summary>
internal sealed class TariffEntry
{
    public TariffEntry(TariffRate row)
    {
        Row = row;
        SpiKeys = [.. row.SpiCodes.Select(FixedText.Key2).Where(k => k is not null).Select(k => k!.Value)];
    }

    public TariffRate Row { get; }

    /// <summary>The SPI codes in table order (a blank "  " entry never matches: a blank line SPI is not looked up).</summary>
    public ushort[] SpiKeys { get; }

    public bool SpiFree(ReadOnlySpan<byte> spi)
    {
        var key = FixedText.Key2(spi);
        foreach (var k in SpiKeys) if (k == key) return true;
        return false;
    }

    /// <summary>2330: the line's unit must equal the tariff's unless the tariff's is "X  " (any unit).</summary>
    public bool UnitMatches(ReadOnlySpan<byte> unit) => Row.AnyUnit || FixedText.Equal(Row.Unit, unit);
}
