using System.Text;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv200Parity;

/// <summary>
/// STEP020 on the legacy's sample days: our step fed the LINECALC the legacy wrote must reproduce its ENTCALC, its
/// CLV200 lines of CTLTOTS and its sysout, byte for byte (captured outputs), and the live legacy program on the
/// same input must agree too.
/// </summary>
public class Clv200SampleDayTests
{
    public static TheoryData<string> Days => new() { "2026-03-02", "2026-03-03" };

    private static string Out(string day) => Path.Combine(RepoPaths.LegacyHome, "sample", day, "out");

    [Theory]
    [MemberData(nameof(Days))]
    public void Run_SampleDayLinecalc_MatchesCapturedOutputs(string day)
    {
        using var temp = new TempDir();
        var dir = temp.Combine("run");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(Out(day), "SYSIN"), Path.Combine(dir, "SYSIN"));
        File.Copy(Path.Combine(Out(day), "LINECALC"), Path.Combine(dir, "LINECALC"));

        var ours = Clv200Harness.RunOurs(dir, Clv200Harness.LegacyRef);

        ours.ReturnCode.Should().Be(0);
        Convert.ToHexString(ours.Entcalc!).Should().Be(Convert.ToHexString(File.ReadAllBytes(Path.Combine(Out(day), "ENTCALC"))));
        var capturedCtl = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(Out(day), "CTLTOTS")))
            .Split('\n').Where(l => l.StartsWith("CLV200 ", StringComparison.Ordinal)).Select(l => l + "\n");
        ours.Ctltots.Should().Be(string.Concat(capturedCtl));
        ours.Sysout.Should().Be(File.ReadAllText(Path.Combine(Out(day), "sysout", "STEP020.CLV200")));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void Run_SampleDayLinecalc_MatchesLiveLegacy(string day)
    {
        using var temp = new TempDir();
        var (legacyDir, oursDir) = Clv200Harness.TwoRunDirs(temp,
            File.ReadAllText(Path.Combine(Out(day), "SYSIN")), File.ReadAllBytes(Path.Combine(Out(day), "LINECALC")));

        var legacy = Clv200Harness.RunLegacy(legacyDir, Clv200Harness.LegacyRef);
        var ours = Clv200Harness.RunOurs(oursDir, Clv200Harness.LegacyRef);

        ours.ShouldMatch(legacy);
    }
}
