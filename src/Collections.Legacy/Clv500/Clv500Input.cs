using Collections.Cobol.Records;
using Collections.Legacy.Pipeline;

namespace Collections.Legacy.Clv500;

/// <summary>
/// An input data set of CLV500 as libcob 3.1.2 presents it to the program (observed with the legacy binary):
/// <list type="bullet">
/// <item>OPEN: a missing file is status 35 (an OPTIONAL one: 05, and it is then not open), no permission 37.
/// A directory opens.</item>
/// <item>READ of a RECFM=F or RECFM=V file: a short last record is status 04; a RECFM=V length prefix cut short is
/// 30, a prefix with no data after it is the end of the file; reading a directory is 30.</item>
/// <item>READ of a LINE SEQUENTIAL file: lines padded with spaces or cut to the record length; a directory reads as
/// an empty file.</item>
/// </list>
/// </summary>
internal sealed class Clv500Input : IDisposable
{
    private readonly Stream? _stream;
    private readonly RecordReader? _reader;
    private readonly bool _directory;

    private Clv500Input(string dd, string fd, RecordFormat format, Stream? stream, RecordReader? reader, bool directory)
    {
        DdName = dd;
        FdName = fd;
        Format = format;
        _stream = stream;
        _reader = reader;
        _directory = directory;
    }

    public string DdName { get; }
    public string FdName { get; }
    public RecordFormat Format { get; }

    /// <summary>Records returned so far (the number of the record last returned).</summary>
    public long RecordNumber { get; private set; }

    /// <summary>Byte offset of the record last returned.</summary>
    public long RecordOffset => _reader?.RecordOffset ?? 0;

    /// <summary>Opens a data set, or returns null for a missing OPTIONAL one (status 05). Other failures abend.</summary>
    public static Clv500Input? Open(string path, string dd, string fd, RecordFormat format, int recordLength, bool optional = false)
    {
        if (Directory.Exists(path)) return new Clv500Input(dd, fd, format, null, null, directory: true);
        FileStream stream;
        try
        {
            stream = LegacyAbend.Open(path, FileMode.Open, FileAccess.Read, dd);
        }
        catch (LegacyAbend e) when (optional && e.Status == "35")
        {
            return null;
        }
        var reader = RecordReader.Create(stream, new RecordReaderOptions
        {
            Format = format, RecordLength = format == RecordFormat.GnuCobolVariable ? 0 : recordLength, FileName = dd,
        });
        return new Clv500Input(dd, fd, format, stream, reader, directory: false);
    }

    /// <summary>The next record (valid until the next read), or false at the end of the file; a read error abends.</summary>
    public bool Read(out ReadOnlySpan<byte> record)
    {
        record = default;
        if (_directory)
        {
            if (Format == RecordFormat.LineSequential) return false;
            throw new LegacyAbend(DdName, "READ", "30", $"{DdName} is a directory");
        }
        RecordReadStatus status;
        ReadOnlyMemory<byte> data;
        try
        {
            status = _reader!.Read(out data);
        }
        catch (RecordFormatException e)
        {
            throw new LegacyAbend(DdName, "READ", "30",
                $"{DdName} RECORD {RecordNumber + 1} AT OFFSET {e.Offset}: {e.Message} (a damaged length prefix is not reproduced)");
        }
        catch (IOException e)
        {
            throw new LegacyAbend(DdName, "READ", "30", $"{DdName} RECORD {RecordNumber + 1}: {e.Message}");
        }
        switch (status)
        {
            case RecordReadStatus.EndOfFile:
                return false;
            case RecordReadStatus.Truncated:
                if (Format == RecordFormat.GnuCobolVariable)
                {
                    var prefixCut = _reader.Position - _reader.RecordOffset == data.Length;   // no complete 4-byte prefix
                    if (prefixCut)
                        throw new LegacyAbend(DdName, "READ", "30",
                            $"{DdName} RECORD {RecordNumber + 1} AT OFFSET {_reader.RecordOffset}: LENGTH PREFIX CUT SHORT ({data.Length} BYTES, RAW {Convert.ToHexString(data.Span)})");
                    if (data.Length == 0) return false;
                }
                throw new LegacyAbend(DdName, "READ", "04",
                    $"{DdName} RECORD {RecordNumber + 1} AT OFFSET {_reader.RecordOffset} IS SHORT: {data.Length} BYTES AT END OF FILE");
        }
        RecordNumber++;
        record = data.Span;
        return true;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _stream?.Dispose();
    }
}
