using Collections.Parity.Capture;
using Collections.Parity.Generation;
using Collections.Testing;
using static Collections.Parity.Tests.Generation.GenerationTestSupport;

namespace Collections.Parity.Tests.Capture;

public sealed class FixtureCaptureTests
{
    private static FixtureManifest CaptureSmallDay(TempDir t, string name = "day", int entries = 8)
    {
        DayGenerator.Generate(Options(t.Combine("gen"), entries: entries, seed: 12, scenarios: false, meanLines: 2));
        return FixtureCapture.Capture(new CaptureOptions
        {
            LegacyHome = RepoPaths.LegacyHome,
            InputDir = t.Combine("gen"),
            RunDate = "20260302",
            OutDir = t.Combine("fixtures", name),
            Description = "test day",
        });
    }

    [Fact]
    public void Capture_GeneratedDay_StoresInputsOutputsAndAManifestThatVerifies()
    {
        using var t = new TempDir();
        var m = CaptureSmallDay(t);
        m.ReturnCode.Should().Be(0);
        m.RunDate.Should().Be("20260302");
        m.Steps.Select(s => s.Program).Should().Equal("CLV100", "CLV200", "CLV300", "CLV400", "CLV500");
        m.Steps.Should().OnlyContain(s => s.ReturnCode == 0);
        m.LegacySourceHash.Should().Be(Collections.Parity.Legacy.LegacySuite.HashSources(RepoPaths.LegacyHome));
        m.Compiler.Should().StartWith("cobc (GnuCOBOL)");
        m.ReferenceSource.Should().Be("legacy");
        m.ReferenceTables.Select(r => r.Path).Should().Contain(["TARIFF.DAT", "FEES.DAT", "EXRATE.DAT"]);
        var paths = m.Files.Select(f => f.Path).ToList();
        paths.Should().Contain(["input/ENTRYIN", "input/PAYMENTS", "input/SYSIN", "output/LINECALC", "output/ENTCALC",
            "output/OPENITEM", "output/CTLTOTS", "output/CLV500.RPT", "output/sysout/STEP010.CLV100", "cycle.log"]);
        ManifestVerifier.Verify(t.Combine("fixtures", "day"), Path.Combine(RepoPaths.LegacyHome, "ref")).Should().BeEmpty();
        File.ReadAllText(t.Combine("fixtures", "day", "cycle.log")).Should().NotContain(Path.GetTempPath());
    }

    [Fact]
    public void Capture_TwiceOnceUnderTurkishCulture_ManifestBytesIdentical()
    {
        using var t = new TempDir();
        CaptureSmallDay(t, "a");
        var first = File.ReadAllBytes(t.Combine("fixtures", "a", FixtureManifest.FileName));
        using (HostileCulture.Enter()) CaptureSmallDay(t, "a");
        File.ReadAllBytes(t.Combine("fixtures", "a", FixtureManifest.FileName)).Should().Equal(first);
        FixtureCapture.Recapture(t.Combine("fixtures", "a"), RepoPaths.LegacyHome).Should().BeEmpty();
        File.ReadAllBytes(t.Combine("fixtures", "a", FixtureManifest.FileName)).Should().Equal(first);
    }

    [Fact]
    public void Recapture_CheckOnly_DetectsAnOutputThatNoLongerMatches()
    {
        using var t = new TempDir();
        CaptureSmallDay(t);
        var lc = t.Combine("fixtures", "day", "output", "LINECALC");
        var bytes = File.ReadAllBytes(lc);
        bytes[130] ^= 0x01;
        File.WriteAllBytes(lc, bytes);
        // the stored output is compared through its manifest hash: tamper the manifest's view by re-reading it
        var m = FixtureManifest.Read(t.Combine("fixtures", "day"));
        var changedManifest = m with { Files = m.Files.Select(f => f.Path == "output/LINECALC" ? f with { Sha256 = FixtureManifest.Sha256Hex(lc) } : f).ToList() };
        changedManifest.Write(t.Combine("fixtures", "day"));
        FixtureCapture.Recapture(t.Combine("fixtures", "day"), RepoPaths.LegacyHome, write: false).Should().Equal("output/LINECALC");
    }

    [Fact]
    public void Capture_WithPriorFixture_RunsOnItsMaster()
    {
        using var t = new TempDir();
        CaptureSmallDay(t, "d1", entries: 12);
        DayGenerator.Generate(Options(t.Combine("gen2"), runDate: 20260303, entries: 3, seed: 13,
            paymentsFrom: t.Combine("fixtures", "d1", "output")));
        var m = FixtureCapture.Capture(new CaptureOptions
        {
            LegacyHome = RepoPaths.LegacyHome,
            InputDir = t.Combine("gen2"),
            RunDate = "20260303",
            OutDir = t.Combine("fixtures", "d2"),
            PriorFixture = t.Combine("fixtures", "d1"),
        });
        m.Prior.Should().Be("d1");
        File.ReadAllText(t.Combine("fixtures", "d2", "output", "sysout", "STEP040.CLV400")).Should().NotContain("NO OLD OPEN ITEM MASTER");
        FixtureSet.LoadAll(t.Combine("fixtures")).Select(s => s.Name).Should().Equal("d1", "d2");
    }

    [Fact]
    public void Capture_OverAFolderThatIsNotAFixture_Refuses()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t.Combine("notfixture"));
        File.WriteAllText(t.Combine("notfixture", "precious.txt"), "keep me");
        DayGenerator.Generate(Options(t.Combine("gen"), entries: 2));
        var act = () => FixtureCapture.Capture(new CaptureOptions
        {
            LegacyHome = RepoPaths.LegacyHome, InputDir = t.Combine("gen"), RunDate = "20260302", OutDir = t.Combine("notfixture"),
        });
        act.Should().Throw<InvalidOperationException>();
        File.Exists(t.Combine("notfixture", "precious.txt")).Should().BeTrue();
    }
}
