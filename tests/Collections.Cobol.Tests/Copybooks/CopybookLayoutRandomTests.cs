using Collections.Cobol.Copybooks;
using Collections.Testing;

namespace Collections.Cobol.Tests.Copybooks;

/// <summary>Random copybooks (a few hundred items per program) laid out by us and by cobc, per -fbinary-size option.</summary>
public sealed class CopybookLayoutRandomTests
{
    [Theory]
    [InlineData(BinarySize.TwoFourEight, 20261128)]
    [InlineData(BinarySize.OneTwoFourEight, 20261129)]
    [InlineData(BinarySize.TwoFourEight, 7)]
    public void Compute_RandomCopybooks_EqualCobc(BinarySize size, int seed)
    {
        using var dir = new TempDir("layout-random");
        var text = new RandomCopybook(seed).Generate(records: 8, fieldsPerRecord: 40);
        File.WriteAllText(dir.Combine("RANDCPY.cpy"), text);
        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(dir.Combine("RANDCPY.cpy")), new LayoutOptions { BinarySize = size });
        layout.Fields.Count(f => f.Name is not null).Should().BeGreaterThan(200);
        var cobc = CobcLayoutProbe.Run(dir, "COPY RANDCPY.", layout, dir.Path, CobcLayoutProbe.Flags(size));
        var ours = CobcLayoutProbe.Ours(layout);
        var cobcByName = cobc.ToDictionary(p => p.Record + "|" + p.Name);
        var mismatches = ours.Where(o => !cobcByName.TryGetValue(o.Record + "|" + o.Name, out var c) || c != o)
            .Select(o => $"ours {o} cobc {(cobcByName.TryGetValue(o.Record + "|" + o.Name, out var c) ? c.ToString() : "missing")}").ToList();
        mismatches.Should().BeEmpty($"seed {seed} (copybook kept under ACS_KEEP_TEMP=1 in {dir.Path})");
        ours.Count.Should().Be(cobc.Count);
    }
}
