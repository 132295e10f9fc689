using Microsoft.EntityFrameworkCore;

namespace Collections.Persistence;

/// <summary>The schema's state against the migrations shipped with this build.</summary>
public sealed record SchemaState(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending)
{
    public bool IsCurrent => Pending.Count == 0;
}

/// <summary>Thrown when a server database's schema is behind this build; the message says what to run.</summary>
public sealed class SchemaBehindException(string message) : Exception(message);

/// <summary>
/// Opening the database for a command: the embedded SQLite default creates and migrates its own file; a server
/// (PostgreSQL, SQL Server) whose schema is behind is refused with the command to run (migrations are an explicit
/// step there: <c>collections db migrate</c>).
/// </summary>
public static class Database
{
    public static async Task<SchemaState> StateAsync(DatabaseOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var db = options.CreateContext();
        var all = db.Database.GetMigrations().ToList();
        IReadOnlyList<string> applied = await db.Database.CanConnectAsync(ct).ConfigureAwait(false)
            ? [.. await db.Database.GetAppliedMigrationsAsync(ct).ConfigureAwait(false)]
            : [];
        return new SchemaState(applied, [.. all.Except(applied, StringComparer.Ordinal)]);
    }

    /// <summary>Applies every pending migration; returns the ones applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(DatabaseOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var before = await StateAsync(options, ct).ConfigureAwait(false);
        await using var db = options.CreateContext();
        await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        return before.Pending;
    }

    /// <summary>
    /// Makes sure the schema is current before a command uses it: SQLite is migrated in place (created on first use);
    /// a server behind this build throws <see cref="SchemaBehindException"/>.
    /// </summary>
    public static async Task EnsureReadyAsync(DatabaseOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = await StateAsync(options, ct).ConfigureAwait(false);
        if (state.IsCurrent) return;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await MigrateAsync(options, ct).ConfigureAwait(false);
            return;
        }
        throw new SchemaBehindException(
            $"the {options.ProviderName} database ({options.Describe()}) is behind this version: {state.Pending.Count} migration(s) not applied "
            + $"({string.Join(", ", state.Pending)}). Run: collections db migrate --provider {options.ProviderName} --connection \"...\" "
            + "(or with COLLECTIONS_PROVIDER / COLLECTIONS_CONNECTION set), then retry.");
    }
}
