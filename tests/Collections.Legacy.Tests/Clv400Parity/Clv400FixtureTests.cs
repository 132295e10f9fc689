using System.Text;
using Collections.Parity.Capture;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv400Parity;

/// <summary>
/// STEP040 on every committed fixture set whose cycle ran CLV400: our step fed the fixture's STMTOUT, PAYMENTS, the
/// prior fixture's OPENITEM and its reference tables reproduces the captured OPENITEM, LEDGER, SUSPENSE, CLV400
/// lines of CTLTOTS, sysout and return code byte for byte.
/// </summary>
public class Clv400FixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var set in FixtureSet.LoadAll(RepoPaths.LegacyFixtures))
            if (File.Exists(Path.Combine(set.OutputDir, "sysout", "STEP040.CLV400"))) data.Add(set.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Run_Fixture_MatchesCapturedOutputs(string name)
    {
        var set = FixtureSet.Load(Path.Combine(RepoPaths.LegacyFixtures, name));
        byte[]? Read(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;
        var refDir = set.RefDir(Clv400Harness.LegacyRef);
        using var temp = new TempDir();
        var (_, dir) = Clv400Harness.TwoRunDirs(temp, new Dictionary<string, byte[]?>
        {
            ["SYSIN"] = Read(Path.Combine(set.OutputDir, "SYSIN")),
            ["STMTOUT"] = Read(Path.Combine(set.OutputDir, "STMTOUT")),
            ["PAYMENTS"] = Read(Path.Combine(set.InputDir, "PAYMENTS")),
            ["OLDMAST"] = set.PriorOutputDir is null ? null : Read(Path.Combine(set.PriorOutputDir, "OPENITEM")),
            ["INTRATE"] = Read(Path.Combine(refDir, "INTRATE.DAT")),
        });

        var ours = Clv400Harness.RunOurs(dir);

        ours.Sysout.Should().Be(File.ReadAllText(Path.Combine(set.OutputDir, "sysout", "STEP040.CLV400"), Encoding.Latin1));
        foreach (var (file, bytes) in new[] { ("OPENITEM", ours.NewMaster), ("LEDGER", ours.Ledger), ("SUSPENSE", ours.Suspense) })
            Convert.ToHexString(bytes ?? []).Should().Be(Convert.ToHexString(Read(Path.Combine(set.OutputDir, file)) ?? []), file + " must be byte-identical");
        var captured = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(set.OutputDir, "CTLTOTS")))
            .Split('\n').Where(l => l.StartsWith("CLV400 ", StringComparison.Ordinal)).Select(l => l + "\n");
        ours.Ctltots.Should().Be(string.Concat(captured));
        ours.ReturnCode.Should().Be(set.Manifest.Steps.Single(s => s.Program == "CLV400").ReturnCode);
    }
}
