using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Collections.Persistence.Bulk;

/// <summary>One column of a bulk insert: its name, the provider-side CLR type and a getter that applies the EF value converter.</summary>
public sealed record BulkColumn<T>(string Name, Type StoreType, bool IsNullable, Func<T, object?> Get);

/// <summary>
/// A table's columns for bulk inserts, taken from the EF Core model (table and column names, value converters), so
/// the fast paths and EF write the same schema. Built once per entity type and model.
/// </summary>
public sealed class BulkTable<T> where T : class
{
    public string Name { get; }
    public IReadOnlyList<BulkColumn<T>> Columns { get; }

    private BulkTable(string name, IReadOnlyList<BulkColumn<T>> columns)
    {
        Name = name;
        Columns = columns;
    }

    public static BulkTable<T> From(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = new List<BulkColumn<T>>();
        foreach (var p in entity.GetProperties())
        {
            if (p.ValueGenerated != ValueGenerated.Never) continue;   // identity columns are the database's
            var parameter = Expression.Parameter(typeof(T), "row");
            var body = Expression.Convert(Expression.Property(parameter, p.PropertyInfo!), typeof(object));
            var getter = Expression.Lambda<Func<T, object?>>(body, parameter).Compile();
            var converter = p.GetValueConverter() ?? p.GetTypeMapping().Converter;
            Func<T, object?> get = getter;
            if (converter is not null)
            {
                var toProvider = converter.ConvertToProvider;
                get = row => getter(row) is { } v ? toProvider(v) : null;
            }
            var clr = converter?.ProviderClrType ?? p.ClrType;
            clr = Nullable.GetUnderlyingType(clr) ?? clr;
            columns.Add(new BulkColumn<T>(p.GetColumnName(store) ?? p.GetColumnName(), clr, p.IsNullable, get));
        }
        return new BulkTable<T>(table, columns);
    }
}

/// <summary>
/// The bulk insert fast path of a provider: rows written on the context's connection inside its current
/// transaction (so they commit together with whatever else the unit of work wrote), without change tracking.
/// </summary>
public interface IBulkWriter
{
    Task WriteAsync<T>(CollectionsDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class;
}

/// <summary>The bulk writer of each provider.</summary>
public static class BulkWriters
{
    public static IBulkWriter For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteBulkWriter(),
        DatabaseProvider.PostgreSql => new PostgresBulkWriter(),
        _ => new SqlServerBulkWriter(),
    };

    /// <summary>The bulk writer for the context's provider.</summary>
    public static IBulkWriter For(CollectionsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return For(ProviderOf(db));
    }

    public static DatabaseProvider ProviderOf(CollectionsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = db.Database.ProviderName ?? "";
        if (name.Contains("Sqlite", StringComparison.Ordinal)) return DatabaseProvider.Sqlite;
        if (name.Contains("Npgsql", StringComparison.Ordinal)) return DatabaseProvider.PostgreSql;
        return DatabaseProvider.SqlServer;
    }
}
