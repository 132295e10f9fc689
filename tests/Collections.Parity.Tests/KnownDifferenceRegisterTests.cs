using System.Text;
using Collections.Parity.Model;
using Collections.Parity.Register;
using Collections.Testing;

namespace Collections.Parity.Tests;

public class KnownDifferenceRegisterTests
{
    private static string Text(Collections.Parity.Config.CompiledType t, byte[] rec, string field)
    {
        var (o, l) = t.Span(field);
        return Encoding.Latin1.GetString(rec, o, l);
    }

    /// <summary>The ROUNDED → truncation mutation of the sample day.</summary>
    private static MutatedDay Truncated()
    {
        var m = new MutatedDay(DayComparerTests.SampleDay("2026-03-02"));
        m.Rewrite("ENTCALC", (t, rec) =>
        {
            if (t.Code != "E" || Text(t, rec, "ECT-FEE-CLASS(1)") != "499" || Text(t, rec, "ECT-MPF-LIMIT-IND") != " ") return [rec];
            var delta = MutatedDay.Get(t, rec, "ECT-MPF-RAW-TOTAL") / 1000 - MutatedDay.Get(t, rec, "ECT-FEE-AMT(1)");
            foreach (var f in new[] { "ECT-FEE-AMT(1)", "ECT-FEE-TOTAL", "ECT-TOTAL-ASSESSED" })
                MutatedDay.Set(t, rec, f, MutatedDay.Get(t, rec, f) + delta);
            return [rec];
        });
        return m;
    }

    private static KnownDifferenceRegister Write(TempDir dir, string json)
    {
        var p = dir.Combine("known-differences.json");
        File.WriteAllText(p, json);
        return KnownDifferenceRegister.Load(p);
    }

    private const string Rules = """
        { "version": "t1", "rules": [
          { "id": "KD-1", "owner": "revenue accounting lead", "reason": "MPF truncation accepted for the test", "expires": "2027-01-31",
            "match": { "file": "ENTCALC", "field": "ECT-FEE-AMT(*)", "class": "truncation", "maxCents": 1 } },
          { "id": "KD-2", "owner": "revenue accounting lead", "reason": "totals that carry KD-1", "expires": "2027-01-31",
            "match": { "file": "ENTCALC", "class": "propagated" } },
          { "id": "KD-3", "owner": "migration lead", "reason": "modern control totals not re-derived in this test", "expires": "2027-01-31",
            "match": { "file": "gate:*" } },
          { "id": "KD-4", "owner": "migration lead", "reason": "never matches", "expires": "2027-01-31",
            "match": { "file": "LEDGER" } },
          { "id": "KD-5", "owner": "migration lead", "reason": "expired", "expires": "2026-01-01",
            "match": { "file": "LINECALC" } }
        ] }
        """;

    [Fact]
    public void Apply_RulesCoverEveryDifference_ExitZeroWithRecordsAndDollarsPerRule()
    {
        using var _ = HostileCulture.Enter();
        using var dir = new TempDir();
        using var m = Truncated();
        var run = m.Run(Write(dir, Rules));
        run.Uncovered.Should().Be(0);
        run.ExitCode.Should().Be(0);
        run.Verdict.Should().Contain("known differences");
        var kd1 = run.Rules.Single(r => r.Id == "KD-1");
        var fee = run.Days[0].Differences.Where(d => d.Field == "ECT-FEE-AMT(1)").ToList();
        kd1.Records.Should().Be(fee.Count);
        kd1.Cents.Should().Be(0, "ECT-FEE-AMT is not a money field in the config; the headline field is");
        var kd2 = run.Rules.Single(r => r.Id == "KD-2");
        kd2.Cents.Should().Be(fee.Count, "one cent per entry on ECT-TOTAL-ASSESSED");
        run.Rules.Single(r => r.Id == "KD-4").MatchedNothing.Should().BeTrue();
        run.Rules.Single(r => r.Id == "KD-5").Expired.Should().BeTrue();
        run.RegisterSha256.Should().HaveLength(64);
    }

    [Fact]
    public void Apply_RuleExpired_DifferencesNoLongerCoveredAndFlagged()
    {
        using var dir = new TempDir();
        using var m = Truncated();
        var run = m.Run(Write(dir, Rules), today: new DateOnly(2027, 2, 1));
        run.ExitCode.Should().Be(1);
        run.Rules.Should().OnlyContain(r => r.Expired);
        run.Rules.Single(r => r.Id == "KD-1").ExpiredMatches.Should().BeGreaterThan(0);
        run.Rules.Single(r => r.Id == "KD-1").Records.Should().Be(0);
    }

    [Fact]
    public void Apply_MaxCentsExceeded_NotCovered()
    {
        var rule = new RuleMatch { File = "ENTCALC", MaxCents = 1 };
        rule.Matches(new Difference { File = "ENTCALC", Cents = -1 }).Should().BeTrue();
        rule.Matches(new Difference { File = "ENTCALC", Cents = 2 }).Should().BeFalse();
        new RuleMatch { File = "ENTCALC", Key = "^E:BXA" }.Matches(new Difference { File = "ENTCALC", Key = "E:BXA22000839" }).Should().BeTrue();
        new RuleMatch { File = "ENTCALC", Key = "^E:BXA" }.Matches(new Difference { File = "ENTCALC", Key = "M:BXA22000839/001" }).Should().BeFalse();
    }

    [Fact]
    public void Load_RuleWithoutOwnerOrExpiry_Rejected()
    {
        using var dir = new TempDir();
        var act = () => Write(dir, """{ "rules": [ { "id": "X", "reason": "r", "expires": "2027-01-01", "match": { "file": "A" } } ] }""");
        act.Should().Throw<InvalidDataException>().WithMessage("*owner*");
        var act2 = () => Write(dir, """{ "rules": [ { "id": "X", "owner": "o", "reason": "r", "expires": "soon", "match": { "file": "A" } } ] }""");
        act2.Should().Throw<InvalidDataException>().WithMessage("*expires*");
    }

    [Fact]
    public void Load_CommittedRegister_IsValid()
    {
        var reg = KnownDifferenceRegister.Load(Path.Combine(RepoPaths.LegacyFixtures, "register", "known-differences.json"));
        reg.Sha256.Should().HaveLength(64);
    }
}
