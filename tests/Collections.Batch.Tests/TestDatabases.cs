using Collections.Batch.Cycle;
using Collections.Batch.Jobs;
using Collections.Persistence;
using Collections.Testing;

namespace Collections.Batch.Tests;

/// <summary>Fresh databases for a test, on each provider, and running a day in process.</summary>
public static class TestDatabases
{
    public static DatabaseOptions Sqlite(TempDir dir, string name = "collections.db") =>
        new(DatabaseProvider.Sqlite, "Data Source=" + Path.Combine(dir.Path, name));

    public static DatabaseOptions Postgres(PostgresServer server) => new(DatabaseProvider.PostgreSql, server.CreateDatabase());

    /// <summary>Migrates, submits and runs the day with Hangfire in this process; returns the final snapshot.</summary>
    public static async Task<(SubmitResult Submit, RunSnapshot? Final)> RunDayAsync(DatabaseOptions options, DateOnly day, string input, int chunkLines = 20, int workers = 2)
    {
        await Database.MigrateAsync(options);
        var engine = new CycleEngine(options);
        var submit = await engine.SubmitAsync(day, input, chunkLines);
        if (submit.Kind == SubmitKind.Refused) return (submit, null);
        var final = await new DayRunner(engine) { SharedStorage = false }.RunAsync(submit.Run!.Id, workers, null);
        return (submit, final);
    }

    public static DateOnly DateOf(string ccyymmdd) => DateOnly.ParseExact(ccyymmdd, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
