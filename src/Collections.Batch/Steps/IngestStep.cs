using System.Globalization;
using Collections.Batch.Cycle;
using Collections.Cobol.Codecs;
using Collections.Cobol.Records;
using Collections.Domain.LineDuties;
using Collections.Legacy.Records;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Steps;

/// <summary>
/// Ingest: reads the day's ENTRYIN (RECFM=F 250) once, in order, and stores every record as received: headers
/// (entries), lines (entry_lines, tied to the header they follow), and what CLV100 rejects at record level (R001 record
/// type, R002 short record, L001 line without its header). Keeps CLV100's file counts (records, headers, lines, value
/// hash) and checks the trailer. A day the legacy would stop with RC 8 (control card, reference tables, trailer
/// missing, out of balance or not numeric, records after the trailer) is refused here with a precise message, and
/// nothing is stored. Plans the line-duty chunks (whole entries, about <see cref="BatchRun.ChunkLines"/> lines each).
/// </summary>
public sealed class IngestStep : ICycleStep
{
    private const long Count7 = 10_000_000;
    private const int FlushRecords = 20_000;

    public string Name => CycleSteps.Ingest;

    public Task PlanAsync(StepWork work) => DefaultPlan.OneChunkAsync(work, Name);

    public async Task<ChunkOutcome> RunChunkAsync(StepWork work, BatchChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(work);
        var run = work.Run;
        var db = work.Db;
        var ct = work.Ct;
        var input = InputSet.Open(run.InputDirectory);
        int runDate = run.BusinessDate.Year * 10000 + run.BusinessDate.Month * 100 + run.BusinessDate.Day;
        if (!Directory.Exists(input.Directory)) return ChunkOutcome.Fail(16, $"input directory {input.Directory} not found: restore it (or submit the day again from where the files are)");
        var entryin = input.PathOf("ENTRYIN");
        if (!File.Exists(entryin)) return ChunkOutcome.Fail(16, $"ENTRYIN not found in {input.Directory}");
        var hash = input.Hash();
        if (hash != run.InputHash)
            return ChunkOutcome.Fail(16, $"the input in {input.Directory} changed since the day was submitted (hash {hash[..12]}..., submitted {run.InputHash[..12]}...): submit the day again");
        var sysin = input.Sysin(runDate, out var sysinError);
        if (sysin is null) return ChunkOutcome.Fail(16, sysinError!);
        var card = ControlCardOf(sysin);
        if (ControlCard.RunDate(card) is null)
            return ChunkOutcome.Fail(8, "CLV1002E INVALID CONTROL CARD: " + LegacyNumeric.Text(card) + " (SYSIN)");
        var tables = await RunTables.LoadAsync(db, run.Id, ct).ConfigureAwait(false);
        if (!tables.IsValid)
            return ChunkOutcome.Fail(8, "reference data error, the day cannot run: " + string.Join("; ", tables.Errors) + " (correct the table and load it: collections db load-ref)");

        PhaseProfile.Mark("ingest: checks and tables");
        var reader = new EntryFileReader(run.Id, entryin);
        var entries = new List<EntryRow>();
        var lines = new List<EntryLineRow>();
        var rejects = new List<RejectedRecord>();
        long rows = 0;
        var plan = new ChunkPlanner(run.ChunkLines);
        async Task Flush(bool final)
        {
            var ready = final ? entries : entries.Where(e => e.EndRecordNo != 0).ToList();
            await work.Bulk.WriteAsync(db, ready, ct).ConfigureAwait(false);
            await work.Bulk.WriteAsync(db, lines, ct).ConfigureAwait(false);
            await work.Bulk.WriteAsync(db, rejects, ct).ConfigureAwait(false);
            rows += ready.Count + lines.Count + rejects.Count;
            if (final) entries.Clear(); else entries.RemoveAll(e => e.EndRecordNo != 0);
            lines.Clear();
            rejects.Clear();
        }
        await foreach (var item in reader.ReadAsync(ct).ConfigureAwait(false))
        {
            switch (item)
            {
                case EntryRow e:
                    entries.Add(e);
                    plan.Header(e.RecordNo);
                    break;
                case EntryLineRow l:
                    lines.Add(l);
                    if (l.HeaderRecordNo is not null) plan.Line();
                    break;
                case RejectedRecord r:
                    rejects.Add(r);
                    break;
            }
            if (lines.Count + rejects.Count >= FlushRecords) await Flush(false).ConfigureAwait(false);
        }
        if (reader.Fatal.Count > 0)
            return ChunkOutcome.Fail(8, $"ENTRYIN is not a complete, balanced file ({entryin}): {string.Join("; ", reader.Fatal)}. "
                                       + "Nothing was posted: correct the file (or get a new one from the filer) and run the day again.");
        await Flush(true).ConfigureAwait(false);
        PhaseProfile.Mark("ingest: read and store");

        db.IngestSummaries.Add(new IngestSummary
        {
            RunId = run.Id, ControlCard = LegacyNumeric.Text(card), RunDate = runDate, RecordsRead = reader.RecordsRead,
            HeadersRead = reader.HeadersRead, LinesRead = reader.LinesRead, RecordsBeforeTrailer = reader.BeforeTrailer,
            ValueHashCents = reader.ValueHash, TrailerRecordCount = reader.TrailerRecords, TrailerEntryCount = reader.TrailerEntries,
            TrailerHashCents = reader.TrailerHash, TrailerHashNegativeZero = reader.TrailerHashNegativeZero, TrailerRecordNo = reader.TrailerRecordNo, PaymentRecords = CountPayments(input),
            Sysin = sysin,
        });
        var chunks = plan.Finish();
        foreach (var (no, first, last) in chunks)
            db.Chunks.Add(new BatchChunk { RunId = run.Id, StepName = CycleSteps.LineDuties, ChunkNo = no, FirstRecordNo = first, LastRecordNo = last });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await db.Steps.Where(s => s.RunId == run.Id && s.StepName == CycleSteps.LineDuties)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ChunkCount, chunks.Count), ct).ConfigureAwait(false);
        return new ChunkOutcome(rows + 1);
    }

    public Task<int> CompleteAsync(StepWork work) => Task.FromResult(0);

    private static byte[] ControlCardOf(byte[] sysin)
    {
        var card = new byte[ControlCard.Length];
        card.AsSpan().Fill((byte)' ');
        int end = Array.IndexOf(sysin, (byte)'\n');
        if (end < 0) end = sysin.Length;
        sysin.AsSpan(0, Math.Min(end, ControlCard.Length)).CopyTo(card);
        return card;
    }

    private static long CountPayments(InputSet input)
    {
        var path = input.PathOf("PAYMENTS");
        return File.Exists(path) ? (new FileInfo(path).Length + 49) / 50 : 0;
    }

    /// <summary>Chunk boundaries at headers: a chunk closes at the first header after it holds the planned number of lines.</summary>
    private sealed class ChunkPlanner(int chunkLines)
    {
        private readonly List<(int, long, long)> _chunks = [];
        private long _first = -1, _lines;

        public void Header(long recordNo)
        {
            if (_first < 0) _first = recordNo;
            else if (_lines >= Math.Max(1, chunkLines))
            {
                _chunks.Add((_chunks.Count + 1, _first, recordNo - 1));
                _first = recordNo;
                _lines = 0;
            }
        }

        public void Line() => _lines++;

        public List<(int No, long First, long Last)> Finish()
        {
            if (_first >= 0) _chunks.Add((_chunks.Count + 1, _first, long.MaxValue));
            return _chunks;
        }
    }
}

/// <summary>
/// Reads ENTRYIN record by record as CLV100 2000-PROCESS-ENTRIES does, and yields what is stored: headers (with the
/// highest entry number before them and the record that ends them), lines (with their header or none) and the
/// record-level rejects. Counters and the trailer checks follow the legacy; conditions that end CLV100 with RC 8 are
/// collected in <see cref="Fatal"/>.
/// </summary>
internal sealed class EntryFileReader(long runId, string path)
{
    private const long Count7 = 10_000_000;
    private static readonly byte[] Blank11 = "           "u8.ToArray();

    public long RecordsRead { get; private set; }
    public long HeadersRead { get; private set; }
    public long LinesRead { get; private set; }
    public long BeforeTrailer { get; private set; }
    public long ValueHash { get; private set; }
    public long TrailerRecords { get; private set; }
    public long TrailerEntries { get; private set; }
    public long TrailerHash { get; private set; }
    public long TrailerRecordNo { get; private set; }
    /// <summary>ET-VALUE-HASH packed -0 (digits 0, sign nibble D).</summary>
    public bool TrailerHashNegativeZero { get; private set; }
    public List<string> Fatal { get; } = [];

    public async IAsyncEnumerable<object> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
        using var reader = RecordReader.Create(stream, new RecordReaderOptions
        {
            Format = RecordFormat.Fixed, RecordLength = EntryRecordLayout.RecordLength, FileName = path, LeaveOpen = true,
        });
        EntryRow? open = null;
        byte[]? currentEntryNo = null;
        string previous = EntryHeaderEdits.NoPreviousEntry;
        bool trailerFound = false;
        long n = 0;
        while (true)
        {
            var status = reader.Read(out var mem);
            if (status == RecordReadStatus.EndOfFile) break;
            n++;
            RecordsRead = n;
            var raw = mem.ToArray();
            if ((n & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            if (trailerFound)
            {
                Fatal.Add($"record {n} follows the trailer (record {TrailerRecordNo}) - reason R003 RECORD FOLLOWS THE FILE TRAILER");
                continue;
            }
            if (status == RecordReadStatus.Truncated)
            {
                yield return Reject(n, Blank11, "***"u8, Clv100Reasons.ShortRecord, $"record {n} is {raw.Length} bytes, less than 250 (file ends inside the record)", raw);
                continue;
            }
            switch (raw[0])
            {
                case (byte)'H':
                {
                    BeforeTrailer = (BeforeTrailer + 1) % Count7;
                    if (open is not null)
                    {
                        open.EndRecordNo = n;
                        open = null;
                    }
                    HeadersRead = (HeadersRead + 1) % Count7;
                    var h = EntryRecords.Header(raw);
                    var row = new EntryRow
                    {
                        RunId = runId, RecordNo = n, EntryNo = h.EntryNumber, EntryType = h.EntryType, ImporterNo = h.ImporterNumber,
                        PortCode = h.PortCode, EntryDate = h.EntryDate, ExportDate = h.ExportDate, TransportMode = h.TransportMode,
                        PaymentType = h.PaymentType, StatementDate = h.StatementDate, CurrencyCode = h.CurrencyCode,
                        ManualFlag = h.ManualFlag.ToString(), LineCount = h.LineCount, PrecedingEntryNo = previous, Raw = raw,
                    };
                    if (string.CompareOrdinal(h.EntryNumber, previous) > 0) previous = h.EntryNumber;
                    currentEntryNo = raw[EntryRecordLayout.EntryNo..(EntryRecordLayout.EntryNo + 11)];
                    open = row;
                    yield return row;
                    break;
                }
                case (byte)'L':
                {
                    BeforeTrailer = (BeforeTrailer + 1) % Count7;
                    LinesRead = (LinesRead + 1) % Count7;
                    var f = EntryRecords.Line(raw);
                    if (f.ForeignValue is { } value) ValueHash = LegacyNumeric.Wrap(ValueHash + value, 17);
                    var entryNo = raw[EntryRecordLayout.LineEntryNo..(EntryRecordLayout.LineEntryNo + 11)];
                    bool matched = open is not null && currentEntryNo is not null && entryNo.AsSpan().SequenceEqual(currentEntryNo);
                    var line = new EntryLineRow
                    {
                        RunId = runId, RecordNo = n, HeaderRecordNo = matched ? open!.RecordNo : null,
                        EntryNo = LegacyNumeric.Text(f.EntryNumber), LineNo = LegacyNumeric.Text(f.LineNumber), HtsNo = LegacyNumeric.Text(f.HtsNumber),
                        OriginCountry = LegacyNumeric.Text(f.OriginCountry), SpiCode = LegacyNumeric.Text(f.SpiCode), ForeignValueCents = f.ForeignValue,
                        NetQuantity = f.NetQuantity, QuantityUnit = LegacyNumeric.Text(f.QuantityUnit), NetKg = f.NetKilograms,
                        Ch99Count = ((char)f.Chapter99Count).ToString(), Ch99No1 = LegacyNumeric.Text(f.Chapter99Number(0)),
                        Ch99No2 = LegacyNumeric.Text(f.Chapter99Number(1)), Ch99No3 = LegacyNumeric.Text(f.Chapter99Number(2)),
                        AdcvdCaseNo = LegacyNumeric.Text(f.AdcvdCaseNumber), Raw = raw,
                    };
                    yield return line;
                    if (!matched)
                        yield return Reject(n, entryNo, raw.AsSpan(EntryRecordLayout.LineNo, 3), Clv100Reasons.NoHeader,
                            $"record {n}: line of entry {line.EntryNo} does not follow a header of that entry", raw);
                    break;
                }
                case (byte)'T':
                {
                    if (open is not null)
                    {
                        open.EndRecordNo = n;
                        open = null;
                    }
                    trailerFound = true;
                    TrailerRecordNo = n;
                    CheckTrailer(raw, n);
                    break;
                }
                default:
                    BeforeTrailer = (BeforeTrailer + 1) % Count7;
                    yield return Reject(n, Blank11, "***"u8, Clv100Reasons.RecordType,
                        $"record {n}: field ER-REC-TYPE offset 0 raw {LegacyNumeric.Hex(raw.AsSpan(0, 1))} is not H, L or T", raw);
                    break;
            }
        }
        if (open is not null) open.EndRecordNo = Math.Max(n, 1);
        if (!trailerFound) Fatal.Add($"ENTRYIN has no trailer record ({n} records read) - reason T001");
    }

    private void CheckTrailer(byte[] rec, long n)
    {
        var count = rec.AsSpan(EntryRecordLayout.TrailerRecordCount, 7);
        var entries = rec.AsSpan(EntryRecordLayout.TrailerEntryCount, 7);
        var hash = rec.AsSpan(EntryRecordLayout.TrailerValueHash, 9);
        if (!CobolNumericClass.IsUnsignedDisplay(count) || !CobolNumericClass.IsUnsignedDisplay(entries) || !CobolNumericClass.IsPacked(hash, signed: true))
        {
            Fatal.Add($"trailer (record {n}) fields are not numeric: ET-RECORD-COUNT raw {LegacyNumeric.Hex(count)}, ET-ENTRY-COUNT raw {LegacyNumeric.Hex(entries)}, ET-VALUE-HASH raw {LegacyNumeric.Hex(hash)} - reason T005");
            return;
        }
        TrailerHash = PackedDecimal.Decode(hash, 17, true);
        TrailerHashNegativeZero = TrailerHash == 0 && (hash[^1] & 0x0F) == 0x0D;
        TrailerRecords = LegacyNumeric.Digits(count);
        TrailerEntries = LegacyNumeric.Digits(entries);
        if (TrailerRecords != BeforeTrailer)
            Fatal.Add($"trailer record count {TrailerRecords}, records before the trailer {BeforeTrailer} - reason T002");
        if (TrailerEntries != HeadersRead)
            Fatal.Add($"trailer entry count {TrailerEntries}, headers read {HeadersRead} - reason T003");
        if (TrailerHash != ValueHash)
            Fatal.Add($"trailer value hash {FixedPoint.Format(TrailerHash, 2)}, sum of the line values {FixedPoint.Format(ValueHash, 2)} - reason T004");
    }

    private RejectedRecord Reject(long recordNo, ReadOnlySpan<byte> entryNo, ReadOnlySpan<byte> lineNo, string code, string detail, byte[] raw) => new()
    {
        RunId = runId, Program = "CLV100", RecordNo = recordNo, Seq = 1, FileName = "ENTRYIN", EntryNo = LegacyNumeric.Text(entryNo),
        LineNo = LegacyNumeric.Text(lineNo), Severity = Clv100Reasons.Get(code).Severity.ToString(), ReasonCode = code, Detail = detail, Raw = raw,
    };
}

internal static class DefaultPlan
{
    /// <summary>One chunk (number 0) for a step that runs whole.</summary>
    public static async Task OneChunkAsync(StepWork work, string step)
    {
        var db = work.Db;
        if (await db.Chunks.AnyAsync(c => c.RunId == work.Run.Id && c.StepName == step, work.Ct).ConfigureAwait(false)) return;
        db.Chunks.Add(new BatchChunk { RunId = work.Run.Id, StepName = step, ChunkNo = 0 });
        await db.SaveChangesAsync(work.Ct).ConfigureAwait(false);
        await db.Steps.Where(s => s.RunId == work.Run.Id && s.StepName == step)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ChunkCount, 1), work.Ct).ConfigureAwait(false);
    }
}
