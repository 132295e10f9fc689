using System.Text.Json;
using Collections.Cobol.Copybooks;
using Collections.Testing;

namespace Collections.Cobol.Tests.Cli;

public sealed class CobolLayoutCommandTests
{
    private static string CopybookDir => Path.Combine(RepoPaths.LegacyHome, "copybooks");

    [Fact]
    public void Layout_LegacyEntryRecord_PrintsOneLinePerItemWithOffsetsAndLengths()
    {
        using var _ = HostileCulture.Enter();
        var result = CliRunner.Run("cobol", "layout", "--copybook", Path.Combine(CopybookDir, "ENTRYREC.cpy"));
        result.ExitCode.Should().Be(0, result.StdErr);
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("LVL  NAME");
        var layout = CopybookLayout.Load(Path.Combine(CopybookDir, "ENTRYREC.cpy"));
        lines.Should().HaveCount(layout.Fields.Count + 1);
        var foreign = lines.Single(l => l.Contains("EL-FOREIGN-VALUE", StringComparison.Ordinal));
        foreign.Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("10", "EL-FOREIGN-VALUE", "29", "7", "S9(11)V99", "COMP-3");
        lines.Single(l => l.Contains("ER-LINE-DATA", StringComparison.Ordinal)).Should().Contain("REDEFINES ER-REC-DATA");
        lines.Single(l => l.Contains("EL-CH99-NO", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal("10", "EL-CH99-NO", "52", "10", "X(10)", "DISPLAY", "3");
    }

    [Fact]
    public void Layout_Json_ListsEveryFieldWithOffsetLengthAndUsage()
    {
        using var dir = new TempDir("layout-json");
        var wrapper = dir.Combine("W.cpy");
        File.WriteAllText(wrapper, "           COPY OPENITEM REPLACING ==:OI:== BY ==NM==.\n");
        var result = CliRunner.Run("cobol", "layout", "--copybook", wrapper, "--include", CopybookDir, "--json", "--binary-size", "1-2-4-8");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("binarySize").GetString().Should().Be("1-2-4-8");
        var fields = doc.RootElement.GetProperty("fields").EnumerateArray().ToList();
        var balance = fields.Single(f => f.GetProperty("name").GetString() == "NM-BALANCE");
        balance.GetProperty("offset").GetInt32().Should().Be(122);
        balance.GetProperty("length").GetInt32().Should().Be(7);
        balance.GetProperty("usage").GetString().Should().Be("COMP-3");
        balance.GetProperty("scale").GetInt32().Should().Be(2);
        fields.Single(f => f.GetProperty("name").GetString() == "NM-STATUS").GetProperty("conditions").GetArrayLength().Should().Be(5);
    }

    [Fact]
    public void Layout_UnsupportedSyntax_Exits1NamingFileAndLine()
    {
        using var dir = new TempDir("layout-bad");
        var path = dir.Combine("BAD.cpy");
        File.WriteAllText(path, "       01  REC.\n           05  A PIC X(3) COMP-1.\n");
        var result = CliRunner.Run("cobol", "layout", "--copybook", path);
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("BAD.cpy:2:");
    }

    [Fact]
    public void Layout_UnknownBinarySize_Exits1()
    {
        var result = CliRunner.Run("cobol", "layout", "--copybook", Path.Combine(CopybookDir, "PAYREC.cpy"), "--binary-size", "1--8");
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("1--8");
    }
}
