using System.Buffers.Binary;
using System.Globalization;

namespace Collections.Cobol.Records;

/// <summary>
/// Writes records as GnuCOBOL does for the <see cref="RecordFormat"/>: fixed records as they are; variable records with
/// the 4-byte prefix (length without the prefix, then two zero bytes); RDW records with the length including the prefix;
/// line-sequential records without their trailing spaces, each followed by LF. Buffered; flushed on dispose.
/// </summary>
public sealed class RecordWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly RecordWriterOptions _options;
    private readonly byte[] _buffer;
    private int _used;
    private bool _disposed;

    private RecordWriter(Stream stream, RecordWriterOptions options)
    {
        _stream = stream;
        _options = options;
        _buffer = new byte[Math.Max(options.BufferSize, 65535 + 8)];
    }

    public static RecordWriter Create(Stream stream, RecordWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!stream.CanWrite) throw new ArgumentException("stream is not writable", nameof(stream));
        return new RecordWriter(stream, options);
    }

    public static RecordWriter Create(Stream stream, RecordFormat format, int recordLength = 0) =>
        Create(stream, new RecordWriterOptions { Format = format, RecordLength = recordLength });

    /// <summary>Records written so far.</summary>
    public long RecordCount { get; private set; }

    public void Write(ReadOnlySpan<byte> record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        switch (_options.Format)
        {
            case RecordFormat.Fixed:
                if (record.Length != _options.RecordLength)
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                        "record {0} is {1} bytes; the fixed record length is {2}", RecordCount + 1, record.Length, _options.RecordLength), nameof(record));
                Put(record);
                break;
            case RecordFormat.GnuCobolVariable:
            case RecordFormat.Rdw:
            {
                var prefix = _options.Format == RecordFormat.Rdw ? 4 : 0;
                if (record.Length + prefix > ushort.MaxValue)
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                        "record {0} is {1} bytes; a 2-byte length prefix holds at most {2}", RecordCount + 1, record.Length, ushort.MaxValue - prefix), nameof(record));
                Span<byte> header = stackalloc byte[4];
                header.Clear();
                if (_options.RdwByteOrder == RdwByteOrder.LittleEndian) BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)(record.Length + prefix));
                else BinaryPrimitives.WriteUInt16BigEndian(header, (ushort)(record.Length + prefix));
                Put(header);
                Put(record);
                break;
            }
            default:
            {
                var end = record.Length;
                while (end > 0 && record[end - 1] == _options.PadByte) end--;
                Put(record[..end]);
                Put("\n"u8);
                break;
            }
        }
        RecordCount++;
    }

    public void Flush()
    {
        if (_used > 0)
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }
        _stream.Flush();
    }

    private void Put(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _used < bytes.Length)
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
            if (bytes.Length > _buffer.Length)
            {
                _stream.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    public void Dispose()
    {
        if (_disposed) return;
        Flush();
        _disposed = true;
        if (!_options.LeaveOpen) _stream.Dispose();
    }
}
