using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Collections.Persistence.Bulk;

/// <summary>PostgreSQL fast path: binary COPY into the table on the unit of work's connection (and so its transaction).</summary>
public sealed class PostgresBulkWriter : IBulkWriter
{
    public async Task WriteAsync<T>(CollectionsDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var table = BulkTable<T>.From(db.Model);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var types = table.Columns.Select(c => TypeOf(c.StoreType)).ToArray();
        var copy = $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct).ConfigureAwait(false);
            for (int c = 0; c < types.Length; c++)
            {
                var v = table.Columns[c].Get(row);
                if (v is null) await importer.WriteNullAsync(ct).ConfigureAwait(false);
                else await importer.WriteAsync(v, types[c], ct).ConfigureAwait(false);
            }
        }
        await importer.CompleteAsync(ct).ConfigureAwait(false);
    }

    private static NpgsqlDbType TypeOf(Type t) =>
        t == typeof(long) ? NpgsqlDbType.Bigint
        : t == typeof(int) ? NpgsqlDbType.Integer
        : t == typeof(string) ? NpgsqlDbType.Varchar
        : t == typeof(byte[]) ? NpgsqlDbType.Bytea
        : t == typeof(bool) ? NpgsqlDbType.Boolean
        : t == typeof(DateOnly) ? NpgsqlDbType.Date
        : t == typeof(DateTime) ? NpgsqlDbType.TimestampTz
        : throw new NotSupportedException("no COPY type for " + t.Name);
}
