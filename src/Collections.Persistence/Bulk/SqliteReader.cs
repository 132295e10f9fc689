using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collections.Persistence.Bulk;

/// <summary>
/// A forward-only read on a SQLite connection's handle with SQLitePCLRaw (the fast path of the computing steps' hot
/// reads): a statement prepared once, integer parameters bound by position, typed column getters. It runs in the
/// connection's current transaction. Text columns come back through <see cref="DbText"/> (U+FFFF to NUL), one- and
/// two-byte ASCII values from a cache instead of a new string each.
/// </summary>
public sealed class SqliteReader : IDisposable
{
    private static readonly string[] Ascii1 = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];
    private static readonly string[] Ascii2 = [.. Enumerable.Range(0, 128 * 128).Select(c => new string([(char)(c >> 7), (char)(c & 127)]))];
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public SqliteReader(SqliteConnection connection, string sql, params long[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        _db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        for (int i = 0; i < parameters.Length; i++) Check(raw.sqlite3_bind_int64(_stmt, i + 1, parameters[i]));
    }

    /// <summary>Steps to the next row; false at the end.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        Check(rc);
        return false;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_stmt, column);

    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    public byte[] Blob(int column) => raw.sqlite3_column_blob(_stmt, column).ToArray();

    /// <summary>A blob column without a copy: valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> Span(int column) => raw.sqlite3_column_blob(_stmt, column);

    public string Text(int column)
    {
        var bytes = raw.sqlite3_column_blob(_stmt, column);
        switch (bytes.Length)
        {
            case 0:
                return "";
            case 1 when bytes[0] < 128:
                return Ascii1[bytes[0]];
            case 2 when bytes[0] < 128 && bytes[1] < 128:
                return Ascii2[(bytes[0] << 7) | bytes[1]];
            default:
                return DbText.FromStore(Encoding.UTF8.GetString(bytes));
        }
    }

    private void Check(int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE) return;
        throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
    }

    public void Dispose() => _stmt.Dispose();
}
