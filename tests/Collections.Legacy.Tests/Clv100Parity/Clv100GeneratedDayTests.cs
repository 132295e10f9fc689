using Collections.Parity.Generation;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv100Parity;

/// <summary>Random days from the parity generator (with planted defects) that no one looked at: byte-identical CLV100.</summary>
public class Clv100GeneratedDayTests
{
    [Theory]
    [InlineData(11UL, 0)]
    [InlineData(12UL, 30_000)]
    [InlineData(13UL, 80_000)]
    public void LegacyRun_GeneratedDay_ByteIdentical(ulong seed, int invalidPpm)
    {
        using var temp = new TempDir("clv100-gen");
        var inDir = temp.Combine("in");
        DayGenerator.Generate(new DayGeneratorOptions
        {
            RunDate = 20260302, Entries = 300, Seed = seed, OutDir = inDir, RefDir = Clv100Harness.Legacy.RefDir, InvalidPpm = invalidPpm,
        });
        var o = Clv100Harness.Run(temp, "20260302", inDir);
        Clv100Harness.AssertSame(o);
    }
}
