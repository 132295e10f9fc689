namespace Collections.Cobol.Codecs;

/// <summary>
/// Invalid data in a COBOL field (a non-digit in a numeric field, an invalid sign, a truncated record).
/// The message names the field (when known), its offset in the record and the raw bytes in upper-case hex,
/// so a bad record can be found and reported without re-reading the file.
/// </summary>
public sealed class CobolDataException : FormatException
{
    /// <summary>Creates the error for a field whose name and offset are not yet known (codecs throw this;
    /// record-level callers re-target it with <see cref="WithField"/>).</summary>
    public CobolDataException(string reason, ReadOnlySpan<byte> raw)
        : this(reason, Hex(raw), null, -1, null)
    {
    }

    /// <summary>Creates the error for a named field at a known offset.</summary>
    public CobolDataException(string reason, ReadOnlySpan<byte> raw, string? fieldName, long offset)
        : this(reason, Hex(raw), fieldName, offset, null)
    {
    }

    private CobolDataException(string reason, string rawHex, string? fieldName, long offset, Exception? inner,
        string? fileName = null, long recordNumber = -1)
        : base(BuildMessage(reason, rawHex, fieldName, offset, fileName, recordNumber), inner)
    {
        Reason = reason;
        RawHex = rawHex;
        FieldName = fieldName;
        Offset = offset;
        FileName = fileName;
        RecordNumber = recordNumber;
    }

    /// <summary>The file the record came from, when known.</summary>
    public string? FileName { get; }

    /// <summary>1-based number of the record in its file, or -1 if unknown.</summary>
    public long RecordNumber { get; }

    /// <summary>The same error, located in a record of a file (keeps field and offset).</summary>
    public CobolDataException WithRecord(string? fileName, long recordNumber) =>
        new(Reason, RawHex, FieldName, Offset, this, fileName, recordNumber);

    /// <summary>What is wrong, e.g. "invalid sign nibble 0xA", "non-digit byte 0x40 at position 3".</summary>
    public string Reason { get; }

    /// <summary>The COBOL name of the field, when known.</summary>
    public string? FieldName { get; }

    /// <summary>Offset of the field in the record (0-based), or -1 if unknown.</summary>
    public long Offset { get; }

    /// <summary>The raw bytes of the field, upper-case hex without separators, e.g. "00123C".</summary>
    public string RawHex { get; }

    /// <summary>The same error, re-targeted to a named field at an offset in its record.</summary>
    public CobolDataException WithField(string fieldName, long offset)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        return new CobolDataException(Reason, RawHex, fieldName, offset, this, FileName, RecordNumber);
    }

    /// <summary>Upper-case hex of <paramref name="raw"/> (no separators).</summary>
    public static string Hex(ReadOnlySpan<byte> raw) => Convert.ToHexString(raw);

    private static string BuildMessage(string reason, string rawHex, string? fieldName, long offset, string? fileName, long recordNumber)
    {
        var record = recordNumber >= 0
            ? $"{fileName ?? "file"} record {recordNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}: "
            : "";
        var where = (fieldName, offset) switch
        {
            (not null, >= 0) => $"field {fieldName} at offset {offset.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            (not null, _) => $"field {fieldName}",
            (null, >= 0) => $"field at offset {offset.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            _ => "field",
        };
        return $"{record}Invalid data in {where}: {reason} (raw hex {(rawHex.Length == 0 ? "<empty>" : rawHex)})";
    }
}
