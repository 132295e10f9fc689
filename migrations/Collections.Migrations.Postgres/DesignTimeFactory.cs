using Collections.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Collections.Migrations.Postgres;

/// <summary>For the dotnet-ef tool only: the model with the Postgres provider (no database is contacted to add a migration).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CollectionsDbContext>
{
    public CollectionsDbContext CreateDbContext(string[] args) =>
        new DatabaseOptions(DatabaseProvider.PostgreSql, "Host=localhost;Database=collections_design").CreateContext();
}
