using System.Text;
using Collections.Legacy.Pipeline;
using Collections.Parity.Legacy;
using Collections.Parity.Runs;
using Collections.Testing;

namespace Collections.Legacy.Tests.Pipeline;

/// <summary>
/// STEP020 overlapped with STEP010 (LINECALC through the in-memory pipe) against the same cycle run step after step:
/// every file of OUTDIR, the console lines, the diagnostics and the return codes must be the same bytes; and both
/// against the captured legacy run of each committed fixture day (including the garbage days that end STEP010 with
/// RC 8 or 16, where STEP020 is NOT RUN and no ENTCALC may exist).
/// </summary>
public class LegacyCycleOverlapTests
{
    public static TheoryData<string> FixtureDays()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepoPaths.LegacyFixtures).Order(StringComparer.Ordinal))
            if (FixtureDay.IsFixture(dir)) data.Add(Path.GetFileName(dir));
        return data;
    }

    /// <summary>One cycle's observable outcome: OUTDIR files (relative path → bytes), console, diagnostics, result.</summary>
    private sealed record Outcome(SortedDictionary<string, byte[]> Files, string Console, string Errors, LegacyCycleResult Result);

    private static Outcome Run(LegacyCycle cycle, FixtureDay day, string outDir)
    {
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        var console = new StringWriter();
        var errors = new StringWriter();
        var refDir = day.RefDir ?? Path.Combine(RepoPaths.LegacyHome, "ref");
        var result = cycle.Run(day.RunDate, day.InputDir, outDir, day.PriorOutputDir(), refDir, console, errors);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(outDir))
            foreach (var f in Directory.GetFiles(outDir, "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(outDir, f)] = File.ReadAllBytes(f);
        return new Outcome(files, console.ToString(), errors.ToString(), result);
    }

    private static void ShouldBeSame(Outcome actual, Outcome expected, string because)
    {
        actual.Files.Keys.Should().Equal(expected.Files.Keys, because);
        foreach (var (name, bytes) in expected.Files) actual.Files[name].Should().Equal(bytes, $"{name} {because}");
        actual.Console.Should().Be(expected.Console, because);
        actual.Errors.Should().Be(expected.Errors, because);
        actual.Result.MaxReturnCode.Should().Be(expected.Result.MaxReturnCode, because);
        actual.Result.Steps.Should().Equal(expected.Result.Steps, because);
    }

    [Theory]
    [MemberData(nameof(FixtureDays))]
    public void Run_FixtureDay_OverlappedEqualsSequentialAndLegacy(string fixture)
    {
        var day = FixtureDay.Load(Path.Combine(RepoPaths.LegacyFixtures, fixture));
        using var temp = new TempDir();
        var outDir = temp.Combine("out");
        var steps = LegacySteps.Discover();

        var sequential = Run(new LegacyCycle(steps) { Overlap = false }, day, outDir);
        var overlapped = Run(new LegacyCycle(steps), day, outDir);
        // a pipe of two 256-byte chunks: the producer blocks on almost every LINECALC record
        var tinyPipe = Run(new LegacyCycle(steps) { PipeChunkSize = 256, PipeChunkCount = 2 }, day, outDir);

        ShouldBeSame(overlapped, sequential, "(overlapped vs sequential)");
        ShouldBeSame(tinyPipe, sequential, "(overlapped through a tiny pipe vs sequential)");

        // and against the legacy's captured run
        var log = File.ReadAllText(Path.Combine(day.Directory, "cycle.log"));
        foreach (var step in new[] { "STEP010", "STEP020" })
        {
            string Line(string text) => text.Split('\n').Single(l => l.StartsWith("ACSCLV01 " + step, StringComparison.Ordinal));
            Line(overlapped.Console).Should().Be(Line(log));
        }
        foreach (var dsn in new[] { "LINECALC", "REJECTS", "ENTCALC", Path.Combine("sysout", "STEP020.CLV200") })
        {
            var legacy = Path.Combine(day.OutputDir, dsn);
            if (File.Exists(legacy)) overlapped.Files[dsn].Should().Equal(File.ReadAllBytes(legacy), dsn);
            else overlapped.Files.Should().NotContainKey(dsn, "the legacy did not write it");
        }
        static string Ctl(byte[] bytes) => string.Concat(Encoding.Latin1.GetString(bytes).Split('\n')
            .Where(l => l.StartsWith("CLV100 ", StringComparison.Ordinal) || l.StartsWith("CLV200 ", StringComparison.Ordinal)).Select(l => l + "\n"));
        var legacyCtl = Path.Combine(day.OutputDir, "CTLTOTS");
        if (File.Exists(legacyCtl)) Ctl(overlapped.Files["CTLTOTS"]).Should().Be(Ctl(File.ReadAllBytes(legacyCtl)));
    }

    [Theory]
    [InlineData("HMFPORT.DAT")]   // CLV200 only: STEP010 ends normally, STEP020 cannot open HMFPORT (RC 16)
    [InlineData("FEES.DAT")]      // both: STEP010 cannot open FEETAB (RC 16), STEP020 NOT RUN
    public void Run_MissingReferenceTable_OverlappedEqualsSequentialAndLegacyCycle(string missing)
    {
        using var temp = new TempDir();
        var refDir = temp.Combine("ref");
        Directory.CreateDirectory(refDir);
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.LegacyHome, "ref")))
            if (Path.GetFileName(f) != missing) File.Copy(f, Path.Combine(refDir, Path.GetFileName(f)));
        var day = new FixtureDay
        {
            Directory = temp.Path, Name = "missing-" + missing, RunDate = "20260302",
            InputDir = Path.Combine(RepoPaths.LegacyHome, "sample", "2026-03-02", "in"), OutputDir = temp.Combine("legacy"), RefDir = refDir,
        };
        var outDir = temp.Combine("out");
        var steps = LegacySteps.Discover();

        var sequential = Run(new LegacyCycle(steps) { Overlap = false }, day, outDir);
        var overlapped = Run(new LegacyCycle(steps), day, outDir);

        ShouldBeSame(overlapped, sequential, "(overlapped vs sequential)");
        var legacy = LegacySuite.Prepare(RepoPaths.LegacyHome).RunCycle(day.RunDate, day.InputDir, day.OutputDir, refDir: refDir);
        foreach (var step in new[] { "STEP010", "STEP020" })
        {
            string Line(string text) => text.Split('\n').Single(l => l.StartsWith("ACSCLV01 " + step, StringComparison.Ordinal));
            Line(overlapped.Console).Should().Be(Line(legacy.StdOut));
        }
        var legacySysout = Path.Combine(day.OutputDir, "sysout", "STEP020.CLV200");
        var ours = Path.Combine("sysout", "STEP020.CLV200");
        if (File.Exists(legacySysout)) Encoding.Latin1.GetString(overlapped.Files[ours]).Should().Be(File.ReadAllText(legacySysout, Encoding.Latin1));
        else overlapped.Files.Should().NotContainKey(ours);
        File.Exists(Path.Combine(day.OutputDir, "ENTCALC")).Should().Be(overlapped.Files.ContainsKey("ENTCALC"));
    }
}
