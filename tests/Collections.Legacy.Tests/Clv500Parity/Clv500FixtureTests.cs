using Collections.Parity.Capture;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv500Parity;

/// <summary>
/// STEP050 on every committed fixture set whose cycle ran it (legacy-fixtures/): our step fed the data sets the
/// legacy cycle wrote must reproduce the captured CLV500.RPT, sysout/STEP050.CLV500 and STEP050 return code.
/// </summary>
public class Clv500FixtureTests
{
    public static TheoryData<string> FixturesThatRanStep050()
    {
        var data = new TheoryData<string>();
        foreach (var set in FixtureSet.LoadAll(RepoPaths.LegacyFixtures))
            if (set.Manifest.Steps.Any(s => s.Step == "STEP050" && s.ReturnCode is not null)) data.Add(set.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesThatRanStep050))]
    public void Run_FixtureOutputs_MatchCapturedReportSysoutAndRc(string name)
    {
        var set = FixtureSet.Load(Path.Combine(RepoPaths.LegacyFixtures, name));
        using var temp = new TempDir();
        var (_, dir) = Clv500Harness.TwoRunDirs(temp, set.OutputDir);

        var ours = Clv500Harness.RunOurs(dir);

        var rc = set.Manifest.Steps.Single(s => s.Step == "STEP050").ReturnCode!.Value;
        ours.ShouldMatch(new Clv500Outcome(rc, File.ReadAllBytes(Path.Combine(set.OutputDir, "CLV500.RPT")),
            File.ReadAllText(Path.Combine(set.OutputDir, "sysout", "STEP050.CLV500"))));
        ours.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Fixtures_SomeRanStep050()
    {
        FixturesThatRanStep050().Count.Should().BeGreaterThan(10);
    }
}
