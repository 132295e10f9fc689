namespace Collections.Cobol.Records;

/// <summary>How records are laid out in a sequential file.</summary>
public enum RecordFormat
{
    /// <summary>Fixed-length record-sequential (RECFM=F): records back to back, no delimiters.</summary>
    Fixed,

    /// <summary>GnuCOBOL variable-length record-sequential, COB_VARSEQ_FORMAT=0 (the default): a 4-byte prefix holding the
    /// record length big-endian in bytes 0-1 (NOT counting the prefix) and two zero bytes, then the record.</summary>
    GnuCobolVariable,

    /// <summary>Mainframe RECFM=V/VB as transferred in binary with RDWs: a 4-byte record descriptor word holding the length
    /// big-endian in bytes 0-1 INCLUDING the 4 bytes, then two zero bytes (spanned segments are not supported).</summary>
    Rdw,

    /// <summary>GnuCOBOL LINE SEQUENTIAL: records end with LF; on write trailing spaces are removed; on read every CR is
    /// dropped, a short line is padded with spaces to the record length and a long line is cut to it.</summary>
    LineSequential,
}

/// <summary>
/// Byte order of the 4-byte length prefix of <see cref="RecordFormat.GnuCobolVariable"/> and <see cref="RecordFormat.Rdw"/>
/// records. Big-endian is the mainframe's and GnuCOBOL's: the length in bytes 0-1, bytes 2-3 zero. Little-endian is the
/// whole word reversed, as some transfers from other platforms leave it: bytes 0-1 zero, the length in bytes 2-3 with
/// its low byte first.
/// </summary>
public enum RdwByteOrder
{
    BigEndian,
    LittleEndian,
}

/// <summary>What <see cref="RecordReader.Read"/> found.</summary>
public enum RecordReadStatus
{
    /// <summary>A complete record.</summary>
    Record,

    /// <summary>End of file: no more bytes.</summary>
    EndOfFile,

    /// <summary>The file ended inside a record: the record holds the short bytes that were there (as GnuCOBOL's status 04
    /// read of a fixed file leaves them); the next read returns <see cref="EndOfFile"/>.</summary>
    Truncated,
}
