using System.Text;
using Collections.Parity.Model;
using Collections.Testing;

namespace Collections.Parity.Tests;

/// <summary>
/// Proof that the harness catches what matters: deliberately altered modern outputs (built from the legacy's own
/// capture of the sample day) must be found, classified and priced.
/// </summary>
public class MutationDetectionTests
{
    private static string Day1 => DayComparerTests.SampleDay("2026-03-02");

    private static string Text(Collections.Parity.Config.CompiledType t, byte[] rec, string field)
    {
        var (o, l) = t.Span(field);
        return Encoding.Latin1.GetString(rec, o, l);
    }

    [Fact]
    public void Run_RoundedMpfTurnedIntoTruncation_FoundClassifiedAsTruncationAndPriced()
    {
        using var _ = HostileCulture.Enter();
        using var m = new MutatedDay(Day1);
        var changed = new Dictionary<string, long>(StringComparer.Ordinal);
        m.Rewrite("ENTCALC", (t, rec) =>
        {
            if (t.Code != "E" || Text(t, rec, "ECT-FEE-CLASS(1)") != "499" || Text(t, rec, "ECT-MPF-LIMIT-IND") != " ") return [rec];
            var raw = MutatedDay.Get(t, rec, "ECT-MPF-RAW-TOTAL");   // 5 decimals
            var fee = MutatedDay.Get(t, rec, "ECT-FEE-AMT(1)");
            var truncated = raw / 1000;                               // COMPUTE without ROUNDED
            var delta = truncated - fee;
            if (delta == 0) return [rec];
            MutatedDay.Set(t, rec, "ECT-FEE-AMT(1)", truncated);
            MutatedDay.Set(t, rec, "ECT-FEE-TOTAL", MutatedDay.Get(t, rec, "ECT-FEE-TOTAL") + delta);
            MutatedDay.Set(t, rec, "ECT-TOTAL-ASSESSED", MutatedDay.Get(t, rec, "ECT-TOTAL-ASSESSED") + delta);
            changed[Text(t, rec, "ECT-ENTRY-NO")] = delta;
            return [rec];
        });
        changed.Should().NotBeEmpty("the sample day has MPF amounts whose raw value rounds up");

        var run = m.Run();
        var day = run.Days.Single();
        run.ExitCode.Should().Be(1);
        var entcalc = day.Files.Single(f => f.Name == "ENTCALC");
        entcalc.Modified.Should().Be(changed.Count);
        var fee = day.Differences.Where(d => d.Field == "ECT-FEE-AMT(1)").ToList();
        fee.Should().HaveCount(changed.Count);
        fee.Should().OnlyContain(d => d.Class == DiffClass.Truncation && d.Explanation.Contains("modern truncates", StringComparison.Ordinal));
        day.Differences.Where(d => d.Field is "ECT-FEE-TOTAL" or "ECT-TOTAL-ASSESSED").Should()
            .HaveCount(2 * changed.Count).And.OnlyContain(d => d.Class == DiffClass.Propagated);
        // Priced once, at the headline level (the entry's total assessed): one cent per entry, all in the legacy's favour.
        day.HeadlineImpact.AbsoluteCents.Should().Be(changed.Values.Sum(v => Math.Abs(v)));
        day.HeadlineImpact.NetCents.Should().Be(changed.Values.Sum());
        day.HeadlineImpact.NetCents.Should().BeNegative();
        // The modern side's own control totals no longer tie out: the gate catches it too.
        day.Gates.Should().Contain(g => g.Id == "entcalc-assessed" && g.Side == "modern" && g.Holds == false);
    }

    [Fact]
    public void Run_ProrationRemainderMovedToFirstLine_FoundAsReallocationWithZeroNet()
    {
        using var _ = HostileCulture.Enter();
        using var m = new MutatedDay(Day1);
        var moved = 0;
        m.RewriteAll("ENTCALC", (cf, records) =>
        {
            var m0 = cf.Types.Single(t => t.Code == "M");
            var groups = new List<List<byte[]>>();
            foreach (var rec in records)
            {
                if (rec[0] == (byte)'E' || groups.Count == 0) groups.Add([]);
                groups[^1].Add(rec);
            }
            foreach (var g in groups)
            {
                var ms = g.Where(r => r[0] == (byte)'M').ToList();
                if (ms.Count < 2) continue;
                var mpf = ms.Sum(r => MutatedDay.Get(m0, r, "ECM-ALLOC-MPF"));
                var liable = ms.Sum(r => MutatedDay.Get(m0, r, "ECM-USD-VALUE"));
                // Remainder to the FIRST liable line instead of the last.
                var shares = ms.Select(r => (long)((Int128)mpf * MutatedDay.Get(m0, r, "ECM-USD-VALUE") / liable)).ToArray();
                shares[0] = mpf - shares.Skip(1).Sum();
                for (var i = 0; i < ms.Count; i++)
                {
                    if (MutatedDay.Get(m0, ms[i], "ECM-ALLOC-MPF") != shares[i]) moved++;
                    MutatedDay.Set(m0, ms[i], "ECM-ALLOC-MPF", shares[i]);
                }
            }
            return records;
        });
        moved.Should().BeGreaterThan(0);

        var day = m.Run().Days.Single();
        var alloc = day.Differences.Where(d => d.File == "ENTCALC").ToList();
        alloc.Should().HaveCount(moved).And.OnlyContain(d => d.Field == "ECM-ALLOC-MPF" && d.RecordType == "M");
        alloc.Should().OnlyContain(d => d.Class == DiffClass.Reallocation);
        var entcalc = day.Files.Single(f => f.Name == "ENTCALC");
        entcalc.Impact.NetCents.Should().Be(0);
        entcalc.Impact.AbsoluteCents.Should().Be(alloc.Sum(d => Math.Abs(d.Cents))).And.BeGreaterThan(0);
        day.HeadlineImpact.AbsoluteCents.Should().Be(0, "the entry totals are unchanged");
    }

    [Fact]
    public void Run_DroppedLine_FoundAsMissingRecordPricedAndCaughtByControlTotals()
    {
        using var _ = HostileCulture.Enter();
        using var m = new MutatedDay(Day1);
        string? droppedKey = null;
        long droppedDuty = 0;
        m.Rewrite("LINECALC", (t, rec) =>
        {
            if (droppedKey is null && MutatedDay.Get(t, rec, "LC-DUTY-AMT") > 0)
            {
                droppedKey = Text(t, rec, "LC-ENTRY-NO") + "/" + Text(t, rec, "LC-LINE-NO");
                droppedDuty = MutatedDay.Get(t, rec, "LC-DUTY-AMT") + MutatedDay.Get(t, rec, "LC-ADCVD-AMT") + MutatedDay.Get(t, rec, "LC-COTTON-FEE")
                              + Enumerable.Range(1, 3).Sum(i => MutatedDay.Get(t, rec, $"LC-CH99-AMT({i})"));
                return [];
            }
            return [rec];
        });
        droppedKey.Should().NotBeNull();

        var run = m.Run();
        var day = run.Days.Single();
        run.ExitCode.Should().Be(1);
        var lc = day.Files.Single(f => f.Name == "LINECALC");
        lc.OnlyLegacy.Should().Be(1);
        lc.Modified.Should().Be(0);
        lc.Status.Should().Be(FileStatus.Different);
        var d = day.Differences.Single(x => x.File == "LINECALC");
        d.Key.Should().Be(droppedKey);
        d.Class.Should().Be(DiffClass.MissingRecord);
        d.Cents.Should().Be(-droppedDuty);
        lc.Impact.AbsoluteCents.Should().Be(droppedDuty);
        day.Gates.Should().Contain(g => g.Id == "counts:LINECALC" && g.Holds == false);
        day.Gates.Should().Contain(g => g.Id == "linecalc-count" && g.Side == "modern" && g.Holds == false);
        day.Gates.Should().Contain(g => g.Id == "linecalc-count" && g.Side == "legacy" && g.Holds == true);
    }

    [Fact]
    public void Run_LineDutyChanged_EntryTotalTracedToTheLine()
    {
        using var _ = HostileCulture.Enter();
        using var m = new MutatedDay(Day1);
        string? entry = null;
        m.Rewrite("LINECALC", (t, rec) =>
        {
            if (entry is null && MutatedDay.Get(t, rec, "LC-DUTY-AMT") > 0)
            {
                entry = Text(t, rec, "LC-ENTRY-NO");
                MutatedDay.Set(t, rec, "LC-DUTY-AMT", MutatedDay.Get(t, rec, "LC-DUTY-AMT") + 7);
            }
            return [rec];
        });
        m.Rewrite("ENTCALC", (t, rec) =>
        {
            if (t.Code == "E" && Text(t, rec, "ECT-ENTRY-NO") == entry)
            {
                MutatedDay.Set(t, rec, "ECT-DUTY-AMT", MutatedDay.Get(t, rec, "ECT-DUTY-AMT") + 7);
                MutatedDay.Set(t, rec, "ECT-TOTAL-ASSESSED", MutatedDay.Get(t, rec, "ECT-TOTAL-ASSESSED") + 7);
            }
            return [rec];
        });
        var day = m.Run().Days.Single();
        var parent = day.Differences.Single(d => d.Field == "ECT-DUTY-AMT");
        parent.Class.Should().Be(DiffClass.Propagated);
        parent.Trace.Should().ContainSingle().Which.Should().StartWith("LINECALC " + entry + "/");
        day.Differences.Single(d => d.Field == "LC-DUTY-AMT").Class.Should().Be(DiffClass.Unexplained);
        day.Differences.Single(d => d.Field == "ECT-TOTAL-ASSESSED").Class.Should().Be(DiffClass.Propagated);
        day.HeadlineImpact.NetCents.Should().Be(7);
    }
}

public class FeeTableMutationTests
{
    private static string Text(Collections.Parity.Config.CompiledType t, byte[] rec, string field)
    {
        var (o, l) = t.Span(field);
        return Encoding.Latin1.GetString(rec, o, l);
    }

    /// <summary>
    /// The modern fee table's FY2025 row ends one day late: entries dated 2025-10-01 get the FY2025 MPF minimum and
    /// maximum (32.71 / 634.62) instead of FY2026's (33.58 / 651.50). Only entries held at a limit change.
    /// </summary>
    [Fact]
    public void Run_FeeTableOffByOneDay_FoundPricedAndConcentratedOnTheBoundaryDate()
    {
        using var _ = HostileCulture.Enter();
        using var m = MutatedDay.FromFixture("gen-coverage-fy-boundary-20251001");
        var changed = new Dictionary<string, long>(StringComparer.Ordinal);
        m.Rewrite("ENTCALC", (t, rec) =>
        {
            if (t.Code != "E" || Text(t, rec, "ECT-ENTRY-DATE") != "20251001" || Text(t, rec, "ECT-FEE-CLASS(1)") != "499") return [rec];
            var limit = Text(t, rec, "ECT-MPF-LIMIT-IND");
            if (limit is not ("N" or "X")) return [rec];
            var fee = MutatedDay.Get(t, rec, "ECT-FEE-AMT(1)");
            var wrong = limit == "N" ? 3271 : 63462;
            var delta = wrong - fee;
            MutatedDay.Set(t, rec, "ECT-FEE-AMT(1)", wrong);
            MutatedDay.Set(t, rec, "ECT-FEE-TOTAL", MutatedDay.Get(t, rec, "ECT-FEE-TOTAL") + delta);
            MutatedDay.Set(t, rec, "ECT-TOTAL-ASSESSED", MutatedDay.Get(t, rec, "ECT-TOTAL-ASSESSED") + delta);
            changed[Text(t, rec, "ECT-ENTRY-NO")] = delta;
            return [rec];
        });
        changed.Should().NotBeEmpty("the fixture has entries dated 2025-10-01 held at the MPF minimum or maximum");

        var run = m.Run();
        var day = run.Days.Single();
        run.ExitCode.Should().Be(1);
        var fee = day.Differences.Where(d => d.Field == "ECT-FEE-AMT(1)").ToList();
        fee.Should().HaveCount(changed.Count);
        fee.Should().OnlyContain(d => d.Class == DiffClass.Unexplained, "a wrong table row is a logic difference, not a rounding");
        fee.Select(d => d.Attributes["entry date"]).Distinct().Should().Equal("20251001");
        fee.Select(d => d.Attributes["MPF limit"]).Should().OnlyContain(v => v == "N" || v == "X");
        day.Differences.Where(d => d.Field == "ECT-TOTAL-ASSESSED").Should().OnlyContain(d => d.Class == DiffClass.Propagated);
        day.HeadlineImpact.AbsoluteCents.Should().Be(changed.Values.Sum(Math.Abs));
        day.HeadlineImpact.NetCents.Should().Be(changed.Values.Sum());
        day.HeadlineImpact.LargestCents.Should().Be(changed.Values.Max(Math.Abs));
        // Fees by class no longer agree for 499.
        day.Gates.Should().Contain(g => g.Id == "fees-by-class" && g.Holds == false);
    }
}
