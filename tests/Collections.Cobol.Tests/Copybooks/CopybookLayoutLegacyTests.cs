using Collections.Cobol.Copybooks;
using Collections.Testing;

namespace Collections.Cobol.Tests.Copybooks;

/// <summary>Every legacy copybook parses, and its offsets and lengths equal cobc's (legacy flags, and 1-2-4-8).</summary>
public sealed class CopybookLayoutLegacyTests
{
    private static string CopybookDir => Path.Combine(RepoPaths.LegacyHome, "copybooks");

    public static TheoryData<string> LegacyCopybooks()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.LegacyHome, "copybooks"), "*.cpy").OrderBy(x => x, StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    /// <summary>The copybook as the legacy programs COPY it (OPENITEM through REPLACING, as CLV400 does).</summary>
    internal static (string CopyStatement, CopybookLayout Layout) Load(string member, TempDir dir, BinarySize size = BinarySize.TwoFourEight)
    {
        var statement = member == "OPENITEM" ? "COPY OPENITEM REPLACING ==:OI:== BY ==OM==." : $"COPY {member}.";
        // A wrapper copybook that COPYs the member, as a program does.
        var wrapper = dir.Combine($"W{member}.cpy");
        File.WriteAllText(wrapper, "           " + statement + "\n");
        var options = new CopybookParserOptions();
        options.IncludeDirectories.Add(CopybookDir);
        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(wrapper, options), new LayoutOptions { BinarySize = size });
        return (statement, layout);
    }

    [Theory]
    [MemberData(nameof(LegacyCopybooks))]
    public void Compute_LegacyCopybook_EqualsCobc(string member)
    {
        using var _ = HostileCulture.Enter();
        using var dir = new TempDir("layout-legacy");
        var (statement, layout) = Load(member, dir);
        layout.Fields.Should().NotBeEmpty();
        var cobc = CobcLayoutProbe.Run(dir, statement, layout, CopybookDir, Cobc.LegacyFlags);
        CobcLayoutProbe.Ours(layout).Should().Equal(cobc);
    }

    [Fact]
    public void Compute_AllLegacyCopybooksInOneProgram_EqualsCobcWith1248()
    {
        using var dir = new TempDir("layout-legacy-1248");
        // One program for all members keeps the test fast; prefixes keep OPENITEM's names apart.
        var wrapper = dir.Combine("ALL.cpy");
        var members = Directory.GetFiles(CopybookDir, "*.cpy").Select(Path.GetFileNameWithoutExtension).OrderBy(x => x, StringComparer.Ordinal);
        var text = string.Concat(members.Select(m =>
            "           " + (m == "OPENITEM" ? "COPY OPENITEM REPLACING ==:OI:== BY ==OM==." : $"COPY {m}.") + "\n"));
        File.WriteAllText(wrapper, text);
        var options = new CopybookParserOptions();
        options.IncludeDirectories.Add(CopybookDir);
        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(wrapper, options), new LayoutOptions { BinarySize = BinarySize.OneTwoFourEight });
        layout.Records.Should().HaveCountGreaterThan(20);
        var cobc = CobcLayoutProbe.Run(dir, "COPY ALL.", layout, dir.Path, [.. CobcLayoutProbe.Flags(BinarySize.OneTwoFourEight), "-I", CopybookDir]);
        CobcLayoutProbe.Ours(layout).Should().Equal(cobc);
    }

    [Theory]
    [InlineData("ENTRYREC", "ENTRY-RECORD", 250)]
    [InlineData("LINECALC", "LINECALC-RECORD", 250)]
    [InlineData("OPENITEM", "OM-RECORD", 150)]
    [InlineData("STMTHDR", "STMT-HEADER-RECORD", 200)]
    [InlineData("ENTCALC", "ENTCALC-TOTAL-RECORD", 223)]
    [InlineData("ENTCALC", "ENTCALC-MPF-RECORD", 36)]
    [InlineData("PAYREC", "PAYMENT-RECORD", 50)]
    public void Compute_LegacyRecord_HasTheRunBookLength(string member, string record, int length)
    {
        using var dir = new TempDir("layout-runbook");
        var (_, layout) = Load(member, dir);
        layout.Records.Single(r => r.Name == record).Length.Should().Be(length);
    }
}
