using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Collections.Persistence.Bulk;

/// <summary>
/// SQLite fast path, on the unit of work's connection and transaction (a large transaction in WAL mode with
/// synchronous NORMAL). Tables whose columns are all of the common kinds (integers, booleans, text, blobs) go through
/// one single-row INSERT prepared with SQLitePCLRaw on the connection's handle and bound by position with typed calls
/// (<c>sqlite3_bind_int64</c>, <c>sqlite3_bind_text</c> from a reused UTF-8 buffer, <c>sqlite3_bind_blob</c>): no
/// boxing, no parameter objects, no lookup of parameters by name (Microsoft.Data.Sqlite binds every parameter by
/// name, a linear search of the statement's names, which made a 64-row statement quadratic). Other tables use a
/// single-row <see cref="SqliteCommand"/> with Microsoft.Data.Sqlite's own value conversions.
/// </summary>
public sealed class SqliteBulkWriter : IBulkWriter
{
    /// <summary>Statements executed and rows inserted by this process's bulk writes (profiling figures).</summary>
    public static long Statements => Interlocked.Read(ref _statements);

    private static long _statements;

    public async Task WriteAsync<T>(CollectionsDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var table = BulkTable<T>.From(db.Model);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        if (table.AllTyped) WriteTyped(connection, table, rows, ct);
        else WriteBoxed(connection, (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(), table, rows, ct);
    }

    private static string InsertSql<T>(BulkTable<T> table) where T : class =>
        "INSERT INTO \"" + table.Name + "\" (" + string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\"")) + ") VALUES ("
        + string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture))) + ")";

    private static void WriteTyped<T>(SqliteConnection connection, BulkTable<T> table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        Check(raw.sqlite3_prepare_v2(handle, InsertSql(table), out sqlite3_stmt stmt), handle);
        var columns = table.Columns.ToArray();
        var utf8 = new byte[256];
        long n = 0;
        try
        {
            foreach (var row in rows)
            {
                for (int c = 0; c < columns.Length; c++)
                {
                    var col = columns[c];
                    int index = c + 1;
                    int rc;
                    switch (col.Kind)
                    {
                        case BulkKind.Text:
                            var s = col.Text!(row);
                            if (s is null) rc = raw.sqlite3_bind_null(stmt, index);
                            else if (s.Length == 0) rc = raw.sqlite3_bind_text(stmt, index, "");
                            else
                            {
                                int max = Encoding.UTF8.GetMaxByteCount(s.Length);
                                if (max > utf8.Length) utf8 = new byte[Math.Max(max, utf8.Length * 2)];
                                int len = Encoding.UTF8.GetBytes(s, utf8);
                                rc = raw.sqlite3_bind_text(stmt, index, utf8.AsSpan(0, len));
                            }
                            break;
                        case BulkKind.Blob:
                            var b = col.Blob!(row);
                            rc = b is null ? raw.sqlite3_bind_null(stmt, index)
                                : b.Length == 0 ? raw.sqlite3_bind_zeroblob(stmt, index, 0)
                                : raw.sqlite3_bind_blob(stmt, index, b);
                            break;
                        default:
                            rc = col.HasValue is { } has && !has(row) ? raw.sqlite3_bind_null(stmt, index) : raw.sqlite3_bind_int64(stmt, index, col.Int64!(row));
                            break;
                    }
                    if (rc != raw.SQLITE_OK) Check(rc, handle);
                }
                var done = raw.sqlite3_step(stmt);
                if (done != raw.SQLITE_DONE)
                {
                    raw.sqlite3_reset(stmt);
                    Check(done, handle);
                }
                raw.sqlite3_reset(stmt);
                if ((++n & 0x3FFF) == 0) ct.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            stmt.Dispose();
            Interlocked.Add(ref _statements, n);
        }
    }

    private static void Check(int rc, sqlite3 handle)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle));
    }

    private static void WriteBoxed<T>(SqliteConnection connection, SqliteTransaction? transaction, BulkTable<T> table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = InsertSql(table).Replace("?", "$p", StringComparison.Ordinal);
        var parameters = table.Columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter { ParameterName = "$p" + (i + 1).ToString(CultureInfo.InvariantCulture) })).ToArray();
        cmd.Prepare();
        foreach (var row in rows)
        {
            for (int c = 0; c < parameters.Length; c++) parameters[c].Value = table.Columns[c].Get(row) ?? DBNull.Value;
            cmd.ExecuteNonQuery();
            Interlocked.Increment(ref _statements);
            ct.ThrowIfCancellationRequested();
        }
    }
}
