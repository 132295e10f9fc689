using System.Text;
using Collections.Batch.Steps;
using Collections.Cobol.Records;
using Collections.Domain.EntryFees;
using Collections.Domain.LineDuties;
using Collections.Domain.Values;
using Collections.Legacy.Clv100;
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
            await Write("STMTOUT", path => WriteRawAsync(db, "statements", "seq_no", runId, path, false, ct)).ConfigureAwait(false);
            await Write("STMTDTL", path => WriteRawAsync(db, "statement_entries", "seq_no", runId, path, false, ct)).ConfigureAwait(false);
        }
        if (done.Contains(Cycle.CycleSteps.PaymentsInterest))
        {
            await Write("OPENITEM", path => WriteOpenItemsAsync(db, runId, path, ct)).ConfigureAwait(false);
            await Write("LEDGER", path => WriteRawAsync(db, "ledger_postings", "seq_no", runId, path, false, ct)).ConfigureAwait(false);
            await Write("SUSPENSE", path => WriteRawAsync(db, "suspense_items", "seq_no", runId, path, true, ct)).ConfigureAwait(false);
        }
        await Write("CTLTOTS", path => WriteControlTotalsAsync(db, runId, summary.RunDate, summary.TrailerHashNegativeZero, path, ct)).ConfigureAwait(false);
        if (done.Contains(Cycle.CycleSteps.RevenueReport))
            await Write("CLV500.RPT", path => WriteRawAsync(db, "report_lines", "line_no", runId, path, true, ct)).ConfigureAwait(false);
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
        WriteRawAsync(db, "open_items", "seq_no", runId, path, false, ct);

    /// <summary>
    /// Writes the stored records (column <c>raw</c>) of a run's rows of <paramref name="table"/> in the order of
    /// <paramref name="key"/>, in one forward read (no rows materialised): fixed records as they are, line sequential
    /// ones each followed by LF.
    /// </summary>
    internal static async Task WriteRawAsync(CollectionsDbContext db, string table, string key, long runId, string path, bool lineSequential, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        await using var rows = await DbCursor.OpenAsync(db, $"SELECT \"raw\" FROM \"{table}\" WHERE \"run_id\" = @run ORDER BY \"{key}\"", ct, ("run", runId)).ConfigureAwait(false);
        while (await rows.ReadAsync(ct).ConfigureAwait(false))
        {
            file.Write(rows.Span(0));
            if (lineSequential) file.WriteByte((byte)'\n');
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

    private const string EntryTotalColumns =
        "t.\"seq\", t.\"entry_no\", e.\"entry_type\", e.\"importer_no\", e.\"port_code\", e.\"entry_date\", e.\"transport_mode\", e.\"payment_type\", "
        + "e.\"statement_date\", e.\"manual_flag\", t.\"lines_accepted\", t.\"lines_rejected\", t.\"entered_value_cents\", t.\"mpf_liable_value_cents\", "
        + "t.\"duty_cents\", t.\"section301_cents\", t.\"section232_cents\", t.\"ieepa_cents\", t.\"section122_cents\", t.\"other_chapter99_cents\", "
        + "t.\"antidumping_cents\", t.\"countervailing_cents\", t.\"fee_total_cents\", t.\"total_assessed_cents\", t.\"mpf_raw_e5\", t.\"mpf_limit\", t.\"written\"";

    /// <summary>
    /// ENTCALC: the written entry totals (with their header's fields) and MPF allocations, in entry order, read by
    /// ranges of <see cref="Page"/> entries with forward reads (totals and fees of the range first, then the range's
    /// allocations streamed between them).
    /// </summary>
    private static async Task WriteEntcalcAsync(CollectionsDbContext db, long runId, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var writer = EntcalcWriter.Create(file, leaveOpen: true);
        long last;
        await using (var max = await DbCursor.OpenAsync(db, "SELECT COALESCE(MAX(\"seq\"), 0) FROM \"entry_totals\" WHERE \"run_id\" = @run", ct, ("run", runId)).ConfigureAwait(false))
            last = await max.ReadAsync(ct).ConfigureAwait(false) ? max.Int64(0) : 0;
        var totals = new List<(long Seq, EntcalcEntryTotal Total)>(Page);
        var fees = new List<(long Seq, EntryFee Fee)>(Page * 4);
        for (long after = 0; after < last; after += Page)
        {
            var upTo = after + Page;
            totals.Clear();
            fees.Clear();
            await using (var t = await DbCursor.OpenAsync(db, "SELECT " + EntryTotalColumns + " FROM \"entry_totals\" t JOIN \"entry_results\" e ON e.\"run_id\" = t.\"run_id\" AND e.\"record_no\" = t.\"header_record_no\" "
                             + "WHERE t.\"run_id\" = @run AND t.\"seq\" > @after AND t.\"seq\" <= @upTo ORDER BY t.\"seq\"", ct,
                             ("run", runId), ("after", after), ("upTo", upTo)).ConfigureAwait(false))
                while (await t.ReadAsync(ct).ConfigureAwait(false))
                {
                    if (!t.Bool(26)) continue;
                    var limit = t.Text(25);
                    totals.Add((t.Int64(0), new EntcalcEntryTotal
                    {
                        EntryNumber = t.Text(1), EntryType = t.Text(2), ImporterNumber = t.Text(3), PortCode = Digits(t.Text(4)), EntryDate = t.Int32(5),
                        TransportMode = Digits(t.Text(6)), PaymentType = Digits(t.Text(7)), StatementDate = t.Int32(8), ManualFlag = t.Text(9)[0],
                        LinesAccepted = t.Int32(10), LinesRejected = t.Int32(11), EnteredValueCents = t.Int64(12), MpfLiableValueCents = t.Int64(13),
                        DutyCents = t.Int64(14), Section301Cents = t.Int64(15), Section232Cents = t.Int64(16), IeepaCents = t.Int64(17),
                        Section122Cents = t.Int64(18), OtherChapter99Cents = t.Int64(19), AntidumpingCents = t.Int64(20), CountervailingCents = t.Int64(21),
                        FeeTotalCents = t.Int64(22), TotalAssessedCents = t.Int64(23), MpfRawTotalE5 = t.Int64(24), MpfLimitIndicator = limit.Length > 0 ? limit[0] : ' ',
                        Fees = [],
                    }));
                }
            if (totals.Count == 0) continue;
            await using (var f = await DbCursor.OpenAsync(db, "SELECT \"entry_seq\", \"fee_class\", \"amount_cents\" FROM \"entry_fees\" "
                             + "WHERE \"run_id\" = @run AND \"entry_seq\" > @after AND \"entry_seq\" <= @upTo ORDER BY \"entry_seq\", \"fee_no\"", ct,
                             ("run", runId), ("after", after), ("upTo", upTo)).ConfigureAwait(false))
                while (await f.ReadAsync(ct).ConfigureAwait(false))
                    fees.Add((f.Int64(0), new EntryFee(f.Text(1), f.Int64(2))));
            await using var a = await DbCursor.OpenAsync(db, "SELECT \"entry_seq\", \"entry_no\", \"line_no\", \"usd_value_cents\", \"raw_mpf_e5\", \"allocated_cents\" FROM \"mpf_allocations\" "
                                                             + "WHERE \"run_id\" = @run AND \"entry_seq\" > @after AND \"entry_seq\" <= @upTo ORDER BY \"entry_seq\", \"allocation_no\"", ct,
                ("run", runId), ("after", after), ("upTo", upTo)).ConfigureAwait(false);
            var more = await a.ReadAsync(ct).ConfigureAwait(false);
            int fi = 0;
            foreach (var (seq, total) in totals)
            {
                while (fi < fees.Count && fees[fi].Seq < seq) fi++;
                int from = fi;
                while (fi < fees.Count && fees[fi].Seq == seq) fi++;
                writer.Write(total with { Fees = [.. fees.Skip(from).Take(fi - from).Select(x => x.Fee)] });
                while (more && a.Int64(0) < seq) more = await a.ReadAsync(ct).ConfigureAwait(false);
                while (more && a.Int64(0) == seq)
                {
                    writer.Write(new EntcalcMpfAllocation(a.Text(1), a.Int32(2), a.Int64(3), a.Int64(4), a.Int64(5)));
                    more = await a.ReadAsync(ct).ConfigureAwait(false);
                }
            }
        }
        writer.Flush();
    }

    private static int Digits(string s) => int.Parse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WriteControlTotalsAsync(CollectionsDbContext db, long runId, int runDate, bool trailerHashNegativeZero, string path, CancellationToken ct)
    {
        var rows = await db.ControlTotals.AsNoTracking().Where(c => c.RunId == runId).ToListAsync(ct).ConfigureAwait(false);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var writer = RecordWriter.Create(file, new RecordWriterOptions { Format = RecordFormat.LineSequential, RecordLength = ControlTotalRecord.RecordLength, LeaveOpen = true });
        var record = new byte[ControlTotalRecord.RecordLength];
        foreach (var c in rows.OrderBy(c => c.Program, StringComparer.Ordinal).ThenBy(c => c.SeqNo))
        {
            ControlTotalRecord.Build(record, c.Program, runDate, c.SeqNo, c.Description, c.Count, c.AmountCents);
            // CLV100 05 of a packed -0 trailer hash: the MOVE keeps the sign, overpunch '}' on the last digit (Clv100Step)
            if (trailerHashNegativeZero && c.AmountCents == 0 && c.Program == "CLV100" && c.Description == Clv100Run.TrailerHashLine)
                record[ControlTotalRecord.Amount + 16] = (byte)'}';
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
