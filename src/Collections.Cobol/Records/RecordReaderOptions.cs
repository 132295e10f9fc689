namespace Collections.Cobol.Records;

/// <summary>Options of a <see cref="RecordReader"/>.</summary>
public sealed class RecordReaderOptions
{
    /// <summary>The record layout of the file.</summary>
    public RecordFormat Format { get; init; } = RecordFormat.Fixed;

    /// <summary>Fixed: the record length (required). LineSequential: the record length lines are padded (with
    /// <see cref="PadByte"/>) or cut to; 0 returns each line as it is (without CRs). Variable and RDW: not used.</summary>
    public int RecordLength { get; init; }

    /// <summary>Variable and RDW: the longest record accepted (a longer length prefix is an error).</summary>
    public int MaxRecordLength { get; init; } = 65535;

    /// <summary>Variable and RDW: byte order of the length prefix (default big-endian, the mainframe's).</summary>
    public RdwByteOrder RdwByteOrder { get; init; } = RdwByteOrder.BigEndian;

    /// <summary>LineSequential: the byte short lines are padded with (space; 0x40 for EBCDIC text).</summary>
    public byte PadByte { get; init; } = (byte)' ';

    /// <summary>Name used in error messages (e.g. the DD name or file name).</summary>
    public string? FileName { get; init; }

    /// <summary>Size of the read buffer in bytes.</summary>
    public int BufferSize { get; init; } = 1 << 16;

    /// <summary>Leave the stream open when the reader is disposed.</summary>
    public bool LeaveOpen { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Format)) throw new ArgumentException($"unknown record format {Format}", nameof(Format));
        if (Format == RecordFormat.Fixed && RecordLength < 1)
            throw new ArgumentException("a fixed-length file needs RecordLength >= 1", nameof(RecordLength));
        if (RecordLength < 0) throw new ArgumentException("RecordLength must not be negative", nameof(RecordLength));
        if (MaxRecordLength is < 1 or > 65535)
            throw new ArgumentException("MaxRecordLength must be 1..65535", nameof(MaxRecordLength));
        if (!Enum.IsDefined(RdwByteOrder)) throw new ArgumentException($"unknown RDW byte order {RdwByteOrder}", nameof(RdwByteOrder));
        if (BufferSize < 16) throw new ArgumentException("BufferSize must be at least 16", nameof(BufferSize));
    }
}

/// <summary>Options of a <see cref="RecordWriter"/>.</summary>
public sealed class RecordWriterOptions
{
    public RecordFormat Format { get; init; } = RecordFormat.Fixed;

    /// <summary>Fixed: every record must be exactly this long (required). Others: not used.</summary>
    public int RecordLength { get; init; }

    /// <summary>LineSequential: the trailing byte removed before the LF (space; 0x40 for EBCDIC text).</summary>
    public byte PadByte { get; init; } = (byte)' ';

    /// <summary>Variable and RDW: byte order of the length prefix (default big-endian).</summary>
    public RdwByteOrder RdwByteOrder { get; init; } = RdwByteOrder.BigEndian;

    public int BufferSize { get; init; } = 1 << 16;

    public bool LeaveOpen { get; init; }

    public void Validate()
    {
        if (!Enum.IsDefined(Format)) throw new ArgumentException($"unknown record format {Format}", nameof(Format));
        if (!Enum.IsDefined(RdwByteOrder)) throw new ArgumentException($"unknown RDW byte order {RdwByteOrder}", nameof(RdwByteOrder));
        if (Format == RecordFormat.Fixed && RecordLength < 1)
            throw new ArgumentException("a fixed-length file needs RecordLength >= 1", nameof(RecordLength));
        if (BufferSize < 16) throw new ArgumentException("BufferSize must be at least 16", nameof(BufferSize));
    }
}
