using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;

namespace Collections.Parity.Generation;

/// <summary>One record of an OPENITEM master as the payment generator needs it (copybook OPENITEM, RECFM=F 150).</summary>
/// <param name="DueDate">OI-DUE-DATE, or 0 when it is not a valid CCYYMMDD date</param>
public sealed record MasterItem(char RefType, string Reference, char ItemType, char Status, int StatementType, int DueDate, long Balance)
{
    /// <summary>Reference type + reference: the key CLV400 matches payments on.</summary>
    public string RefKey => RefType + Reference;

    /// <summary>Reads every whole record of an OPENITEM file; a record whose balance does not decode gets balance 0.</summary>
    public static List<MasterItem> ReadAll(string openItemPath)
    {
        var list = new List<MasterItem>();
        var data = File.ReadAllBytes(openItemPath);
        for (var off = 0; off + Length <= data.Length; off += Length) list.Add(Parse(data.AsSpan(off, Length)));
        return list;
    }

    /// <summary>One OPENITEM record (150 bytes).</summary>
    public static MasterItem Parse(ReadOnlySpan<byte> rec)
    {
        var balance = PackedDecimal.TryDecode(rec.Slice(122, 7), 13, signed: true, out var b) ? b : 0;
        var dueDate = LegacyDate.TryParse(Encoding.ASCII.GetString(rec.Slice(57, 8)), out var d) ? d : 0;
        var stmtType = rec[19] is >= (byte)'0' and <= (byte)'9' ? rec[19] - '0' : -1;
        return new MasterItem((char)rec[0], Encoding.ASCII.GetString(rec.Slice(1, 16)).TrimEnd(), (char)rec[17], (char)rec[18],
            stmtType, dueDate, balance);
    }

    public const int Length = 150;
}

/// <summary>A remittance the scenarios want written; <see cref="RepeatPrevious"/> = the same record (same payment id) again.</summary>
public sealed record PlannedPayment(char Method, char RefType, string Reference, long Amount, int DateReceived, string Scenario, bool RepeatPrevious = false);

/// <summary>
/// Crafted payments that reach every branch of CLV400's payment application (3700-3750, 8500) against the prior
/// cycle's master (generate-day <c>--payment-scenarios</c>): exact, partial and over payments on time for every
/// statement type (1 single pay, 2 daily statement, 6 PMS importer, 7 PMS filer); on the due date (not late) and one
/// day after it; late exact, partial and over (late-payment interest LI, refund of what exceeds balance + interest);
/// late across a quarter whose interest rate differs (ref INTRATE.DAT); a billed and a partly paid item; a split
/// remittance; a duplicate remittance (the same record twice: the second finds the item closed and is refunded);
/// a second payment after the item closed the same day; two over-payments, the second added to the refund item
/// the first created; an over-payment added to a refund item of an earlier day (when the master has one); and
/// payments CLV400 puts to suspense with S001 because the item was closed on an earlier day (dropped by this
/// cycle) or only a refund item is left. Each scenario is used at most once and only when the master has an item
/// for it; the names of those used are returned for generation.json and the fixture manifest.
/// </summary>
public sealed class PaymentScenarios
{
    private readonly int _runDate;
    private readonly Prng _rng;
    private readonly IReadOnlyList<MasterItem> _master;
    private readonly IReadOnlyList<int> _rateChanges;
    private readonly List<MasterItem> _pool;
    private readonly HashSet<string> _refundKeys;
    private readonly List<PlannedPayment> _plan = [];
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _suspense = new(StringComparer.Ordinal);
    private int _method;

    /// <param name="rateChanges">first days of interest periods whose underpayment rate differs from the period before</param>
    public PaymentScenarios(int runDate, Prng rng, IReadOnlyList<MasterItem> master, IReadOnlyList<int> rateChanges)
    {
        _runDate = runDate;
        _rng = rng ?? throw new ArgumentNullException(nameof(rng));
        _master = master ?? throw new ArgumentNullException(nameof(master));
        _rateChanges = rateChanges ?? throw new ArgumentNullException(nameof(rateChanges));
        _pool = master.Where(m => m.ItemType == 'A' && m.Status is 'O' or 'P' or 'B' && m.Balance > 0 && m.DueDate > 0).ToList();
        _refundKeys = new HashSet<string>(master.Where(m => m.ItemType == 'R').Select(m => m.RefKey), StringComparer.Ordinal);
    }

    /// <summary>Every scenario name (a day uses those its master has items for).</summary>
    public static readonly IReadOnlyList<string> AllNames =
    [
        "pay-late-across-interest-rate-change", "pay-late-one-day-interest", "pay-late-exact-interest-left-open", "pay-late-partial",
        "pay-late-over-refund-after-interest", "pay-on-the-due-date-not-late", "pay-billed-item-partial", "pay-part-paid-item-rest",
        "pay-over-adds-to-existing-refund", "pay-on-time-exact-type-1", "pay-on-time-exact-type-2", "pay-on-time-exact-type-6",
        "pay-on-time-exact-type-7", "pay-on-time-partial", "pay-on-time-over-refund", "pay-split-in-two-remittances",
        "pay-duplicate-remittance-refunded", "pay-after-item-closed-same-day", "pay-over-twice-second-added-to-the-refund-item",
        "pay-item-closed-on-an-earlier-day-S001", "pay-reference-with-only-a-refund-item-S001",
    ];

    /// <summary>
    /// Scenarios that need a master with a refund item beside an open receivable of the same reference: a reference
    /// reopened by later receivables (e.g. a PMS statement's period) after an overpayment closed it. Random chains
    /// rarely have one; the same branch (3750, refund item present) is reached on the day by
    /// pay-over-twice-second-added-to-the-refund-item.
    /// </summary>
    public static readonly IReadOnlyList<string> NeedReopenedReference = ["pay-over-adds-to-existing-refund"];

    /// <summary>Reference keys (type + reference) of the items the scenarios paid: the random payments leave them alone.</summary>
    public IReadOnlySet<string> Used => _used;

    /// <summary>Suspense reason codes the scenarios lead to, with counts.</summary>
    public IReadOnlyDictionary<string, int> ExpectedSuspense => _suspense;

    /// <summary>Names of the scenarios planned.</summary>
    public IEnumerable<string> Names => _plan.Select(p => p.Scenario).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// First days of the periods of INTRATE.DAT (REFINTR: effective date in columns 1-8, underpayment rate 19-23)
    /// whose underpayment rate differs from the period before. Unreadable lines are skipped (CLV400 reports them).
    /// </summary>
    public static List<int> RateChanges(string intrateFile)
    {
        var changes = new List<int>();
        string? previous = null;
        foreach (var line in File.ReadLines(intrateFile, Encoding.ASCII))
        {
            if (line.Length < 23 || !LegacyDate.TryParse(line[..8], out var eff)) continue;
            var rate = line.Substring(18, 5);
            if (previous is not null && !string.Equals(previous, rate, StringComparison.Ordinal)) changes.Add(eff);
            previous = rate;
        }
        return changes;
    }

    /// <summary>Plans the scenarios (in a fixed order, each with its own item) and returns the remittances to write.</summary>
    public IReadOnlyList<PlannedPayment> Plan()
    {
        // the scenarios that need a particular item first, the ones any open item serves last
        if (Take(i => RateChangeAfter(i.DueDate) is not null, largest: true) is { } across)
        {
            var q = RateChangeAfter(across.DueDate)!.Value;
            Pay(across, "pay-late-across-interest-rate-change", Balance(across), LegacyDate.AddDays(q, (int)_rng.Between(0L, DayCount(q, _runDate))));
        }
        // interest shows only from a cent on: one day at 5 % needs $73 of principal
        if (Take(i => LegacyDate.AddDays(i.DueDate, 1) <= _runDate && i.Balance >= MinPrincipalForOneDay, largest: true) is { } oneDay)
            Pay(oneDay, "pay-late-one-day-interest", Balance(oneDay), LegacyDate.AddDays(oneDay.DueDate, 1));
        if (Take(i => Late(i) && i.Balance >= MinPrincipalForOneDay, largest: true) is { } lateExact)
            Pay(lateExact, "pay-late-exact-interest-left-open", Balance(lateExact), LateDate(lateExact));
        if (Take(i => Late(i) && i.Balance >= 2 * MinPrincipalForOneDay, largest: true) is { } latePart)
            Pay(latePart, "pay-late-partial", Math.Clamp(Part(latePart), MinPrincipalForOneDay, latePart.Balance - 1), LateDate(latePart));
        if (Take(i => Late(i) && i.Balance >= MinPrincipalForOneDay && !_refundKeys.Contains(i.RefKey), largest: true) is { } lateOver)
            Pay(lateOver, "pay-late-over-refund-after-interest", LateOver(lateOver), LateDate(lateOver));
        if (Take(i => i.DueDate <= _runDate) is { } onDue) Pay(onDue, "pay-on-the-due-date-not-late", Balance(onDue), onDue.DueDate);
        if (Take(i => i.Status == 'B') is { } billed) Pay(billed, "pay-billed-item-partial", Part(billed), OnTime(billed));
        if (Take(i => i.Status == 'P') is { } partPaid) Pay(partPaid, "pay-part-paid-item-rest", Balance(partPaid), OnTime(partPaid));
        if (Take(i => _refundKeys.Contains(i.RefKey)) is { } addRefund) Pay(addRefund, "pay-over-adds-to-existing-refund", Over(addRefund), OnTime(addRefund));
        foreach (var type in new[] { 1, 2, 6, 7 })
            if ((Take(i => i.StatementType == type && i.DueDate >= _runDate) ?? Take(i => i.StatementType == type)) is { } it)
                Pay(it, $"pay-on-time-exact-type-{type}", Balance(it), OnTime(it));
        if (Take(_ => true) is { } partial) Pay(partial, "pay-on-time-partial", Part(partial), OnTime(partial));
        // a PMS statement preferably: later entries of its period reopen the reference beside the refund item,
        // which a later day's pay-over-adds-to-existing-refund needs
        if ((Take(i => !_refundKeys.Contains(i.RefKey) && i.StatementType == 7) ?? Take(i => !_refundKeys.Contains(i.RefKey) && i.StatementType == 6)
             ?? Take(i => !_refundKeys.Contains(i.RefKey))) is { } over)
            Pay(over, "pay-on-time-over-refund", Over(over), OnTime(over));
        if (Take(i => i.Balance >= 2) is { } split)
        {
            var first = split.Balance / 2;
            Pay(split, "pay-split-in-two-remittances", first, OnTime(split));
            Pay(split, "pay-split-in-two-remittances", split.Balance - first, OnTime(split));
        }
        if (Take(_ => true) is { } dup)
        {
            Pay(dup, "pay-duplicate-remittance-refunded", Balance(dup), OnTime(dup));
            _plan.Add(_plan[^1] with { RepeatPrevious = true });
        }
        if (Take(_ => true) is { } closed)
        {
            var date = OnTime(closed);
            Pay(closed, "pay-after-item-closed-same-day", Balance(closed), date);
            Pay(closed, "pay-after-item-closed-same-day", Part(closed), date);
        }
        if (Take(i => !_refundKeys.Contains(i.RefKey)) is { } twice)
        {
            // the first over-payment creates the refund item (3750), the second finds the item closed and adds its whole amount to it
            var date = OnTime(twice);
            Pay(twice, "pay-over-twice-second-added-to-the-refund-item", Over(twice), date);
            Pay(twice, "pay-over-twice-second-added-to-the-refund-item", _rng.Between(100L, 50_000L), date);
        }
        var closedEarlier = _master.Where(m => m.ItemType == 'A' && m.Status == 'C').ToList();
        if (closedEarlier.Count > 0)
        {
            var c = _rng.Pick(closedEarlier);
            Suspend(c, "pay-item-closed-on-an-earlier-day-S001");
        }
        var openKeys = new HashSet<string>(_master.Where(m => m.ItemType == 'A' && m.Status != 'C').Select(m => m.RefKey), StringComparer.Ordinal);
        var refundOnly = _master.Where(m => m.ItemType == 'R' && !openKeys.Contains(m.RefKey)).ToList();
        if (refundOnly.Count > 0) Suspend(_rng.Pick(refundOnly), "pay-reference-with-only-a-refund-item-S001");
        return _plan;
    }

    private void Suspend(MasterItem item, string scenario)
    {
        _used.Add(item.RefKey);
        _plan.Add(new PlannedPayment(NextMethod(), item.RefType, item.Reference, _rng.Between(100L, 500_000L), PastDate(), scenario));
        _suspense["S001"] = _suspense.GetValueOrDefault("S001") + 1;
    }

    /// <summary>A random item of the pool that satisfies <paramref name="predicate"/> (with <paramref name="largest"/>: the
    /// one with the largest balance, so that interest shows in cents), removed from the pool with its reference.</summary>
    private MasterItem? Take(Func<MasterItem, bool> predicate, bool largest = false)
    {
        var candidates = _pool.Where(predicate).ToList();
        if (candidates.Count == 0) return null;
        var item = largest ? candidates.MaxBy(c => c.Balance)! : _rng.Pick(candidates);
        // an item's reference is paid by one scenario only (a reference can carry an A and an R item)
        _pool.RemoveAll(i => i.RefKey == item.RefKey);
        _used.Add(item.RefKey);
        return item;
    }

    private void Pay(MasterItem item, string scenario, long amount, int date) =>
        _plan.Add(new PlannedPayment(NextMethod(), item.RefType, item.Reference, Math.Max(1, amount), date, scenario));

    private char NextMethod() => "DCK"[_method++ % 3];

    /// <summary>Cents of principal that earn a cent of interest in one day at 5 % (365 / 0.05 / 100 dollars).</summary>
    private const long MinPrincipalForOneDay = 7_300;

    private static long Balance(MasterItem i) => i.Balance;

    private long Part(MasterItem i) => Math.Max(1, i.Balance * _rng.Between(10, 90) / 100);

    private long Over(MasterItem i) => i.Balance + _rng.Between(1L, 50_000L);

    /// <summary>Balance, enough for any interest the legacy can add (a tenth of the balance, at least $10), and some more.</summary>
    private long LateOver(MasterItem i) => i.Balance + Math.Max(i.Balance / 10, 1_000) + _rng.Between(1L, 50_000L);

    private bool Late(MasterItem i) => LegacyDate.AddDays(i.DueDate, 2) <= _runDate;

    /// <summary>Received on or before the due date (and not after the run date): no interest.</summary>
    private int OnTime(MasterItem i) => LegacyDate.AddDays(Math.Min(i.DueDate, _runDate), -_rng.Between(0, 2));

    /// <summary>Received two or more days after the due date, not after the run date.</summary>
    private int LateDate(MasterItem i)
    {
        var span = DayCount(LegacyDate.AddDays(i.DueDate, 2), _runDate);
        return LegacyDate.AddDays(i.DueDate, 2 + (int)_rng.Between(0L, span));
    }

    private int PastDate() => LegacyDate.AddDays(_runDate, -_rng.Between(0, 3));

    /// <summary>The first rate change after <paramref name="due"/> that a payment received by the run date spans.</summary>
    private int? RateChangeAfter(int due)
    {
        foreach (var q in _rateChanges)
            if (q > due && q <= _runDate) return q;
        return null;
    }

    private static long DayCount(int from, int to) => LegacyDate.ToDate(to).DayNumber - LegacyDate.ToDate(from).DayNumber;

    /// <summary>Formats the planned payments for a log line (tests and diagnostics).</summary>
    public static string Describe(PlannedPayment p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return string.Create(CultureInfo.InvariantCulture, $"{p.Scenario}: {p.Method} {p.RefType}{p.Reference} {p.Amount} {p.DateReceived}{(p.RepeatPrevious ? " (repeat)" : "")}");
    }
}
