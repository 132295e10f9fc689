using Collections.Parity.Capture;
using Collections.Testing;

namespace Collections.Parity.Tests.Capture;

public sealed class ManifestVerifierTests
{
    private static string MakeFixture(TempDir t)
    {
        var dir = t.Combine("fx");
        Directory.CreateDirectory(Path.Combine(dir, "output"));
        File.WriteAllBytes(Path.Combine(dir, "output", "LINECALC"), [1, 2, 3, 4]);
        File.WriteAllText(Path.Combine(dir, "cycle.log"), "ACSCLV01 STEP010 PGM=CLV100   RC=0004\nACSCLV01 STEP020 PGM=CLV200   NOT RUN\n");
        new FixtureManifest
        {
            Name = "fx",
            RunDate = "20260302",
            LegacySourceHash = "00",
            Compiler = "cobc",
            CompilerFlags = "-x",
            ReferenceSource = "legacy",
            ReferenceTables = [],
            ReturnCode = 4,
            Steps = FixtureManifest.ParseSteps(File.ReadAllText(Path.Combine(dir, "cycle.log"))),
            CaptureTool = "test",
            Files = [FixtureManifest.Describe(dir, Path.Combine(dir, "output", "LINECALC")), FixtureManifest.Describe(dir, Path.Combine(dir, "cycle.log"))],
        }.Write(dir);
        return dir;
    }

    [Fact]
    public void Verify_IntactFixture_NoProblems()
    {
        using var t = new TempDir();
        ManifestVerifier.Verify(MakeFixture(t)).Should().BeEmpty();
    }

    [Fact]
    public void Verify_ChangedByte_Reported()
    {
        using var t = new TempDir();
        var dir = MakeFixture(t);
        File.WriteAllBytes(Path.Combine(dir, "output", "LINECALC"), [1, 2, 3, 5]);
        ManifestVerifier.Verify(dir).Should().ContainSingle().Which.Should().Contain("output/LINECALC SHA-256");
    }

    [Fact]
    public void Verify_MissingAndExtraFiles_Reported()
    {
        using var t = new TempDir();
        var dir = MakeFixture(t);
        File.Delete(Path.Combine(dir, "cycle.log"));
        File.WriteAllText(Path.Combine(dir, "output", "EXTRA"), "x");
        var problems = ManifestVerifier.Verify(dir);
        problems.Should().Contain(p => p.Contains("cycle.log missing", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("output/EXTRA is not in the manifest", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadWrite_RoundTripsEveryField()
    {
        using var t = new TempDir();
        var dir = MakeFixture(t);
        var m = FixtureManifest.Read(dir);
        m.Steps.Should().Equal(new CycleStep("STEP010", "CLV100", 4), new CycleStep("STEP020", "CLV200", null));
        var before = File.ReadAllBytes(Path.Combine(dir, FixtureManifest.FileName));
        m.Write(dir);
        File.ReadAllBytes(Path.Combine(dir, FixtureManifest.FileName)).Should().Equal(before);
    }
}
