using Collections.Batch.Export;
using Collections.Persistence;
using Collections.Testing;

namespace Collections.Batch.Tests;

/// <summary>
/// A real SIGKILL of a `collections run-day` process at seventeen points of the cycle (before and after commits of
/// ingest, line-duty chunks, entry fees, statements, payments and interest, ledger, the report, the step completions
/// and posting), then the same command again: it resumes
/// from the ledger and ends in exactly the state of an uninterrupted run (database rows and exported data sets).
/// </summary>
public sealed class CrashResumeTests
{
    private const string Day = "2026-03-02";
    private static readonly string Input = Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-02", "input");
    private static readonly Lazy<Task<(string Dump, Dictionary<string, byte[]> Files)>> Reference = new(ReferenceRunAsync);

    private static async Task<(string, Dictionary<string, byte[]>)> ReferenceRunAsync()
    {
        var dir = new TempDir("db-crash-ref");
        var options = TestDatabases.Sqlite(dir);
        var (_, final) = await TestDatabases.RunDayAsync(options, DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture), Input, chunkLines: 7);
        return (await StateDump.OfAsync(options), await ExportAsync(options, final!.Run.Id, dir.Path));
    }

    private static async Task<Dictionary<string, byte[]>> ExportAsync(DatabaseOptions options, long runId, string dir)
    {
        var outDir = Path.Combine(dir, "export-" + Guid.NewGuid().ToString("N")[..6]);
        var files = await LegacyExport.WriteAsync(options, runId, outDir);
        return files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(outDir, f)), StringComparer.Ordinal);
    }

    public static TheoryData<string> KillPoints() =>
    [
        "ingest:0:before-commit", "ingest:0:after-commit", "line-duties:1:before-commit", "line-duties:1:after-commit",
        "line-duties:4:before-commit", "line-duties:0:complete", "entry-fees:0:before-commit", "entry-fees:0:after-commit",
        "entry-fees:0:complete", "statements:0:before-commit", "payments-and-interest:0:before-commit", "payments-and-interest:0:after-commit",
        "ledger:0:before-commit", "revenue-and-control-totals:0:before-commit", "revenue-and-control-totals:0:complete", "post:0:before-commit", "post:0:complete",
    ];

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task RunDay_KilledAtAPoint_ResumesToTheStateOfAnUninterruptedRun(string point)
    {
        var (referenceDump, referenceFiles) = await Reference.Value;
        using var dir = new TempDir("db-crash");
        var db = Path.Combine(dir.Path, "collections.db");
        var marker = Path.Combine(dir.Path, "halted");
        string[] args = ["run-day", "--date", Day, "--input", Input, "--chunk-lines", "7", "--workers", "2", "--connection", "Data Source=" + db];
        using (var p = Cli.Start(args, new Dictionary<string, string> { ["COLLECTIONS_HALT_AT"] = point, ["COLLECTIONS_HALT_FILE"] = marker }))
        {
            var halted = Cli.WaitForFile(marker, p);
            if (!halted) p.Kill(entireProcessTree: true);
            halted.Should().BeTrue($"the run should reach {point}: {(p.HasExited ? p.StandardError.ReadToEnd() : "timeout")}");
            p.Kill();   // SIGKILL: no shutdown, open transactions die with the process
            p.WaitForExit();
        }
        var (rc, stdout, stderr) = Cli.Run(args);
        rc.Should().Be(4, $"the resumed run ends as the uninterrupted one (4: rejects): {stdout}\n{stderr}");
        var options = TestDatabases.Sqlite(dir);
        (await StateDump.OfAsync(options)).Should().Be(referenceDump);
        var files = await ExportAsync(options, 1, dir.Path);
        files.Keys.Should().BeEquivalentTo(referenceFiles.Keys);
        foreach (var (name, bytes) in referenceFiles) files[name].Should().Equal(bytes, name);
    }
}
