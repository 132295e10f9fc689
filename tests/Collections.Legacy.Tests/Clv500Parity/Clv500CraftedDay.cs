using System.Globalization;
using System.Text;
using Collections.Domain.EntryFees;
using Collections.Legacy.Clv200;
using Collections.Legacy.Records;

namespace Collections.Legacy.Tests.Clv500Parity;

/// <summary>
/// The data sets CLV500 reads, crafted for an edge: entry totals (ENTCALC), receivables (STMTOUT), reject records,
/// control totals, and raw bytes for anything else. Written with the product's encoders (the same bytes the legacy
/// writes). Files left null are written empty; <see cref="Missing"/> names data sets not written at all.
/// </summary>
public sealed class Clv500CraftedDay
{
    public string Sysin { get; set; } = "RUNDATE=20260302\n";
    public List<EntcalcEntryTotal> Entries { get; } = [];
    public List<StatementHeaderRecord> Receivables { get; } = [];
    public List<byte[]> LedgerRecords { get; } = [];
    public List<string> SuspenseLines { get; } = [];
    public List<byte[]> OpenItemRecords { get; } = [];
    public List<string> RejectLines { get; } = [];
    public List<string> ControlTotalLines { get; } = [];

    /// <summary>Raw bytes replacing a data set (damaged files).</summary>
    public Dictionary<string, byte[]> Raw { get; } = new(StringComparer.Ordinal);

    /// <summary>Data sets not written (a missing file).</summary>
    public HashSet<string> Missing { get; } = new(StringComparer.Ordinal);

    /// <summary>Data sets (CLV500.RPT included) that are directories instead of files.</summary>
    public HashSet<string> Directories { get; } = new(StringComparer.Ordinal);

    private int _entrySeq;

    /// <summary>An entry total at <paramref name="port"/> whose total assessed is its duties plus its fees.</summary>
    public EntcalcEntryTotal Entry(int port, long dutyCents = 100_00, int lines = 1, long valueCents = 1_000_00, IReadOnlyList<EntryFee>? fees = null,
        long s301 = 0, long s232 = 0, long ieepa = 0, long s122 = 0, long oth99 = 0, long add = 0, long cvd = 0, long? feeTotal = null, long? totalAssessed = null)
    {
        fees ??= [new EntryFee(FeeClasses.Mpf, 33_58)];
        var feeSum = feeTotal ?? fees.Sum(f => f.AmountCents);
        var e = new EntcalcEntryTotal
        {
            EntryNumber = "C50" + (++_entrySeq).ToString("D8", CultureInfo.InvariantCulture),
            EntryType = "01",
            ImporterNumber = "12-3456789AB",
            PortCode = port,
            EntryDate = 20260227,
            TransportMode = 11,
            PaymentType = 1,
            StatementDate = 20260302,
            ManualFlag = 'N',
            LinesAccepted = lines,
            LinesRejected = 0,
            EnteredValueCents = valueCents,
            MpfLiableValueCents = valueCents,
            DutyCents = dutyCents,
            Section301Cents = s301,
            Section232Cents = s232,
            IeepaCents = ieepa,
            Section122Cents = s122,
            OtherChapter99Cents = oth99,
            AntidumpingCents = add,
            CountervailingCents = cvd,
            FeeTotalCents = feeSum,
            TotalAssessedCents = totalAssessed ?? (dutyCents + s301 + s232 + ieepa + s122 + oth99 + add + cvd + feeSum),
            Fees = fees,
        };
        Entries.Add(e);
        return e;
    }

    /// <summary>A reject record line (REJREC, 100 bytes, trailing blanks removed as the legacy writes it).</summary>
    public void Reject(string reason, char severity = 'E', string message = "CRAFTED REJECT", string step = "CLV100", long recordNo = 1)
    {
        var r = new StringBuilder();
        r.Append(step.PadRight(8)[..8]).Append(' ').Append("C5000000001").Append(' ').Append("001").Append(' ')
            .Append(recordNo.ToString("D7", CultureInfo.InvariantCulture)).Append(' ').Append(severity).Append(' ')
            .Append(reason.PadRight(4)[..4]).Append(' ').Append(message.PadRight(60)[..60]);
        RejectLines.Add(r.ToString().TrimEnd(' '));
    }

    /// <summary>A control total line (CTLTOTS, 80 bytes).</summary>
    public void ControlTotal(string step, int sequence, string description, long count, long amountCents)
    {
        var record = new byte[ControlTotalRecord.RecordLength];
        ControlTotalRecord.Build(record, step, 20260302, sequence, description, count, amountCents);
        ControlTotalLines.Add(Encoding.Latin1.GetString(record).TrimEnd(' '));
    }

    /// <summary>Writes the data sets into <paramref name="dir"/>.</summary>
    public void Write(string dir)
    {
        Directory.CreateDirectory(dir);
        void Put(string name, Func<byte[]> content)
        {
            if (Missing.Contains(name)) return;
            if (Directories.Contains(name))
            {
                Directory.CreateDirectory(Path.Combine(dir, name));
                return;
            }
            File.WriteAllBytes(Path.Combine(dir, name), Raw.TryGetValue(name, out var raw) ? raw : content());
        }
        static byte[] Lines(IEnumerable<string> lines) => Encoding.Latin1.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        Put("SYSIN", () => Encoding.Latin1.GetBytes(Sysin));
        Put("ENTCALC", () =>
        {
            var ms = new MemoryStream();
            using (var w = EntcalcWriter.Create(ms, leaveOpen: true))
                foreach (var e in Entries) w.Write(e);
            return ms.ToArray();
        });
        Put("STMTOUT", () =>
        {
            var ms = new MemoryStream();
            using (var w = FixedRecordWriter<StatementHeaderRecord>.Create(ms, leaveOpen: true))
                foreach (var r in Receivables) w.Write(r);
            return ms.ToArray();
        });
        Put("LEDGER", () => [.. LedgerRecords.SelectMany(r => r)]);
        Put("SUSPENSE", () => Lines(SuspenseLines));
        Put("OPENITEM", () => [.. OpenItemRecords.SelectMany(r => r)]);
        Put("REJECTS", () => Lines(RejectLines));
        Put("CTLTOTS", () => Lines(ControlTotalLines));
        if (Directories.Contains("CLV500.RPT")) Directory.CreateDirectory(Path.Combine(dir, "CLV500.RPT"));
    }
}
