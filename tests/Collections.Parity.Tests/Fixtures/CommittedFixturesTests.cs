using Collections.Parity.Capture;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Parity.Tests.Fixtures;

/// <summary>The fixture sets committed under legacy-fixtures/ (see legacy-fixtures/README.md).</summary>
public sealed class CommittedFixturesTests
{
    public static TheoryData<string> FixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (var d in Directory.GetDirectories(RepoPaths.LegacyFixtures).Order(StringComparer.Ordinal))
            if (File.Exists(Path.Combine(d, FixtureManifest.FileName))) data.Add(Path.GetFileName(d));
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Manifest_EveryFileMatchesItsHash(string name)
    {
        ManifestVerifier.Verify(Path.Combine(RepoPaths.LegacyFixtures, name), Path.Combine(RepoPaths.LegacyHome, "ref")).Should().BeEmpty();
    }

    [Fact]
    public void Fixtures_CapturedFromTheCurrentLegacySources()
    {
        var hash = LegacySuite.HashSources(RepoPaths.LegacyHome);
        foreach (var s in FixtureSet.LoadAll(RepoPaths.LegacyFixtures))
            s.Manifest.LegacySourceHash.Should().Be(hash, $"{s.Name} was captured from other legacy sources: re-capture it (legacy-fixtures/make-fixtures.sh)");
    }

    [Fact]
    public void Fixtures_CoverEveryRejectReasonAndReturnCode()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var rcs = new HashSet<int>();
        foreach (var s in FixtureSet.LoadAll(RepoPaths.LegacyFixtures))
        {
            rcs.Add(s.Manifest.ReturnCode);
            foreach (var file in new[] { "REJECTS", "SUSPENSE" })
            {
                var p = Path.Combine(s.OutputDir, file);
                if (!File.Exists(p)) continue;
                foreach (var l in File.ReadAllLines(p)) codes.Add(file == "REJECTS" ? l.Substring(35, 4) : l.Substring(66, 4));
            }
        }
        rcs.Should().BeEquivalentTo([0, 4, 8, 16]);
        var expected = new List<string> { "R001", "R002", "R003" };
        expected.AddRange(Enumerable.Range(1, 15).Select(i => $"H{i:D3}"));
        expected.AddRange(Enumerable.Range(1, 13).Select(i => $"L{i:D3}"));
        expected.AddRange(["W001", "W002", "T001", "T002", "T003", "T004", "T005"]);
        expected.AddRange(Enumerable.Range(1, 7).Select(i => $"S{i:D3}"));
        codes.Should().Contain(expected);
    }

    [Fact]
    public void Readme_IndexesEveryFixture()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.LegacyFixtures, "README.md"));
        foreach (var s in FixtureSet.LoadAll(RepoPaths.LegacyFixtures))
            readme.Should().Contain(s.Name);
    }

    /// <summary>
    /// LEGACY RE-RUN (slow-ish, needs cobc): re-runs the real legacy on a committed fixture chain's inputs and
    /// gets byte-identical outputs, i.e. the capture is reproducible from its manifest.
    /// </summary>
    [Theory]
    [Trait("Category", "LegacyRerun")]
    [InlineData("sample-2026-03-03")]
    [InlineData("gen-chain-3-20260304")]
    [InlineData("garbage-G12-BAD-REF-RECORD")]
    [InlineData("garbage-M04-MASTER-BAD-PACKED")]
    [InlineData("chain-leap-4-20280229")]
    public void Recapture_CommittedFixture_ReproducesEveryOutputExactly(string name)
    {
        FixtureCapture.Recapture(Path.Combine(RepoPaths.LegacyFixtures, name), RepoPaths.LegacyHome, write: false).Should().BeEmpty();
    }
}
