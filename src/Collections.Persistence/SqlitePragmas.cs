using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Collections.Persistence;

/// <summary>
/// Durable and concurrent SQLite settings on every connection: write-ahead log (readers do not block the writer),
/// synchronous NORMAL (a commit survives a process crash; with WAL only the last commits can be lost on power
/// failure, never consistency), foreign keys on, and a busy timeout so a second process waits instead of failing.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Statements = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    public static void Apply(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Statements;
        cmd.ExecuteNonQuery();
    }
}
