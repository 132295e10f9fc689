using Collections.Domain.Reference;
using Collections.Legacy.Records;
using Collections.Legacy.RefData;

namespace Collections.Legacy.Clv100;

/// <summary>
/// Loads CLV100's reference tables the way 1300..1800 do: records in ascending key order, the legacy's numeric and
/// code checks in the legacy's order, table limits (500 tariff, 100 Chapter 99, 200 AD/CVD, 1000 exchange rates,
/// 50 SPI, 100 fees), the same messages. A table error stops loading that table (CLV1901E); every table is still
/// loaded and the run then stops with RC 8.
/// </summary>
public sealed class Clv100Tables
{
    public const int TariffMax = 500, Chapter99Max = 100, AdcvdMax = 200, ExchangeRateMax = 1000, SpiMax = 50, FeeMax = 100;

    private readonly Action<string> _display;
    private readonly Action<string> _diagnostic;

    public Clv100Tables(Action<string> display, Action<string> diagnostic)
    {
        _display = display;
        _diagnostic = diagnostic;
    }

    public List<TariffRate> Tariff { get; } = [];
    public List<Chapter99Heading> Chapter99 { get; } = [];
    public List<AdcvdCase> Adcvd { get; } = [];
    public List<CertifiedRate> ExchangeRates { get; } = [];
    public List<SpecialProgram> Spi { get; } = [];
    public List<FeeScheduleEntry> Fees { get; } = [];

    public Clv100Reference ToReference() => new(Tariff, Chapter99, Adcvd, ExchangeRates, Spi, Fees);

    private static bool N(ReadOnlySpan<byte> r, int o, int n) => LegacyNumeric.IsDigits(r.Slice(o, n));
    private static string T(ReadOnlySpan<byte> r, int o, int n) => LegacyNumeric.Text(r.Slice(o, n));

    /// <summary>1300-LOAD-TARIFF-TABLE. Returns false on a table error.</summary>
    public bool LoadTariff(IEnumerable<(long RecordNo, byte[] Record)> records, string file)
    {
        bool ok = true;
        string prev = "";
        foreach (var (no, rec) in records)
        {
            ReadOnlySpan<byte> r = rec;
            if (!N(r, 11, 8) || !N(r, 20, 8) || !N(r, 31, 7) || !N(r, 39, 10) || r[29] is not ((byte)'F' or (byte)'A' or (byte)'S' or (byte)'C'))
                { ok = Error("CLV1301E TARIFF RECORD INVALID: " + T(r, 0, 120), file, no, r); break; }
            var key = T(r, 0, 18 + 1).Remove(10, 1);
            if (string.CompareOrdinal(key, prev) <= 0)
                { ok = Error("CLV1302E TARIFF TABLE OUT OF SEQUENCE AT " + T(r, 0, 10) + " " + T(r, 11, 8), file, no, r); break; }
            if (Tariff.Count >= TariffMax) { ok = Error("CLV1303E TARIFF TABLE FULL", file, no, r); break; }
            prev = key;
            Tariff.Add(ReferenceTableRecords.ParseTariff(r));
        }
        if (Tariff.Count == 0) ok = Error("CLV1304E TARIFF TABLE IS EMPTY", file, 0, default);
        return ok;
    }

    /// <summary>1400-LOAD-CH99-TABLE.</summary>
    public bool LoadChapter99(IEnumerable<(long RecordNo, byte[] Record)> records, string file)
    {
        bool ok = true;
        string prev = "";
        foreach (var (no, rec) in records)
        {
            ReadOnlySpan<byte> r = rec;
            if (!N(r, 14, 8) || !N(r, 23, 8) || !N(r, 32, 7) || !N(r, 43, 2))
                { ok = Error("CLV1401E CH99 RECORD INVALID: " + T(r, 0, 90), file, no, r); break; }
            var key = T(r, 0, 10) + T(r, 11, 2) + T(r, 14, 8);
            if (string.CompareOrdinal(key, prev) <= 0)
                { ok = Error("CLV1402E CH99 TABLE OUT OF SEQUENCE AT " + T(r, 0, 10), file, no, r); break; }
            if (Chapter99.Count >= Chapter99Max) { ok = Error("CLV1403E CH99 TABLE FULL", file, no, r); break; }
            prev = key;
            Chapter99.Add(ReferenceTableRecords.ParseChapter99(r));
        }
        if (Chapter99.Count == 0) ok = Error("CLV1404E CH99 TABLE IS EMPTY", file, 0, default);
        return ok;
    }

    /// <summary>1500-LOAD-ADCVD-TABLE.</summary>
    public bool LoadAdcvd(IEnumerable<(long RecordNo, byte[] Record)> records, string file)
    {
        bool ok = true;
        string prev = "";
        foreach (var (no, rec) in records)
        {
            ReadOnlySpan<byte> r = rec;
            if (!N(r, 16, 10) || r[14] is not ((byte)'V' or (byte)'K'))
                { ok = Error("CLV1501E AD/CVD RECORD INVALID: " + T(r, 0, 90), file, no, r); break; }
            var key = T(r, 0, 10);
            if (string.CompareOrdinal(key, prev) <= 0)
                { ok = Error("CLV1502E AD/CVD TABLE OUT OF SEQUENCE AT " + key, file, no, r); break; }
            if (Adcvd.Count >= AdcvdMax) { ok = Error("CLV1503E AD/CVD TABLE FULL", file, no, r); break; }
            prev = key;
            Adcvd.Add(ReferenceTableRecords.ParseAdcvd(r));
        }
        if (Adcvd.Count == 0) ok = Error("CLV1504E AD/CVD TABLE IS EMPTY", file, 0, default);
        return ok;
    }

    /// <summary>1600-LOAD-EXRATE-TABLE.</summary>
    public bool LoadExchangeRates(IEnumerable<(long RecordNo, byte[] Record)> records, string file)
    {
        bool ok = true;
        string prev = "";
        foreach (var (no, rec) in records)
        {
            ReadOnlySpan<byte> r = rec;
            if (!N(r, 6, 8) || !N(r, 15, 12) || LegacyNumeric.Digits(r.Slice(15, 12)) == 0 || r[4] is not ((byte)'Q' or (byte)'D'))
                { ok = Error("CLV1601E EXRATE RECORD INVALID: " + T(r, 0, 40), file, no, r); break; }
            var key = T(r, 0, 3) + T(r, 4, 1) + T(r, 6, 8);
            if (string.CompareOrdinal(key, prev) <= 0)
                { ok = Error("CLV1602E EXRATE TABLE OUT OF SEQUENCE AT " + key, file, no, r); break; }
            if (ExchangeRates.Count >= ExchangeRateMax) { ok = Error("CLV1603E EXRATE TABLE FULL", file, no, r); break; }
            prev = key;
            ExchangeRates.Add(ReferenceTableRecords.ParseExchangeRate(r));
        }
        if (ExchangeRates.Count == 0) ok = Error("CLV1604E EXRATE TABLE IS EMPTY", file, 0, default);
        return ok;
    }

    /// <summary>1700-LOAD-SPI-TABLE (no field checks, sequence only).</summary>
    public bool LoadSpi(IEnumerable<(long RecordNo, byte[] Record)> records, string file)
    {
        bool ok = true;
        string prev = "";
        foreach (var (no, rec) in records)
        {
            ReadOnlySpan<byte> r = rec;
            var key = T(r, 0, 2);
            if (string.CompareOrdinal(key, prev) <= 0)
                { ok = Error("CLV1702E SPI TABLE OUT OF SEQUENCE AT " + key, file, no, r); break; }
            if (Spi.Count >= SpiMax) { ok = Error("CLV1703E SPI TABLE FULL", file, no, r); break; }
            prev = key;
            Spi.Add(ReferenceTableRecords.ParseSpi(r));
        }
        if (Spi.Count == 0) ok = Error("CLV1704E SPI TABLE IS EMPTY", file, 0, default);
        return ok;
    }

    /// <summary>1800-LOAD-FEE-TABLE.</summary>
    public bool LoadFees(IEnumerable<(long RecordNo, byte[] Record)> records, string file)
    {
        bool ok = true;
        string prev = "";
        foreach (var (no, rec) in records)
        {
            ReadOnlySpan<byte> r = rec;
            if (!N(r, 4, 8) || !N(r, 13, 8) || !N(r, 24, 7))
                { ok = Error("CLV1801E FEE RECORD INVALID: " + T(r, 0, 80), file, no, r); break; }
            var key = T(r, 0, 3) + T(r, 4, 8);
            if (string.CompareOrdinal(key, prev) <= 0)
                { ok = Error("CLV1802E FEE TABLE OUT OF SEQUENCE AT " + T(r, 0, 3) + " " + T(r, 4, 8), file, no, r); break; }
            if (Fees.Count >= FeeMax) { ok = Error("CLV1803E FEE TABLE FULL", file, no, r); break; }
            prev = key;
            Fees.Add(ReferenceTableRecords.ParseFee(r));
        }
        if (Fees.Count == 0) ok = Error("CLV1804E FEE TABLE IS EMPTY", file, 0, default);
        return ok;
    }

    private bool Error(string message, string file, long recordNo, ReadOnlySpan<byte> record)
    {
        _display(message);
        _diagnostic(recordNo > 0
            ? $"CLV100 {file} record {recordNo}: {message} (raw {LegacyNumeric.Hex(record.TrimEnd((byte)' '))})"
            : $"CLV100 {file}: {message}");
        return false;
    }
}
