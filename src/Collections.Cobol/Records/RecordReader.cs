using System.Buffers.Binary;
using System.Globalization;

namespace Collections.Cobol.Records;

/// <summary>
/// Streams the records of a sequential file (<see cref="RecordFormat"/>). One internal buffer is reused: a returned
/// record is valid until the next read, and reading allocates nothing per record. <see cref="RecordNumber"/> (1-based)
/// and <see cref="RecordOffset"/> locate the last record for error messages.
/// </summary>
public sealed class RecordReader : IDisposable
{
    private readonly Stream _stream;
    private readonly RecordReaderOptions _options;
    private readonly RecordFormat _format;
    private readonly int _recordLength;
    private byte[] _buffer;
    private readonly byte[]? _lineRecord;
    private int _pos;
    private int _end;
    private long _bufferStart; // stream offset of _buffer[0]
    private bool _eof;
    private bool _finished;
    private ReadOnlyMemory<byte> _current;

    private RecordReader(Stream stream, RecordReaderOptions options)
    {
        _stream = stream;
        _options = options;
        _format = options.Format;
        _recordLength = options.RecordLength;
        var min = _format switch
        {
            RecordFormat.Fixed => _recordLength * 2,
            RecordFormat.LineSequential => 256,
            _ => options.MaxRecordLength * 2 + 8,
        };
        _buffer = new byte[Math.Max(options.BufferSize, min)];
        if (_format == RecordFormat.LineSequential && _recordLength > 0) _lineRecord = new byte[_recordLength];
    }

    /// <summary>Creates a reader over <paramref name="stream"/> (read from its current position).</summary>
    public static RecordReader Create(Stream stream, RecordReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!stream.CanRead) throw new ArgumentException("stream is not readable", nameof(stream));
        return new RecordReader(stream, options);
    }

    /// <summary>Creates a reader with the default options for a format and record length.</summary>
    public static RecordReader Create(Stream stream, RecordFormat format, int recordLength = 0, string? fileName = null) =>
        Create(stream, new RecordReaderOptions { Format = format, RecordLength = recordLength, FileName = fileName });

    /// <summary>1-based number of the record last returned (0 before the first read). A truncated record counts.</summary>
    public long RecordNumber { get; private set; }

    /// <summary>Byte offset in the stream where the record last returned (its prefix, for variable formats) starts.</summary>
    public long RecordOffset { get; private set; }

    /// <summary>Total bytes consumed so far.</summary>
    public long Position => _bufferStart + _pos;

    /// <summary>LineSequential: the number of data bytes on the last line (before padding or cutting, CRs excluded).</summary>
    public int LineLength { get; private set; }

    /// <summary>The record last returned.</summary>
    public ReadOnlySpan<byte> Current => _current.Span;

    public string? FileName => _options.FileName;

    /// <summary>
    /// Reads the next record. Returns true with the record, false at end of file. A truncated final record throws a
    /// <see cref="RecordFormatException"/> naming record number and offset, with the short bytes in
    /// <see cref="RecordFormatException.PartialRecord"/> (use <see cref="Read"/> to receive them without an exception).
    /// </summary>
    public bool TryRead(out ReadOnlyMemory<byte> record)
    {
        switch (Read(out record))
        {
            case RecordReadStatus.Record:
                return true;
            case RecordReadStatus.EndOfFile:
                return false;
            default:
                throw new RecordFormatException(
                    string.Format(CultureInfo.InvariantCulture, "truncated record: {0} bytes at end of file{1}", record.Length,
                        _format == RecordFormat.Fixed ? string.Format(CultureInfo.InvariantCulture, ", expected {0}", _recordLength) : ""),
                    FileName, RecordNumber, RecordOffset, record.ToArray());
        }
    }

    /// <summary>Reads the next record; a truncated final record is returned with <see cref="RecordReadStatus.Truncated"/>.
    /// An invalid length prefix throws <see cref="RecordFormatException"/>.</summary>
    public RecordReadStatus Read(out ReadOnlyMemory<byte> record)
    {
        record = default;
        if (_finished) return RecordReadStatus.EndOfFile;
        var status = _format switch
        {
            RecordFormat.Fixed => ReadFixed(out record),
            RecordFormat.LineSequential => ReadLine(out record),
            _ => ReadVariable(out record),
        };
        if (status == RecordReadStatus.EndOfFile) _finished = true;
        if (status == RecordReadStatus.Truncated) _finished = true;
        _current = record;
        return status;
    }

    private RecordReadStatus ReadFixed(out ReadOnlyMemory<byte> record)
    {
        var length = _recordLength;
        if (_end - _pos < length && !Fill(length))
        {
            return ShortOrEnd(out record, _pos);
        }
        RecordNumber++;
        RecordOffset = _bufferStart + _pos;
        record = new ReadOnlyMemory<byte>(_buffer, _pos, length);
        _pos += length;
        return RecordReadStatus.Record;
    }

    private RecordReadStatus ReadVariable(out ReadOnlyMemory<byte> record)
    {
        if (_end - _pos < 4 && !Fill(4)) return ShortOrEnd(out record, _pos);
        var header = _buffer.AsSpan(_pos, 4);
        var rdw = _format == RecordFormat.Rdw;
        var little = _options.RdwByteOrder == RdwByteOrder.LittleEndian;
        int length = little ? BinaryPrimitives.ReadUInt16LittleEndian(header[2..]) : BinaryPrimitives.ReadUInt16BigEndian(header);
        var offset = _bufferStart + _pos;
        var reserved = little ? header[..2] : header[2..];
        if (reserved[0] != 0 || reserved[1] != 0)
            throw Bad(string.Format(CultureInfo.InvariantCulture, "invalid {0} prefix {1}: bytes {2} must be zero ({3}-endian prefix){4}",
                rdw ? "RDW" : "record length", Convert.ToHexString(header), little ? "0-1" : "2-3", little ? "little" : "big",
                rdw ? " (spanned records are not supported)" : ""), offset);
        if (rdw)
        {
            if (length < 4)
                throw Bad(string.Format(CultureInfo.InvariantCulture, "invalid RDW {0}: length {1} is less than 4", Convert.ToHexString(header), length), offset);
            length -= 4;
        }
        if (length > _options.MaxRecordLength)
            throw Bad(string.Format(CultureInfo.InvariantCulture, "record length {0} in prefix {1} exceeds the maximum {2}",
                length, Convert.ToHexString(header), _options.MaxRecordLength), offset);
        if (_end - _pos < 4 + length && !Fill(4 + length))
        {
            RecordNumber++;
            RecordOffset = offset;
            record = new ReadOnlyMemory<byte>(_buffer, _pos + 4, _end - _pos - 4);
            _pos = _end;
            return RecordReadStatus.Truncated;
        }
        RecordNumber++;
        RecordOffset = offset;
        record = new ReadOnlyMemory<byte>(_buffer, _pos + 4, length);
        _pos += 4 + length;
        return RecordReadStatus.Record;
    }

    private RecordReadStatus ReadLine(out ReadOnlyMemory<byte> record)
    {
        int lf;
        var scanned = 0;
        while ((lf = _buffer.AsSpan(_pos + scanned, _end - _pos - scanned).IndexOf((byte)'\n')) < 0)
        {
            scanned = _end - _pos;
            if (_eof) break;
            if (_pos == 0 && _end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            Fill(_end - _pos + 1);
        }
        if (lf >= 0) lf += scanned;
        var available = _end - _pos;
        if (lf < 0 && available == 0)
        {
            record = default;
            return RecordReadStatus.EndOfFile;
        }
        var lineLength = lf < 0 ? available : lf;
        RecordNumber++;
        RecordOffset = _bufferStart + _pos;
        var line = _buffer.AsSpan(_pos, lineLength);
        _pos += lf < 0 ? available : lineLength + 1;

        if (_lineRecord is null)
        {
            if (line.IndexOf((byte)'\r') < 0)
            {
                LineLength = line.Length;
                record = new ReadOnlyMemory<byte>(_buffer, _pos - (lf < 0 ? available : lineLength + 1), lineLength);
                return RecordReadStatus.Record;
            }
            // drop CRs in place (the bytes are consumed already)
            var n = 0;
            foreach (var b in line) if (b != (byte)'\r') line[n++] = b;
            LineLength = n;
            record = new ReadOnlyMemory<byte>(_buffer, _pos - (lf < 0 ? available : lineLength + 1), n);
            return RecordReadStatus.Record;
        }

        var target = _lineRecord.AsSpan();
        var count = 0;
        var total = 0;
        if (line.IndexOf((byte)'\r') < 0)
        {
            total = line.Length;
            count = Math.Min(total, target.Length);
            line[..count].CopyTo(target);
        }
        else
        {
            foreach (var b in line)
            {
                if (b == (byte)'\r') continue;
                if (count < target.Length) target[count++] = b;
                total++;
            }
        }
        target[count..].Fill(_options.PadByte);
        LineLength = total;
        record = _lineRecord;
        return RecordReadStatus.Record;
    }

    private RecordReadStatus ShortOrEnd(out ReadOnlyMemory<byte> record, int start)
    {
        var available = _end - start;
        if (available == 0)
        {
            record = default;
            return RecordReadStatus.EndOfFile;
        }
        RecordNumber++;
        RecordOffset = _bufferStart + start;
        record = new ReadOnlyMemory<byte>(_buffer, start, available);
        _pos = _end;
        return RecordReadStatus.Truncated;
    }

    /// <summary>Makes at least <paramref name="needed"/> bytes available from _pos; false if the stream ends first.</summary>
    private bool Fill(int needed)
    {
        if (_buffer.Length - _pos < needed)
        {
            var remaining = _end - _pos;
            if (needed > _buffer.Length) Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, remaining);
            _bufferStart += _pos;
            _pos = 0;
            _end = remaining;
        }
        while (_end - _pos < needed && !_eof)
        {
            var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0) _eof = true;
            _end += n;
        }
        return _end - _pos >= needed;
    }

    private RecordFormatException Bad(string reason, long offset)
    {
        _finished = true;
        return new RecordFormatException(reason, FileName, RecordNumber + 1, offset);
    }

    public void Dispose()
    {
        if (!_options.LeaveOpen) _stream.Dispose();
    }
}
