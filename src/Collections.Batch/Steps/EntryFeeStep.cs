using System.Globalization;
using Collections.Batch.Cycle;
using Collections.Domain.EntryFees;
using Collections.Legacy.Clv200;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using EntryFeeResultRow = Collections.Persistence.Entities.EntryTotal;

namespace Collections.Batch.Steps;

/// <summary>
/// Entry fees (STEP020, CLV200): the day's line results in LINECALC order (entry, line) through the domain's
/// <see cref="EntryFeeCalculator"/>, one entry at a time: totals by revenue class, MPF with the fiscal year's
/// minimum/maximum and its allocation to lines, informal fee, manual surcharge, HMF, cotton fee. One sequential
/// chunk (the calculator carries state from entry to entry, as the legacy does). Writes the entry totals, fees, MPF
/// allocations, CLV200's control totals and messages in one transaction.
/// </summary>
public sealed class EntryFeeStep : ICycleStep
{
    private const int Batch = 20_000;

    public string Name => CycleSteps.EntryFees;

    public EntryFeePolicies Policies { get; init; } = EntryFeePolicies.Legacy;

    public Task PlanAsync(StepWork work) => DefaultPlan.OneChunkAsync(work, Name);

    private static readonly EntryFeeLine NotAssessable = new() { IsAssessable = false };

    public async Task<ChunkOutcome> RunChunkAsync(StepWork work, BatchChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(work);
        var db = work.Db;
        var ct = work.Ct;
        var runId = work.Run.Id;
        var (tables, summary, failure) = await StepInputs.LoadAsync(work).ConfigureAwait(false);
        if (failure is not null) return failure;
        var messages = new List<string>
        {
            "CLV2000I CLV200 ENTRY FEES AND TOTALS STARTED",
            "CLV2001I RUN DATE " + summary.RunDate.ToString("D8", CultureInfo.InvariantCulture),
        };
        var calc = new EntryFeeCalculator(tables.EntryFees!, Policies);
        // the accepted headers, with the fields the calculator reads (one forward read, no EF materialisation)
        var headers = new Dictionary<long, EntryResult>();
        await using (var q = await DbCursor.OpenAsync(db, "SELECT \"record_no\", \"status\", \"entry_no\", \"entry_type\", \"port_code\", \"entry_date\", \"transport_mode\", \"manual_flag\" "
                                                         + "FROM \"entry_results\" WHERE \"run_id\" = @run ORDER BY \"record_no\"", ct, ("run", runId)).ConfigureAwait(false))
            while (await q.ReadAsync(ct).ConfigureAwait(false))
                if (q.Text(1) == "A")
                    headers[q.Int64(0)] = new EntryResult
                    {
                        RunId = runId, RecordNo = q.Int64(0), Status = "A", EntryNo = q.Text(2), EntryType = q.Text(3), PortCode = q.Text(4),
                        EntryDate = q.Int32(5), TransportMode = q.Text(6), ManualFlag = q.Text(7),
                    };

        PhaseProfile.Mark("entry-fees: tables and headers");
        var totals = new List<EntryFeeResultRow>();
        var fees = new List<EntryFeeRow>();
        var allocations = new List<MpfAllocationRow>();
        long read = 0, rows = 0, seq = 0;
        int rc = 0;
        string prevKey = "";
        EntryResult? current = null;
        bool stop = false;

        async Task Flush()
        {
            await work.Bulk.WriteAsync(db, totals, ct).ConfigureAwait(false);
            await work.Bulk.WriteAsync(db, fees, ct).ConfigureAwait(false);
            await work.Bulk.WriteAsync(db, allocations, ct).ConfigureAwait(false);
            rows += totals.Count + fees.Count + allocations.Count;
            totals.Clear();
            fees.Clear();
            allocations.Clear();
        }

        void Complete()
        {
            var r = calc.CompleteEntryInPlace();
            var entryNo = current!.EntryNo;
            switch (r.Status)
            {
                case EntryFeeStatus.NoAssessedLines:
                    messages.Add("CLV2401W ENTRY " + entryNo + " HAS NO ASSESSED LINES - NOT WRITTEN");
                    totals.Add(new EntryFeeResultRow { RunId = runId, Seq = ++seq, HeaderRecordNo = current.RecordNo, EntryNo = entryNo, Written = false, LinesRejected = r.LinesRejected });
                    return;
                case EntryFeeStatus.NoFeeSchedule:
                    messages.Add("CLV2411E NO FEE SCHEDULE " + r.MissingFeeClass + " FOR ENTRY DATE "
                                 + current.EntryDate.ToString("D8", CultureInfo.InvariantCulture) + " ENTRY " + entryNo);
                    stop = true;
                    rc = Math.Max(rc, 8);
                    return;
            }
            seq++;
            totals.Add(new EntryFeeResultRow
            {
                RunId = runId, Seq = seq, HeaderRecordNo = current.RecordNo, EntryNo = entryNo, Written = true, LinesAccepted = r.LinesAccepted, LinesRejected = r.LinesRejected,
                EnteredValueCents = r.EnteredValueCents, MpfLiableValueCents = r.MpfLiableValueCents, DutyCents = r.DutyCents,
                Section301Cents = r.Section301Cents, Section232Cents = r.Section232Cents, IeepaCents = r.IeepaCents, Section122Cents = r.Section122Cents,
                OtherChapter99Cents = r.OtherChapter99Cents, AntidumpingCents = r.AntidumpingCents, CountervailingCents = r.CountervailingCents,
                MpfRawE5 = r.MpfRawE5, MpfLimit = r.MpfLimitIndicator.ToString(), MpfCents = r.MpfCents, InformalFeeCents = r.InformalFeeCents,
                ManualSurchargeCents = r.ManualSurchargeCents, HmfCents = r.HmfCents, HmfWaived = r.HmfWaived, CottonCents = r.CottonCents,
                FeeTotalCents = r.FeeTotalCents, TotalAssessedCents = r.TotalAssessedCents,
            });
            int n = 0;
            foreach (var fee in r.FeesSpan)
                fees.Add(new EntryFeeRow { RunId = runId, EntrySeq = seq, FeeNo = ++n, FeeClass = fee.FeeClass, AmountCents = fee.AmountCents });
            n = 0;
            foreach (var a in r.AllocationsSpan)
                allocations.Add(new MpfAllocationRow
                {
                    RunId = runId, EntrySeq = seq, AllocationNo = ++n, EntryNo = entryNo, LineNo = a.LineNumber, UsdValueCents = a.UsdValueCents,
                    RawMpfE5 = a.RawMpfE5, AllocatedCents = a.AllocatedCents,
                });
        }

        // LINECALC order: the line results by input record (CLV100 writes them as it reads ENTRYIN), read by ranges of
        // records so no reader stays open while the results are written.
        bool Line(LineResult l)
        {
            read = (read + 1) % 10_000_000;
            var key = l.EntryNo + l.LineNo;
            if (string.CompareOrdinal(key, prevKey) <= 0)
            {
                messages.Add("CLV2101E LINECALC OUT OF SEQUENCE AT " + l.EntryNo + " " + l.LineNo);
                stop = true;
                rc = Math.Max(rc, 8);
                return false;
            }
            prevKey = key;
            if (current is null || current.RecordNo != l.HeaderRecordNo)
            {
                if (current is not null)
                {
                    Complete();
                    if (stop) return false;
                }
                current = headers[l.HeaderRecordNo];
                calc.StartEntry(new EntryFeeHeader(FixedCode.From(current.EntryNo), FixedCode.From(current.EntryType), FixedCode.From(current.PortCode),
                    current.EntryDate, int.Parse(current.TransportMode, NumberStyles.None, CultureInfo.InvariantCulture), current.ManualFlag == "Y"));
            }
            calc.AddLine(l.Status is "A" or "W" ? ToLine(l) : NotAssessable);
            return true;
        }
        var row = new LineResult();
        for (long after = 0; !stop && after < summary.RecordsRead; after += Batch)
        {
            await DayQueries.LineResultsAsync(db, runId, after, after + Batch, row, Line, ct).ConfigureAwait(false);
            PhaseProfile.Mark("entry-fees: read and compute");
            if (totals.Count + fees.Count + allocations.Count >= Batch) await Flush().ConfigureAwait(false);
            PhaseProfile.Mark("entry-fees: write");
        }
        if (!stop && current is not null) Complete();
        await Flush().ConfigureAwait(false);

        int seqNo = 0;
        foreach (var (description, count, amount) in Clv200Run.ControlTotalLines(read, calc.Totals))
            db.ControlTotals.Add(new ControlTotal { RunId = runId, Program = "CLV200", SeqNo = ++seqNo, Description = description, Count = Math.Abs(count) % 1_000_000_000, AmountCents = amount });
        var t = calc.Totals;
        messages.Add("CLV9001I LINECALC RECORDS READ " + Clv200Run.Edit(read));
        messages.Add("CLV9002I ENTRIES WRITTEN       " + Clv200Run.Edit(t.EntriesWritten));
        messages.Add("CLV9003I ENTRIES NOT WRITTEN   " + Clv200Run.Edit(t.EntriesSkipped));
        messages.Add("CLV9004I MPF ALLOCATIONS       " + Clv200Run.Edit(t.AllocationsWritten));
        messages.Add("CLV9009I CLV200 ENDED, RETURN CODE " + rc.ToString("D4", CultureInfo.InvariantCulture));
        StepMessages.Add(db, runId, "STEP020", messages);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        if (rc >= 8)
            return new ChunkOutcome(rows, rc, string.Join("; ", messages.Where(m => m.Contains("E ", StringComparison.Ordinal) && m.StartsWith("CLV2", StringComparison.Ordinal)))
                                             + " - correct the day's ENTRYIN (or the fee table) and submit it again");
        return new ChunkOutcome(rows, rc);
    }

    public Task<int> CompleteAsync(StepWork work) => Task.FromResult(0);

    private static EntryFeeLine ToLine(LineResult l) => new(
        LineNumber: int.TryParse(l.LineNo, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && l.LineNo.Length == 3 ? n : -1,
        IsAssessable: true,
        HtsNumber: FixedCode.From(l.HtsNo),
        SpiCode: FixedCode.From(l.SpiCode),
        UsdValueCents: l.UsdValueCents,
        DutyCents: l.DutyCents,
        Chapter99First: Ch99(l.Ch99Applied1, l.Ch99Class1, l.Ch99Cents1),
        Chapter99Second: Ch99(l.Ch99Applied2, l.Ch99Class2, l.Ch99Cents2),
        Chapter99Third: Ch99(l.Ch99Applied3, l.Ch99Class3, l.Ch99Cents3),
        AdCvdIsCountervailing: l.AdcvdType == "C",
        AdCvdCents: l.AdcvdCents,
        RawMpfE5: l.RawMpfE5,
        CottonFeeCents: l.CottonFeeCents);

    private static Chapter99Charge Ch99(string applied, string revenueClass, long cents) =>
        applied == "Y" ? new Chapter99Charge(true, Chapter99Charge.ClassOf(revenueClass.AsSpan()), cents) : default;
}
