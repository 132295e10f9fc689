using System.Globalization;

namespace Collections.Parity.Invariants;

public enum InvariantOutcome
{
    /// <summary>Every part of the identity holds.</summary>
    Holds,
    /// <summary>A part does not hold (the detail says which, with both sides).</summary>
    Fails,
    /// <summary>The step that writes the data sets did not run or ended abnormally (no control totals).</summary>
    NotApplicable,
    /// <summary>A field the identity needs is not valid data (e.g. a damaged old master's packed balance).</summary>
    NotEvaluable,
}

public sealed record InvariantResult(string Id, InvariantOutcome Outcome, string Detail)
{
    public override string ToString() => $"{Id}: {Outcome}: {Detail}";
}

/// <summary>
/// Identities every completed cycle's data sets satisfy, checked on one cycle folder (the legacy's captured
/// outputs, or the modern side's). LEDGER carries one leg of each CLV400 posting; the identities close the day's
/// journal against the counter-accounts each posting moves, each evidenced by another data set:
/// <list type="bullet">
/// <item><see cref="LedgerDebitsEqualCredits"/> — debits (AS assessments, LI late-payment interest, BI bill interest:
/// the receivable grows) = credits (PY payments applied: the receivable shrinks; RF overpayments: the refund item's
/// credit balance grows; SU payments to suspense) once each side's counter-account is added:
/// Σ D(AS, LI, BI) − Σ C(PY) = Σ closing − Σ opening balances of the receivable items (A), and
/// Σ C(RF) = Σ opening − Σ closing balances of the refund items (R) (the master's net movement);
/// Σ C(PY, RF, SU) = cash received and posted (PAYMENTS records whose amount IS NUMERIC and &gt; 0);
/// Σ D(AS) by revenue class = STMTOUT's category totals, Σ D(LI) = CTLTOTS CLV400 10, Σ D(BI) = CTLTOTS CLV400 11.
/// "Opening" is what CLV400 carries from the old master: records in key sequence up to the first one out of
/// sequence, receivable items not closed and refund items (closed receivables are dropped, as are records of
/// another item type, whose balance CTLTOTS 01 still counts: reported as dropped).</item>
/// <item><see cref="MasterRollForward"/> — opening (carried) + assessed (CTLTOTS CLV400 03 = Σ STMTOUT totals) +
/// interest (10 + 11) − applied (07) − refunded (09) = closing (13 = Σ OPENITEM balances); 01 = carried + dropped.</item>
/// <item><see cref="PaymentsAccounted"/> — no payment lost: records read (06) = PAYMENTS records = applied (07) +
/// suspense (08) = applied + SUSPENSE lines; per payment id, the amounts of its applied records = its PY + RF
/// postings; SU postings = the SUSPENSE lines with an amount &gt; 0; 07, 08, 09, 10 (and the BI postings within 11)
/// = the LEDGER and SUSPENSE totals.</item>
/// <item><see cref="ReportTotals"/> — every total CLV500.RPT prints equals CTLTOTS and the data sets it summarises
/// (sections 1-2: ENTCALC; 3: STMTOUT and CLV300's totals; 4: LEDGER, SUSPENSE and CLV400's totals; 5: OPENITEM
/// and CLV400 13; 6: REJECTS; 7: every CTLTOTS record in order), where a total exceeds its print field the
/// printed digits are the low-order ones (the legacy's MOVE to an edited field).</item>
/// </list>
/// </summary>
public static class CycleInvariants
{
    public const string LedgerDebitsEqualCredits = "ledger-debits-equal-credits";
    public const string MasterRollForward = "master-roll-forward";
    public const string PaymentsAccounted = "payments-accounted";
    public const string ReportTotals = "report-totals";

    public static readonly IReadOnlyList<string> All = [LedgerDebitsEqualCredits, MasterRollForward, PaymentsAccounted, ReportTotals];

    /// <summary>CLV400's WS-REV-CLASS: the revenue class of each STMTOUT category, in order.</summary>
    public static readonly IReadOnlyList<string> RevenueClasses = ["DTY", "301", "232", "IEP", "122", "O99", "ADD", "CVD", "499", "311", "500", "501", "056"];

    public static IReadOnlyList<InvariantResult> Check(CycleFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return [.. All.Select(id => Evaluate(id, folder))];
    }

    public static InvariantResult Evaluate(string id, CycleFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        try
        {
            return id switch
            {
                LedgerDebitsEqualCredits => Ledger(folder),
                MasterRollForward => RollForward(folder),
                PaymentsAccounted => Payments(folder),
                ReportTotals => ReportCheck.Check(folder),
                _ => throw new ArgumentOutOfRangeException(nameof(id), id, "unknown invariant"),
            };
        }
        catch (UndecodableFieldException e)
        {
            return new InvariantResult(id, InvariantOutcome.NotEvaluable, e.Message);
        }
    }

    /// <summary>The CLV400 control totals by sequence number, or a not-applicable result when CLV400 wrote none.</summary>
    private static Dictionary<string, ControlTotal>? Clv400Totals(CycleFolder f, string id, out InvariantResult? notApplicable)
    {
        var ct = CycleFiles.ControlTotals(f.Out("CTLTOTS")).Where(c => c.Step == "CLV400").ToList();
        notApplicable = null;
        if (ct.Count == 0)
        {
            var sysout = Path.Combine(f.OutDir, "sysout", "STEP040.CLV400");
            notApplicable = new InvariantResult(id, InvariantOutcome.NotApplicable, File.Exists(sysout)
                ? "CLV400 ended without writing its control totals (abnormal end)" : "CLV400 did not run");
            return null;
        }
        return ct.GroupBy(c => c.Seq, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    /// <summary>What CLV400 (3100, 3510) takes from the old master: balances carried by item type, dropped, records read.</summary>
    internal sealed record OldMaster(long CarriedReceivables, long CarriedRefunds, long Dropped, long Read, string Notes)
    {
        public long Carried => CarriedReceivables + CarriedRefunds;
    }

    internal static OldMaster ReadOldMaster(string? priorOutDir)
    {
        if (priorOutDir is null) return new OldMaster(0, 0, 0, 0, "");
        var path = Path.Combine(priorOutDir, "OPENITEM");
        if (!File.Exists(path)) return new OldMaster(0, 0, 0, 0, "");
        long a = 0, r = 0, dropped = 0, read = 0;
        var notes = new List<string>();
        string prev = new('\0', 18);
        foreach (var m in CycleFiles.Master(path))
        {
            read++;
            if (string.CompareOrdinal(m.Key, prev) <= 0)
            {
                notes.Add($"record {read} out of sequence: the rest is not read");
                break;
            }
            prev = m.Key;
            if (!m.BalanceValid) throw new UndecodableFieldException($"{path}: record {read} ({m.Key.TrimEnd()}) OI-BALANCE is not valid packed data");
            if (m.ItemType == 'A' && m.Status == 'C') dropped += m.BalanceCents;
            else if (m.ItemType == 'A') a += m.BalanceCents;
            else if (m.ItemType == 'R') r += m.BalanceCents;
            else
            {
                dropped += m.BalanceCents;
                notes.Add($"record {read} item type '{m.ItemType}' dropped");
            }
        }
        return new OldMaster(a, r, dropped, read, string.Join("; ", notes));
    }

    private static InvariantResult Ledger(CycleFolder f)
    {
        const string id = LedgerDebitsEqualCredits;
        var ct = Clv400Totals(f, id, out var na);
        if (ct is null) return na!;
        var ledger = CycleFiles.Ledger(f.Out("LEDGER"));
        var parts = new Parts();
        long Sum(string dc, params string[] codes) => ledger.Where(l => l.DcInd.ToString() == dc && codes.Contains(l.TranCode)).Sum(l => l.AmountCents);
        parts.Check("every posting is AS/LI/BI debit or PY/RF/SU credit",
            ledger.Count(l => !(l.DcInd == 'D' && l.TranCode is "AS" or "LI" or "BI") && !(l.DcInd == 'C' && l.TranCode is "PY" or "RF" or "SU")), 0);
        parts.Check("sequence numbers 1..n", ledger.Select((l, i) => l.SeqNo == i + 1 ? 0 : 1).Sum(), 0);
        parts.Check("postings = CTLTOTS CLV400 14", ledger.Count, ct["14"].Count);

        var old = ReadOldMaster(f.PriorOutDir);
        var closing = ClosingMaster(f);
        var closingA = closing.Where(m => m.ItemType == 'A').Sum(m => m.BalanceCents);
        var closingR = closing.Where(m => m.ItemType == 'R').Sum(m => m.BalanceCents);
        var debits = Sum("D", "AS", "LI", "BI");
        var py = Sum("C", "PY");
        var rf = Sum("C", "RF");
        var su = Sum("C", "SU");
        parts.Check("receivables: D(AS+LI+BI) - C(PY) = closing A - opening A", debits - py, closingA - old.CarriedReceivables);
        parts.Check("refunds due: C(RF) = opening R - closing R", rf, old.CarriedRefunds - closingR);
        var cash = CycleFiles.Payments(f.InDir).Where(p => p.Whole && p.AmountCents > 0).Sum(p => p.AmountCents!.Value);
        parts.Check("cash: C(PY+RF+SU) = PAYMENTS amounts numeric and > 0", py + rf + su, cash);
        var receivables = CycleFiles.Receivables(f.Out("STMTOUT"));
        for (var k = 0; k < RevenueClasses.Count; k++)
        {
            var cls = RevenueClasses[k];
            parts.Check($"revenue {cls}: D(AS) = STMTOUT category {k + 1}",
                ledger.Where(l => l.TranCode == "AS" && l.RevClass == cls).Sum(l => l.AmountCents), receivables.Sum(s => s.CategoryCents[k]));
        }
        parts.Check("interest: D(LI) = CTLTOTS CLV400 10", Sum("D", "LI"), ct["10"].AmountCents);
        parts.Check("interest: D(BI) = CTLTOTS CLV400 11", Sum("D", "BI"), ct["11"].AmountCents);
        NoteOldMaster(parts, old);
        return parts.Result(id);
    }

    private static InvariantResult RollForward(CycleFolder f)
    {
        const string id = MasterRollForward;
        var ct = Clv400Totals(f, id, out var na);
        if (ct is null) return na!;
        var parts = new Parts();
        var old = ReadOldMaster(f.PriorOutDir);
        var closing = ClosingMaster(f);
        var receivables = CycleFiles.Receivables(f.Out("STMTOUT"));
        parts.Check("opening carried + 03 + 10 + 11 - 07 - 09 = 13",
            old.Carried + ct["03"].AmountCents + ct["10"].AmountCents + ct["11"].AmountCents - ct["07"].AmountCents - ct["09"].AmountCents,
            ct["13"].AmountCents);
        parts.Check("13 amount = OPENITEM balances", ct["13"].AmountCents, closing.Sum(m => m.BalanceCents));
        parts.Check("13 count = OPENITEM records", ct["13"].Count, closing.Count);
        parts.Check("01 amount = carried + dropped", ct["01"].AmountCents, old.Carried + old.Dropped);
        parts.Check("01 count = old master records read", ct["01"].Count, old.Read);
        parts.Check("03 amount = STMTOUT totals", ct["03"].AmountCents, receivables.Sum(s => s.TotalCents));
        parts.Check("03 count = STMTOUT records", ct["03"].Count, receivables.Count);
        NoteOldMaster(parts, old);
        return parts.Result(id);
    }

    private static InvariantResult Payments(CycleFolder f)
    {
        const string id = PaymentsAccounted;
        var ct = Clv400Totals(f, id, out var na);
        if (ct is null) return na!;
        var parts = new Parts();
        var payments = CycleFiles.Payments(f.InDir);
        var suspense = CycleFiles.Suspense(f.Out("SUSPENSE"));
        var ledger = CycleFiles.Ledger(f.Out("LEDGER"));
        parts.Check("06 count = PAYMENTS records", ct["06"].Count, payments.Count);
        parts.Check("07 count + 08 count = PAYMENTS records", ct["07"].Count + ct["08"].Count, payments.Count);
        parts.Check("08 count = SUSPENSE records", ct["08"].Count, suspense.Count);
        parts.Check("08 amount = SUSPENSE amounts", ct["08"].AmountCents, suspense.Sum(s => s.AmountCents));
        if (payments.All(p => p.Whole))
            parts.Check("06 amount = PAYMENTS numeric amounts", ct["06"].AmountCents, payments.Sum(p => p.AmountCents ?? 0));
        else parts.Note("06 amount not checked: a short last record's amount bytes are not in the file");
        long Posted(string code) => ledger.Where(l => l.TranCode == code).Sum(l => l.AmountCents);
        int Count(string code) => ledger.Count(l => l.TranCode == code);
        parts.Check("07 amount = PY postings", ct["07"].AmountCents, Posted("PY"));
        parts.Check("09 = RF postings (count)", ct["09"].Count, Count("RF"));
        parts.Check("09 = RF postings (amount)", ct["09"].AmountCents, Posted("RF"));
        parts.Check("10 = LI postings (count)", ct["10"].Count, Count("LI"));
        parts.Check("11 amount = BI postings", ct["11"].AmountCents, Posted("BI"));
        parts.Check("BI postings <= 11 count (a bill without interest posts nothing)", Math.Min(Count("BI"), ct["11"].Count), Count("BI"));
        // per payment id: what was not suspended was applied (PY) or refunded (RF), to the cent
        var ids = payments.Select(p => p.PaymentId).Concat(suspense.Select(s => s.PaymentId)).Distinct(StringComparer.Ordinal);
        var bad = new List<string>();
        foreach (var pid in ids)
        {
            var received = payments.Where(p => p.PaymentId == pid && p.Whole).Sum(p => p.AmountCents ?? 0);
            var held = suspense.Where(s => s.PaymentId == pid).Sum(s => s.AmountCents);
            var posted = ledger.Where(l => l.SourceId == pid && l.TranCode is "PY" or "RF").Sum(l => l.AmountCents);
            if (received - held != posted) bad.Add($"{pid}: received {Money(received)} - suspense {Money(held)} != PY+RF {Money(posted)}");
        }
        parts.Check("per payment id: received - suspense = PY + RF", bad.Count, 0, bad);
        var su = ledger.Where(l => l.TranCode == "SU").Select(l => (l.SourceId, l.AmountCents)).Order().ToList();
        var positive = suspense.Where(s => s.AmountCents > 0).Select(s => (s.PaymentId, s.AmountCents)).Order().ToList();
        parts.Check("SU postings = SUSPENSE records with an amount > 0", su.SequenceEqual(positive) ? 0 : 1, 0);
        return parts.Result(id);
    }

    private static List<MasterRecord> ClosingMaster(CycleFolder f)
    {
        var closing = CycleFiles.Master(f.Out("OPENITEM"));
        return closing.Any(m => !m.BalanceValid)
            ? throw new UndecodableFieldException("new OPENITEM holds a balance that is not valid packed data") : closing;
    }

    private static void NoteOldMaster(Parts parts, OldMaster old)
    {
        if (old.Dropped != 0 || old.Notes.Length > 0) parts.Note($"old master: {old.Notes}; dropped balance {Money(old.Dropped)}");
    }

    internal static string Money(long cents) => (cents / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Collects the parts of an identity: each checked part, failures with both sides, notes.</summary>
    internal sealed class Parts
    {
        private readonly List<string> _failures = [];
        private readonly List<string> _notes = [];
        private int _checked;

        public void Check(string what, long actual, long expected, IEnumerable<string>? examples = null)
        {
            _checked++;
            if (actual == expected) return;
            var ex = examples?.Take(5).ToList();
            _failures.Add($"{what}: {actual.ToString(CultureInfo.InvariantCulture)} != {expected.ToString(CultureInfo.InvariantCulture)}"
                          + (ex is { Count: > 0 } ? " (" + string.Join("; ", ex) + ")" : ""));
        }

        public void Note(string note) => _notes.Add(note);

        public InvariantResult Result(string id) => _failures.Count == 0
            ? new InvariantResult(id, InvariantOutcome.Holds, $"{_checked} parts hold" + (_notes.Count > 0 ? "; " + string.Join("; ", _notes) : ""))
            : new InvariantResult(id, InvariantOutcome.Fails, string.Join(" | ", _failures) + (_notes.Count > 0 ? " | " + string.Join("; ", _notes) : ""));
    }
}
