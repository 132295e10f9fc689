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
}
