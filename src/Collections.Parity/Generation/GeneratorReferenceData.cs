using Collections.Cobol.Codecs;
using Collections.Cobol.Records;

namespace Collections.Parity.Generation;

/// <summary>
/// The few columns of the legacy reference tables (ref/*.DAT, copybooks REF*) the day generator draws its values
/// from. Parsed by fixed columns as the copybooks define them, so every code the generator emits exists in the
/// tables the legacy will load. Rates are kept as unscaled integers at their PIC scale.
/// </summary>
public sealed class GeneratorReferenceData
{
    public required IReadOnlyList<TariffRow> Tariff { get; init; }
    public required IReadOnlyList<Ch99Row> Ch99 { get; init; }
    public required IReadOnlyList<AdcvdRow> Adcvd { get; init; }
    public required IReadOnlyList<ExchangeRateRow> ExchangeRates { get; init; }
    public required IReadOnlyList<SpiRow> Spi { get; init; }
    public required IReadOnlyList<FeeRow> Fees { get; init; }
    public required IReadOnlyList<int> HmfPorts { get; init; }

    private IReadOnlyList<string>? _currencies;
    private Dictionary<(string, char, int), ExchangeRateRow>? _rateIndex;
    private readonly Dictionary<(string, int), (long? Rate, char Source)> _certified = [];

    /// <summary>Currencies that have a certified rate (sorted).</summary>
    public IReadOnlyList<string> Currencies => _currencies ??= ExchangeRates.Select(r => r.Currency).Distinct().Order(StringComparer.Ordinal).ToList();

    public static GeneratorReferenceData Load(string refDir)
    {
        ArgumentNullException.ThrowIfNull(refDir);
        return new GeneratorReferenceData
        {
            Tariff = Read(refDir, "TARIFF.DAT", 120, r => new TariffRow(
                r[..10], Int(r, 11, 8, "TRF-EFF-DATE"), Int(r, 20, 8, "TRF-END-DATE"), r[29],
                Int(r, 31, 7, "TRF-ADVAL-RATE"), Int(r, 39, 10, "TRF-SPECIFIC-RATE"), r.Substring(50, 3), r[54] == 'Y',
                Enumerable.Range(0, 8).Select(i => r.Substring(56 + (2 * i), 2)).Where(s => s != "  ").ToArray())),
            Ch99 = Read(refDir, "CH99.DAT", 90, r => new Ch99Row(
                r[..10], r.Substring(11, 2), Int(r, 14, 8, "C99-EFF-DATE"), Int(r, 23, 8, "C99-END-DATE"),
                Int(r, 32, 7, "C99-ADVAL-RATE"), r.Substring(40, 2), (int)Int(r, 43, 2, "C99-PRIORITY"), r.Substring(46, 3))),
            Adcvd = Read(refDir, "ADCVD.DAT", 90, r => new AdcvdRow(
                r[..10], r.Substring(11, 2), r[14], Int(r, 16, 10, "ADC-DEPOSIT-RATE"), r[27])),
            ExchangeRates = Read(refDir, "EXRATE.DAT", 40, r => new ExchangeRateRow(
                r[..3], r[4], (int)Int(r, 6, 8, "EXR-RATE-DATE"), Int(r, 15, 12, "EXR-RATE"))),
            Spi = Read(refDir, "SPI.DAT", 50, r => new SpiRow(r[..2], r[3] == 'Y')),
            Fees = Read(refDir, "FEES.DAT", 80, r => new FeeRow(
                r[..3], (int)Int(r, 4, 8, "FEE-EFF-DATE"), (int)Int(r, 13, 8, "FEE-END-DATE"), r[22],
                Int(r, 24, 7, "FEE-RATE"), Int(r, 32, 7, "FEE-MIN-AMT"), Int(r, 40, 7, "FEE-MAX-AMT"), Int(r, 48, 7, "FEE-FLAT-AMT"))),
            HmfPorts = Read(refDir, "HMFPORT.DAT", 40, r => (int)Int(r, 0, 4, "HMP-PORT-CODE")),
        };
    }

    /// <summary>The tariff rows in force on <paramref name="date"/> (first match per HTS, as CLV100's SEARCH).</summary>
    public IEnumerable<TariffRow> TariffOn(int date)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in Tariff)
            if (t.EffectiveDate <= date && t.EndDate >= date && seen.Add(t.Hts)) yield return t;
    }

    public FeeRow? Fee(string feeClass, int date) =>
        Fees.FirstOrDefault(f => f.FeeClass == feeClass && f.EffectiveDate <= date && f.EndDate >= date);

    public ExchangeRateRow? Rate(string currency, char type, int date)
    {
        _rateIndex ??= ExchangeRates.GroupBy(r => (r.Currency, r.Type, r.Date)).ToDictionary(g => g.Key, g => g.First());
        return _rateIndex.GetValueOrDefault((currency, type, date));
    }

    /// <summary>First day of the quarter of <paramref name="date"/> (CCYYMMDD), as CLV100 2250 computes it.</summary>
    public static int QuarterStart(int date)
    {
        var yyyy = date / 10000;
        var mm = date / 100 % 100;
        return (yyyy * 10000) + ((((mm - 1) / 3 * 3) + 1) * 100) + 1;
    }

    /// <summary>The certified rate CLV100 would use (unscaled, 6 decimals), or null when there is none (H011).</summary>
    public long? CertifiedRate(string currency, int exportDate, out char source)
    {
        if (_certified.TryGetValue((currency, exportDate), out var hit))
        {
            source = hit.Source;
            return hit.Rate;
        }
        var rate = ComputeCertifiedRate(currency, exportDate, out source);
        _certified[(currency, exportDate)] = (rate, source);
        return rate;
    }

    private long? ComputeCertifiedRate(string currency, int exportDate, out char source)
    {
        source = 'U';
        if (currency is "USD" or "   ") return 1_000_000;
        var q = Rate(currency, 'Q', QuarterStart(exportDate));
        if (q is null) return null;
        source = 'Q';
        var d = Rate(currency, 'D', exportDate);
        if (d is null) return q.Rate;
        return DailyOverrides(q.Rate, d.Rate) ? UseDaily(d, out source) : q.Rate;

        static long UseDaily(ExchangeRateRow d, out char source)
        {
            source = 'D';
            return d.Rate;
        }
    }

    /// <summary>
    /// CLV100 2255: variance = (daily - quarterly) * 100 / quarterly, ROUNDED to 2 decimals (half away from zero);
    /// the daily rate applies when the variance is 5.00 or more either way. Exact integer arithmetic.
    /// </summary>
    public static bool DailyOverrides(long quarterly, long daily)
    {
        // variance in hundredths, rounded half away from zero
        var num = (Int128)(daily - quarterly) * 10_000;
        var q = num / quarterly;
        var rem = num % quarterly;
        if (Int128.Abs(rem) * 2 >= quarterly) q += Int128.Sign(num);
        return q >= 500 || q <= -500;
    }

    private static long Int(string record, int offset, int length, string field)
    {
        Span<byte> digits = stackalloc byte[length];
        for (var i = 0; i < length; i++) digits[i] = (byte)record[offset + i];
        if (!CobolNumericClass.TryDecodeUnsignedDisplay(digits, out long v))
            throw new FormatException($"reference field {field} at offset {offset} is not numeric: '{record.Substring(offset, length)}'");
        return v;
    }

    /// <summary>The records of a line-sequential table read as the legacy reads them (the toolkit's reader, padded to the record length), blank lines skipped.</summary>
    private static List<T> Read<T>(string dir, string file, int length, Func<string, T> parse)
    {
        var path = Path.Combine(dir, file);
        var list = new List<T>();
        using var reader = RecordReader.Create(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16),
            new RecordReaderOptions { Format = RecordFormat.LineSequential, RecordLength = length, FileName = path });
        while (reader.TryRead(out var record))
        {
            if (reader.LineLength == 0) continue;
            try
            {
                list.Add(parse(System.Text.Encoding.Latin1.GetString(record.Span)));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{path} record {reader.RecordNumber}: {ex.Message}", ex);
            }
        }
        return list;
    }
}

public sealed record TariffRow(string Hts, long EffectiveDate, long EndDate, char RateType, long AdValoremRate, long SpecificRate,
    string Unit, bool Cotton, IReadOnlyList<string> SpiCodes);

public sealed record Ch99Row(string Heading, string Country, long EffectiveDate, long EndDate, long Rate, string Group, int Priority, string RevenueClass);

public sealed record AdcvdRow(string CaseNo, string Country, char RateType, long Rate, char Status)
{
    public bool Active => Status == 'A';
}

public sealed record ExchangeRateRow(string Currency, char Type, int Date, long Rate);

public sealed record SpiRow(string Code, bool MpfExempt);

public sealed record FeeRow(string FeeClass, int EffectiveDate, int EndDate, char CalcType, long Rate, long MinAmount, long MaxAmount, long FlatAmount);
