using System.Diagnostics;
using Collections.Batch.Export;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Collections.Batch.Tests;

/// <summary>
/// Several processes over one PostgreSQL database: two `collections worker` processes split a day's chunks, none done
/// twice, with the result of a run in one process; a database that goes away mid-run fails the run cleanly and the
/// same command resumes it once the server is back.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerTests(PostgresServer server)
{
    private static readonly string Input = Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-02", "input");

    private static async Task<Dictionary<string, byte[]>> ReferenceExportAsync(TempDir dir)
    {
        var options = TestDatabases.Sqlite(dir, "reference.db");
        var (_, final) = await TestDatabases.RunDayAsync(options, new DateOnly(2026, 3, 2), Input, chunkLines: 3);
        var outDir = Path.Combine(dir.Path, "reference");
        var files = await LegacyExport.WriteAsync(options, final!.Run.Id, outDir);
        return files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(outDir, f)), StringComparer.Ordinal);
    }

    [Fact]
    public async Task TwoWorkers_SplitTheChunks_NoneTwice_SameResult()
    {
        using var dir = new TempDir("db-workers");
        var reference = await ReferenceExportAsync(dir);
        var cs = server.CreateDatabase();
        var env = new Dictionary<string, string> { ["COLLECTIONS_PROVIDER"] = "postgres", ["COLLECTIONS_CONNECTION"] = cs };
        Cli.Run(["db", "migrate"], env).ExitCode.Should().Be(0);
        var workers = new List<Process>();
        try
        {
            for (int i = 0; i < 2; i++) workers.Add(Cli.Start(["worker", "--count", "2"], env));
            // both servers registered with the shared storage before the day is submitted
            var until = DateTime.UtcNow.AddSeconds(120);
            while (await CountAsync(cs, "SELECT count(*) FROM hangfire.server") < 2 && DateTime.UtcNow < until) await Task.Delay(250);
            var (rc, stdout, stderr) = Cli.Run(["run-day", "--date", "2026-03-02", "--input", Input, "--enqueue", "--chunk-lines", "3"], env);
            rc.Should().Be(0, stdout + stderr);
            var options = new DatabaseOptions(DatabaseProvider.PostgreSql, cs);
            until = DateTime.UtcNow.AddSeconds(240);
            BatchRun? run = null;
            while (DateTime.UtcNow < until)
            {
                await using var db = options.CreateContext();
                run = await db.Runs.AsNoTracking().FirstOrDefaultAsync();
                if (run?.Status is RunStatus.Done or RunStatus.Failed) break;
                await Task.Delay(250);
            }
            run!.Status.Should().Be(RunStatus.Done, run.Message);
            await using (var db = options.CreateContext())
            {
                var chunks = await db.Chunks.AsNoTracking().Where(c => c.StepName == "line-duties").ToListAsync();
                chunks.Should().HaveCountGreaterThan(8);
                chunks.Should().OnlyContain(c => c.Attempts == 1 && c.Status == StepStatus.Done, "no chunk is done twice");
                (await db.Checkpoints.CountAsync(c => c.StepName == "line-duties")).Should().Be(chunks.Count);
                var processes = chunks.Select(c => string.Join(':', c.ClaimedBy!.Split(':')[..2])).Distinct().ToList();
                processes.Should().HaveCount(2, "both worker processes took chunks");
            }
            var outDir = Path.Combine(dir.Path, "export");
            var files = await LegacyExport.WriteAsync(options, run.Id, outDir);
            foreach (var f in files) File.ReadAllBytes(Path.Combine(outDir, f)).Should().Equal(reference[f], f);
        }
        finally
        {
            foreach (var w in workers)
            {
                if (!w.HasExited) w.Kill();
                w.WaitForExit();
                w.Dispose();
            }
        }
    }

    [Fact]
    public async Task DatabaseStoppedMidRun_FailsCleanly_ResumesWhenBack()
    {
        using var dir = new TempDir("db-outage");
        var reference = await ReferenceExportAsync(dir);
        var cs = server.CreateDatabase();
        var marker = Path.Combine(dir.Path, "halted");
        string[] args = ["run-day", "--date", "2026-03-02", "--input", Input, "--chunk-lines", "3", "--provider", "postgres", "--connection", cs];
        var (behind, _, refusal) = Cli.Run(args);
        behind.Should().Be(8, "a server whose schema is behind is refused");
        refusal.Should().Contain("collections db migrate");
        Cli.Run(["db", "migrate", "--provider", "postgres", "--connection", cs]).ExitCode.Should().Be(0);
        using (var p = Cli.Start(args, new Dictionary<string, string>
               {
                   ["COLLECTIONS_HALT_AT"] = "line-duties:3:before-commit", ["COLLECTIONS_HALT_FILE"] = marker, ["COLLECTIONS_HALT_SECONDS"] = "3",
               }))
        {
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEndAsync();
            Cli.WaitForFile(marker, p).Should().BeTrue();
            server.Stop();
            try
            {
                p.WaitForExit(180_000).Should().BeTrue("run-day gives up when the database stays away");
                p.ExitCode.Should().Be(12, await stdout + await stderr);
                (await stderr).Should().Contain("unreachable").And.Contain("resumes");
            }
            finally
            {
                server.Start();
            }
        }
        var (rc, o, e) = Cli.Run(args);
        rc.Should().Be(4, o + e);
        var options = new DatabaseOptions(DatabaseProvider.PostgreSql, cs);
        await using (var db = options.CreateContext())
            (await db.PostedDays.CountAsync()).Should().Be(1);
        var outDir = Path.Combine(dir.Path, "export");
        foreach (var f in await LegacyExport.WriteAsync(options, 1, outDir))
            File.ReadAllBytes(Path.Combine(outDir, f)).Should().Equal(reference[f], f);
    }

    private static async Task<long> CountAsync(string cs, string sql)
    {
        try
        {
            await using var c = new NpgsqlConnection(cs);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, c);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
        catch (PostgresException)
        {
            return 0;   // the hangfire schema is not there yet
        }
    }
}
