using System.Globalization;
using Collections.Batch.Cycle;
using Collections.Domain.LineDuties;
using Collections.Legacy.Clv100;
using Collections.Legacy.Records;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Steps;

/// <summary>
/// Line duties (STEP010, CLV100), in chunks of whole entries: each header through the domain's header edits
/// (<see cref="EntryHeaderEdits"/>), each line of an accepted entry through the domain's <see cref="LineCalculator"/>,
/// the rejects and warnings CLV100 writes for them (H..., L002 lines of a rejected entry, L..., W001, W002 line count).
/// The completion writes CLV100's control totals and messages (sysout) from what the chunks stored.
/// </summary>
public sealed class LineDutyStep : ICycleStep
{
    private const long Count7 = 10_000_000;
    private static readonly byte[] Zeros3 = "000"u8.ToArray();

    public string Name => CycleSteps.LineDuties;

    /// <summary>The rounding at each site (default: the legacy's).</summary>
    public Clv100RoundingPolicies Policies { get; init; } = Clv100RoundingPolicies.Legacy;

    /// <summary>Chunks are planned by ingest (it knows where the entries start).</summary>
    public Task PlanAsync(StepWork work) => Task.CompletedTask;

    public async Task<ChunkOutcome> RunChunkAsync(StepWork work, BatchChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(chunk);
        var db = work.Db;
        var ct = work.Ct;
        var runId = work.Run.Id;
        var (tables, summary, failure) = await StepInputs.LoadAsync(work).ConfigureAwait(false);
        if (failure is not null) return failure;
        var calculator = new LineCalculator(tables.LineDuties!, Policies);

        // the chunk's input, read whole before anything is written (one connection, no open reader while writing)
        var headers = await DayQueries.HeadersAsync(db, runId, chunk.FirstRecordNo, chunk.LastRecordNo, ct).ConfigureAwait(false);
        var lines = await DayQueries.LinesAsync(db, runId, chunk.FirstRecordNo, chunk.LastRecordNo, ct).ConfigureAwait(false);
        PhaseProfile.Mark("line-duties: read chunk");
        var entryResults = new List<EntryResult>(headers.Count);
        var lineResults = new List<LineResult>(lines.Count);
        var rejects = new List<RejectedRecord>();
        var calc = new LineCalculation();
        int li = 0;
        foreach (var h in headers)
        {
            var fields = EntryRecords.Header(h.Raw);
            var outcome = EntryHeaderEdits.Evaluate(fields, summary.RunDate, h.PrecedingEntryNo, tables.LineDuties!, Policies);
            var headerEntryNo = h.Raw.AsSpan(EntryRecordLayout.EntryNo, 11);
            if (!outcome.Accepted)
            {
                entryResults.Add(new EntryResult { RunId = runId, RecordNo = h.RecordNo, EntryNo = fields.EntryNumber, Status = "R", ReasonCode = outcome.Reason });
                rejects.Add(Reject(runId, h.RecordNo, 1, headerEntryNo, Zeros3, outcome.Reason!, h.Raw,
                    $"entry {fields.EntryNumber} rejected {outcome.Reason} {Clv100Reasons.Get(outcome.Reason!).Text}"));
                for (; li < lines.Count && lines[li].HeaderRecordNo == h.RecordNo; li++)
                {
                    var raw = lines[li].Raw;
                    rejects.Add(Reject(runId, lines[li].RecordNo, 1, raw.AsSpan(EntryRecordLayout.LineEntryNo, 11), raw.AsSpan(EntryRecordLayout.LineNo, 3),
                        Clv100Reasons.HeaderRejected, raw, null));
                }
                continue;
            }
            var entry = outcome.Entry!;
            entryResults.Add(ToRow(runId, h.RecordNo, entry));
            int lastLineNo = 0, entryLines = 0;
            for (; li < lines.Count && lines[li].HeaderRecordNo == h.RecordNo; li++)
            {
                var raw = lines[li].Raw;
                entryLines++;
                var line = EntryRecords.Line(raw);
                calculator.Calculate(entry, line, ref lastLineNo, calc);
                lineResults.Add(ToRow(runId, lines[li].RecordNo, h.RecordNo, entry.EntryNumber, line, calc));
                if (calc.Reason is not null)
                    rejects.Add(Reject(runId, lines[li].RecordNo, 1, line.EntryNumber, line.LineNumber, calc.Reason, calc.Status == 'R' ? raw : null,
                        calc.Status == 'R' ? $"line {LegacyNumeric.Text(line.LineNumber)} rejected {calc.Reason} {Clv100Reasons.Get(calc.Reason).Text}" : null));
            }
            // 2500-END-OF-ENTRY, run when the next header, the trailer or the end of the file is read
            if (entryLines != entry.LineCount)
                rejects.Add(Reject(runId, h.EndRecordNo, 0, headerEntryNo, Zeros3, Clv100Reasons.LineCountDisagrees, null,
                    $"entry {entry.EntryNumber}: {entryLines} lines filed, header line count {entry.LineCount}"));
        }
        PhaseProfile.Mark("line-duties: compute");
        await work.Bulk.WriteAsync(db, entryResults, ct).ConfigureAwait(false);
        await work.Bulk.WriteAsync(db, lineResults, ct).ConfigureAwait(false);
        await work.Bulk.WriteAsync(db, rejects, ct).ConfigureAwait(false);
        PhaseProfile.Mark("line-duties: write");
        return new ChunkOutcome(entryResults.Count + lineResults.Count + rejects.Count);
    }

    /// <summary>CLV100's control totals and messages (9000-TERMINATE) from the day's stored results.</summary>
    public async Task<int> CompleteAsync(StepWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var db = work.Db;
        var ct = work.Ct;
        var runId = work.Run.Id;
        var s = await db.IngestSummaries.AsNoTracking().SingleAsync(x => x.RunId == runId, ct).ConfigureAwait(false);
        var entries = await db.EntryResults.Where(e => e.RunId == runId).GroupBy(e => e.Status)
            .Select(g => new { Status = g.Key, Count = g.LongCount() }).ToListAsync(ct).ConfigureAwait(false);
        var byStatus = await db.LineResults.Where(l => l.RunId == runId).GroupBy(l => l.Status)
            .Select(g => new
            {
                Status = g.Key, Count = g.LongCount(), Usd = g.Sum(l => l.UsdValueCents), Duty = g.Sum(l => l.DutyCents),
                Ch99 = g.Sum(l => l.Ch99Cents1 + l.Ch99Cents2 + l.Ch99Cents3), Adcvd = g.Sum(l => l.AdcvdCents),
                RawMpf = g.Sum(l => l.RawMpfE5), Cotton = g.Sum(l => l.CottonFeeCents),
            }).ToListAsync(ct).ConfigureAwait(false);
        var rejects = await db.RejectedRecords.Where(r => r.RunId == runId && r.Program == "CLV100").GroupBy(r => r.ReasonCode)
            .Select(g => new { Code = g.Key, Count = g.LongCount() }).ToListAsync(ct).ConfigureAwait(false);
        long Rejects(string code) => rejects.Where(r => r.Code == code).Sum(r => r.Count);
        var assessed = byStatus.Where(x => x.Status is "A" or "W").ToList();
        long linesRejected = byStatus.Where(x => x.Status == "R").Sum(x => x.Count) + Rejects(Clv100Reasons.NoHeader) + Rejects(Clv100Reasons.HeaderRejected);
        long warnings = byStatus.Where(x => x.Status == "W").Sum(x => x.Count) + Rejects(Clv100Reasons.LineCountDisagrees);
        long rejectsWritten = rejects.Sum(r => r.Count);
        var totals = new Clv100Totals(
            s.RecordsRead % Count7, s.HeadersRead, s.LinesRead, s.RecordsBeforeTrailer, s.ValueHashCents, s.TrailerRecordCount, s.TrailerHashCents,
            entries.Where(e => e.Status == "A").Sum(e => e.Count) % Count7, entries.Where(e => e.Status == "R").Sum(e => e.Count) % Count7,
            assessed.Sum(x => x.Count) % Count7, Wrap(assessed.Sum(x => x.Usd), 17), linesRejected % Count7, warnings % Count7,
            byStatus.Sum(x => x.Count) % Count7, Wrap(assessed.Sum(x => x.Duty), 17), Wrap(assessed.Sum(x => x.Ch99), 17),
            Wrap(assessed.Sum(x => x.Adcvd), 17), Wrap(assessed.Sum(x => x.RawMpf), 18), Wrap(assessed.Sum(x => x.Cotton), 17), rejectsWritten % Count7, s.TrailerHashNegativeZero);
        int seq = 0;
        foreach (var (description, count, amount) in Clv100Run.ControlTotalLines(totals, Policies))
            db.ControlTotals.Add(new ControlTotal { RunId = runId, Program = "CLV100", SeqNo = ++seq, Description = description, Count = count, AmountCents = amount });
        int rc = rejectsWritten > 0 ? 4 : 0;
        var messages = new List<string>
        {
            "CLV1000I CLV100 ENTRY SUMMARY EDIT AND LINE CALCULATION STARTED",
            "CLV1001I RUN DATE " + s.RunDate.ToString("D8", CultureInfo.InvariantCulture),
            Clv100Run.Count("CLV9001I RECORDS READ", totals.RecordsRead),
            Clv100Run.Count("CLV9002I ENTRIES ACCEPTED", totals.EntriesAccepted),
            Clv100Run.Count("CLV9003I ENTRIES REJECTED", totals.EntriesRejected),
            Clv100Run.Count("CLV9004I LINES ASSESSED", totals.LinesAssessed),
            Clv100Run.Count("CLV9005I LINES REJECTED", totals.LinesRejected),
            Clv100Run.Count("CLV9006I REJECT RECORDS", totals.RejectsWritten),
            "CLV9009I CLV100 ENDED, RETURN CODE " + rc.ToString("D4", CultureInfo.InvariantCulture),
        };
        StepMessages.Add(db, runId, "STEP010", messages);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return rc;
    }

    /// <summary>
    /// The legacy accumulates with high-order truncation at every ADD; the sum taken at once equals it while no
    /// running total can reach the picture's limit, which |sum of terms| bounds. Past that the day is refused.
    /// </summary>
    private static long Wrap(long sum, int digits)
    {
        if (Math.Abs(sum) >= Pow10(digits - 1))
            throw new NotSupportedException($"a CLV100 control total reached {sum}: beyond the range the database cycle reproduces exactly");
        return LegacyNumeric.Wrap(sum, digits);
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (int i = 0; i < n; i++) p *= 10;
        return p;
    }

    internal static EntryResult ToRow(long runId, long recordNo, AcceptedEntry e) => new()
    {
        RunId = runId, RecordNo = recordNo, EntryNo = e.EntryNumber, Status = "A", EntryType = e.EntryType, ImporterNo = e.ImporterNumber,
        PortCode = e.PortCode, EntryDate = e.EntryDate, ExportDate = e.ExportDate, TransportMode = e.TransportMode,
        PaymentType = e.PaymentType.ToString(), StatementDate = e.StatementDate, ManualFlag = e.ManualFlag.ToString(),
        CurrencyCode = e.CurrencyCode, LineCount = e.LineCount, ExchangeRateE6 = e.ExchangeRate.Millionths,
        RateSource = ((char)e.RateSource).ToString(), MpfRateE6 = e.MpfRate.Millionths, CottonRateE6 = e.CottonRate.Millionths,
    };

    private static LineResult ToRow(long runId, long recordNo, long headerRecordNo, string entryNo, in EntryLineFields line, LineCalculation c) => new()
    {
        RunId = runId, RecordNo = recordNo, HeaderRecordNo = headerRecordNo, EntryNo = entryNo, LineNo = LegacyNumeric.Text(line.LineNumber),
        HtsNo = LegacyNumeric.Text(line.HtsNumber), SpiCode = LegacyNumeric.Text(line.SpiCode),
        Status = c.Status.ToString(), ReasonCode = c.Reason, RateType = c.RateType.ToString(), AdValoremRateE6 = c.AdValoremRate.Millionths,
        SpecificRateE6 = c.SpecificRate.Millionths, SpiFree = c.SpiFree.ToString(), UsdValueCents = c.UsdValue.Cents, DutyCents = c.Duty.Cents,
        Ch99Class1 = c.Chapter99[0].RevenueClass, Ch99RateE6_1 = c.Chapter99[0].Rate.Millionths, Ch99Applied1 = c.Chapter99[0].Applied.ToString(), Ch99Cents1 = c.Chapter99[0].Amount.Cents,
        Ch99Class2 = c.Chapter99[1].RevenueClass, Ch99RateE6_2 = c.Chapter99[1].Rate.Millionths, Ch99Applied2 = c.Chapter99[1].Applied.ToString(), Ch99Cents2 = c.Chapter99[1].Amount.Cents,
        Ch99Class3 = c.Chapter99[2].RevenueClass, Ch99RateE6_3 = c.Chapter99[2].Rate.Millionths, Ch99Applied3 = c.Chapter99[2].Applied.ToString(), Ch99Cents3 = c.Chapter99[2].Amount.Cents,
        AdcvdType = c.AdcvdType.ToString(), AdcvdCents = c.AdcvdDeposit.Cents, RawMpfE5 = c.RawMpf, CottonFeeCents = c.CottonFee.Cents,
    };

    private static RejectedRecord Reject(long runId, long recordNo, int seq, ReadOnlySpan<byte> entryNo, ReadOnlySpan<byte> lineNo, string code, byte[]? raw, string? detail) => new()
    {
        RunId = runId, Program = "CLV100", RecordNo = recordNo, Seq = seq, FileName = "ENTRYIN", EntryNo = LegacyNumeric.Text(entryNo),
        LineNo = LegacyNumeric.Text(lineNo), Severity = Clv100Reasons.Get(code).Severity.ToString(), ReasonCode = code, Detail = detail, Raw = raw,
    };
}

/// <summary>A step's messages (the legacy sysout) as rows.</summary>
internal static class StepMessages
{
    public static void Add(Collections.Persistence.CollectionsDbContext db, long runId, string step, IEnumerable<string> lines)
    {
        int seq = 0;
        foreach (var text in lines) db.StepMessages.Add(new StepMessage { RunId = runId, StepName = step, Seq = ++seq, Text = text });
    }
}
