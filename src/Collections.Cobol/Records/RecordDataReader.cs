using System.Collections;
using System.Data;
using System.Data.Common;
using System.Globalization;
using Collections.Cobol.Codecs;
using Collections.Cobol.Decoding;

namespace Collections.Cobol.Records;

/// <summary>Decodes one field's bytes to a value (for columns that no <see cref="FieldCodec"/> describes).</summary>
public delegate object FieldDecoder(ReadOnlySpan<byte> field);

/// <summary>
/// One column of a <see cref="RecordDataReader"/>: a field at an offset, decoded by a <see cref="FieldCodec"/> (numeric
/// → decimal, alphanumeric → string) or by a <see cref="FieldDecoder"/>. With <see cref="When"/> the column applies only
/// to records whose discriminator bytes match (REDEFINES record types); elsewhere it is DBNull.
/// </summary>
public sealed class RecordColumn
{
    private readonly FieldDecoder? _decoder;

    public RecordColumn(string name, int offset, FieldCodec codec)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Name = name;
        Offset = offset;
        Codec = codec ?? throw new ArgumentNullException(nameof(codec));
        Length = codec.Length;
        FieldType = codec.ValueType;
    }

    public RecordColumn(string name, int offset, int length, Type fieldType, FieldDecoder decoder)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        Name = name;
        Offset = offset;
        Length = length;
        FieldType = fieldType ?? throw new ArgumentNullException(nameof(fieldType));
        _decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
    }

    public string Name { get; }

    public int Offset { get; }

    public int Length { get; }

    public Type FieldType { get; }

    public FieldCodec? Codec { get; }

    /// <summary>Offset of the discriminator this column depends on (with <see cref="WhenValue"/>), or -1.</summary>
    public int WhenOffset { get; private init; } = -1;

    public byte[]? WhenValue { get; private init; }

    /// <summary>This column, applying only to records with <paramref name="value"/> at <paramref name="offset"/>.</summary>
    public RecordColumn When(int offset, ReadOnlySpan<byte> value) =>
        new(this) { WhenOffset = offset, WhenValue = value.ToArray() };

    private RecordColumn(RecordColumn other)
    {
        Name = other.Name;
        Offset = other.Offset;
        Length = other.Length;
        FieldType = other.FieldType;
        Codec = other.Codec;
        _decoder = other._decoder;
    }

    internal bool AppliesTo(ReadOnlySpan<byte> record) =>
        WhenValue is null || (record.Length >= WhenOffset + WhenValue.Length && record.Slice(WhenOffset, WhenValue.Length).SequenceEqual(WhenValue));

    internal object Decode(ReadOnlySpan<byte> field) => Codec is not null ? Codec.DecodeValue(field) : _decoder!(field);
}

/// <summary>
/// A forward-only <see cref="DbDataReader"/> over a <see cref="RecordReader"/>: each record is a row, each
/// <see cref="RecordColumn"/> a column decoded on access from the current record (nothing is decoded that is not read).
/// Invalid field data throws a <see cref="CobolDataException"/> naming file, record number, field, offset and hex.
/// Lets a legacy file feed a bulk copy or any ADO.NET consumer. Over a <see cref="CompiledRecordDecoder"/>
/// (<see cref="Create(RecordReader, CompiledRecordDecoder)"/>) each record is decoded once, in full, on <see cref="Read"/>.
/// </summary>
public sealed class RecordDataReader : DbDataReader
{
    private readonly RecordReader _reader;
    private readonly RecordColumn[] _columns;
    private readonly Dictionary<string, int> _ordinals;
    private readonly CompiledRecordDecoder? _compiled;
    private readonly RecordValues? _values;
    private ReadOnlyMemory<byte> _record;
    private bool _hasRow;
    private bool _closed;

    private RecordDataReader(RecordReader reader, RecordColumn[] columns, CompiledRecordDecoder? compiled = null)
    {
        _reader = reader;
        _columns = columns;
        _compiled = compiled;
        _values = compiled?.CreateValues();
        _ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Length; i++)
        {
            // compiled layouts may repeat a name (several records or views): the first one is found by name
            if (!_ordinals.TryAdd(columns[i].Name, i) && compiled is null)
                throw new ArgumentException($"duplicate column name {columns[i].Name}", nameof(columns));
        }
    }

    /// <summary>
    /// A reader whose columns are the fields of a <see cref="CompiledRecordDecoder"/> (every elementary item of every
    /// view, in copybook order). Each <see cref="Read"/> decodes the whole record at once, strictly: an invalid field
    /// throws there (naming file, record number, field, offset and hex), whether or not it is read. Fields of views the
    /// record does not select (REDEFINES, OCCURS DEPENDING ON beyond the count) are DBNull.
    /// </summary>
    public static RecordDataReader Create(RecordReader reader, CompiledRecordDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(decoder);
        if (decoder.Fields.Count == 0) throw new ArgumentException("the layout has no fields", nameof(decoder));
        var columns = decoder.Fields.Select(f => new RecordColumn(f.Name, f.Offset, f.Codec)).ToArray();
        return new RecordDataReader(reader, columns, decoder);
    }

    public static RecordDataReader Create(RecordReader reader, IEnumerable<RecordColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(columns);
        var list = columns.ToArray();
        if (list.Length == 0) throw new ArgumentException("at least one column is needed", nameof(columns));
        return new RecordDataReader(reader, list);
    }

    /// <summary>1-based number of the current record.</summary>
    public long RecordNumber => _reader.RecordNumber;

    public override int FieldCount => _columns.Length;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override int RecordsAffected => -1;

    public override bool HasRows => true;

    public override bool IsClosed => _closed;

    public override int Depth => 0;

    public override bool Read()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        _hasRow = _reader.TryRead(out _record);
        if (_hasRow && _compiled is not null) _compiled.Decode(_reader, _values!);
        return _hasRow;
    }

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => _columns[ordinal].Name;

    public override int GetOrdinal(string name) =>
        _ordinals.TryGetValue(name, out var i) ? i : throw new IndexOutOfRangeException($"no column named {name}");

    public override Type GetFieldType(int ordinal) => _columns[ordinal].FieldType;

    public override string GetDataTypeName(int ordinal) => _columns[ordinal].FieldType.Name;

    public override bool IsDBNull(int ordinal)
    {
        if (_values is null) return !_columns[ordinal].AppliesTo(Current);
        return _hasRow ? !_values.IsPresent(ordinal) : throw NoRecord();
    }

    public override object GetValue(int ordinal)
    {
        var column = _columns[ordinal];
        var record = Current;
        if (_values is not null)
        {
            if (!_values.IsPresent(ordinal)) return DBNull.Value;
            return column.Codec!.Kind switch
            {
                FieldKind.Alphanumeric => new string(_values.GetChars(ordinal)),
                FieldKind.Float => _values.GetDouble(ordinal),
                _ => _values.GetDecimal(ordinal),
            };
        }
        if (!column.AppliesTo(record)) return DBNull.Value;
        if (record.Length < column.Offset + column.Length)
            throw new CobolDataException(string.Create(CultureInfo.InvariantCulture,
                $"record of {record.Length} bytes ends before the field ({column.Offset}+{column.Length})"), [], column.Name, column.Offset)
                .WithRecord(_reader.FileName, _reader.RecordNumber);
        try
        {
            return column.Decode(record.Slice(column.Offset, column.Length));
        }
        catch (CobolDataException ex)
        {
            throw ex.WithField(column.Name, column.Offset).WithRecord(_reader.FileName, _reader.RecordNumber);
        }
    }

    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, _columns.Length);
        for (var i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    public override decimal GetDecimal(int ordinal) =>
        _values is not null && _hasRow && _columns[ordinal].Codec!.IsNumeric && _columns[ordinal].Codec!.Kind != FieldKind.Float && _values.IsPresent(ordinal)
            ? _values.GetDecimal(ordinal)
            : (decimal)GetValue(ordinal);

    public override string GetString(int ordinal) => GetValue(ordinal) is string s ? s : Convert.ToString(GetValue(ordinal), CultureInfo.InvariantCulture)!;

    public override long GetInt64(int ordinal) => Convert.ToInt64(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override int GetInt32(int ordinal) => Convert.ToInt32(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override short GetInt16(int ordinal) => Convert.ToInt16(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override byte GetByte(int ordinal) => Convert.ToByte(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override bool GetBoolean(int ordinal) => Convert.ToBoolean(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    /// <summary>A COMP-1 / COMP-2 column (other COBOL values are exact: read them with GetDecimal).</summary>
    public override double GetDouble(int ordinal) =>
        _columns[ordinal].FieldType == typeof(double)
            ? (double)GetValue(ordinal)
            : throw new InvalidCastException("COBOL values are exact; read them with GetDecimal");

    public override float GetFloat(int ordinal) =>
        throw new InvalidCastException("COBOL values are exact; read them with GetDecimal");

    public override DateTime GetDateTime(int ordinal) =>
        throw new InvalidCastException("dates are not decoded here; read the field and parse it where the legacy does");

    public override Guid GetGuid(int ordinal) => throw new InvalidCastException("no GUID columns");

    /// <summary>The raw bytes of a column in the current record.</summary>
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var c = _columns[ordinal];
        var field = Current.Slice(c.Offset, c.Length);
        if (buffer is null) return field.Length;
        var n = (int)Math.Max(0, Math.Min(length, field.Length - dataOffset));
        field.Slice((int)dataOffset, n).CopyTo(buffer.AsSpan(bufferOffset));
        return n;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var s = GetString(ordinal);
        if (buffer is null) return s.Length;
        var n = (int)Math.Max(0, Math.Min(length, s.Length - dataOffset));
        s.CopyTo((int)dataOffset, buffer, bufferOffset, n);
        return n;
    }

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override DataTable GetSchemaTable()
    {
        var table = new DataTable("SchemaTable") { Locale = CultureInfo.InvariantCulture };
        table.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        table.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        table.Columns.Add(SchemaTableColumn.ColumnSize, typeof(int));
        table.Columns.Add(SchemaTableColumn.NumericPrecision, typeof(short));
        table.Columns.Add(SchemaTableColumn.NumericScale, typeof(short));
        table.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        table.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        for (var i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i];
            table.Rows.Add(c.Name, i, c.Length, (short)(c.Codec?.Digits ?? 0), (short)(c.Codec?.Scale ?? 0), c.FieldType, c.WhenValue is not null);
        }
        return table;
    }

    public override void Close()
    {
        if (_closed) return;
        _closed = true;
        _reader.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }

    private ReadOnlySpan<byte> Current => _hasRow ? _record.Span : throw NoRecord();

    private static InvalidOperationException NoRecord() => new("no current record: call Read first");
}
