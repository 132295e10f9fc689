using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Collections.Persistence.Bulk;

/// <summary>SQL Server fast path: SqlBulkCopy from a data reader over the rows, in the unit of work's transaction.</summary>
public sealed class SqlServerBulkWriter : IBulkWriter
{
    public async Task WriteAsync<T>(CollectionsDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var table = BulkTable<T>.From(db.Model);
        var connection = (SqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var transaction = (SqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction)
        {
            DestinationTableName = "[" + table.Name + "]",
            BatchSize = 50_000,
            BulkCopyTimeout = 0,
            EnableStreaming = true,
        };
        foreach (var c in table.Columns) copy.ColumnMappings.Add(c.Name, c.Name);
        using var reader = new RowReader<T>(table, rows);
        await copy.WriteToServerAsync(reader, ct).ConfigureAwait(false);
    }
}

/// <summary>A forward-only <see cref="DbDataReader"/> over rows (the columns of a <see cref="BulkTable{T}"/>).</summary>
internal sealed class RowReader<T>(BulkTable<T> table, IEnumerable<T> rows) : DbDataReader where T : class
{
    private readonly IEnumerator<T> _rows = rows.GetEnumerator();

    public override int FieldCount => table.Columns.Count;
    public override bool Read() => _rows.MoveNext();
    public override object GetValue(int ordinal) => table.Columns[ordinal].Get(_rows.Current) ?? DBNull.Value;
    public override bool IsDBNull(int ordinal) => table.Columns[ordinal].Get(_rows.Current) is null;
    public override string GetName(int ordinal) => table.Columns[ordinal].Name;
    public override int GetOrdinal(string name) => table.Columns.Select((c, i) => (c, i)).First(x => x.c.Name == name).i;
    public override Type GetFieldType(int ordinal) => table.Columns[ordinal].StoreType;
    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;
    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = Math.Min(values.Length, FieldCount);
        for (int i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override int RecordsAffected => -1;
    public override bool HasRows => true;
    public override bool IsClosed => false;
    public override int Depth => 0;
    public override bool NextResult() => false;
    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);
    public override byte GetByte(int ordinal) => (byte)GetValue(ordinal);
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var data = (byte[])GetValue(ordinal);
        if (buffer is null) return data.Length;
        var n = (int)Math.Min(length, data.Length - dataOffset);
        Array.Copy(data, dataOffset, buffer, bufferOffset, n);
        return n;
    }
    public override char GetChar(int ordinal) => (char)GetValue(ordinal);
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);
    public override decimal GetDecimal(int ordinal) => (decimal)GetValue(ordinal);
    public override double GetDouble(int ordinal) => (double)GetValue(ordinal);
    public override float GetFloat(int ordinal) => (float)GetValue(ordinal);
    public override Guid GetGuid(int ordinal) => (Guid)GetValue(ordinal);
    public override short GetInt16(int ordinal) => (short)GetValue(ordinal);
    public override int GetInt32(int ordinal) => (int)GetValue(ordinal);
    public override long GetInt64(int ordinal) => (long)GetValue(ordinal);
    public override string GetString(int ordinal) => (string)GetValue(ordinal);
    public override System.Collections.IEnumerator GetEnumerator() => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _rows.Dispose();
        base.Dispose(disposing);
    }
}
