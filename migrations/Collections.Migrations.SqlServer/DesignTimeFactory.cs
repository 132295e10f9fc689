using Collections.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Collections.Migrations.SqlServer;

/// <summary>For the dotnet-ef tool only: the model with the SqlServer provider (no database is contacted to add a migration).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CollectionsDbContext>
{
    public CollectionsDbContext CreateDbContext(string[] args) =>
        new DatabaseOptions(DatabaseProvider.SqlServer, "Server=localhost;Database=collections_design;TrustServerCertificate=True").CreateContext();
}
