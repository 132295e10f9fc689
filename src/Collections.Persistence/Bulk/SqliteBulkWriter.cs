using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Collections.Persistence.Bulk;

/// <summary>
/// SQLite fast path: one prepared multi-row INSERT reused for every batch of rows, on the unit of work's
/// transaction (a large transaction in WAL mode with synchronous NORMAL).
/// </summary>
public sealed class SqliteBulkWriter : IBulkWriter
{
    /// <summary>Rows per INSERT statement (SQLite allows 32766 parameters).</summary>
    public const int RowsPerStatement = 64;

    public async Task WriteAsync<T>(CollectionsDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var table = BulkTable<T>.From(db.Model);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        int perRow = table.Columns.Count;
        int batch = Math.Max(1, Math.Min(RowsPerStatement, 32000 / perRow));
        SqliteCommand? full = null;
        try
        {
            var buffer = new List<T>(batch);
            foreach (var row in rows)
            {
                buffer.Add(row);
                if (buffer.Count < batch) continue;
                full ??= Prepare(connection, transaction, table, batch);
                Execute(full, table, buffer);
                buffer.Clear();
                ct.ThrowIfCancellationRequested();
            }
            if (buffer.Count > 0)
            {
                using var rest = Prepare(connection, transaction, table, buffer.Count);
                Execute(rest, table, buffer);
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    private static SqliteCommand Prepare<T>(SqliteConnection connection, SqliteTransaction? transaction, BulkTable<T> table, int rows) where T : class
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        var cols = string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""));
        var sb = new System.Text.StringBuilder("INSERT INTO \"" + table.Name + "\" (" + cols + ") VALUES ");
        for (int r = 0; r < rows; r++)
        {
            sb.Append(r == 0 ? "(" : ", (");
            for (int c = 0; c < table.Columns.Count; c++)
            {
                var name = "$p" + (r * table.Columns.Count + c).ToString(CultureInfo.InvariantCulture);
                sb.Append(c == 0 ? name : ", " + name);
                cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            sb.Append(')');
        }
        cmd.CommandText = sb.ToString();
        cmd.Prepare();
        return cmd;
    }

    private static void Execute<T>(SqliteCommand cmd, BulkTable<T> table, List<T> rows) where T : class
    {
        var n = table.Columns.Count;
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < n; c++)
                cmd.Parameters[r * n + c].Value = table.Columns[c].Get(rows[r]) ?? DBNull.Value;
        cmd.ExecuteNonQuery();
    }
}
