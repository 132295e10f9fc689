using Collections.Persistence;
using Collections.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Collections.Batch.Tests;

/// <summary>The migrations of each provider match the model, and the committed SQL Server script is the one they generate.</summary>
public sealed class SchemaTests
{
    public static TheoryData<DatabaseProvider> Providers() => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer];

    private static DatabaseOptions Offline(DatabaseProvider p) => p switch
    {
        DatabaseProvider.Sqlite => new(p, "Data Source=:memory:"),
        DatabaseProvider.PostgreSql => new(p, "Host=127.0.0.1;Database=none"),
        _ => new(p, "Server=127.0.0.1;Database=none;TrustServerCertificate=True"),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_CoverTheModel(DatabaseProvider provider)
    {
        using var db = Offline(provider).CreateContext();
        db.Database.GetMigrations().Should().NotBeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse($"the {provider} migrations must be regenerated after a model change (dotnet ef migrations add)");
    }

    [Fact]
    public void SqlServerScript_Committed_EqualsTheGeneratedOne()
    {
        using var db = Offline(DatabaseProvider.SqlServer).CreateContext();
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "migrations", "Collections.Migrations.SqlServer", "schema.sql"));
        static string Norm(string s) => s.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        Norm(committed).Should().Be(Norm(generated), "regenerate migrations/Collections.Migrations.SqlServer/schema.sql with dotnet ef migrations script --idempotent");
    }

    [Fact]
    public async Task ServerBehind_Refused_WithTheCommandToRun()
    {
        using var dir = new TempDir("db-schema");
        // a SQLite file standing in for a server: the check is the same for every provider but SQLite, which migrates itself
        var options = TestDatabases.Sqlite(dir);
        (await Database.StateAsync(options)).Pending.Should().NotBeEmpty();
        await Database.EnsureReadyAsync(options);
        (await Database.StateAsync(options)).IsCurrent.Should().BeTrue("the embedded default creates and migrates its own file");
    }

    [Fact]
    public void SnakeCase_Names()
    {
        CollectionsDbContext.SnakeCase("EntryNo").Should().Be("entry_no");
        CollectionsDbContext.SnakeCase("Ch99RateE6_1").Should().Be("ch99_rate_e6_1");
        CollectionsDbContext.SnakeCase("RunId").Should().Be("run_id");
        CollectionsDbContext.SnakeCase("BatchRuns").Should().Be("batch_runs");
    }
}

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void Resolve_Nothing_SqliteFileInTheCurrentDirectory()
    {
        var o = DatabaseOptions.Resolve(null, null, _ => null);
        o.Provider.Should().Be(DatabaseProvider.Sqlite);
        o.ConnectionString.Should().Be("Data Source=" + Path.GetFullPath("collections.db"));
    }

    [Fact]
    public void Resolve_Environment_UsedWhenNoOption()
    {
        var env = new Dictionary<string, string?> { ["COLLECTIONS_PROVIDER"] = "postgres", ["COLLECTIONS_CONNECTION"] = "Host=h" };
        var o = DatabaseOptions.Resolve(null, null, k => env.GetValueOrDefault(k));
        o.Provider.Should().Be(DatabaseProvider.PostgreSql);
        o.ConnectionString.Should().Be("Host=h");
        DatabaseOptions.Resolve("sqlserver", "Server=s", k => env.GetValueOrDefault(k)).Provider.Should().Be(DatabaseProvider.SqlServer);
    }

    [Theory]
    [InlineData("oracle", null, "unknown database provider")]
    [InlineData("postgres", null, "COLLECTIONS_CONNECTION")]
    public void Resolve_Invalid_MessageNamesTheSetting(string provider, string? connection, string message)
    {
        var act = () => DatabaseOptions.Resolve(provider, connection, _ => null);
        act.Should().Throw<ArgumentException>().WithMessage("*" + message + "*");
    }

    [Fact]
    public void Describe_HidesThePassword()
    {
        new DatabaseOptions(DatabaseProvider.PostgreSql, "Host=h;Password=secret;Username=u").Describe().Should().NotContain("secret");
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with\0nul\0")]
    [InlineData("\0\0\0\0\0\0\0\0\0\0\0")]
    public void DbText_RoundTrips(string value)
    {
        DbText.FromStore(DbText.ToStore(value)).Should().Be(value);
        DbText.ToStore(value).Should().NotContain("\0");
    }
}
