using System.Globalization;
using System.Text;
using System.Text.Json;
using Collections.Cobol.Codecs;
using Collections.Parity.Capture;
using Collections.Parity.Generation;
using Collections.Testing;
using static Collections.Parity.Tests.Generation.GenerationTestSupport;

namespace Collections.Parity.Tests.Generation;

/// <summary>
/// The CLV400 payment scenarios (generate-day --payment-scenarios) and aged entries (--aged-entries), run through
/// the real legacy: each scenario reaches the branch of CLV400 it is named after.
/// </summary>
public sealed class PaymentScenariosTests
{
    private static string FixtureOutput(string name) => Path.Combine(RepoPaths.LegacyFixtures, name, "output");

    private sealed record Posting(string Id, string Tran, long Cents, string Reference);

    private static List<Posting> Ledger(string outDir)
    {
        var data = File.ReadAllBytes(Path.Combine(outDir, "LEDGER"));
        var list = new List<Posting>();
        for (var off = 0; off < data.Length; off += 80)
            list.Add(new Posting(Encoding.ASCII.GetString(data, off + 47, 12).TrimEnd(), Encoding.ASCII.GetString(data, off + 33, 2),
                PackedDecimal.Decode(data.AsSpan(off + 39, 7), 13, signed: true), Encoding.ASCII.GetString(data, off + 15, 17).TrimEnd()));
        return list;
    }

    /// <summary>
    /// Chain masters paid with the scenarios (the year-end master on 2025-01-02: items due in 2024 paid after the
    /// 8 % -> 7 % change): every planned payment reaches its branch (S001, late interest or none, refund of an excess,
    /// the duplicate and the payment after closing refunded whole).
    /// </summary>
    [Theory]
    [InlineData("chain-ye-3-20241231", 20250102)]
    [InlineData("chain-fy-2-20250929", 20250930)]
    [InlineData("gen-chain-2-20260303", 20260304)]
    public void PaymentScenarios_OnAChainMaster_EachReachesItsBranchInTheLegacy(string priorFixture, int runDate)
    {
        using var t = new TempDir();
        var prior = FixtureOutput(priorFixture);
        var r = DayGenerator.Generate(Options(t.Combine("in"), runDate: runDate, entries: 2, seed: 11, paymentsFrom: prior) with { PaymentScenarios = true });
        var run = RunLegacy(LegacyDate.Format(runDate), t.Combine("in"), t.Combine("out"), prior);
        run.ExitCode.Should().BeLessThan(8, run.StdOut);
        var planned = r.ScenarioPayments;
        planned.Select(p => p.Scenario).Distinct().Count().Should().BeGreaterThan(10);
        r.Scenarios.Should().Contain(planned.Select(p => p.Scenario).Distinct());
        PaymentScenarios.AllNames.Should().Contain(planned.Select(p => p.Scenario));

        var ledger = Ledger(t.Combine("out"));
        var suspense = File.ReadAllLines(t.Combine("out", "SUSPENSE")).Select(l => (Id: l.Substring(9, 12).TrimEnd(), Reason: l.Substring(66, 4))).ToList();
        bool Has(string id, string tran) => ledger.Any(p => p.Id == id && p.Tran == tran);
        foreach (var (id, scenario) in planned.Distinct())
        {
            var because = $"{scenario} ({id})";
            if (scenario.EndsWith("-S001", StringComparison.Ordinal))
            {
                suspense.Should().Contain((id, "S001"), because);
                continue;
            }
            suspense.Select(s => s.Id).Should().NotContain(id, because);
            if (scenario.StartsWith("pay-late-", StringComparison.Ordinal)) Has(id, "LI").Should().BeTrue(because + ": late-payment interest");
            else Has(id, "LI").Should().BeFalse(because + ": no interest on time");
            if (scenario.Contains("over", StringComparison.Ordinal)) Has(id, "RF").Should().BeTrue(because + ": the excess refunded");
        }
        // the duplicate: the same record twice; the first closes the item, the second is refunded whole
        var dup = planned.Where(p => p.Scenario == "pay-duplicate-remittance-refunded").Select(p => p.PaymentId).ToList();
        if (dup.Count > 0)
        {
            dup.Should().HaveCount(2).And.OnlyContain(id => id == dup[0]);
            Has(dup[0], "PY").Should().BeTrue();
            Has(dup[0], "RF").Should().BeTrue();
        }
        // two over-payments: both refunded, the second whole (added to the refund item the first created)
        var twice = planned.Where(p => p.Scenario == "pay-over-twice-second-added-to-the-refund-item").Select(p => p.PaymentId).ToList();
        if (twice.Count > 0)
        {
            Has(twice[0], "RF").Should().BeTrue();
            Has(twice[1], "PY").Should().BeFalse();
            Has(twice[1], "RF").Should().BeTrue();
        }
        // the second payment after the item closed the same day: no application, all refunded
        var after = planned.Where(p => p.Scenario == "pay-after-item-closed-same-day").Select(p => p.PaymentId).ToList();
        if (after.Count > 0)
        {
            after.Should().HaveCount(2);
            Has(after[1], "PY").Should().BeFalse();
            Has(after[1], "RF").Should().BeTrue();
        }
    }

    /// <summary>
    /// The committed chains together use every payment scenario (manifest covers), except the one that needs a reopened
    /// reference (<see cref="PaymentScenarios.NeedReopenedReference"/>), whose branch the same-day variant reaches.
    /// </summary>
    [Fact]
    public void Fixtures_TogetherCoverEveryPaymentScenario()
    {
        var covered = FixtureSet.LoadAll(RepoPaths.LegacyFixtures).SelectMany(s => s.Manifest.Covers).ToHashSet(StringComparer.Ordinal);
        covered.Should().Contain(PaymentScenarios.AllNames.Except(PaymentScenarios.NeedReopenedReference));
    }

    /// <summary>
    /// The late payment across 2025-01-01: its interest lies strictly between 7 % and 8 % over the whole period
    /// (8 % to 2024-12-31, 7 % after), so CLV400 used both quarters' rates.
    /// </summary>
    [Fact]
    public void PaymentScenarios_LateAcrossTheRateChange_InterestBetweenBothRates()
    {
        using var t = new TempDir();
        var prior = FixtureOutput("chain-ye-3-20241231");
        var r = DayGenerator.Generate(Options(t.Combine("in"), runDate: 20250102, entries: 1, seed: 12, paymentsFrom: prior) with { PaymentScenarios = true });
        RunLegacy("20250102", t.Combine("in"), t.Combine("out"), prior);
        var id = r.ScenarioPayments.Single(p => p.Scenario == "pay-late-across-interest-rate-change").PaymentId;
        var payments = File.ReadAllBytes(t.Combine("in", "PAYMENTS"));
        var off = Enumerable.Range(0, payments.Length / 50).Select(i => i * 50).First(o => Encoding.ASCII.GetString(payments, o, 12).TrimEnd() == id);
        var principal = PackedDecimal.Decode(payments.AsSpan(off + 30, 7), 13, signed: true);
        var received = int.Parse(Encoding.ASCII.GetString(payments, off + 37, 8), CultureInfo.InvariantCulture);
        var reference = (char)payments[off + 13] + Encoding.ASCII.GetString(payments, off + 14, 16).TrimEnd();
        var due = MasterItem.ReadAll(Path.Combine(prior, "OPENITEM")).Single(m => m.ItemType == 'A' && m.RefKey == reference).DueDate;
        due.Should().BeLessThan(20250101);
        received.Should().BeGreaterThanOrEqualTo(20250101);
        var days = LegacyDate.ToDate(received).DayNumber - LegacyDate.ToDate(due).DayNumber;
        double Interest(double rate) => principal * (Math.Pow(1 + (rate / 365), days) - 1) / 100;
        var interest = Ledger(t.Combine("out")).Single(p => p.Id == id && p.Tran == "LI").Cents / 100.0;
        interest.Should().BeGreaterThan(Interest(0.07) - 0.01).And.BeLessThan(Interest(0.08));
        interest.Should().BeGreaterThan(Interest(0.07), "more than 7 % throughout: the days of 2024 accrued at 8 %");
    }

    [Fact]
    public void AgedEntries_EveryRandomEntryAged_DatedBackAndBilledWithInterestOnTheFirstDay()
    {
        using var t = new TempDir();
        DayGenerator.Generate(Options(t.Combine("in"), runDate: 20250102, entries: 12, seed: 5) with { AgedEntryPpm = 1_000_000 });
        var data = File.ReadAllBytes(t.Combine("in", "ENTRYIN"));
        for (var off = 0; off < data.Length; off += EntryRecords.Length)
        {
            if (data[off] != (byte)'H') continue;
            var entryDate = int.Parse(Encoding.ASCII.GetString(data, off + EntryRecords.HeaderEntryDate, 8), CultureInfo.InvariantCulture);
            var back = LegacyDate.ToDate(20250102).DayNumber - LegacyDate.ToDate(entryDate).DayNumber;
            back.Should().BeInRange(AgedEntries.MinDaysBack, AgedEntries.MaxDaysBack);
        }
        RunLegacy("20250102", t.Combine("in"), t.Combine("out")).ExitCode.Should().Be(0);
        var bills = File.ReadAllLines(t.Combine("out", "CTLTOTS")).Single(l => l.StartsWith("CLV400", StringComparison.Ordinal) && l.Substring(18, 2) == "11");
        int.Parse(bills.Substring(52, 9), CultureInfo.InvariantCulture).Should().BeGreaterThan(0, "items more than 30 days past due are billed the day they are created");
        Ledger(t.Combine("out")).Should().Contain(p => p.Tran == "BI" && p.Cents > 0);
    }

    [Fact]
    public void PaymentScenarios_SameSeed_SameBytes()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var prior = FixtureOutput("chain-fy-2-20250929");
        DayGenerator.Generate(Options(a.Path, runDate: 20250930, entries: 3, seed: 3, paymentsFrom: prior) with { PaymentScenarios = true, AgedEntryPpm = 300_000 });
        DayGenerator.Generate(Options(b.Path, runDate: 20250930, entries: 3, seed: 3, paymentsFrom: prior) with { PaymentScenarios = true, AgedEntryPpm = 300_000 });
        foreach (var f in new[] { "ENTRYIN", "PAYMENTS", GenerationSummary.FileName })
            File.ReadAllBytes(a.Combine(f)).Should().Equal(File.ReadAllBytes(b.Combine(f)), f);
    }

    /// <summary>
    /// Every generated fixture's inputs come back byte for byte from the options in its generation.json: the
    /// generator keeps its bytes for the options a fixture was made with (a change that moves them must re-capture).
    /// The damaged-master cases (garbage-M*) paid chain-fy-2's master before it was damaged; their prior is the damaged
    /// copy, so they are regenerated from chain-fy-2-20250929's output.
    /// </summary>
    [Fact]
    public void Generate_CommittedGeneratedFixtures_InputsRegeneratedByteForByte()
    {
        var checkedCount = 0;
        foreach (var fx in FixtureSet.LoadAll(RepoPaths.LegacyFixtures))
        {
            var gen = Path.Combine(fx.InputDir, GenerationSummary.FileName);
            if (!File.Exists(gen)) continue;
            using var doc = JsonDocument.Parse(File.ReadAllBytes(gen));
            var j = doc.RootElement;
            string? paymentsFrom = null;
            if (j.GetProperty("paymentsFrom").ValueKind == JsonValueKind.String)
                paymentsFrom = fx.Manifest.Prior is { } p ? Path.Combine(RepoPaths.LegacyFixtures, p, "output")
                    : fx.Name.StartsWith("garbage-M", StringComparison.Ordinal) ? FixtureOutput("chain-fy-2-20250929")
                    : throw new InvalidOperationException($"{fx.Name}: generation.json pays a prior that the manifest does not name");
            using var t = new TempDir();
            var options = new DayGeneratorOptions
            {
                RunDate = int.Parse(j.GetProperty("runDate").GetString()!, CultureInfo.InvariantCulture),
                Entries = j.GetProperty("entries").GetInt32(),
                Seed = ulong.Parse(j.GetProperty("seed").GetString()!, CultureInfo.InvariantCulture),
                OutDir = t.Path,
                RefDir = fx.RefDir(Path.Combine(RepoPaths.LegacyHome, "ref")),
                PaymentsFrom = paymentsFrom,
                InvalidPpm = (int)(decimal.Parse(j.GetProperty("invalidRate").GetString()!, CultureInfo.InvariantCulture) * 1_000_000m),
                TrailerError = Enum.Parse<TrailerError>(j.GetProperty("trailerError").GetString()!),
                MeanLines = j.GetProperty("meanLines").GetInt32(),
                Scenarios = j.GetProperty("scenarios").GetBoolean(),
                AgedEntryPpm = j.TryGetProperty("agedEntries", out var aged) ? (int)(decimal.Parse(aged.GetString()!, CultureInfo.InvariantCulture) * 1_000_000m) : 0,
                PaymentScenarios = j.TryGetProperty("paymentScenarios", out var ps) && ps.GetBoolean(),
            };
            DayGenerator.Generate(options);
            foreach (var f in new[] { "ENTRYIN", "PAYMENTS", "SYSIN", GenerationSummary.FileName })
                File.ReadAllBytes(t.Combine(f)).Should().Equal(File.ReadAllBytes(Path.Combine(fx.InputDir, f)), $"{fx.Name} {f}");
            checkedCount++;
        }
        checkedCount.Should().BeGreaterThan(30);
    }
}
