using Collections.Parity.Compare;
using Collections.Parity.Config;
using Collections.Testing;

namespace Collections.Parity.Tests;

/// <summary>
/// The gates' figures fed by the comparison's pass over each file (<see cref="SideAggregates.Sink"/>, one read per data
/// set) are the figures <see cref="SideAggregates.Compute"/> gets by reading every file itself: every aggregate, record
/// identity, group total and roll-up statistic, on the legacy sample days against a modern side with a dropped, an
/// altered and a reordered record (so that records go through the key matching too, not only the in-step path).
/// </summary>
public sealed class SideAggregatesTests
{
    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2026-03-03")]
    public void Sink_FedByTheComparison_SameFiguresAsReadingTheFiles(string sample)
    {
        using var culture = HostileCulture.Enter();
        using var dir = new TempDir("aggregates");
        var day = DayComparerTests.SampleDay(sample);
        var legacyOut = Path.Combine(day, "out");
        var modernOut = dir.Combine("modern");
        Directory.CreateDirectory(modernOut);
        foreach (var f in Directory.GetFiles(legacyOut)) File.Copy(f, Path.Combine(modernOut, Path.GetFileName(f)));
        // LINECALC: drop record 3, alter a byte of record 10, swap records 20 and 21
        const int lrecl = 250;
        var lc = File.ReadAllBytes(Path.Combine(legacyOut, "LINECALC"));
        var records = Enumerable.Range(0, lc.Length / lrecl).Select(i => lc.AsSpan(i * lrecl, lrecl).ToArray()).ToList();
        records[10][100] ^= 0x01;
        (records[20], records[21]) = (records[21], records[20]);
        records.RemoveAt(3);
        File.WriteAllBytes(Path.Combine(modernOut, "LINECALC"), [.. records.SelectMany(r => r)]);

        var config = ParityConfig.Load(Path.Combine(RepoPaths.RepoRoot, "legacy-fixtures", "parity-config.json"));
        var comparer = new DayComparer(config, new CopybookSource([]));
        var paths = (string outDir) => config.Files.ToDictionary(f => f.Name, f => (string?)Path.Combine(outDir, f.Name))
            .Concat(config.Inputs.ToDictionary(f => f.Name, f => (string?)Path.Combine(day, "in", f.Name))).ToDictionary(kv => kv.Key, kv => kv.Value);

        foreach (var (side, outDir) in new[] { ("legacy", legacyOut), ("modern", modernOut) })
        {
            var read = new SideAggregates(side, paths(outDir), comparer.Files.Values);
            read.Compute(config);
            var fed = new SideAggregates(side, paths(outDir), comparer.Files.Values);
            fed.Prepare(config);
            foreach (var spec in config.Files)
            {
                var path = Path.Combine(outDir, spec.Name);
                if (!File.Exists(path)) continue;
                // the side's file compared against the legacy's: its records reach the sink as the comparison reads them
                new FileComparer(comparer.Files[spec.Name]).Compare(Path.Combine(legacyOut, spec.Name), path, [],
                    legacySink: null, modernSink: fed.Sink(spec.Name));
            }
            SideAggregates.FinishBoth(fed, null);

            fed.Aggregates.Should().Equal(read.Aggregates, side);
            fed.Identities.Keys.Should().Equal(read.Identities.Keys);
            foreach (var (k, v) in read.Identities)
            {
                fed.Identities[k].Checked.Should().Be(v.Checked);
                fed.Identities[k].Violations.Should().Be(v.Violations);
                fed.Identities[k].Examples.Should().Equal(v.Examples);
            }
            fed.GroupTotals.Keys.Should().Equal(read.GroupTotals.Keys);
            foreach (var (k, v) in read.GroupTotals) (fed.GroupTotals[k] ?? []).Should().Equal(v ?? [], k);
            fed.Rollups.Keys.Should().Equal(read.Rollups.Keys);
            foreach (var (k, v) in read.Rollups)
            {
                if (v is null) { fed.Rollups[k].Should().BeNull(); continue; }
                fed.Rollups[k]!.Keys.Should().BeEquivalentTo(v.Keys);
                foreach (var (key, s) in v) fed.Rollups[k]![key].Should().BeEquivalentTo(s, $"{k} {key}");
            }
            fed.Errors.Should().Equal(read.Errors);
            read.Aggregates.Values.Should().Contain(a => a != null && a.Value.Unscaled != 0, "the figures are not all empty");
        }
    }
}
