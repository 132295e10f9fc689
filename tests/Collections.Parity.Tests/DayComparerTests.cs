using Collections.Parity.Compare;
using Collections.Parity.Config;
using Collections.Parity.Model;
using Collections.Testing;

namespace Collections.Parity.Tests;

public class DayComparerTests
{
    internal static string SampleDay(string day) => Path.Combine(RepoPaths.LegacyHome, "sample", day);

    internal static DayComparer Comparer() =>
        new(ParityConfig.Load(Path.Combine(RepoPaths.RepoRoot, "legacy-fixtures", "parity-config.json")), new CopybookSource([]));

    [Fact]
    public void Compare_LegacySampleAgainstItself_NoDifferencesAndEveryGateHolds()
    {
        using var _ = HostileCulture.Enter();
        var day = SampleDay("2026-03-02");
        var result = Comparer().Compare(new DaySides
        {
            Name = "self", RunDate = "20260302", InDir = Path.Combine(day, "in"),
            LegacyOutDir = Path.Combine(day, "out"), ModernOutDir = Path.Combine(day, "out"),
            ModernSteps = ["CLV100", "CLV200", "CLV300", "CLV400", "CLV500"],
        });
        result.Differences.Should().BeEmpty();
        result.Notes.Should().BeEmpty();
        result.Files.Where(f => f.Status != FileStatus.Absent).Should().OnlyContain(f => f.Status == FileStatus.Identical);
        foreach (var g in result.Gates) g.Holds.Should().NotBe(false, $"{g.Id} ({g.Side}): {g.Detail}");
        result.Gates.Where(g => g.Holds == true).Should().HaveCountGreaterThan(20);
    }

    private static DayResult CompareFixture(string name, Action<string>? alterModern = null)
    {
        var fx = global::Collections.Parity.Capture.FixtureSet.Load(Path.Combine(RepoPaths.LegacyFixtures, name));
        using var tmp = new TempDir();
        var modern = Invariants.CycleInvariantsTests.CopyFixtureOutput(tmp, fx);
        alterModern?.Invoke(modern);
        return Comparer().Compare(new DaySides
        {
            Name = name, RunDate = fx.Manifest.RunDate, InDir = fx.InputDir, LegacyOutDir = fx.OutputDir, ModernOutDir = modern,
            ModernSteps = ["CLV100", "CLV200", "CLV300", "CLV400", "CLV500"],
        });
    }

    private static GateResult Gate(DayResult r, string id, string side) => r.Gates.Single(g => g.Id == id && g.Side == side);

    /// <summary>
    /// A first day has LEDGER debits (assessments, bill interest) but no credits: the subtracted sum matches no record
    /// and counts as zero, so the gate is evaluated (it was "not evaluated" on every first day before).
    /// </summary>
    [Theory]
    [InlineData("chain-ye-1-20241227")]
    [InlineData("gen-chain-1-20260302")]
    public void LedgerGate_FirstDayWithoutCredits_EvaluatedAndHolds(string fixture)
    {
        var r = CompareFixture(fixture);
        Gate(r, "ledger-net-to-master", "legacy").Holds.Should().BeTrue(Gate(r, "ledger-net-to-master", "legacy").Detail);
        Gate(r, "ledger-net-to-master", "modern").Holds.Should().BeTrue();
    }

    [Fact]
    public void LedgerGate_FirstDayAssessmentACentOff_Fails()
    {
        var r = CompareFixture("chain-ye-1-20241227", dir =>
        {
            var path = Path.Combine(dir, "LEDGER");
            var data = File.ReadAllBytes(path);
            var v = global::Collections.Cobol.Codecs.PackedDecimal.Decode(data.AsSpan(39, 7), 13, signed: true);
            global::Collections.Cobol.Codecs.PackedDecimal.Encode(v + 1, data.AsSpan(39, 7), 13, signed: true);
            File.WriteAllBytes(path, data);
        });
        Gate(r, "ledger-net-to-master", "legacy").Holds.Should().BeTrue();
        Gate(r, "ledger-net-to-master", "modern").Holds.Should().BeFalse();
    }

    /// <summary>A day the cycle stopped before CLV400: its CTLTOTS lines match nothing, the gate stays not evaluated.</summary>
    [Fact]
    public void LedgerGate_CycleStoppedBeforeClv400_NotEvaluated()
    {
        var r = CompareFixture("gen-trailer-count");
        Gate(r, "ledger-net-to-master", "legacy").Holds.Should().BeNull();
        Gate(r, "master-roll-forward", "legacy").Holds.Should().BeNull();
    }
}
