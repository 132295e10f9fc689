using Collections.Cobol.Codecs;
using Collections.Cobol.Records;

namespace Collections.Legacy.Records;

/// <summary>
/// A typed record of a RECFM=F legacy file: its length, a strict decoder (invalid data is a
/// <see cref="CobolDataException"/> naming field, offset and raw bytes) and an encoder that writes the bytes the
/// legacy writes.
/// </summary>
/// <typeparam name="TSelf">the record type</typeparam>
public interface IFixedRecord<TSelf> where TSelf : IFixedRecord<TSelf>
{
    /// <summary>LRECL.</summary>
    static abstract int RecordLength { get; }

    /// <summary>Decodes one record of exactly <see cref="RecordLength"/> bytes.</summary>
    static abstract TSelf Decode(ReadOnlySpan<byte> record);

    /// <summary>Writes the record's <see cref="RecordLength"/> bytes.</summary>
    void Encode(Span<byte> record);
}

/// <summary>
/// Reads a RECFM=F legacy file record by record as <typeparamref name="T"/> (streaming, one record in memory). A
/// short last record or invalid data throws a <see cref="CobolDataException"/> located by file name and record
/// number.
/// </summary>
public sealed class FixedRecordReader<T> : IDisposable where T : IFixedRecord<T>
{
    private readonly RecordReader _reader;
    private readonly string _name;

    private FixedRecordReader(RecordReader reader, string name)
    {
        _reader = reader;
        _name = name;
    }

    /// <summary>A reader over <paramref name="stream"/>; <paramref name="name"/> (the DD name) appears in error messages.</summary>
    public static FixedRecordReader<T> Create(Stream stream, string name, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return new FixedRecordReader<T>(RecordReader.Create(stream, new RecordReaderOptions
        {
            Format = RecordFormat.Fixed, RecordLength = T.RecordLength, FileName = name, LeaveOpen = leaveOpen,
        }), name);
    }

    /// <summary>Records returned so far.</summary>
    public long RecordsRead { get; private set; }

    /// <summary>The raw bytes of the record last returned (valid until the next read).</summary>
    public ReadOnlySpan<byte> CurrentBytes => _reader.Current;

    /// <summary>The next record, or false at end of file.</summary>
    public bool TryRead(out T record)
    {
        record = default!;
        var status = _reader.Read(out var data);
        if (status == RecordReadStatus.EndOfFile) return false;
        var number = RecordsRead + 1;
        if (status == RecordReadStatus.Truncated)
            throw new CobolDataException($"short record: {data.Length} bytes at end of file, expected {T.RecordLength}", data.Span, "record", 0)
                .WithRecord(_name, number);
        try
        {
            record = T.Decode(data.Span);
        }
        catch (CobolDataException e)
        {
            throw e.WithRecord(_name, number);
        }
        RecordsRead = number;
        return true;
    }

    /// <summary>Every remaining record, lazily.</summary>
    public IEnumerable<T> ReadAll()
    {
        while (TryRead(out var r)) yield return r;
    }

    public void Dispose() => _reader.Dispose();
}

/// <summary>Writes <typeparamref name="T"/> records to a RECFM=F file (buffered; flushed on dispose).</summary>
public sealed class FixedRecordWriter<T> : IDisposable where T : IFixedRecord<T>
{
    private readonly RecordWriter _writer;
    private readonly byte[] _buffer = new byte[T.RecordLength];

    private FixedRecordWriter(RecordWriter writer) => _writer = writer;

    public static FixedRecordWriter<T> Create(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new FixedRecordWriter<T>(RecordWriter.Create(stream, new RecordWriterOptions
        {
            Format = RecordFormat.Fixed, RecordLength = T.RecordLength, LeaveOpen = leaveOpen,
        }));
    }

    /// <summary>Records written so far.</summary>
    public long RecordsWritten => _writer.RecordCount;

    public void Write(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Encode(_buffer);
        _writer.Write(_buffer);
    }

    /// <summary>Writes a record already encoded (exactly <c>T.RecordLength</c> bytes).</summary>
    public void WriteEncoded(ReadOnlySpan<byte> record) => _writer.Write(record);

    /// <summary>Writes the buffered records to the stream.</summary>
    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();
}
