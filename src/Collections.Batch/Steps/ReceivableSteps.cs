using System.Globalization;
using Collections.Batch.Cycle;
using Collections.Batch.Export;
using Collections.Domain.OpenItems;
using Collections.Domain.Receivables;
using Collections.Domain.Reporting;
using Collections.Legacy.Clv300;
using Collections.Legacy.Clv400;
using Collections.Legacy.Clv500;
using Collections.Legacy.Records;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Steps;

/// <summary>
/// Statements (STEP030, CLV300): the day's entry totals (ENTCALC, from the database) assigned to their receivables
/// (single pay, daily statement, periodic monthly statement) by the legacy port <see cref="Clv300Step"/> over the
/// domain's <see cref="ReceivableAssigner"/> and <see cref="StatementAccumulator"/>; stores the receivables
/// (statements, STMTOUT), their entries (statement_entries, STMTDTL), CLV300's control totals and messages, in one
/// transaction with the step's checkpoint. One chunk.
/// </summary>
public sealed class StatementStep : ICycleStep
{
    public string Name => CycleSteps.Statements;

    /// <summary>The receivable rules (default: the legacy's).</summary>
    public ReceivablePolicies Policies { get; init; } = ReceivablePolicies.Legacy;

    public Task PlanAsync(StepWork work) => DefaultPlan.OneChunkAsync(work, Name);

    public async Task<ChunkOutcome> RunChunkAsync(StepWork work, BatchChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var stage = await LegacyStage.CreateAsync(work, ["ENTCALC"], ["HOLIDAY.DAT"]).ConfigureAwait(false);
        PhaseProfile.Mark("statements: stage ENTCALC");
        var files = new Clv300Files(stage.Out("SYSIN"), stage.Out("ENTCALC"), stage.Ref("HOLIDAY.DAT"), stage.Out("STMTOUT"), stage.Out("STMTDTL"), stage.Out("CTLTOTS"));
        var (rc, sysout, diagnostics) = LegacyStage.Run((o, d) => new Clv300Step { Policies = Policies, SortTempDirectory = stage.Root }.Run(files, o, d));
        PhaseProfile.Mark("statements: CLV300");
        if (rc >= 8) return LegacyStage.Outcome(Clv300Step.ProgramName, rc, 0, sysout);
        var runId = work.Run.Id;
        long rows = await LegacyStage.ImportAsync(work, LegacyStage.FixedRecords(stage.Out("STMTOUT"), StatementHeaderLayout.RecordLength), (n, raw) => ToStatement(runId, n, raw)).ConfigureAwait(false);
        rows += await LegacyStage.ImportAsync(work, LegacyStage.FixedRecords(stage.Out("STMTDTL"), StatementDetailLayout.RecordLength), (n, raw) => ToEntry(runId, n, raw)).ConfigureAwait(false);
        rows += await stage.SaveRunAsync(work, Clv300Step.Step, Clv300Step.ProgramName, sysout, diagnostics).ConfigureAwait(false);
        return LegacyStage.Outcome(Clv300Step.ProgramName, rc, rows, sysout);
    }

    public Task<int> CompleteAsync(StepWork work) => Task.FromResult(0);

    internal static StatementRow ToStatement(long runId, long seq, byte[] raw)
    {
        var row = new StatementRow { RunId = runId, SeqNo = seq, Raw = raw };
        if (raw.Length != StatementHeaderLayout.RecordLength) return row;
        var h = StatementHeaderRecord.Decode(raw);
        long C(ReceivableCategory c) => h.Categories.CentsOf(c);
        row.RefType = h.RefType.ToString();
        row.Reference = h.Reference;
        row.StatementType = h.StatementType;
        row.FilerCode = h.FilerCode;
        row.ImporterNo = h.ImporterNumber;
        row.Period = h.Period;
        row.StatementDate = h.StatementDate;
        row.DueDate = h.DueDate;
        row.RunDate = h.RunDate;
        row.EntryCount = h.EntryCount;
        row.DutyCents = C(ReceivableCategory.Duty);
        row.Section301Cents = C(ReceivableCategory.Section301);
        row.Section232Cents = C(ReceivableCategory.Section232);
        row.IeepaCents = C(ReceivableCategory.Ieepa);
        row.Section122Cents = C(ReceivableCategory.Section122);
        row.OtherChapter99Cents = C(ReceivableCategory.OtherChapter99);
        row.AntidumpingCents = C(ReceivableCategory.Antidumping);
        row.CountervailingCents = C(ReceivableCategory.Countervailing);
        row.MpfCents = C(ReceivableCategory.Mpf);
        row.InformalFeeCents = C(ReceivableCategory.InformalEntryFee);
        row.ManualSurchargeCents = C(ReceivableCategory.ManualSurcharge);
        row.HmfCents = C(ReceivableCategory.HarborMaintenanceFee);
        row.CottonCents = C(ReceivableCategory.CottonFee);
        row.TotalCents = h.TotalCents;
        return row;
    }

    private static StatementEntryRow ToEntry(long runId, long seq, byte[] raw)
    {
        var row = new StatementEntryRow { RunId = runId, SeqNo = seq, Raw = raw };
        if (raw.Length != StatementDetailLayout.RecordLength) return row;
        var d = StatementDetailRecord.Decode(raw);
        row.RefType = d.RefType.ToString();
        row.Reference = d.Reference;
        row.EntryNo = d.EntryNumber;
        row.StatementType = d.StatementType;
        row.EntryDate = d.EntryDate;
        row.ScheduledStatementDate = d.ScheduledStatementDate;
        row.StatementDate = d.StatementDate;
        row.DueDate = d.DueDate;
        row.DateAdjusted = d.DateAdjustedFlag.ToString();
        row.EntryTotalCents = d.EntryTotalCents;
        return row;
    }
}

/// <summary>
/// Payments and interest (STEP040, CLV400): stores the day's PAYMENTS as received (from the run's input folder, checked
/// against the run's input hash), then runs the legacy port <see cref="Clv400Step"/> (the domain's
/// <see cref="OpenItemUpdate"/>) over the previous posted day's open item master (none on the first day), today's
/// receivables and the payments; stores the new master (open_items of this run and business date), the ledger
/// postings (assessments, payments, late interest, bills, refunds, suspense: LEDGER), the suspense items, CLV400's
/// control totals and messages, in one transaction with the checkpoint. One chunk. A day before a day already
/// posted is refused (its master would not be the one the later day read).
/// </summary>
public sealed class PaymentInterestStep : ICycleStep
{
    public string Name => CycleSteps.PaymentsInterest;

    /// <summary>Policies of the update (default: the legacy's).</summary>
    public OpenItemPolicies Policies { get; init; } = OpenItemPolicies.Legacy;

    public Task PlanAsync(StepWork work) => DefaultPlan.OneChunkAsync(work, Name);

    public async Task<ChunkOutcome> RunChunkAsync(StepWork work, BatchChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(work);
        var db = work.Db;
        var ct = work.Ct;
        var run = work.Run;
        var later = await db.PostedDays.AsNoTracking().Where(p => p.BusinessDate > run.BusinessDate).OrderBy(p => p.BusinessDate).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (later is not null)
            return ChunkOutcome.Fail(8, $"business day {later.BusinessDate:yyyy-MM-dd} is already posted: {run.BusinessDate:yyyy-MM-dd} cannot post after it (its open item master would not be the one {later.BusinessDate:yyyy-MM-dd} read)");
        var prior = await db.PostedDays.AsNoTracking().Where(p => p.BusinessDate < run.BusinessDate).OrderByDescending(p => p.BusinessDate).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var input = InputSet.Open(run.InputDirectory);
        if (!Directory.Exists(input.Directory))
            return ChunkOutcome.Fail(8, $"input directory {input.Directory} of run {run.Id} is gone: restore it (PAYMENTS is read by this step) and run the day again");
        if (input.Hash() != run.InputHash)
            return ChunkOutcome.Fail(8, $"the inputs in {input.Directory} changed since run {run.Id} was submitted: restore them, or submit the new inputs as a new run");
        PhaseProfile.Mark("payments: checks and input hash");

        using var stage = await LegacyStage.CreateAsync(work, ["STMTOUT"], ["INTRATE.DAT"]).ConfigureAwait(false);
        var paymentsPath = input.PathOf("PAYMENTS");
        var present = File.Exists(paymentsPath);
        long rows = 0;
        if (present)
        {
            await using var staged = new FileStream(Path.Combine(stage.InDir, "PAYMENTS"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            rows += await LegacyStage.ImportAsync(work, LegacyStage.FixedRecords(paymentsPath, PaymentLayout.RecordLength).Select(r =>
            {
                staged.Write(r);
                return r;
            }), (n, raw) => ToPayment(run.Id, n, raw)).ConfigureAwait(false);
        }
        db.CycleInputs.Add(new CycleInput
        {
            RunId = run.Id, PaymentsPresent = present, PaymentsBytes = present ? new FileInfo(paymentsPath).Length : 0,
            PriorRunId = prior?.RunId, PriorBusinessDate = prior?.BusinessDate,
        });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        PhaseProfile.Mark("payments: stage STMTOUT, store PAYMENTS");
        if (prior is not null) await LegacyExport.WriteOpenItemsAsync(db, prior.RunId, Path.Combine(stage.PriorDir, "OPENITEM"), ct).ConfigureAwait(false);
        PhaseProfile.Mark("payments: stage the old master");

        var files = new Clv400Files(stage.Out("SYSIN"),
            prior is not null ? Path.Combine(stage.PriorDir, "OPENITEM") : Path.Combine(stage.OutDir, "sysout", "NO.PRIOR.MASTER"),
            stage.Out("STMTOUT"), Path.Combine(stage.InDir, "PAYMENTS"), stage.Ref("INTRATE.DAT"),
            stage.Out("OPENITEM"), stage.Out("LEDGER"), stage.Out("SUSPENSE"), stage.Out("CTLTOTS"));
        var (rc, sysout, diagnostics) = LegacyStage.Run((o, d) => Clv400Step.Run(files, o, Policies, d));
        PhaseProfile.Mark("payments: CLV400");
        if (rc >= 8) return LegacyStage.Outcome(Clv400Step.ProgramName, rc, 0, sysout);
        rows += await LegacyStage.ImportAsync(work, LegacyStage.FixedRecords(stage.Out("OPENITEM"), OpenItemLayout.RecordLength), (n, raw) => ToOpenItem(run.Id, run.BusinessDate, n, raw)).ConfigureAwait(false);
        rows += await LegacyStage.ImportAsync(work, LegacyStage.FixedRecords(stage.Out("LEDGER"), LedgerLayout.RecordLength), (n, raw) => ToPosting(run.Id, n, raw)).ConfigureAwait(false);
        rows += await LegacyStage.ImportAsync(work, LegacyStage.Lines(stage.Out("SUSPENSE")), (n, raw) => ToSuspense(run.Id, n, raw)).ConfigureAwait(false);
        rows += await stage.SaveRunAsync(work, Clv400Step.Step, Clv400Step.ProgramName, sysout, diagnostics).ConfigureAwait(false);
        return LegacyStage.Outcome(Clv400Step.ProgramName, rc, rows, sysout);
    }

    public Task<int> CompleteAsync(StepWork work) => Task.FromResult(0);

    private static byte[] Area(byte[] raw, int length)
    {
        if (raw.Length == length) return raw;
        var area = new byte[length];
        area.AsSpan().Fill((byte)' ');
        raw.AsSpan(0, Math.Min(raw.Length, length)).CopyTo(area);
        return area;
    }

    private static PaymentRow ToPayment(long runId, long recordNo, byte[] raw)
    {
        var p = PaymentRecord.Decode(Area(raw, PaymentLayout.RecordLength), raw.Length != PaymentLayout.RecordLength);
        return new PaymentRow
        {
            RunId = runId, RecordNo = recordNo, PaymentId = p.PaymentId, Method = p.Method.ToString(), RefType = p.RefType.ToString(), Reference = p.Reference,
            AmountCents = p.Amount.Unscaled, DateReceived = p.DateReceived.GetInt(), IsShort = p.IsShortRecord, Raw = raw,
        };
    }

    internal static OpenItemRow ToOpenItem(long runId, DateOnly businessDate, long seq, byte[] raw)
    {
        var o = OpenItemRecord.Decode(Area(raw, OpenItemLayout.RecordLength));
        return new OpenItemRow
        {
            RunId = runId, SeqNo = seq, BusinessDate = businessDate, RefType = o.RefType.ToString(), Reference = o.Reference, ItemType = o.ItemType.ToString(),
            Status = o.Status.ToString(), StatementType = o.StatementType.GetInt(), FilerCode = o.FilerCode, ImporterNo = o.ImporterNumber,
            Period = o.Period.GetInt(), OpenDate = o.OpenDate.GetInt(), StatementDate = o.StatementDate.GetInt(), DueDate = o.DueDate.GetInt(),
            BillDate = o.BillDate.GetInt(), LastPaymentDate = o.LastPaymentDate.GetInt(), LastActivityDate = o.LastActivityDate.GetInt(),
            EntryCount = o.EntryCount.GetInt(), AssessedCents = o.AmountAssessed.Unscaled, InterestCents = o.AmountInterest.Unscaled,
            PaidCents = o.AmountPaid.Unscaled, RefundCents = o.AmountRefund.Unscaled, BalanceCents = o.Balance.Unscaled, Raw = raw,
        };
    }

    private static LedgerPostingRow ToPosting(long runId, long seq, byte[] raw)
    {
        var p = LedgerRecord.Decode(Area(raw, LedgerLayout.RecordLength));
        return new LedgerPostingRow
        {
            RunId = runId, SeqNo = seq, PostDate = p.PostDate.GetInt(), Sequence = p.Sequence, RefType = p.RefType.ToString(), Reference = p.Reference,
            ItemType = p.ItemType.ToString(), TranCode = p.TranCode, RevenueClass = p.RevenueClass, DebitCredit = p.DebitCredit.ToString(),
            AmountCents = p.Amount.Unscaled, PayMethod = p.PayMethod.ToString(), SourceId = p.SourceId, EffectiveDate = p.EffectiveDate.GetInt(), Raw = raw,
        };
    }

    private static SuspenseItemRow ToSuspense(long runId, long seq, byte[] raw)
    {
        var s = SuspenseRecord.Decode(Area(raw, SuspenseLayout.RecordLength));
        return new SuspenseItemRow
        {
            RunId = runId, SeqNo = seq, RunDate = s.RunDate.GetInt(), PaymentId = s.PaymentId, Method = s.Method.ToString(), RefType = s.RefType.ToString(),
            Reference = s.Reference, AmountCents = s.Amount.Unscaled, DateReceived = s.DateReceived, ReasonCode = s.ReasonCode, Message = s.Message.TrimEnd(' '), Raw = raw,
        };
    }
}

/// <summary>
/// The ledger: each posting of the day's collections ledger (receivable side, as CLV400 posts it) with its contra leg,
/// as a double-entry journal (journal_lines): AS debit RECEIVABLE / credit REVENUE-class; PY credit RECEIVABLE / debit
/// CASH-method; LI and BI debit RECEIVABLE / credit INTEREST-INCOME; RF credit REFUNDS-PAYABLE / debit CASH-method; SU
/// credit SUSPENSE / debit CASH-method. The step fails when the day's debits and credits differ or a posting has no
/// D/C indicator. One chunk.
/// </summary>
public sealed class LedgerStep : ICycleStep
{
    private const int Page = 20_000;

    public string Name => CycleSteps.Ledger;

    public Task PlanAsync(StepWork work) => DefaultPlan.OneChunkAsync(work, Name);

    public async Task<ChunkOutcome> RunChunkAsync(StepWork work, BatchChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(work);
        var db = work.Db;
        var runId = work.Run.Id;
        long after = 0, rows = 0, debits = 0, credits = 0;
        var lines = new List<JournalLine>(Page * 2);
        var page = new List<(long SeqNo, string ItemType, string TranCode, string RevenueClass, string DebitCredit, long AmountCents, string PayMethod)>(Page);
        long last;
        await using (var max = await DbCursor.OpenAsync(db, "SELECT COALESCE(MAX(\"seq_no\"), 0) FROM \"ledger_postings\" WHERE \"run_id\" = @run", work.Ct, ("run", runId)).ConfigureAwait(false))
            last = await max.ReadAsync(work.Ct).ConfigureAwait(false) ? max.Int64(0) : 0;
        for (; after < last; after += Page)
        {
            // key ranges, each read whole before its journal lines are written
            page.Clear();
            await using (var q = await DbCursor.OpenAsync(db, "SELECT \"seq_no\", \"item_type\", \"tran_code\", \"revenue_class\", \"debit_credit\", \"amount_cents\", \"pay_method\" "
                                                             + "FROM \"ledger_postings\" WHERE \"run_id\" = @run AND \"seq_no\" > @after AND \"seq_no\" <= @upTo ORDER BY \"seq_no\"", work.Ct,
                             ("run", runId), ("after", after), ("upTo", after + Page)).ConfigureAwait(false))
                while (await q.ReadAsync(work.Ct).ConfigureAwait(false))
                    page.Add((q.Int64(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Int64(5), q.Text(6)));
            if (page.Count == 0) continue;
            lines.Clear();
            foreach (var p in page)
            {
                if (p.DebitCredit is not ("D" or "C"))
                    return ChunkOutcome.Fail(8, $"ledger posting {p.SeqNo} of run {runId} has D/C indicator '{p.DebitCredit}': the journal cannot balance");
                var (account, contra) = Accounts(p.ItemType, p.TranCode, p.RevenueClass, p.PayMethod);
                var debit = p.DebitCredit == "D";
                lines.Add(Leg(runId, p.SeqNo, 1, account, p.TranCode, debit, p.AmountCents));
                lines.Add(Leg(runId, p.SeqNo, 2, contra, p.TranCode, !debit, p.AmountCents));
            }
            foreach (var l in lines)
            {
                debits += l.DebitCents;
                credits += l.CreditCents;
            }
            await work.Bulk.WriteAsync(db, lines, work.Ct).ConfigureAwait(false);
            rows += lines.Count;
        }
        if (debits != credits)
            return ChunkOutcome.Fail(8, $"the journal of run {runId} does not balance: debits {debits} cents, credits {credits} cents");
        return new ChunkOutcome(rows);
    }

    public Task<int> CompleteAsync(StepWork work) => Task.FromResult(0);

    private static JournalLine Leg(long runId, long seq, int leg, string account, string tranCode, bool debit, long cents) => new()
    {
        RunId = runId, PostingSeqNo = seq, Leg = leg, Account = account, TranCode = tranCode, DebitCents = debit ? cents : 0, CreditCents = debit ? 0 : cents,
    };

    /// <summary>The account a posting is made to and its contra account.</summary>
    public static (string Account, string Contra) Accounts(string itemType, string tranCode, string revenueClass, string payMethod)
    {
        var own = tranCode == LedgerPosting.SuspenseCode ? "SUSPENSE" : itemType == "R" ? "REFUNDS-PAYABLE" : "RECEIVABLE";
        var contra = tranCode switch
        {
            LedgerPosting.Assessment => "REVENUE-" + revenueClass.TrimEnd(' '),
            LedgerPosting.LateInterest or LedgerPosting.BillInterest => "INTEREST-INCOME",
            _ => "CASH-" + (payMethod.Trim().Length == 0 ? "?" : payMethod),
        };
        return (own, contra);
    }
}

/// <summary>
/// Revenue and control totals (STEP050, CLV500): the daily revenue and control report printed by the legacy port
/// <see cref="Clv500Step"/> (the domain's <see cref="DailyRevenueReport"/> accumulators) from the day's data sets in the
/// database; stores the report's lines (report_lines, CLV500.RPT), the figures it printed (report_totals), CLV500's
/// messages, in one transaction with the checkpoint. One chunk.
/// </summary>
public sealed class RevenueReportStep : ICycleStep
{
    public string Name => CycleSteps.RevenueReport;

    public Task PlanAsync(StepWork work) => DefaultPlan.OneChunkAsync(work, Name);

    public async Task<ChunkOutcome> RunChunkAsync(StepWork work, BatchChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var stage = await LegacyStage.CreateAsync(work, ["ENTCALC", "STMTOUT", "LEDGER", "SUSPENSE", "OPENITEM", "REJECTS"], []).ConfigureAwait(false);
        PhaseProfile.Mark("revenue: stage the day's data sets");
        DailyRevenueReport? report = null;
        var (rc, sysout, diagnostics) = LegacyStage.Run((o, d) => Clv500Step.Run(Clv500Files.ForCycle(stage.OutDir), o, d, out report));
        PhaseProfile.Mark("revenue: CLV500");
        if (rc >= 8) return LegacyStage.Outcome(Clv500Step.ProgramName, rc, 0, sysout);
        var runId = work.Run.Id;
        long rows = await LegacyStage.ImportAsync(work, LegacyStage.Lines(stage.Out("CLV500.RPT")), (n, raw) => new ReportLine { RunId = runId, LineNo = checked((int)n), Raw = raw }).ConfigureAwait(false);
        var totals = Totals(runId, report!).ToList();
        await work.Bulk.WriteAsync(work.Db, totals, work.Ct).ConfigureAwait(false);
        rows += totals.Count;
        rows += await stage.SaveRunAsync(work, Clv500Step.Step, Clv500Step.ProgramName, sysout, diagnostics).ConfigureAwait(false);
        return LegacyStage.Outcome(Clv500Step.ProgramName, rc, rows, sysout);
    }

    public Task<int> CompleteAsync(StepWork work) => Task.FromResult(0);

    /// <summary>Section names of <see cref="ReportTotal"/>.</summary>
    public const string RevenueByClassSection = "revenue-by-class", PortsSection = "ports", ReceivablesSection = "receivables",
        CollectionsSection = "collections", OpenItemsSection = "open-items";

    /// <summary>The figures of the report's sections (line 0: the section's total).</summary>
    public static IEnumerable<ReportTotal> Totals(long runId, DailyRevenueReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var revenue = report.RevenueByClass;
        yield return new ReportTotal { RunId = runId, Section = RevenueByClassSection, LineNo = 0, Code = "TOTAL", Description = "TOTAL ASSESSED", Count = revenue.EntriesReported, AmountCents = revenue.TotalAssessedCents };
        int n = 0;
        foreach (var c in revenue.Classes)
            yield return new ReportTotal { RunId = runId, Section = RevenueByClassSection, LineNo = ++n, Code = c.Class.Code, Description = c.Class.Description, Count = c.Entries, AmountCents = c.AmountCents };
        ReportTotal Port(int line, PortAssessment p) => new()
        {
            RunId = runId, Section = PortsSection, LineNo = line, Code = p.Port, Description = line == 0 ? "ALL PORTS" : "PORT " + p.Port, Count = p.Entries, Count2 = p.Lines,
            ValueCents = p.EnteredValueCents, DutiesCents = p.DutiesCents, FeesCents = p.FeesCents, AmountCents = p.TotalCents,
        };
        yield return Port(0, report.Ports.AllPorts);
        n = 0;
        foreach (var p in report.Ports.Ports) yield return Port(++n, p);
        var r = report.Receivables;
        yield return new ReportTotal { RunId = runId, Section = ReceivablesSection, LineNo = 0, Code = "TOTAL", Description = r.Total.Description, Count = r.Total.Receivables, Count2 = r.Total.Entries, AmountCents = r.Total.AmountCents };
        n = 0;
        foreach (var t in r.PaymentTypes)
            yield return new ReportTotal { RunId = runId, Section = ReceivablesSection, LineNo = ++n, Code = n.ToString(CultureInfo.InvariantCulture), Description = t.Description, Count = t.Receivables, Count2 = t.Entries, AmountCents = t.AmountCents };
        var a = report.Collections;
        n = 0;
        foreach (var (code, t) in new[] { ("AS", a.Assessments) }.Concat(a.PaymentsByMethod.Select((m, i) => ("PY-" + "DCK"[i], m)))
                     .Concat([("PY", a.PaymentsApplied), ("LI", a.LateInterest), ("BI", a.BillInterest), ("RF", a.Refunds), ("SU", a.Suspense)]))
            yield return new ReportTotal { RunId = runId, Section = CollectionsSection, LineNo = ++n, Code = code, Description = t.Description, Count = t.Count, AmountCents = t.AmountCents };
        var o = report.OpenItems;
        yield return new ReportTotal { RunId = runId, Section = OpenItemsSection, LineNo = 0, Code = "TOTAL", Description = o.Total.Description, Count = o.Total.Count, AmountCents = o.Total.AmountCents };
        n = 0;
        foreach (var (s, i) in o.ByStatus.Select((s, i) => (s, i)))
            yield return new ReportTotal { RunId = runId, Section = OpenItemsSection, LineNo = ++n, Code = OpenItemsByStatus.StatusCodes[i].ToString(), Description = s.Description, Count = s.Count, AmountCents = s.AmountCents };
        yield return new ReportTotal { RunId = runId, Section = OpenItemsSection, LineNo = ++n, Code = "?", Description = o.Unknown.Description, Count = o.Unknown.Count, AmountCents = o.Unknown.AmountCents };
    }
}
