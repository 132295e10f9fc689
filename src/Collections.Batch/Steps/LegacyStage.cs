using System.Globalization;
using System.Text;
using Collections.Batch.Cycle;
using Collections.Batch.Export;
using Collections.Cobol.Codecs;
using Collections.Legacy.Records;
using Collections.Persistence.Entities;

namespace Collections.Batch.Steps;

/// <summary>
/// The working folder of a database step that runs a legacy program's port (CLV300, CLV400, CLV500: the one
/// implementation of their rules, control flow, messages and record layouts): the step's input data sets are written
/// there from the database (with <see cref="LegacyExport"/>, through the step's own unit of work), the program runs
/// over them as run-cycle.sh would run it, and its outputs are read back into tables, each record with its bytes, in
/// the transaction that commits the step's checkpoint. The folder is private to the attempt and deleted afterwards,
/// so a crashed attempt leaves nothing that a second one could read.
/// </summary>
internal sealed class LegacyStage : IDisposable
{
    private const int Batch = 20_000;

    private LegacyStage(string root)
    {
        Root = root;
        Directory.CreateDirectory(OutDir);
        Directory.CreateDirectory(Path.Combine(OutDir, "sysout"));
        Directory.CreateDirectory(RefDir);
        Directory.CreateDirectory(InDir);
        Directory.CreateDirectory(PriorDir);
    }

    public string Root { get; }
    public string OutDir => Path.Combine(Root, "out");
    public string RefDir => Path.Combine(Root, "ref");
    public string InDir => Path.Combine(Root, "in");
    public string PriorDir => Path.Combine(Root, "prior");

    /// <summary>CTLTOTS lines of the earlier steps staged: the program's own lines come after them.</summary>
    public int ControlTotalsStaged { get; private set; }

    public string Out(string dataSet) => Path.Combine(OutDir, dataSet);

    public string Ref(string table) => Path.Combine(RefDir, table);

    /// <summary>Stages SYSIN, CTLTOTS, <paramref name="dataSets"/> of the run and the run's pinned <paramref name="refTables"/>.</summary>
    public static async Task<LegacyStage> CreateAsync(StepWork work, IEnumerable<string> dataSets, IEnumerable<string> refTables)
    {
        ArgumentNullException.ThrowIfNull(work);
        var stage = new LegacyStage(Path.Combine(Path.GetTempPath(), "collections-stage-" + Guid.NewGuid().ToString("N")));
        try
        {
            await LegacyExport.WriteAsync(work.Db, work.Run.Id, stage.OutDir, ["SYSIN", "CTLTOTS", .. dataSets], work.Ct).ConfigureAwait(false);
            foreach (var table in refTables)
            {
                var records = await ReferenceLibrary.RecordsForRunAsync(work.Db, work.Run.Id, table, work.Ct).ConfigureAwait(false)
                              ?? throw new InvalidOperationException($"reference table {table} is not in the database (load it: collections db load-ref --ref DIR)");
                await File.WriteAllBytesAsync(stage.Ref(table), ReferenceLibrary.FileOf(records), work.Ct).ConfigureAwait(false);
            }
            stage.ControlTotalsStaged = Lines(stage.Out("CTLTOTS")).Count();
            return stage;
        }
        catch
        {
            stage.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder that cannot be removed now is left to the system's cleanup
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The records of a fixed-length file in order (a short last record as it is), streamed.</summary>
    public static IEnumerable<byte[]> FixedRecords(string path, int length)
    {
        if (!File.Exists(path)) yield break;
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        while (true)
        {
            var record = new byte[length];
            int n = f.ReadAtLeast(record, length, throwOnEndOfStream: false);
            if (n == 0) yield break;
            yield return n == length ? record : record[..n];
            if (n < length) yield break;
        }
    }

    /// <summary>The lines of a line-sequential file without their LF, streamed.</summary>
    public static IEnumerable<byte[]> Lines(string path)
    {
        if (!File.Exists(path)) yield break;
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var line = new List<byte>(160);
        int b;
        while ((b = f.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                yield return [.. line];
                line.Clear();
            }
            else line.Add((byte)b);
        }
        if (line.Count > 0) yield return [.. line];
    }

    /// <summary>Writes rows made from records through the provider's bulk path, in batches; returns the rows written.</summary>
    public static async Task<long> ImportAsync<TRow>(StepWork work, IEnumerable<byte[]> records, Func<long, byte[], TRow> row) where TRow : class
    {
        ArgumentNullException.ThrowIfNull(work);
        var batch = new List<TRow>(Batch);
        long n = 0;
        foreach (var r in records)
        {
            batch.Add(row(++n, r));
            if (batch.Count < Batch) continue;
            await work.Bulk.WriteAsync(work.Db, batch, work.Ct).ConfigureAwait(false);
            batch.Clear();
        }
        if (batch.Count > 0) await work.Bulk.WriteAsync(work.Db, batch, work.Ct).ConfigureAwait(false);
        return n;
    }

    /// <summary>
    /// The program's sysout (messages) and CTLTOTS lines into the run's tables, and what the legacy cannot say
    /// (diagnostics) under "STEPnnn.diagnostics". A CTLTOTS line the table cannot give back byte for byte stops the step.
    /// </summary>
    public async Task<int> SaveRunAsync(StepWork work, string step, string program, string sysout, string diagnostics)
    {
        ArgumentNullException.ThrowIfNull(work);
        var db = work.Db;
        var runId = work.Run.Id;
        StepMessages.Add(db, runId, step, SplitLines(sysout));
        if (diagnostics.Length > 0)
            StepMessages.Add(db, runId, step + ".diagnostics", SplitLines(diagnostics).Select(l => l.Length <= 400 ? l : l[..397] + "..."));
        int rows = 0;
        var rebuilt = new byte[ControlTotalRecord.RecordLength];
        foreach (var line in Lines(Out("CTLTOTS")).Skip(ControlTotalsStaged))
        {
            var record = new byte[ControlTotalRecord.RecordLength];
            record.AsSpan().Fill((byte)' ');
            line.AsSpan(0, Math.Min(line.Length, record.Length)).CopyTo(record);
            var id = Encoding.Latin1.GetString(record, ControlTotalRecord.StepId, 8).TrimEnd(' ');
            var total = new ControlTotal
            {
                RunId = runId,
                Program = id,
                SeqNo = Digits(record, ControlTotalRecord.Sequence, 2),
                Description = Encoding.Latin1.GetString(record, ControlTotalRecord.Description, 30).TrimEnd(' '),
                Count = Digits(record, ControlTotalRecord.Count, 9),
                AmountCents = ZonedDecimal.TryDecode(record.AsSpan(ControlTotalRecord.Amount, 17), 17, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, out var cents)
                    ? cents : throw new InvalidOperationException($"{program} wrote a CTLTOTS amount that is not numeric: {Encoding.Latin1.GetString(line)}"),
            };
            ControlTotalRecord.Build(rebuilt, total.Program, work.Run.BusinessDate.Year * 10000 + work.Run.BusinessDate.Month * 100 + work.Run.BusinessDate.Day,
                total.SeqNo, total.Description, total.Count, total.AmountCents);
            if (id != program || !rebuilt.AsSpan().SequenceEqual(record))
                throw new InvalidOperationException($"{program} wrote a CTLTOTS line the database cannot hold as written: '{Encoding.Latin1.GetString(line)}'");
            db.ControlTotals.Add(total);
            rows++;
        }
        await db.SaveChangesAsync(work.Ct).ConfigureAwait(false);
        return rows;
    }

    private static int Digits(byte[] record, int offset, int length) =>
        int.TryParse(record.AsSpan(offset, length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : throw new InvalidOperationException($"CTLTOTS field at {offset} is not digits: {Encoding.Latin1.GetString(record)}");

    private static List<string> SplitLines(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>The outcome of the program: RC 8 or more fails the run with the program's error messages.</summary>
    public static ChunkOutcome Outcome(string program, int rc, long rows, string sysout)
    {
        if (rc < 8) return new ChunkOutcome(rows, rc);
        var errors = SplitLines(sysout).Where(l => l.Length > 8 && l[7] is 'E' or 'S' || l.Contains("ABEND", StringComparison.Ordinal) || l.Contains("STATUS", StringComparison.Ordinal)).ToList();
        return ChunkOutcome.Fail(rc, $"{program} ended with return code {rc.ToString("D4", CultureInfo.InvariantCulture)}"
                                     + (errors.Count > 0 ? ": " + string.Join("; ", errors) : "") + " - correct the cause and run the day again");
    }
}
