using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Collections.Persistence.Bulk;

/// <summary>
/// PostgreSQL fast path: binary COPY into the table on the unit of work's connection (and so its transaction), each
/// value written with its typed writer (no boxing for integers, booleans, text and blobs).
/// </summary>
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
        var columns = table.Columns.ToArray();
        long n = 0;
        foreach (var row in rows)
        {
            // typed, synchronous writes into the COPY buffer (it flushes to the socket as it fills): no boxing, no task per value
            importer.StartRow();
            for (int c = 0; c < columns.Length; c++)
            {
                var col = columns[c];
                switch (col.Kind)
                {
                    case BulkKind.Text:
                        if (col.Text!(row) is { } s) importer.Write(s, types[c]);
                        else importer.WriteNull();
                        break;
                    case BulkKind.Blob:
                        if (col.Blob!(row) is { } b) importer.Write(b, types[c]);
                        else importer.WriteNull();
                        break;
                    case BulkKind.Int64 or BulkKind.Int32 or BulkKind.Boolean:
                        if (col.HasValue is { } has && !has(row)) importer.WriteNull();
                        else if (col.Kind == BulkKind.Int64) importer.Write(col.Int64!(row), types[c]);
                        else if (col.Kind == BulkKind.Int32) importer.Write((int)col.Int64!(row), types[c]);
                        else importer.Write(col.Int64!(row) != 0, types[c]);
                        break;
                    default:
                        var v = col.Get(row);
                        if (v is null) importer.WriteNull();
                        else importer.Write(v, types[c]);
                        break;
                }
            }
            if ((++n & 0x3FFF) == 0) ct.ThrowIfCancellationRequested();
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
