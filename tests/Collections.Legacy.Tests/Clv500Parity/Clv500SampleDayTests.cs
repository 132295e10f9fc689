using Collections.Testing;

namespace Collections.Legacy.Tests.Clv500Parity;

/// <summary>
/// STEP050 on the legacy's sample days: fed the data sets the legacy cycle wrote, our step must reproduce the
/// captured CLV500.RPT and sysout byte for byte, and agree with the live legacy program on the same inputs.
/// </summary>
public class Clv500SampleDayTests
{
    public static TheoryData<string> Days => new() { "2026-03-02", "2026-03-03" };

    private static string Out(string day) => Path.Combine(RepoPaths.LegacyHome, "sample", day, "out");

    [Theory]
    [MemberData(nameof(Days))]
    public void Run_SampleDay_MatchesCapturedReport(string day) => RunAndCompare(day);

    [Theory]
    [MemberData(nameof(Days))]
    public void Run_SampleDayUnderHostileCulture_MatchesCapturedReport(string day)
    {
        using var _ = HostileCulture.Enter();
        RunAndCompare(day);
    }

    [Fact]
    public void Run_CraftedEdgesUnderHostileCulture_MatchLiveLegacy()
    {
        using var _ = HostileCulture.Enter("tr-TR");
        var crafted = new Clv500CraftedDay();
        crafted.Entry(2704, dutyCents: -1_234_567_89, fees: [new Domain.EntryFees.EntryFee("499", 651_50)]);
        crafted.Reject("i001", 'W', "istanbul ıİ");
        crafted.ControlTotal("CLV100", 1, "DESCRIPTION", 1_234_567, -98_765_432_10);

        Clv500CraftedDayTests.Run(crafted);
    }

    private static void RunAndCompare(string day)
    {
        using var temp = new TempDir();
        var (_, dir) = Clv500Harness.TwoRunDirs(temp, Out(day));

        var ours = Clv500Harness.RunOurs(dir);

        ours.ShouldMatch(new Clv500Outcome(0, File.ReadAllBytes(Path.Combine(Out(day), "CLV500.RPT")),
            File.ReadAllText(Path.Combine(Out(day), "sysout", "STEP050.CLV500"))));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void Run_SampleDay_MatchesLiveLegacy(string day)
    {
        using var temp = new TempDir();

        var (legacy, ours) = Clv500Harness.RunBoth(temp, Out(day));

        ours.ShouldMatch(legacy);
    }
}
