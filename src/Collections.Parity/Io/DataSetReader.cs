using System.Security.Cryptography;
using Collections.Cobol.Records;
using CobolRecordFormat = Collections.Cobol.Records.RecordFormat;

namespace Collections.Parity.Io;

/// <summary>How records are laid out in a data set (the parity configuration's <c>format</c>).</summary>
public enum RecordFormat
{
    /// <summary>RECFM=F: fixed-length records, no separator.</summary>
    Fixed,
    /// <summary>RECFM=V as GnuCOBOL writes it (COB_VARSEQ_FORMAT=0): 2-byte big-endian length + 2 NULs.</summary>
    Variable,
    /// <summary>Text: one record per LF-terminated line (LINE SEQUENTIAL; CRs are not data, as GnuCOBOL reads them).</summary>
    Line,
}

/// <summary>
/// The records of a data set for the comparison, read by the toolkit's <see cref="RecordReader"/> (streamed, never the
/// whole file in memory), with a SHA-256 of the bytes read so that a byte-level verdict comes with the same pass.
/// Each record is returned as its own array (the comparer keeps unmatched records until their key arrives).
/// </summary>
public sealed class DataSetReader : IDisposable
{
    private readonly HashingStream _stream;
    private readonly RecordReader _reader;
    private readonly RecordFormat _format;
    private bool _done;

    private DataSetReader(Stream stream, RecordFormat format, int lrecl)
    {
        _format = format;
        _stream = new HashingStream(stream);
        _reader = RecordReader.Create(_stream, new RecordReaderOptions
        {
            Format = format switch
            {
                RecordFormat.Fixed => CobolRecordFormat.Fixed,
                RecordFormat.Variable => CobolRecordFormat.GnuCobolVariable,
                _ => CobolRecordFormat.LineSequential,
            },
            RecordLength = format == RecordFormat.Fixed ? lrecl : 0,   // a text line as it is: no padding
            LeaveOpen = true,
        });
    }

    public static DataSetReader Create(Stream stream, RecordFormat format, int lrecl)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (format == RecordFormat.Fixed && lrecl <= 0) throw new ArgumentOutOfRangeException(nameof(lrecl));
        return new DataSetReader(stream, format, lrecl);
    }

    public static DataSetReader Open(string path, RecordFormat format, int lrecl) =>
        Create(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), format, lrecl);

    /// <summary>Records read so far (a truncated last record counts).</summary>
    public long RecordCount => _reader.RecordNumber;

    /// <summary>Bytes read so far.</summary>
    public long ByteCount => _stream.ByteCount;

    /// <summary>
    /// Set when the file ended inside a record (the partial record is returned with this flag; for text, a last line
    /// without its LF) or when a variable-length record's prefix is invalid (<see cref="FormatError"/>).
    /// </summary>
    public bool Truncated { get; private set; }

    /// <summary>Why a variable-length file could not be read past a record prefix (the rest is hashed, not read), or null.</summary>
    public string? FormatError { get; private set; }

    /// <summary>SHA-256 (lower-case hex) of all bytes read; valid after the last record.</summary>
    public string Sha256() => _stream.Sha256();

    /// <summary>The next record's bytes (without RDW or LF), or null at end of file.</summary>
    public byte[]? Next()
    {
        if (_done) return null;
        RecordReadStatus status;
        ReadOnlyMemory<byte> record;
        try
        {
            status = _reader.Read(out record);
        }
        catch (RecordFormatException e)
        {
            FormatError = e.Message;
            Truncated = true;
            Drain();
            return null;
        }
        switch (status)
        {
            case RecordReadStatus.EndOfFile:
                _done = true;
                if (_format == RecordFormat.Line && _stream.ByteCount > 0 && _stream.LastByte != (byte)'\n') Truncated = true;
                return null;
            case RecordReadStatus.Truncated:
                Truncated = true;
                break;
        }
        return record.ToArray();
    }

    /// <summary>Reads to the end (hashing the rest) without returning records.</summary>
    public void Drain()
    {
        _done = true;
        var buffer = new byte[1 << 16];
        while (_stream.Read(buffer, 0, buffer.Length) > 0)
        {
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    /// <summary>A read-only pass-through that hashes and counts what is read, and remembers the last byte.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long ByteCount { get; private set; }

        public byte LastByte { get; private set; }

        public string Sha256() => Convert.ToHexStringLower(_hash.GetCurrentHash());

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            if (n > 0)
            {
                _hash.AppendData(buffer[..n]);
                ByteCount += n;
                LastByte = buffer[n - 1];
            }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => ByteCount; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                _hash.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
