using Collections.Testing;

namespace Collections.Legacy.Tests.Pipeline;

/// <summary><c>collections legacy run</c> with and without <c>--no-overlap</c>: same exit code, console and files.</summary>
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
}
