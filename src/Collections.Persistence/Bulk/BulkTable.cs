using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Collections.Persistence.Bulk;

/// <summary>How a bulk column is read from a row and bound: typed (no boxing) for the store types of the day's tables.</summary>
public enum BulkKind
{
    /// <summary>long (or long?) stored as a 64-bit integer.</summary>
    Int64,
    /// <summary>int (or int?) stored as a 32-bit integer.</summary>
    Int32,
    /// <summary>bool (or bool?).</summary>
    Boolean,
    /// <summary>string, the value converter applied.</summary>
    Text,
    /// <summary>byte[].</summary>
    Blob,
    /// <summary>Anything else (dates, decimals...): only the boxed getter <see cref="BulkColumn{T}.Get"/>.</summary>
    Other,
}

/// <summary>
/// One column of a bulk insert: its name, the provider-side CLR type, a boxed getter that applies the EF value
/// converter (<see cref="Get"/>), and for the common kinds a typed getter that does not box: <see cref="Int64"/>
/// (Int64, Int32 and Boolean kinds, widened; null is <see cref="HasValue"/> false), <see cref="Text"/>,
/// <see cref="Blob"/>.
/// </summary>
public sealed record BulkColumn<T>(string Name, Type StoreType, bool IsNullable, Func<T, object?> Get)
{
    public BulkKind Kind { get; init; } = BulkKind.Other;
    /// <summary>The integer value (Int64, Int32, Boolean as 0/1); 0 when null.</summary>
    public Func<T, long>? Int64 { get; init; }
    /// <summary>False when the (nullable) integer or boolean value is null; null when the column is not nullable.</summary>
    public Func<T, bool>? HasValue { get; init; }
    public Func<T, string?>? Text { get; init; }
    public Func<T, byte[]?>? Blob { get; init; }
}

/// <summary>
/// A table's columns for bulk inserts, taken from the EF Core model (table and column names, value converters), so
/// the fast paths and EF write the same schema. Built once per entity type and model, then cached.
/// </summary>
public sealed class BulkTable<T> where T : class
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, BulkTable<T>> Cache = new();

    public string Name { get; }
    public IReadOnlyList<BulkColumn<T>> Columns { get; }
    /// <summary>True when every column has a typed getter (no <see cref="BulkKind.Other"/>).</summary>
    public bool AllTyped { get; }

    private BulkTable(string name, IReadOnlyList<BulkColumn<T>> columns)
    {
        Name = name;
        Columns = columns;
        AllTyped = columns.All(c => c.Kind != BulkKind.Other);
    }

    public static BulkTable<T> From(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Cache.GetValue(model, Build);
    }

    private static BulkTable<T> Build(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = new List<BulkColumn<T>>();
        foreach (var p in entity.GetProperties())
        {
            if (p.ValueGenerated != ValueGenerated.Never) continue;   // identity columns are the database's
            var parameter = Expression.Parameter(typeof(T), "row");
            var property = Expression.Property(parameter, p.PropertyInfo!);
            var body = Expression.Convert(property, typeof(object));
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
            var column = new BulkColumn<T>(p.GetColumnName(store) ?? p.GetColumnName(), clr, p.IsNullable, get);
            columns.Add(Typed(column, parameter, property, converter));
        }
        return new BulkTable<T>(table, columns);
    }

    /// <summary>The typed getters of a column whose property and store types are one of the common kinds (a string converter to string is composed in).</summary>
    private static BulkColumn<T> Typed(BulkColumn<T> column, ParameterExpression row, MemberExpression property, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
    {
        var type = property.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        var value = underlying ?? type;
        if (value == typeof(string) && (converter is null || (converter.ModelClrType == typeof(string) && converter.ProviderClrType == typeof(string))))
        {
            Expression text = property;
            if (converter is not null)
            {
                var convert = (Expression<Func<string, string>>)converter.ConvertToProviderExpression;
                var v = Expression.Variable(typeof(string), "v");
                text = Expression.Block([v], Expression.Assign(v, property),
                    Expression.Condition(Expression.Equal(v, Expression.Constant(null, typeof(string))), Expression.Constant(null, typeof(string)),
                        Expression.Invoke(convert, v)));
            }
            return column with { Kind = BulkKind.Text, Text = Expression.Lambda<Func<T, string?>>(text, row).Compile() };
        }
        if (converter is not null) return column;
        if (value == typeof(byte[])) return column with { Kind = BulkKind.Blob, Blob = Expression.Lambda<Func<T, byte[]?>>(property, row).Compile() };
        var kind = value == typeof(long) ? BulkKind.Int64 : value == typeof(int) ? BulkKind.Int32 : value == typeof(bool) ? BulkKind.Boolean : BulkKind.Other;
        if (kind == BulkKind.Other) return column;
        Expression raw = underlying is null ? property : Expression.Call(property, type.GetMethod(nameof(Nullable<int>.GetValueOrDefault), Type.EmptyTypes)!);
        Expression wide = kind == BulkKind.Boolean
            ? Expression.Condition(raw, Expression.Constant(1L), Expression.Constant(0L))
            : Expression.Convert(raw, typeof(long));
        return column with
        {
            Kind = kind,
            Int64 = Expression.Lambda<Func<T, long>>(wide, row).Compile(),
            HasValue = underlying is null ? null : Expression.Lambda<Func<T, bool>>(Expression.Property(property, nameof(Nullable<int>.HasValue)), row).Compile(),
        };
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
