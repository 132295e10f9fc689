using System.Globalization;
using Collections.Batch.Steps;
using Collections.Domain.OpenItems;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Reconciliation;

/// <summary>
/// Reconciles posted business days from what the cycle stored: revenue by class, port and payment method, assessed
/// against collected, the open receivables (by status and age), bills, refunds, interest and suspense, and every
/// control total that must tie, day by day: the journal balances, the ledger ties to the control totals (CTLTOTS), the
/// tables and the report; payments applied + refunded + suspense = payments received; the master rolls forward from
/// the previous posted day's. Reads only (aggregates computed by the database); never recomputes a rule. The CLI's
/// <c>reconcile</c> and the web application call it.
/// </summary>
public sealed class ReconciliationService(DatabaseOptions options)
{
    private readonly DatabaseOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Descriptions of the ledger's transaction codes, in report order.</summary>
    public static IReadOnlyList<(string Code, string Description)> TranCodes { get; } =
    [
        (LedgerPosting.Assessment, "ASSESSMENTS"), (LedgerPosting.PaymentApplied, "PAYMENTS APPLIED"), (LedgerPosting.LateInterest, "LATE PAYMENT INTEREST"),
        (LedgerPosting.BillInterest, "INTEREST ON BILLS ISSUED"), (LedgerPosting.RefundCode, "OVERPAYMENTS TO REFUND"), (LedgerPosting.SuspenseCode, "PAYMENTS TO SUSPENSE"),
    ];

    /// <summary>Age buckets of the open receivables: days past the due date on the as-of day.</summary>
    public static IReadOnlyList<(string Key, string Description)> AgeBuckets { get; } =
    [
        ("not-due", "NOT YET DUE"), ("1-30", "1-30 DAYS PAST DUE"), ("31-60", "31-60 DAYS PAST DUE"), ("61-90", "61-90 DAYS PAST DUE"),
        ("over-90", "OVER 90 DAYS PAST DUE"), ("no-date", "NO VALID DUE DATE"),
    ];

    public async Task<ReconciliationReport> ReconcileAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from) throw new ArgumentException($"the period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})", nameof(to));
        await using var db = _options.CreateContext();
        var posted = await db.PostedDays.AsNoTracking().Where(p => p.BusinessDate >= from && p.BusinessDate <= to).OrderBy(p => p.BusinessDate)
            .ToListAsync(ct).ConfigureAwait(false);
        var checks = new List<ReconciliationCheck>();
        var days = new List<ReconciledDay>();
        var revenue = new Dictionary<string, (int Order, RevenueClassLine Line)>(StringComparer.Ordinal);
        var ports = new SortedDictionary<string, PortLine>(StringComparer.Ordinal);
        var methods = new SortedDictionary<string, PaymentMethodLine>(StringComparer.Ordinal);
        var activity = TranCodes.ToDictionary(t => t.Code, t => new ActivityLine(t.Code, t.Description, 0, 0), StringComparer.Ordinal);
        var suspense = new SortedDictionary<string, SuspenseLine>(StringComparer.Ordinal);
        if (posted.Count == 0)
            checks.Add(new ReconciliationCheck(from, "days-posted", $"posted business days from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (at least one)", 0, 0, 1, 0));

        // each run's open items, read once (status, due date: count, sum): a day's totals, the next day's prior master and the
        // last day's receivables by status and age come from the same groups
        var masters = new Dictionary<long, IReadOnlyList<OpenItemGroup>>();
        foreach (var day in posted)
        {
            var before = checks.Count;
            var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == day.RunId, ct).ConfigureAwait(false);
            var f = await DayFigures.LoadAsync(db, day.RunId, masters, ct).ConfigureAwait(false);
            DayChecks(day.BusinessDate, f, checks);
            days.Add(new ReconciledDay(day.BusinessDate, day.RunId, run.ReturnCode, checks.Skip(before).Count(c => !c.Passed)));

            foreach (var t in f.Report.Where(t => t.Section == RevenueReportStep.RevenueByClassSection && t.LineNo > 0))
                revenue[t.Code] = revenue.TryGetValue(t.Code, out var r)
                    ? (r.Order, r.Line with { Entries = r.Line.Entries + t.Count, AmountCents = r.Line.AmountCents + t.AmountCents })
                    : (t.LineNo, new RevenueClassLine(t.Code, t.Description, t.Count, t.AmountCents));
            foreach (var t in f.Report.Where(t => t.Section == RevenueReportStep.PortsSection && t.LineNo > 0))
                ports[t.Code] = ports.TryGetValue(t.Code, out var p)
                    ? p with
                    {
                        Entries = p.Entries + t.Count, Lines = p.Lines + t.Count2, EnteredValueCents = p.EnteredValueCents + t.ValueCents,
                        DutiesCents = p.DutiesCents + t.DutiesCents, FeesCents = p.FeesCents + t.FeesCents, TotalCents = p.TotalCents + t.AmountCents,
                    }
                    : new PortLine(t.Code, t.Count, t.Count2, t.ValueCents, t.DutiesCents, t.FeesCents, t.AmountCents);
            foreach (var m in f.Ledger.Where(l => l.TranCode is LedgerPosting.PaymentApplied or LedgerPosting.RefundCode or LedgerPosting.SuspenseCode).Select(l => l.PayMethod)
                         .Concat(f.PaymentsByMethod.Keys).Distinct(StringComparer.Ordinal))
            {
                long Of(string code) => f.Ledger.Where(l => l.TranCode == code && l.PayMethod == m).Sum(l => l.Cents);
                var line = new PaymentMethodLine(m, f.PaymentsByMethod.GetValueOrDefault(m), Of(LedgerPosting.PaymentApplied), Of(LedgerPosting.RefundCode), Of(LedgerPosting.SuspenseCode));
                methods[m] = methods.TryGetValue(m, out var old)
                    ? new PaymentMethodLine(m, old.Payments + line.Payments, old.AppliedCents + line.AppliedCents, old.RefundedCents + line.RefundedCents, old.SuspenseCents + line.SuspenseCents)
                    : line;
            }
            foreach (var (code, a) in activity.ToList())
                activity[code] = a with { Postings = a.Postings + f.LedgerCount(code), AmountCents = a.AmountCents + f.LedgerSum(code) };
            foreach (var s in f.Suspense)
                suspense[s.ReasonCode] = suspense.TryGetValue(s.ReasonCode, out var old) ? old with { Items = old.Items + s.Items, AmountCents = old.AmountCents + s.AmountCents } : s;
        }

        var open = posted.Count == 0
            ? new OpenReceivables(null, [], [], 0, 0)
            : OpenReceivables(masters[posted[^1].RunId], posted[^1].BusinessDate);
        long A(string code) => activity[code].AmountCents;
        return new ReconciliationReport(from, to, days,
            [.. revenue.Values.OrderBy(v => v.Order).Select(v => v.Line)],
            [.. ports.Values],
            [.. methods.Values],
            new AssessedCollected(A(LedgerPosting.Assessment), A(LedgerPosting.LateInterest) + A(LedgerPosting.BillInterest), A(LedgerPosting.PaymentApplied),
                A(LedgerPosting.RefundCode), A(LedgerPosting.SuspenseCode)),
            [.. TranCodes.Select(t => activity[t.Code])],
            open,
            [.. suspense.Values],
            checks);
    }

    private static void DayChecks(DateOnly date, DayFigures f, List<ReconciliationCheck> checks)
    {
        void Check(string name, string description, long expected, long actual, long? expectedCount = null, long? actualCount = null) =>
            checks.Add(new ReconciliationCheck(date, name, description, expected, actual, expectedCount, actualCount));
        (long Count, long Cents) Ctl(string program, string description) =>
            f.Control.FirstOrDefault(c => c.Program == program && c.Description == description) is { } c ? (c.Count, c.AmountCents) : (-1, 0);
        ReportTotal Rpt(string section, string code) =>
            f.Report.FirstOrDefault(t => t.Section == section && t.LineNo == 0 && t.Code == code)
            ?? f.Report.FirstOrDefault(t => t.Section == section && t.Code == code) ?? new ReportTotal { Count = -1 };

        var as_ = f.LedgerSum(LedgerPosting.Assessment);
        var py = f.LedgerSum(LedgerPosting.PaymentApplied);
        var li = f.LedgerSum(LedgerPosting.LateInterest);
        var bi = f.LedgerSum(LedgerPosting.BillInterest);
        var rf = f.LedgerSum(LedgerPosting.RefundCode);
        var su = f.LedgerSum(LedgerPosting.SuspenseCode);

        Check("ledger-balanced", "journal debits = journal credits", f.JournalDebits, f.JournalCredits);
        Check("journal-covers-ledger", "ledger postings (count, amount) = the journal's posting legs", f.Ledger.Sum(l => l.Cents), f.JournalPostingLegCents,
            f.Ledger.Sum(l => l.Count), f.JournalPostingLegs);
        var ledgerCtl = Ctl("CLV400", "LEDGER POSTINGS WRITTEN");
        Check("ledger-postings-ctltots", "CTLTOTS CLV400 LEDGER POSTINGS WRITTEN = ledger postings (count)", 0, 0, ledgerCtl.Count, f.Ledger.Sum(l => l.Count));

        var entries = Ctl("CLV200", "ENTRIES WRITTEN - ASSESSED");
        Check("entries-assessed-ctltots", "CTLTOTS CLV200 ENTRIES WRITTEN - ASSESSED = entry totals written", entries.Cents, f.EntriesAssessedCents, entries.Count, f.EntriesWritten);
        var stmts = Ctl("CLV300", "STMTOUT RECEIVABLES WRITTEN");
        Check("statements-ctltots", "CTLTOTS CLV300 STMTOUT RECEIVABLES WRITTEN = statements", stmts.Cents, f.StatementCents, stmts.Count, f.Statements);
        Check("statements-cover-entries", "entry totals assessed = statements' totals", f.EntriesAssessedCents, f.StatementCents);
        var rcv = Ctl("CLV400", "RECEIVABLES READ");
        Check("receivables-read-ctltots", "statements = CTLTOTS CLV400 RECEIVABLES READ", f.StatementCents, rcv.Cents, f.Statements, rcv.Count);
        Check("ledger-assessments", "statements' totals = ledger AS postings", f.StatementCents, as_);

        var read = Ctl("CLV400", "PAYMENTS READ");
        Check("payments-received", "CTLTOTS CLV400 PAYMENTS READ = ledger PY + RF + SU (applied + refunded + suspense); count = payments received",
            read.Cents, py + rf + su, read.Count, f.Payments);
        var susp = Ctl("CLV400", "PAYMENTS TO SUSPENSE");
        Check("suspense-ctltots", "CTLTOTS CLV400 PAYMENTS TO SUSPENSE = suspense items", susp.Cents, f.Suspense.Sum(s => s.AmountCents), susp.Count, f.Suspense.Sum(s => s.Items));
        Check("suspense-ledger", "suspense items = ledger SU postings", f.Suspense.Sum(s => s.AmountCents), su, f.Suspense.Sum(s => s.Items), f.LedgerCount(LedgerPosting.SuspenseCode));

        var old = Ctl("CLV400", "OLD MASTER READ - BALANCE");
        Check("old-master", "CTLTOTS CLV400 OLD MASTER READ - BALANCE = the previous posted day's master", old.Cents, f.PriorBalanceCents, old.Count, f.PriorItems);
        var @new = Ctl("CLV400", "NEW MASTER WRITTEN - BALANCE");
        Check("new-master-ctltots", "CTLTOTS CLV400 NEW MASTER WRITTEN - BALANCE = open items", @new.Cents, f.BalanceCents, @new.Count, f.Items);
        Check("master-roll-forward", "previous master + AS + LI + BI - PY - RF = new master", f.PriorBalanceCents + as_ + li + bi - py - rf, f.BalanceCents);

        var rev = Rpt(RevenueReportStep.RevenueByClassSection, "TOTAL");
        Check("report-revenue", "entry totals assessed = report revenue by class (total)", f.EntriesAssessedCents, rev.AmountCents, f.EntriesWritten, rev.Count);
        var rr = Rpt(RevenueReportStep.ReceivablesSection, "TOTAL");
        Check("report-receivables", "statements = report receivables by payment type (total)", f.StatementCents, rr.AmountCents, f.Statements, rr.Count);
        foreach (var (code, _) in TranCodes)
        {
            var line = Rpt(RevenueReportStep.CollectionsSection, code);
            Check("report-collections-" + code.ToLowerInvariant(), $"ledger {code} postings = report collections activity", f.LedgerSum(code), line.AmountCents, f.LedgerCount(code), line.Count);
        }
        var ro = Rpt(RevenueReportStep.OpenItemsSection, "TOTAL");
        Check("report-open-items", "open items = report open item master (total)", f.BalanceCents, ro.AmountCents, f.Items, ro.Count);
    }

    private static OpenReceivables OpenReceivables(IReadOnlyList<OpenItemGroup> groups, DateOnly asOf)
    {
        var byStatus = new List<OpenItemLine>();
        foreach (var (code, description) in new[] { ("O", "OPEN"), ("P", "PARTIALLY PAID"), ("B", "BILLED"), ("C", "CLOSED"), ("R", "REFUND DUE TO PAYER") })
        {
            var g = groups.Where(x => x.Status == code).ToList();
            byStatus.Add(new OpenItemLine(code, description, g.Sum(x => x.Items), g.Sum(x => x.Cents)));
        }
        var other = groups.Where(x => x.Status is not ("O" or "P" or "B" or "C" or "R")).ToList();
        if (other.Count > 0) byStatus.Add(new OpenItemLine("?", "UNKNOWN STATUS", other.Sum(x => x.Items), other.Sum(x => x.Cents)));
        var byAge = AgeBuckets.ToDictionary(b => b.Key, b => new OpenItemLine(b.Key, b.Description, 0, 0), StringComparer.Ordinal);
        foreach (var g in groups.Where(x => x.Status is "O" or "P" or "B"))
        {
            var key = AgeOf(g.DueDate, asOf);
            var line = byAge[key];
            byAge[key] = line with { Items = line.Items + g.Items, BalanceCents = line.BalanceCents + g.Cents };
        }
        return new OpenReceivables(asOf, byStatus, [.. AgeBuckets.Select(b => byAge[b.Key])], groups.Sum(x => x.Items), groups.Sum(x => x.Cents));
    }

    /// <summary>The age bucket of a due date (CCYYMMDD) on <paramref name="asOf"/>.</summary>
    public static string AgeOf(int dueDate, DateOnly asOf)
    {
        if (!DateOnly.TryParseExact(dueDate.ToString("D8", CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)) return "no-date";
        var days = asOf.DayNumber - due.DayNumber;
        return days switch
        {
            <= 0 => "not-due",
            <= 30 => "1-30",
            <= 60 => "31-60",
            <= 90 => "61-90",
            _ => "over-90",
        };
    }

    /// <summary>The aggregates of one posted run.</summary>
    private sealed class DayFigures
    {
        public required List<LedgerGroup> Ledger { get; init; }
        public required List<ControlTotal> Control { get; init; }
        public required List<ReportTotal> Report { get; init; }
        public required List<SuspenseLine> Suspense { get; init; }
        public required Dictionary<string, long> PaymentsByMethod { get; init; }
        public long Payments { get; init; }
        public long JournalDebits { get; init; }
        public long JournalCredits { get; init; }
        public long JournalPostingLegs { get; init; }
        public long JournalPostingLegCents { get; init; }
        public long EntriesWritten { get; init; }
        public long EntriesAssessedCents { get; init; }
        public long Statements { get; init; }
        public long StatementCents { get; init; }
        public long Items { get; init; }
        public long BalanceCents { get; init; }
        public long PriorItems { get; init; }
        public long PriorBalanceCents { get; init; }

        public long LedgerSum(string code) => Ledger.Where(l => l.TranCode == code).Sum(l => l.Cents);

        public long LedgerCount(string code) => Ledger.Where(l => l.TranCode == code).Sum(l => l.Count);

        public static async Task<DayFigures> LoadAsync(CollectionsDbContext db, long runId, Dictionary<long, IReadOnlyList<OpenItemGroup>> masters, CancellationToken ct)
        {
            // read by the covering index ledger_postings(run_id, tran_code, pay_method, amount_cents)
            var ledger = await db.LedgerPostings.AsNoTracking().Where(p => p.RunId == runId)
                .GroupBy(p => new { p.TranCode, p.PayMethod })
                .Select(g => new LedgerGroup(g.Key.TranCode, g.Key.PayMethod, g.LongCount(), g.Sum(p => p.AmountCents)))
                .ToListAsync(ct).ConfigureAwait(false);
            // the journal in one pass: debits, credits, and the posting legs (leg 1 of each posting: count, amount)
            var journal = await db.JournalLines.AsNoTracking().Where(j => j.RunId == runId)
                .GroupBy(j => j.RunId)
                .Select(g => new
                {
                    Debits = g.Sum(j => j.DebitCents), Credits = g.Sum(j => j.CreditCents),
                    Legs = g.Sum(j => j.Leg == 1 ? 1L : 0L), LegCents = g.Sum(j => j.Leg == 1 ? j.DebitCents + j.CreditCents : 0L),
                })
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            var input = await db.CycleInputs.AsNoTracking().FirstOrDefaultAsync(c => c.RunId == runId, ct).ConfigureAwait(false);
            var prior = input?.PriorRunId;
            var items = await MasterAsync(db, runId, masters, ct).ConfigureAwait(false);
            var priorItems = prior is { } priorRun ? await MasterAsync(db, priorRun, masters, ct).ConfigureAwait(false) : [];
            var entries = await db.EntryTotals.AsNoTracking().Where(t => t.RunId == runId && t.Written).GroupBy(t => t.RunId)
                .Select(g => new { Count = g.LongCount(), Cents = g.Sum(t => t.TotalAssessedCents) }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            var statements = await db.Statements.AsNoTracking().Where(s => s.RunId == runId).GroupBy(s => s.RunId)
                .Select(g => new { Count = g.LongCount(), Cents = g.Sum(s => s.TotalCents) }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            var suspense = await db.SuspenseItems.AsNoTracking().Where(s => s.RunId == runId).GroupBy(s => s.ReasonCode)
                .Select(g => new { Reason = g.Key, Items = g.LongCount(), Cents = g.Sum(s => s.AmountCents) })
                .ToListAsync(ct).ConfigureAwait(false);
            var messages = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var s in suspense)
                messages[s.Reason] = await db.SuspenseItems.AsNoTracking().Where(x => x.RunId == runId && x.ReasonCode == s.Reason).OrderBy(x => x.SeqNo)
                    .Select(x => x.Message).FirstAsync(ct).ConfigureAwait(false);
            var payments = await db.Payments.AsNoTracking().Where(p => p.RunId == runId).GroupBy(p => p.Method)
                .Select(g => new { Method = g.Key, Count = g.LongCount() }).ToListAsync(ct).ConfigureAwait(false);
            return new DayFigures
            {
                Ledger = ledger,
                Control = await db.ControlTotals.AsNoTracking().Where(c => c.RunId == runId).ToListAsync(ct).ConfigureAwait(false),
                Report = await db.ReportTotals.AsNoTracking().Where(t => t.RunId == runId).ToListAsync(ct).ConfigureAwait(false),
                Suspense = [.. suspense.Select(s => new SuspenseLine(s.Reason, messages[s.Reason], s.Items, s.Cents))],
                PaymentsByMethod = payments.ToDictionary(p => p.Method, p => p.Count, StringComparer.Ordinal),
                Payments = payments.Sum(p => p.Count),
                JournalDebits = journal?.Debits ?? 0,
                JournalCredits = journal?.Credits ?? 0,
                JournalPostingLegs = journal?.Legs ?? 0,
                JournalPostingLegCents = journal?.LegCents ?? 0,
                EntriesWritten = entries?.Count ?? 0,
                EntriesAssessedCents = entries?.Cents ?? 0,
                Statements = statements?.Count ?? 0,
                StatementCents = statements?.Cents ?? 0,
                Items = items.Sum(g => g.Items),
                BalanceCents = items.Sum(g => g.Cents),
                PriorItems = priorItems.Sum(g => g.Items),
                PriorBalanceCents = priorItems.Sum(g => g.Cents),
            };
        }

        /// <summary>
        /// A run's open item master by status and due date (count, balance), read once per reconciliation (by the
        /// covering index open_items(run_id, status, due_date, balance_cents)).
        /// </summary>
        private static async Task<IReadOnlyList<OpenItemGroup>> MasterAsync(CollectionsDbContext db, long runId, Dictionary<long, IReadOnlyList<OpenItemGroup>> masters, CancellationToken ct)
        {
            if (masters.TryGetValue(runId, out var known)) return known;
            var groups = await db.OpenItems.AsNoTracking().Where(o => o.RunId == runId)
                .GroupBy(o => new { o.Status, o.DueDate })
                .Select(g => new OpenItemGroup(g.Key.Status, g.Key.DueDate, g.LongCount(), g.Sum(o => o.BalanceCents)))
                .ToListAsync(ct).ConfigureAwait(false);
            masters[runId] = groups;
            return groups;
        }
    }

    private sealed record OpenItemGroup(string Status, int DueDate, long Items, long Cents);

    private sealed record LedgerGroup(string TranCode, string PayMethod, long Count, long Cents);
}
