using System.Globalization;
using System.Text;
using Collections.Parity.Capture;
using Collections.Testing;
using Xunit.Abstractions;

namespace Collections.Parity.Tests.Fixtures;

/// <summary>
/// What the committed fixture chains must cover (issue 9, item 5), read from the fixtures themselves (run dates,
/// priors, the reference tables each day ran with, the captured LEDGER, OPENITEM and SUSPENSE, the manifests'
/// <c>covers</c>), so that a re-capture or a removed fixture that loses a case fails here: chains of at least five
/// consecutive business days (each day's old master the previous day's OPENITEM) crossing a month end, a quarter end
/// with an interest rate change, a federal holiday, a leap day and a fiscal year end; payments on time, late,
/// partial, over, duplicate, for unknown references and for already-closed items; bills and refunds; the legacy's
/// garbage cases for PAYMENTS and the prior master.
/// </summary>
public sealed class FixtureCoverageTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<FixtureSet> All = FixtureSet.LoadAll(RepoPaths.LegacyFixtures);
    private static readonly string LegacyRef = Path.Combine(RepoPaths.LegacyHome, "ref");

    private static DateOnly Date(string ccyymmdd) => DateOnly.ParseExact(ccyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Every maximal chain (first day without a prior master, each next day naming the previous one as prior).</summary>
    private static List<List<FixtureSet>> Chains()
    {
        var next = All.Where(f => f.Manifest.Prior is not null).ToLookup(f => f.Manifest.Prior!, StringComparer.Ordinal);
        var chains = new List<List<FixtureSet>>();
        void Walk(List<FixtureSet> path)
        {
            var successors = next[path[^1].Name].ToList();
            if (successors.Count == 0) { chains.Add(path); return; }
            foreach (var s in successors) Walk([.. path, s]);
        }
        foreach (var first in All.Where(f => f.Manifest.Prior is null && f.PriorOutputDir is null)) Walk([first]);
        return chains;
    }

    /// <summary>The chains of five days or more whose every day ran CLV400 and CLV500 (RC below 8).</summary>
    private static List<List<FixtureSet>> FiveDayChains() =>
        Chains().Select(c => c.TakeWhile(d => d.Manifest.ReturnCode < 8).ToList()).Where(c => c.Count >= 5).ToList();

    private static IEnumerable<(FixtureSet From, FixtureSet To)> Pairs(List<FixtureSet> chain) => chain.Zip(chain.Skip(1));

    private static string Describe(List<FixtureSet> chain) => string.Join(" -> ", chain.Select(d => d.Manifest.RunDate));

    /// <summary>INTRATE.DAT of the tables a day ran with: (from, to, underpayment rate in 0.001 %).</summary>
    private static List<(DateOnly From, DateOnly To, int Rate)> Rates(FixtureSet day) =>
        [.. File.ReadAllLines(Path.Combine(day.RefDir(LegacyRef), "INTRATE.DAT"), Encoding.Latin1).Where(l => l.Length >= 23)
            .Select(l => (Date(l[..8]), Date(l.Substring(9, 8)), int.Parse(l.Substring(18, 5), NumberStyles.None, CultureInfo.InvariantCulture)))];

    private static List<DateOnly> Holidays(FixtureSet day) =>
        [.. File.ReadAllLines(Path.Combine(day.RefDir(LegacyRef), "HOLIDAY.DAT"), Encoding.Latin1).Where(l => l.Length >= 8).Select(l => Date(l[..8]))];

    private static int? RateOn(List<(DateOnly From, DateOnly To, int Rate)> rates, DateOnly d) =>
        rates.Where(r => r.From <= d && d <= r.To).Select(r => (int?)r.Rate).FirstOrDefault();

    private static IEnumerable<byte[]> Records(string path, int length)
    {
        if (!File.Exists(path)) yield break;
        var data = File.ReadAllBytes(path);
        for (var off = 0; off + length <= data.Length; off += length) yield return data[off..(off + length)];
    }

    /// <summary>LG-TRAN-CODE of every LEDGER posting of the chains' days.</summary>
    private static HashSet<string> LedgerCodes(IEnumerable<FixtureSet> days) =>
        [.. days.SelectMany(d => Records(Path.Combine(d.OutputDir, "LEDGER"), 80)).Select(r => Encoding.Latin1.GetString(r, 33, 2))];

    [Fact]
    public void Chains_AtLeastThreeOfFiveConsecutiveBusinessDays()
    {
        var chains = FiveDayChains();
        foreach (var c in chains) output.WriteLine($"{c[0].Name}: {Describe(c)}");
        chains.Should().HaveCountGreaterThanOrEqualTo(3);
        foreach (var chain in chains)
            foreach (var (from, to) in Pairs(chain))
            {
                var (a, b) = (Date(from.Manifest.RunDate), Date(to.Manifest.RunDate));
                var holidays = Holidays(to);
                // consecutive business days: every day strictly between them is a weekend day or a holiday of HOLIDAY.DAT
                var gap = Enumerable.Range(1, b.DayNumber - a.DayNumber - 1).Select(a.AddDays);
                b.Should().BeAfter(a);
                gap.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(d))
                    .Should().BeEmpty($"{from.Name} -> {to.Name} skips a business day");
                Path.GetFullPath(to.PriorOutputDir!).Should().Be(Path.GetFullPath(from.OutputDir), $"{to.Name} runs on {from.Name}'s OPENITEM");
            }
    }

    [Fact]
    public void Chains_CrossMonthEndQuarterEndWithRateChangeHolidayLeapDayAndFiscalYearEnd()
    {
        var chains = FiveDayChains();
        bool Any(Func<List<FixtureSet>, FixtureSet, FixtureSet, bool> crosses) => chains.Any(c => Pairs(c).Any(p => crosses(c, p.From, p.To)));

        Any((_, a, b) => Date(a.Manifest.RunDate).Month != Date(b.Manifest.RunDate).Month).Should().BeTrue("a chain crosses a month end");
        Any((_, a, b) =>
        {
            var (x, y) = (Date(a.Manifest.RunDate), Date(b.Manifest.RunDate));
            var rates = Rates(b);
            return (x.Month - 1) / 3 != (y.Month - 1) / 3 && RateOn(rates, x) is { } r1 && RateOn(rates, y) is { } r2 && r1 != r2;
        }).Should().BeTrue("a chain crosses a quarter end where INTRATE.DAT changes the rate");
        Any((_, a, b) =>
        {
            var (x, y) = (Date(a.Manifest.RunDate), Date(b.Manifest.RunDate));
            return Holidays(b).Any(h => x < h && h < y && h.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        }).Should().BeTrue("a chain crosses a federal holiday on a weekday (HOLIDAY.DAT)");
        chains.Any(c => c.Any(d => d.Manifest.RunDate.EndsWith("0229", StringComparison.Ordinal))).Should().BeTrue("a chain runs on a leap day");
        chains.Any(c => c.Any(d => d.Manifest.RunDate.EndsWith("0930", StringComparison.Ordinal)) && Pairs(c).Any(p => Date(p.To.Manifest.RunDate).Month == 10 && Date(p.From.Manifest.RunDate).Month == 9))
            .Should().BeTrue("a chain runs on September 30 and goes on into the next fiscal year");
    }

    [Fact]
    public void Chains_PayOnTimeLatePartialOverDuplicateUnknownAndClosedItems()
    {
        var days = FiveDayChains().SelectMany(c => c).Distinct().ToList();
        var covers = days.SelectMany(d => d.Manifest.Covers).ToHashSet(StringComparer.Ordinal);
        string[] required =
        [
            "pay-on-time-exact-type-1", "pay-on-time-exact-type-2", "pay-on-time-exact-type-6", "pay-on-time-exact-type-7",
            "pay-on-the-due-date-not-late", "pay-late-one-day-interest", "pay-late-exact-interest-left-open", "pay-late-partial",
            "pay-late-over-refund-after-interest", "pay-late-across-interest-rate-change", "pay-on-time-partial", "pay-part-paid-item-rest",
            "pay-on-time-over-refund", "pay-over-twice-second-added-to-the-refund-item", "pay-split-in-two-remittances",
            "pay-duplicate-remittance-refunded", "pay-after-item-closed-same-day", "pay-item-closed-on-an-earlier-day-S001",
            "pay-reference-with-only-a-refund-item-S001", "pay-billed-item-partial", "reason-S001",
        ];
        covers.Should().Contain(required);

        // and the captured outputs show them: assessments, payments, late and bill interest, refunds, suspense postings
        LedgerCodes(days).Should().Contain(["AS", "PY", "LI", "BI", "RF", "SU"]);
        var suspenseReasons = days.SelectMany(d => File.Exists(Path.Combine(d.OutputDir, "SUSPENSE"))
            ? File.ReadAllLines(Path.Combine(d.OutputDir, "SUSPENSE"), Encoding.Latin1) : []).Where(l => l.Length >= 70).Select(l => l.Substring(66, 4)).ToHashSet(StringComparer.Ordinal);
        suspenseReasons.Should().Contain(Enumerable.Range(1, 7).Select(i => $"S{i:D3}"), "unknown references (S001) and every invalid payment reason on the chains");
    }

    [Fact]
    public void Chains_MastersHoldBillsRefundsPartPaidAndClosedItems()
    {
        var items = FiveDayChains().SelectMany(c => c).Distinct()
            .SelectMany(d => Records(Path.Combine(d.OutputDir, "OPENITEM"), 150))
            .Select(r => ((char)r[17], (char)r[18])).ToHashSet();
        // (item type, status): receivables open, part paid, billed, closed; refund items due
        items.Should().Contain([('A', 'O'), ('A', 'P'), ('A', 'B'), ('A', 'C'), ('R', 'R')]);
    }

    [Fact]
    public void Garbage_PaymentsAndPriorMasterCasesOfTheLegacy()
    {
        var byName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);
        // the legacy's tests/garbage cases for PAYMENTS: damaged records (bad method, blank reference, bad and negative
        // amounts, invalid and future dates, a short last record: S003-S007; S002 is on the chains) and an empty file
        byName.Should().ContainKeys("garbage-G13-BAD-PAYMENTS", "garbage-G17-EMPTY-PAYMENTS");
        foreach (var n in new[] { "garbage-G13-BAD-PAYMENTS", "garbage-G17-EMPTY-PAYMENTS" })
            byName[n].Manifest.Expected.Should().NotBeEmpty($"{n} states the legacy's expected outcome");
        var g13 = File.ReadAllLines(Path.Combine(byName["garbage-G13-BAD-PAYMENTS"].OutputDir, "SUSPENSE"), Encoding.Latin1).Select(l => l.Substring(66, 4)).ToHashSet(StringComparer.Ordinal);
        g13.Should().Contain(["S003", "S004", "S005", "S006", "S007"]);

        // damaged old masters, each a crafted prior/OPENITEM, with the outcome the legacy gives it
        var masters = All.Where(f => f.Name.StartsWith("garbage-M", StringComparison.Ordinal)).ToList();
        masters.Select(m => m.Name).Should().Contain([
            "garbage-M01-MASTER-TRUNCATED", "garbage-M02-MASTER-OUT-OF-SEQUENCE", "garbage-M03-MASTER-ITEM-TYPE",
            "garbage-M04-MASTER-BAD-PACKED", "garbage-M05-MASTER-BAD-DATES", "garbage-M06-MASTER-DUE-BEFORE-RATE-TABLE"]);
        foreach (var m in masters)
        {
            m.Manifest.Prior.Should().BeNull();
            m.PriorOutputDir.Should().NotBeNull($"{m.Name} carries its damaged master in prior/");
            File.Exists(Path.Combine(m.PriorOutputDir!, "OPENITEM")).Should().BeTrue();
            m.Manifest.Expected.Should().NotBeEmpty();
        }
        var rc = masters.ToDictionary(m => m.Name, m => m.Manifest.Steps.Single(s => s.Program == "CLV400").ReturnCode, StringComparer.Ordinal);
        rc["garbage-M01-MASTER-TRUNCATED"].Should().Be(16, "a short last record is READ status 04: the legacy abends");
        rc["garbage-M02-MASTER-OUT-OF-SEQUENCE"].Should().Be(8);
        rc["garbage-M03-MASTER-ITEM-TYPE"].Should().Be(4);
        rc["garbage-M06-MASTER-DUE-BEFORE-RATE-TABLE"].Should().Be(8);
    }
}
