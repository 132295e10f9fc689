using System.Data.Common;
using Collections.Persistence;
using Collections.Persistence.Bulk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Collections.Batch.Steps;

/// <summary>
/// A forward-only read of one SQL statement (quoted snake_case names, integer parameters) on the unit of work's
/// connection and transaction, the same for every provider: on SQLite through <see cref="SqliteReader"/> (SQLitePCLRaw,
/// typed columns, blobs as spans without a copy), elsewhere through the provider's <see cref="DbDataReader"/>. No EF
/// materialisation, no change tracking: the bulk reads of the staging and export paths. Nothing may be written on the
/// connection while it is open.
/// </summary>
internal sealed class DbCursor : IAsyncDisposable
{
    private readonly SqliteReader? _sqlite;
    private readonly DbCommand? _command;
    private readonly DbDataReader? _reader;

    private DbCursor(SqliteReader sqlite) => _sqlite = sqlite;

    private DbCursor(DbCommand command, DbDataReader reader)
    {
        _command = command;
        _reader = reader;
    }

    /// <summary>Runs <paramref name="sql"/> with <paramref name="args"/> bound in order (named @a, @b... in the SQL, in that order).</summary>
    public static async Task<DbCursor> OpenAsync(CollectionsDbContext db, string sql, CancellationToken ct, params (string Name, long Value)[] args)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(args);
        var connection = db.Database.GetDbConnection();
        if (connection is SqliteConnection sqlite)
        {
            if (sqlite.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            return new DbCursor(new SqliteReader(sqlite, sql, [.. args.Select(a => a.Value)]));
        }
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var cmd = DayQueries.Command(db, sql, args);
        try
        {
            cmd.CommandTimeout = 0;
            var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return new DbCursor(cmd, reader);
        }
        catch
        {
            await cmd.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask<bool> ReadAsync(CancellationToken ct) => _sqlite?.Read() ?? await _reader!.ReadAsync(ct).ConfigureAwait(false);

    /// <summary>An integer column (int, bigint or bool stored as integer).</summary>
    public long Int64(int column)
    {
        if (_sqlite is not null) return _sqlite.Int64(column);
        var t = _reader!.GetFieldType(column);
        return t == typeof(long) ? _reader.GetInt64(column) : t == typeof(int) ? _reader.GetInt32(column) : t == typeof(short) ? _reader.GetInt16(column)
            : t == typeof(bool) ? (_reader.GetBoolean(column) ? 1 : 0) : Convert.ToInt64(_reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);
    }

    public int Int32(int column) => checked((int)Int64(column));

    public bool Bool(int column) => Int64(column) != 0;

    /// <summary>A text column as stored by the cycle (<see cref="DbText"/>: U+FFFF back to NUL).</summary>
    public string Text(int column) => _sqlite is not null ? _sqlite.Text(column) : DbText.FromStore(_reader!.GetString(column));

    /// <summary>A blob column; valid until the next read.</summary>
    public ReadOnlySpan<byte> Span(int column) => _sqlite is not null ? _sqlite.Span(column) : (byte[])_reader!.GetValue(column);

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        if (_reader is not null) await _reader.DisposeAsync().ConfigureAwait(false);
        if (_command is not null) await _command.DisposeAsync().ConfigureAwait(false);
    }
}
