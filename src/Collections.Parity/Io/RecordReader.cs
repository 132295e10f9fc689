using System.Security.Cryptography;

namespace Collections.Parity.Io;

/// <summary>How records are laid out in a data set.</summary>
public enum RecordFormat
{
    /// <summary>RECFM=F: fixed-length records, no separator.</summary>
    Fixed,
    /// <summary>RECFM=V as GnuCOBOL writes it (COB_VARSEQ_FORMAT=0): 2-byte big-endian length + 2 NULs.</summary>
    Variable,
    /// <summary>Text: one record per LF-terminated line, trailing blanks removed.</summary>
    Line,
}

/// <summary>
/// Streams the records of a data set (never the whole file in memory) and hashes the bytes it reads, so a
/// byte-level verdict comes with the same pass.
/// </summary>
public sealed class RecordReader : IDisposable
{
    private readonly Stream _stream;
    private readonly RecordFormat _format;
    private readonly int _lrecl;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _pos;
    private int _len;
    private bool _eof;

    private RecordReader(Stream stream, RecordFormat format, int lrecl)
    {
        _stream = stream;
        _format = format;
        _lrecl = lrecl;
    }

    public static RecordReader Create(Stream stream, RecordFormat format, int lrecl)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (format == RecordFormat.Fixed && lrecl <= 0) throw new ArgumentOutOfRangeException(nameof(lrecl));
        return new RecordReader(stream, format, lrecl);
    }

    public static RecordReader Open(string path, RecordFormat format, int lrecl) =>
        Create(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), format, lrecl);

    /// <summary>Records read so far.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Bytes read so far.</summary>
    public long ByteCount { get; private set; }

    /// <summary>Set when the file ended inside a record (the partial record is returned with this flag).</summary>
    public bool Truncated { get; private set; }

    /// <summary>SHA-256 (lower-case hex) of all bytes read; valid after the last record.</summary>
    public string Sha256() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>The next record's bytes (without RDW or LF), or null at end of file.</summary>
    public byte[]? Next()
    {
        byte[]? rec = _format switch
        {
            RecordFormat.Fixed => ReadExact(_lrecl, allowPartial: true),
            RecordFormat.Variable => ReadVariable(),
            _ => ReadLine(),
        };
        if (rec is not null) RecordCount++;
        return rec;
    }

    private byte[]? ReadVariable()
    {
        var rdw = ReadExact(4, allowPartial: true);
        if (rdw is null) return null;
        if (rdw.Length < 4) { Truncated = true; return rdw; }
        var len = (rdw[0] << 8) | rdw[1];
        var rec = ReadExact(len, allowPartial: true) ?? [];
        if (rec.Length < len) Truncated = true;
        return rec;
    }

    private byte[]? ReadExact(int n, bool allowPartial)
    {
        var rec = new byte[n];
        var got = 0;
        while (got < n)
        {
            if (_pos == _len && !Fill()) break;
            var take = Math.Min(n - got, _len - _pos);
            Buffer.BlockCopy(_buffer, _pos, rec, got, take);
            _pos += take;
            got += take;
        }
        if (got == 0) return null;
        if (got < n)
        {
            if (!allowPartial) throw new EndOfStreamException();
            Truncated = true;
            return rec[..got];
        }
        return rec;
    }

    private byte[]? ReadLine()
    {
        if (_pos == _len && !Fill()) return null;
        var parts = new List<byte[]>();
        while (true)
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var nl = span.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                parts.Add(span[..nl].ToArray());
                _pos += nl + 1;
                break;
            }
            parts.Add(span.ToArray());
            _pos = _len;
            if (!Fill()) { Truncated = parts.Sum(p => p.Length) > 0; break; }
        }
        var rec = parts.Count == 1 ? parts[0] : parts.SelectMany(p => p).ToArray();
        if (rec.Length > 0 && rec[^1] == '\r') rec = rec[..^1];
        return rec;
    }

    private bool Fill()
    {
        if (_eof) return false;
        _len = _stream.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        if (_len == 0) { _eof = true; return false; }
        _hash.AppendData(_buffer, 0, _len);
        ByteCount += _len;
        return true;
    }

    /// <summary>Reads to the end (hashing the rest) without returning records.</summary>
    public void Drain()
    {
        _pos = _len;
        while (Fill()) _pos = _len;
    }

    public void Dispose()
    {
        _stream.Dispose();
        _hash.Dispose();
    }
}
