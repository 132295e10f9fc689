using Collections.Testing;

namespace Collections.Legacy.Tests.Clv100Parity;

/// <summary>The legacy's sample days: the port's CLV100 outputs equal the live legacy's and the committed sample outputs.</summary>
public class Clv100SampleDayTests
{
    [Theory]
    [InlineData("2026-03-02", "20260302")]
    [InlineData("2026-03-03", "20260303")]
    public void LegacyRun_SampleDay_ByteIdenticalToLegacy(string day, string runDate)
    {
        using var temp = new TempDir("clv100-sample");
        var inDir = Path.Combine(RepoPaths.LegacyHome, "sample", day, "in");
        var o = Clv100Harness.Run(temp, runDate, inDir);
        Clv100Harness.AssertSame(o);
        o.PortedRc.Should().Be(4);
        // and equal to the outputs committed with the legacy suite
        var committed = Path.Combine(RepoPaths.LegacyHome, "sample", day, "out");
        File.ReadAllBytes(Path.Combine(o.PortedOut, "LINECALC")).Should().Equal(File.ReadAllBytes(Path.Combine(committed, "LINECALC")));
        File.ReadAllBytes(Path.Combine(o.PortedOut, "REJECTS")).Should().Equal(File.ReadAllBytes(Path.Combine(committed, "REJECTS")));
    }

    [Fact]
    public void LegacyRun_SampleDay_ConsoleLinesAsRunCycle()
    {
        using var temp = new TempDir("clv100-console");
        var o = Clv100Harness.Run(temp, "20260302", Path.Combine(RepoPaths.LegacyHome, "sample", "2026-03-02", "in"));
        var legacyLines = o.LegacyConsole.Split('\n');
        var portedLines = o.PortedConsole.Split('\n');
        portedLines[0].Should().Be(legacyLines[0]);
        portedLines[1].Should().Be(legacyLines[1]).And.Be("ACSCLV01 STEP010 PGM=CLV100   RC=0004");
        portedLines.Should().Contain(l => l.Contains("NOT PORTED", StringComparison.Ordinal) || l.Contains("RC=", StringComparison.Ordinal));
        portedLines.Should().Contain(l => l.StartsWith("ACSCLV01 CYCLE 20260302 ENDED, MAXIMUM RETURN CODE", StringComparison.Ordinal));
    }
}
