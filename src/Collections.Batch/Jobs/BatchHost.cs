using Collections.Batch.Cycle;
using Collections.Persistence;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;

namespace Collections.Batch.Jobs;

/// <summary>
/// Hangfire hosting for the cycle: job storage per provider (in-process for the embedded SQLite default; PostgreSQL
/// or SQL Server tables in the same database, schema "hangfire", so several worker processes share the queue and
/// split the chunks) and the job server.
/// </summary>
public static class BatchHost
{
    private static int _configured;

    /// <summary>Process-wide Hangfire settings (serializer compatibility), once.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return;
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
    }

    /// <summary>True when the provider's job storage is shared between processes (PostgreSQL, SQL Server).</summary>
    public static bool HasSharedStorage(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider != DatabaseProvider.Sqlite;
    }

    public static JobStorage CreateStorage(DatabaseOptions options, bool shared)
    {
        ArgumentNullException.ThrowIfNull(options);
        Configure();
        if (!shared || options.Provider == DatabaseProvider.Sqlite) return new InMemoryStorage(new InMemoryStorageOptions());
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            var pg = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(200),
                InvisibilityTimeout = TimeSpan.FromMinutes(30), DistributedLockTimeout = TimeSpan.FromMinutes(10),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.ConnectionString, pg), pg);
        }
        return new SqlServerStorage(options.ConnectionString, new SqlServerStorageOptions
        {
            SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(200),
        });
    }

    /// <summary>A job server processing the cycle's queue with <paramref name="workers"/> workers.</summary>
    public static BackgroundJobServer StartServer(JobStorage storage, CycleEngine engine, int workers, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var client = new BackgroundJobClient(storage);
        return new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = Math.Max(1, workers),
            Queues = [CycleJobs.Queue, "default"],
            Activator = new CycleJobActivator(engine, client),
            ServerName = name ?? WorkerIdentity.Current,
            StopTimeout = TimeSpan.FromSeconds(15),
            ShutdownTimeout = TimeSpan.FromSeconds(30),
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
        }, storage);
    }
}
