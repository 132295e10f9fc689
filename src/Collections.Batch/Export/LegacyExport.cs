using System.Text;
using Collections.Cobol.Records;
using Collections.Domain.EntryFees;
using Collections.Domain.LineDuties;
using Collections.Domain.Values;
using Collections.Legacy.Clv200;
using Collections.Legacy.Records;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Export;

/// <summary>
/// <c>export legacy</c>: a posted day's data sets written from the database in the legacy formats, with the legacy
/// port's record builders and writers, so they compare byte for byte with the legacy run of the same day: SYSIN,
/// LINECALC, REJECTS, ENTCALC, CTLTOTS (the lines of the steps run so far) and sysout/STEP010.CLV100,
/// sysout/STEP020.CLV200. Streams: memory does not grow with the day.
/// </summary>
public static class LegacyExport
{
    private const int Page = 20_000;

    /// <summary>Every data set of a cycle, in run-cycle.sh's order (the sysout of each step is written beside them).</summary>
    public static readonly IReadOnlyList<string> DataSets =
        ["SYSIN", "LINECALC", "REJECTS", "ENTCALC", "STMTOUT", "STMTDTL", "OPENITEM", "LEDGER", "SUSPENSE", "CTLTOTS", "CLV500.RPT"];

    public static async Task<IReadOnlyList<string>> WriteAsync(DatabaseOptions options, long runId, string outDir, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var db = options.CreateContext();
        return await WriteAsync(db, runId, outDir, null, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the data sets of a run that its steps have produced so far (all of them, or those in
    /// <paramref name="only"/>; "sysout" stands for the steps' messages) into <paramref name="outDir"/>, reading through
    /// <paramref name="db"/> (the steps stage their inputs with it, inside their own transaction).
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(CollectionsDbContext db, long runId, string outDir, IReadOnlyCollection<string>? only, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        bool Wanted(string name) => only is null || only.Contains(name);
        Directory.CreateDirectory(Path.Combine(outDir, "sysout"));
        var summary = await db.IngestSummaries.AsNoTracking().SingleAsync(s => s.RunId == runId, ct).ConfigureAwait(false);
        var done = (await db.Steps.AsNoTracking().Where(s => s.RunId == runId && s.Status == StepStatus.Done).Select(s => s.StepName).ToListAsync(ct).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var written = new List<string>();
        async Task Write(string name, Func<string, Task> write)
        {
            if (!Wanted(name)) return;
            await write(Path.Combine(outDir, name)).ConfigureAwait(false);
            written.Add(name);
        }
        await Write("SYSIN", path => File.WriteAllBytesAsync(path, summary.Sysin, ct)).ConfigureAwait(false);
        await Write("LINECALC", path => WriteLinecalcAsync(db, runId, path, ct)).ConfigureAwait(false);
        await Write("REJECTS", path => WriteRejectsAsync(db, runId, path, ct)).ConfigureAwait(false);
        if (done.Contains(Cycle.CycleSteps.EntryFees))
            await Write("ENTCALC", path => WriteEntcalcAsync(db, runId, path, ct)).ConfigureAwait(false);
        if (done.Contains(Cycle.CycleSteps.Statements))
        {
            await Write("STMTOUT", path => WriteRecordsAsync(path, false, after => db.Statements.AsNoTracking().Where(x => x.RunId == runId && x.SeqNo > after)
                .OrderBy(x => x.SeqNo).Take(Page).Select(x => new SeqRaw(x.SeqNo, x.Raw)).ToListAsync(ct), ct)).ConfigureAwait(false);
            await Write("STMTDTL", path => WriteRecordsAsync(path, false, after => db.StatementEntries.AsNoTracking().Where(x => x.RunId == runId && x.SeqNo > after)
                .OrderBy(x => x.SeqNo).Take(Page).Select(x => new SeqRaw(x.SeqNo, x.Raw)).ToListAsync(ct), ct)).ConfigureAwait(false);
        }
        if (done.Contains(Cycle.CycleSteps.PaymentsInterest))
        {
            await Write("OPENITEM", path => WriteOpenItemsAsync(db, runId, path, ct)).ConfigureAwait(false);
            await Write("LEDGER", path => WriteRecordsAsync(path, false, after => db.LedgerPostings.AsNoTracking().Where(x => x.RunId == runId && x.SeqNo > after)
                .OrderBy(x => x.SeqNo).Take(Page).Select(x => new SeqRaw(x.SeqNo, x.Raw)).ToListAsync(ct), ct)).ConfigureAwait(false);
            await Write("SUSPENSE", path => WriteRecordsAsync(path, true, after => db.SuspenseItems.AsNoTracking().Where(x => x.RunId == runId && x.SeqNo > after)
                .OrderBy(x => x.SeqNo).Take(Page).Select(x => new SeqRaw(x.SeqNo, x.Raw)).ToListAsync(ct), ct)).ConfigureAwait(false);
        }
        await Write("CTLTOTS", path => WriteControlTotalsAsync(db, runId, summary.RunDate, path, ct)).ConfigureAwait(false);
        if (done.Contains(Cycle.CycleSteps.RevenueReport))
            await Write("CLV500.RPT", path => WriteRecordsAsync(path, true, after => db.ReportLines.AsNoTracking().Where(x => x.RunId == runId && x.LineNo > after)
                .OrderBy(x => x.LineNo).Take(Page).Select(x => new SeqRaw(x.LineNo, x.Raw)).ToListAsync(ct), ct)).ConfigureAwait(false);
        if (!Wanted("sysout")) return written;
        foreach (var (step, program) in Collections.Legacy.Pipeline.LegacySteps.Cycle)
        {
            var lines = await db.StepMessages.AsNoTracking().Where(m => m.RunId == runId && m.StepName == step).OrderBy(m => m.Seq)
                .Select(m => m.Text).ToListAsync(ct).ConfigureAwait(false);
            if (lines.Count == 0) continue;
            var text = string.Concat(lines.Select(l => l + "\n"));
            await File.WriteAllBytesAsync(Path.Combine(outDir, "sysout", step + "." + program), Encoding.Latin1.GetBytes(text), ct).ConfigureAwait(false);
            written.Add("sysout/" + step + "." + program);
        }
        return written;
    }

    /// <summary>The open item master written by a run (OPENITEM), as the legacy wrote it.</summary>
    public static Task WriteOpenItemsAsync(CollectionsDbContext db, long runId, string path, CancellationToken ct = default) =>
        WriteRecordsAsync(path, false, after => db.OpenItems.AsNoTracking().Where(x => x.RunId == runId && x.SeqNo > after)
            .OrderBy(x => x.SeqNo).Take(Page).Select(x => new SeqRaw(x.SeqNo, x.Raw)).ToListAsync(ct), ct);

    /// <summary>A stored record: its number and bytes.</summary>
    public sealed record SeqRaw(long Seq, byte[] Raw);

    /// <summary>
    /// Writes stored records in pages (memory does not grow with the data set): fixed records as they are, line
    /// sequential ones each followed by LF.
    /// </summary>
    public static async Task WriteRecordsAsync(string path, bool lineSequential, Func<long, Task<List<SeqRaw>>> page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        long after = long.MinValue;
        while (true)
        {
            var rows = await page(after).ConfigureAwait(false);
            if (rows.Count == 0) break;
            foreach (var r in rows)
            {
                await file.WriteAsync(r.Raw, ct).ConfigureAwait(false);
                if (lineSequential) file.WriteByte((byte)'\n');
            }
            after = rows[^1].Seq;
        }
    }

    private static async Task WriteLinecalcAsync(CollectionsDbContext db, long runId, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var writer = RecordWriter.Create(file, new RecordWriterOptions { Format = RecordFormat.Fixed, RecordLength = LinecalcLayout.RecordLength, LeaveOpen = true });
        var record = new byte[LinecalcLayout.RecordLength];
        var entryPart = new byte[LinecalcLayout.RecordLength];
        long partOf = -1;
        var calc = new LineCalculation();
        long after = 0;
        while (true)
        {
            var page = await db.LineResults.AsNoTracking().Where(l => l.RunId == runId && l.RecordNo > after).OrderBy(l => l.RecordNo).Take(Page)
                .Join(db.EntryLines.Where(x => x.RunId == runId), l => l.RecordNo, x => x.RecordNo, (l, x) => new { Result = l, x.Raw })
                .ToListAsync(ct).ConfigureAwait(false);
            if (page.Count == 0) break;
            after = page[^1].Result.RecordNo;
            var headerNos = page.Select(p => p.Result.HeaderRecordNo).Distinct().ToList();
            var headers = await db.EntryResults.AsNoTracking().Where(e => e.RunId == runId && headerNos.Contains(e.RecordNo))
                .ToDictionaryAsync(e => e.RecordNo, ct).ConfigureAwait(false);
            foreach (var p in page.OrderBy(p => p.Result.RecordNo))
            {
                if (p.Result.HeaderRecordNo != partOf)
                {
                    LinecalcRecord.BuildEntryPart(entryPart, ToAccepted(headers[p.Result.HeaderRecordNo]));
                    partOf = p.Result.HeaderRecordNo;
                }
                Restore(p.Result, calc);
                LinecalcRecord.Build(record, entryPart, p.Raw, EntryRecords.Line(p.Raw), calc, p.Result.RecordNo);
                writer.Write(record);
            }
        }
    }

    private static async Task WriteRejectsAsync(CollectionsDbContext db, long runId, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var writer = RecordWriter.Create(file, new RecordWriterOptions { Format = RecordFormat.LineSequential, RecordLength = RejectRecord.RecordLength, LeaveOpen = true });
        var record = new byte[RejectRecord.RecordLength];
        var rejects = db.RejectedRecords.AsNoTracking().Where(r => r.RunId == runId && r.Program == "CLV100").OrderBy(r => r.RecordNo).ThenBy(r => r.Seq)
            .Select(r => new { r.RecordNo, r.EntryNo, r.LineNo, r.ReasonCode }).AsAsyncEnumerable();
        await foreach (var r in rejects.WithCancellation(ct).ConfigureAwait(false))
        {
            RejectRecord.Build(record, "CLV100", Encoding.Latin1.GetBytes(r.EntryNo), Encoding.Latin1.GetBytes(r.LineNo), r.RecordNo, Clv100Reasons.Get(r.ReasonCode));
            writer.Write(record);
        }
    }

    private static async Task WriteEntcalcAsync(CollectionsDbContext db, long runId, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var writer = EntcalcWriter.Create(file, leaveOpen: true);
        long after = 0;
        while (true)
        {
            var totals = await db.EntryTotals.AsNoTracking().Where(t => t.RunId == runId && t.Seq > after && t.Written).OrderBy(t => t.Seq).Take(Page)
                .Join(db.EntryResults.Where(e => e.RunId == runId), t => t.HeaderRecordNo, e => e.RecordNo, (t, e) => new { Total = t, Entry = e })
                .ToListAsync(ct).ConfigureAwait(false);
            if (totals.Count == 0) break;
            var first = totals.Min(t => t.Total.Seq);
            after = totals.Max(t => t.Total.Seq);
            var fees = (await db.EntryFees.AsNoTracking().Where(f => f.RunId == runId && f.EntrySeq >= first && f.EntrySeq <= after).ToListAsync(ct).ConfigureAwait(false))
                .ToLookup(f => f.EntrySeq);
            var allocations = (await db.MpfAllocations.AsNoTracking().Where(a => a.RunId == runId && a.EntrySeq >= first && a.EntrySeq <= after).ToListAsync(ct).ConfigureAwait(false))
                .ToLookup(a => a.EntrySeq);
            foreach (var x in totals.OrderBy(t => t.Total.Seq))
            {
                var t = x.Total;
                var e = x.Entry;
                writer.Write(new EntcalcEntryTotal
                {
                    EntryNumber = t.EntryNo, EntryType = e.EntryType, ImporterNumber = e.ImporterNo, PortCode = Digits(e.PortCode), EntryDate = e.EntryDate,
                    TransportMode = Digits(e.TransportMode), PaymentType = Digits(e.PaymentType), StatementDate = e.StatementDate, ManualFlag = e.ManualFlag[0],
                    LinesAccepted = t.LinesAccepted, LinesRejected = t.LinesRejected, EnteredValueCents = t.EnteredValueCents,
                    MpfLiableValueCents = t.MpfLiableValueCents, DutyCents = t.DutyCents, Section301Cents = t.Section301Cents,
                    Section232Cents = t.Section232Cents, IeepaCents = t.IeepaCents, Section122Cents = t.Section122Cents,
                    OtherChapter99Cents = t.OtherChapter99Cents, AntidumpingCents = t.AntidumpingCents, CountervailingCents = t.CountervailingCents,
                    FeeTotalCents = t.FeeTotalCents, TotalAssessedCents = t.TotalAssessedCents, MpfRawTotalE5 = t.MpfRawE5,
                    MpfLimitIndicator = t.MpfLimit.Length > 0 ? t.MpfLimit[0] : ' ',
                    Fees = [.. fees[t.Seq].OrderBy(f => f.FeeNo).Select(f => new EntryFee(f.FeeClass, f.AmountCents))],
                });
                foreach (var a in allocations[t.Seq].OrderBy(a => a.AllocationNo))
                    writer.Write(new EntcalcMpfAllocation(a.EntryNo, a.LineNo, a.UsdValueCents, a.RawMpfE5, a.AllocatedCents));
            }
        }
        writer.Flush();
    }

    private static int Digits(string s) => int.Parse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WriteControlTotalsAsync(CollectionsDbContext db, long runId, int runDate, string path, CancellationToken ct)
    {
        var rows = await db.ControlTotals.AsNoTracking().Where(c => c.RunId == runId).ToListAsync(ct).ConfigureAwait(false);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var writer = RecordWriter.Create(file, new RecordWriterOptions { Format = RecordFormat.LineSequential, RecordLength = ControlTotalRecord.RecordLength, LeaveOpen = true });
        var record = new byte[ControlTotalRecord.RecordLength];
        foreach (var c in rows.OrderBy(c => c.Program, StringComparer.Ordinal).ThenBy(c => c.SeqNo))
        {
            ControlTotalRecord.Build(record, c.Program, runDate, c.SeqNo, c.Description, c.Count, c.AmountCents);
            writer.Write(record);
        }
    }

    /// <summary>The accepted entry as the line step saw it (2280-SAVE-HEADER), from its stored result.</summary>
    internal static AcceptedEntry ToAccepted(EntryResult e) => new(
        e.EntryNo, e.EntryType, e.ImporterNo, e.PortCode, e.EntryDate, e.ExportDate, e.TransportMode, e.PaymentType[0], e.StatementDate,
        e.ManualFlag[0], e.CurrencyCode, e.LineCount, ExchangeRate.FromMillionths(e.ExchangeRateE6), (RateSource)e.RateSource[0],
        AdValoremRate.FromMillionths(e.MpfRateE6), AdValoremRate.FromMillionths(e.CottonRateE6));

    /// <summary>A stored line result back into the calculation object the LINECALC builder reads.</summary>
    internal static void Restore(LineResult l, LineCalculation c)
    {
        c.Reset();
        c.Status = l.Status[0];
        c.Reason = l.ReasonCode;
        c.RateType = l.RateType[0];
        c.AdValoremRate = AdValoremRate.FromMillionths(l.AdValoremRateE6);
        c.SpecificRate = SpecificRate.FromMillionths(l.SpecificRateE6);
        c.SpiFree = l.SpiFree[0];
        c.UsdValue = Money.FromCents(l.UsdValueCents);
        c.Duty = Money.FromCents(l.DutyCents);
        c.Chapter99[0] = new Chapter99Result { RevenueClass = l.Ch99Class1, Rate = AdValoremRate.FromMillionths(l.Ch99RateE6_1), Applied = l.Ch99Applied1[0], Amount = Money.FromCents(l.Ch99Cents1) };
        c.Chapter99[1] = new Chapter99Result { RevenueClass = l.Ch99Class2, Rate = AdValoremRate.FromMillionths(l.Ch99RateE6_2), Applied = l.Ch99Applied2[0], Amount = Money.FromCents(l.Ch99Cents2) };
        c.Chapter99[2] = new Chapter99Result { RevenueClass = l.Ch99Class3, Rate = AdValoremRate.FromMillionths(l.Ch99RateE6_3), Applied = l.Ch99Applied3[0], Amount = Money.FromCents(l.Ch99Cents3) };
        c.AdcvdType = l.AdcvdType[0];
        c.AdcvdDeposit = Money.FromCents(l.AdcvdCents);
        c.RawMpf = l.RawMpfE5;
        c.CottonFee = Money.FromCents(l.CottonFeeCents);
    }
}
