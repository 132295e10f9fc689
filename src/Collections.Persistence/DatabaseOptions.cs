using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Collections.Persistence;

/// <summary>The database engines the platform runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: a file (collections.db in the current directory unless a connection string says otherwise).</summary>
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>
/// Which database to use: <c>--provider sqlite|postgres|sqlserver</c> and <c>--connection STRING</c>, else the
/// environment (COLLECTIONS_PROVIDER, COLLECTIONS_CONNECTION), else SQLite file collections.db in the current directory.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderVariable = "COLLECTIONS_PROVIDER", ConnectionVariable = "COLLECTIONS_CONNECTION";
    public const string DefaultSqliteFile = "collections.db";

    /// <summary>The migrations assembly of each provider (projects under migrations/).</summary>
    public string MigrationsAssembly => Provider switch
    {
        DatabaseProvider.Sqlite => "Collections.Migrations.Sqlite",
        DatabaseProvider.PostgreSql => "Collections.Migrations.Postgres",
        _ => "Collections.Migrations.SqlServer",
    };

    public string ProviderName => Provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.PostgreSql => "postgres",
        _ => "sqlserver",
    };

    /// <summary>Parses a provider name (sqlite, postgres/postgresql, sqlserver/mssql); null when unknown.</summary>
    public static DatabaseProvider? ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "pg" => DatabaseProvider.PostgreSql,
        "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
        _ => null,
    };

    /// <summary>
    /// Options from the command line values (null when not given) and the environment. Throws
    /// <see cref="ArgumentException"/> naming the setting when the provider is unknown or a server provider has no
    /// connection string.
    /// </summary>
    public static DatabaseOptions Resolve(string? provider, string? connection, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var providerText = string.IsNullOrWhiteSpace(provider) ? environment(ProviderVariable) : provider;
        var connectionText = string.IsNullOrWhiteSpace(connection) ? environment(ConnectionVariable) : connection;
        DatabaseProvider kind = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText))
            kind = ParseProvider(providerText) ?? throw new ArgumentException(
                $"unknown database provider '{providerText}' (--provider or {ProviderVariable}): use sqlite, postgres or sqlserver");
        if (string.IsNullOrWhiteSpace(connectionText))
        {
            if (kind != DatabaseProvider.Sqlite)
                throw new ArgumentException($"the {kind} provider needs a connection string: --connection or {ConnectionVariable}");
            connectionText = "Data Source=" + Path.GetFullPath(DefaultSqliteFile);
        }
        return new DatabaseOptions(kind, connectionText!);
    }

    /// <summary>SQLite: a bare file name is taken as the file (Data Source=...).</summary>
    public string EffectiveConnectionString =>
        Provider == DatabaseProvider.Sqlite && !ConnectionString.Contains('=', StringComparison.Ordinal)
            ? "Data Source=" + ConnectionString
            : ConnectionString;

    /// <summary>The connection string without secrets, for messages.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite) return "sqlite " + new SqliteConnectionStringBuilder(EffectiveConnectionString).DataSource;
        var parts = ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase) && !p.TrimStart().StartsWith("pwd", StringComparison.OrdinalIgnoreCase));
        return ProviderName + " " + string.Join(';', parts);
    }

    /// <summary>Configures EF Core for this provider (migrations from the provider's assembly).</summary>
    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cs = EffectiveConnectionString;
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(cs, o => o.MigrationsAssembly(MigrationsAssembly).CommandTimeout(600)).AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(cs, o => o.MigrationsAssembly(MigrationsAssembly).CommandTimeout(600));
                break;
            default:
                builder.UseSqlServer(cs, o => o.MigrationsAssembly(MigrationsAssembly).CommandTimeout(600));
                break;
        }
    }

    public CollectionsDbContext CreateContext()
    {
        var b = new DbContextOptionsBuilder<CollectionsDbContext>();
        Configure(b);
        return new CollectionsDbContext(b.Options);
    }
}
