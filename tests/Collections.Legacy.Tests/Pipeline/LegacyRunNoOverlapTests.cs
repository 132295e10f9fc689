using Collections.Testing;

namespace Collections.Legacy.Tests.Pipeline;

/// <summary>
/// <c>collections legacy run</c> with and without <c>--no-overlap</c>: same exit code, console and files; with
/// <c>--through STEP020</c>: the first two steps' files as in the whole cycle, the later steps NOT RUN.
/// </summary>
[Collection("Console")]
public class LegacyRunNoOverlapTests
{
    private static (int Rc, string Console, Dictionary<string, byte[]> Files) Run(string outDir, params string[] extra)
    {
        var day = Path.Combine(RepoPaths.LegacyHome, "sample", "2026-03-03");
        var stdout = Console.Out;
        var capture = new StringWriter();
        Console.SetOut(capture);
        int rc;
        try
        {
            rc = Collections.Cli.Program.Main(["legacy", "run", "20260303", Path.Combine(day, "in"), outDir, "--ref", Path.Combine(RepoPaths.LegacyHome, "ref"), .. extra]);
        }
        finally
        {
            Console.SetOut(stdout);
        }
        var files = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(outDir, f), File.ReadAllBytes, StringComparer.Ordinal);
        return (rc, capture.ToString(), files);
    }

    [Fact]
    public void LegacyRun_NoOverlapOption_SameOutcomeAsOverlapped()
    {
        using var temp = new TempDir("cli-no-overlap");

        var overlapped = Run(temp.Combine("a"));
        var sequential = Run(temp.Combine("b"), "--no-overlap");

        sequential.Rc.Should().Be(overlapped.Rc).And.Be(4);
        sequential.Console.Should().Be(overlapped.Console).And.Contain("ACSCLV01 STEP020 PGM=CLV200   RC=0000\n");
        sequential.Files.Keys.Order(StringComparer.Ordinal).Should().Equal(overlapped.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in overlapped.Files) sequential.Files[name].Should().Equal(bytes, name);
        overlapped.Files.Should().ContainKey("ENTCALC");
    }
    [Theory]
    [InlineData("STEP020")]
    [InlineData("STEP010")]
    public void LegacyRun_Through_RunsTheStepsUpToItOnly(string last)
    {
        using var temp = new TempDir("cli-through");

        var whole = Run(temp.Combine("a"));
        var part = Run(temp.Combine("b"), "--through", last);

        var ran = last == "STEP020" ? new[] { "LINECALC", "REJECTS", "ENTCALC", "sysout/STEP010.CLV100", "sysout/STEP020.CLV200" } : ["LINECALC", "REJECTS", "sysout/STEP010.CLV100"];
        foreach (var name in ran) part.Files[name].Should().Equal(whole.Files[name], name);
        part.Files.Keys.Should().NotContain(["STMTOUT", "OPENITEM", "CLV500.RPT"]);
        if (last == "STEP010") part.Files.Keys.Should().NotContain("ENTCALC");
        part.Rc.Should().Be(4);
        part.Console.Should().Contain("ACSCLV01 STEP010 PGM=CLV100   RC=0004\n")
            .And.Contain("ACSCLV01 STEP030 PGM=CLV300   NOT RUN\n").And.Contain("ACSCLV01 STEP050 PGM=CLV500   NOT RUN\n")
            .And.Contain(last == "STEP020" ? "ACSCLV01 STEP020 PGM=CLV200   RC=0000\n" : "ACSCLV01 STEP020 PGM=CLV200   NOT RUN\n");
        whole.Console.Should().NotContain("NOT RUN");
    }

    [Fact]
    public void LegacyRun_ThroughAnUnknownStep_Exit2()
    {
        using var temp = new TempDir("cli-through-bad");
        Directory.CreateDirectory(temp.Combine("a"));
        var run = Run(temp.Combine("a"), "--through", "STEP060");
        run.Rc.Should().Be(2);
        run.Files.Should().BeEmpty();   // nothing run
    }
}
