using System.Globalization;
using Collections.Domain.Reference;
using Collections.Domain.Values;
using Collections.Legacy.Clv100;
using Collections.Legacy.Records;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv100Parity;

/// <summary>Writes a crafted ENTRYIN day (and its SYSIN) with <see cref="EntryFileWriter"/>.</summary>
internal sealed class Clv100CraftedDay : IDisposable
{
    private readonly FileStream _file;
    private int _serial;
    private readonly string _filer;

    public Clv100CraftedDay(TempDir temp, string runDate, string filer = "ZZ1", string folder = "in")
    {
        InDir = temp.Combine(folder);
        Directory.CreateDirectory(InDir);
        File.WriteAllText(Path.Combine(InDir, "SYSIN"), "RUNDATE=" + runDate + "\n");
        _file = File.Create(Path.Combine(InDir, "ENTRYIN"));
        Writer = new EntryFileWriter(_file);
        RunDate = runDate;
        _filer = filer;
    }

    public string InDir { get; }
    public string RunDate { get; }
    public EntryFileWriter Writer { get; }

    public string NextEntryNumber() => EntryNumber.Create(_filer, ++_serial).ToString();

    /// <summary>Writes a header (defaults: formal type 01, port 2704, vessel, single pay, USD) and returns its number.</summary>
    public string Header(int lines, string entryDate = "20260302", string exportDate = "20260215", string currency = "USD",
        string? entryNumber = null, string entryType = "01", string importer = "IMP000000001", string port = "2704",
        string mode = "11", string payment = "1", string statementDate = "00000000", string manual = "N", string? lineCount = null)
    {
        var no = entryNumber ?? NextEntryNumber();
        Writer.WriteHeader(new EntryHeaderRecord(no, entryType, importer, port, entryDate, exportDate, mode, payment, statementDate,
            currency, manual, lineCount ?? lines.ToString("D3", CultureInfo.InvariantCulture)));
        return no;
    }

    public void Line(string entry, int lineNo, string hts, long value, string origin = "CN", string spi = "  ", long quantity = 100,
        string unit = "NO ", long kg = 1000, string ch99Count = "0", string ch1 = "", string ch2 = "", string ch3 = "", string adcvd = "",
        string? lineNumberText = null, byte[]? valueRaw = null, byte[]? quantityRaw = null, byte[]? kgRaw = null)
    {
        Writer.WriteLine(new EntryLineRecord(entry, lineNumberText ?? lineNo.ToString("D3", CultureInfo.InvariantCulture), hts, origin, spi,
            value, quantity, unit, kg, ch99Count, ch1, ch2, ch3, adcvd)
        { ForeignValueRaw = valueRaw, NetQuantityRaw = quantityRaw, NetKilogramsRaw = kgRaw });
    }

    public void Trailer(long? records = null, long? entries = null, long? hash = null) => Writer.WriteTrailer(records, entries, hash);

    public void Dispose()
    {
        Writer.Dispose();
        _file.Dispose();
    }

    /// <summary>The legacy's reference tables, parsed with the port's loader.</summary>
    public static Clv100Reference Reference(string refDir)
    {
        var t = new Clv100Tables(_ => { }, _ => { });
        static IEnumerable<(long, byte[])> Read(string path, int length)
        {
            long n = 0;
            foreach (var line in File.ReadAllLines(path, System.Text.Encoding.Latin1))
            {
                var b = new byte[length];
                b.AsSpan().Fill((byte)' ');
                System.Text.Encoding.Latin1.GetBytes(line.Length > length ? line[..length] : line).CopyTo(b, 0);
                yield return (++n, b);
            }
        }
        t.LoadTariff(Read(Path.Combine(refDir, "TARIFF.DAT"), 120), "TARIFF.DAT").Should().BeTrue();
        t.LoadChapter99(Read(Path.Combine(refDir, "CH99.DAT"), 90), "CH99.DAT").Should().BeTrue();
        t.LoadAdcvd(Read(Path.Combine(refDir, "ADCVD.DAT"), 90), "ADCVD.DAT").Should().BeTrue();
        t.LoadExchangeRates(Read(Path.Combine(refDir, "EXRATE.DAT"), 40), "EXRATE.DAT").Should().BeTrue();
        t.LoadSpi(Read(Path.Combine(refDir, "SPI.DAT"), 50), "SPI.DAT").Should().BeTrue();
        t.LoadFees(Read(Path.Combine(refDir, "FEES.DAT"), 80), "FEES.DAT").Should().BeTrue();
        return t.ToReference();
    }
}
