using Collections.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Collections.Migrations.Sqlite;

/// <summary>For the dotnet-ef tool only: the model with the Sqlite provider (no database is contacted to add a migration).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CollectionsDbContext>
{
    public CollectionsDbContext CreateDbContext(string[] args) =>
        new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db").CreateContext();
}
