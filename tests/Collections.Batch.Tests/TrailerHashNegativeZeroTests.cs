using Collections.Batch.Export;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;
using Collections.Persistence.Entities;
using Collections.Testing;

namespace Collections.Batch.Tests;

/// <summary>
/// ET-VALUE-HASH packed negative zero (X'00..0D') on a day whose line values are all zero (so the trailer balances):
/// CLV100 moves it to CT-AMOUNT keeping the sign, CTLTOTS CLV100 05 ends in '}' (-0). The database cycle keeps that
/// sign (ingest_summaries.trailer_hash_negative_zero) and `export legacy` writes the line as the legacy did; differential
/// against run-cycle.sh. With a positive zero (X'00..0C') the line ends in '{' on both sides.
/// </summary>
public sealed class TrailerHashNegativeZeroTests
{
    [Theory]
    [InlineData(0x0D, '}')]
    [InlineData(0x0C, '{')]
    public async Task RunDay_ThenExportLegacy_ControlTotalKeepsTheTrailerHashSign(byte sign, char last)
    {
        using var dir = new TempDir("db-negzero");
        var suite = LegacySuite.Prepare(RepoPaths.LegacyHome);
        var inDir = dir.Combine("in");
        DayGenerator.Generate(new DayGeneratorOptions { RunDate = 20260302, Entries = 3, Seed = 7, OutDir = inDir, RefDir = suite.RefDir, MeanLines = 2, Scenarios = false });
        var path = Path.Combine(inDir, "ENTRYIN");
        var data = File.ReadAllBytes(path);
        for (var off = 0; off < data.Length - EntryRecords.Length; off += EntryRecords.Length)
            if (data[off] == (byte)'L') Collections.Cobol.Codecs.PackedDecimal.Encode(0, data.AsSpan(off + 29, 7), 13, signed: true);
        var t = data.Length - EntryRecords.Length;
        data.AsSpan(t + 15, 9).Clear();
        data[t + 15 + 8] = sign;
        File.WriteAllBytes(path, data);
        var legacyOut = dir.Combine("legacy");
        suite.RunCycle("20260302", inDir, legacyOut);

        var options = TestDatabases.Sqlite(dir);
        var (_, final) = await TestDatabases.RunDayAsync(options, new DateOnly(2026, 3, 2), inDir);
        final!.Run.Status.Should().Be(RunStatus.Done, final.Run.Message);
        var outDir = dir.Combine("export");
        await LegacyExport.WriteAsync(options, final.Run.Id, outDir);

        var legacyCtl = File.ReadAllLines(Path.Combine(legacyOut, "CTLTOTS")).Single(l => l.Contains("RECORDS AND HASH PER TRAILER", StringComparison.Ordinal));
        legacyCtl.TrimEnd()[^1].Should().Be(last, "the legacy's CTLTOTS 05");
        foreach (var file in Directory.GetFiles(legacyOut, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(legacyOut, f)))
            File.ReadAllBytes(Path.Combine(outDir, file)).Should().Equal(File.ReadAllBytes(Path.Combine(legacyOut, file)), file);
    }
}
