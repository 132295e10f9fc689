using System.Globalization;
using Collections.Domain.EntryFees;
using Collections.Domain.Reference;
using Collections.Legacy.Clv100;
using Collections.Legacy.Clv200;
using Collections.Persistence;

namespace Collections.Batch.Cycle;

/// <summary>
/// The reference data a run's steps need, loaded from the run's pinned table versions through the legacy port's
/// loaders and checks (the same messages on a bad table: CLV1301E..., CLV2301E...).
/// </summary>
public sealed class RunTables
{
    public Clv100Reference? LineDuties { get; private init; }
    public EntryFeeReference? EntryFees { get; private init; }
    /// <summary>Table errors, as the legacy programs display them; empty when the tables are valid.</summary>
    public IReadOnlyList<string> Errors { get; private init; } = [];

    public bool IsValid => Errors.Count == 0;

    public static async Task<RunTables> LoadAsync(CollectionsDbContext db, long runId, CancellationToken ct = default)
    {
        var tables = new Dictionary<string, List<byte[]>?>(StringComparer.Ordinal);
        foreach (var name in new[] { "TARIFF.DAT", "CH99.DAT", "ADCVD.DAT", "EXRATE.DAT", "SPI.DAT", "FEES.DAT", "HMFPORT.DAT" })
            tables[name] = await ReferenceLibrary.RecordsForRunAsync(db, runId, name, ct).ConfigureAwait(false);
        var errors = new List<string>();
        foreach (var (name, records) in tables)
            if (records is null) errors.Add($"reference table {name} is not in the database (load it: collections db load-ref --ref DIR)");
        if (errors.Count > 0) return new RunTables { Errors = errors };

        // CLV100's tables: records padded to the table's length, as the file step reads them
        var t100 = new Clv100Tables(errors.Add, _ => { });
        IEnumerable<(long, byte[])> Padded(string name, int length) =>
            tables[name]!.Select((r, i) =>
            {
                var padded = new byte[length];
                padded.AsSpan().Fill((byte)' ');
                r.AsSpan(0, Math.Min(length, r.Length)).CopyTo(padded);
                return ((long)(i + 1), padded);
            });
        var ok = t100.LoadTariff(Padded("TARIFF.DAT", 120), "TARIFF.DAT")
                 && t100.LoadChapter99(Padded("CH99.DAT", 90), "CH99.DAT")
                 && t100.LoadAdcvd(Padded("ADCVD.DAT", 90), "ADCVD.DAT")
                 && t100.LoadExchangeRates(Padded("EXRATE.DAT", 40), "EXRATE.DAT")
                 && t100.LoadSpi(Padded("SPI.DAT", 50), "SPI.DAT")
                 && t100.LoadFees(Padded("FEES.DAT", 80), "FEES.DAT");
        if (!ok) return new RunTables { Errors = errors.Count > 0 ? errors : ["CLV1901E REFERENCE DATA ERROR"] };

        // CLV200's tables: the same records through its own loader
        var sysout = new StringWriter(CultureInfo.InvariantCulture);
        var t200 = new Clv200Tables();
        List<byte[]> Read(string name, int length) => LineSequential.ReadRecords(new MemoryStream(ReferenceLibrary.FileOf(tables[name]!)), length, name);
        ok = t200.LoadFees(Read("FEES.DAT", 80), sysout) & t200.LoadSpi(Read("SPI.DAT", 50), sysout) & t200.LoadHmfPorts(Read("HMFPORT.DAT", 40), sysout);
        if (!ok) return new RunTables { Errors = [.. sysout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)] };
        return new RunTables
        {
            LineDuties = t100.ToReference(),
            EntryFees = new EntryFeeReference(new FeeSchedule(t200.Fees), t200.Spi, t200.HmfPorts),
        };
    }
}
