using System.Globalization;

namespace Collections.Cobol.Records;

/// <summary>
/// The record structure of a file is broken: a truncated record, an invalid length prefix. The message names the
/// file, the 1-based record number and the byte offset where the record starts.
/// </summary>
public sealed class RecordFormatException : FormatException
{
    public RecordFormatException(string reason, string? fileName, long recordNumber, long offset, byte[]? partialRecord = null)
        : base(string.Format(CultureInfo.InvariantCulture, "{0} record {1} at offset {2}: {3}",
            fileName ?? "file", recordNumber, offset, reason))
    {
        Reason = reason;
        FileName = fileName;
        RecordNumber = recordNumber;
        Offset = offset;
        PartialRecord = partialRecord ?? [];
    }

    public string Reason { get; }

    public string? FileName { get; }

    /// <summary>1-based number of the broken record.</summary>
    public long RecordNumber { get; }

    /// <summary>Byte offset in the file where the broken record (or its prefix) starts.</summary>
    public long Offset { get; }

    /// <summary>The bytes of a truncated record that were there (empty for other errors).</summary>
    public byte[] PartialRecord { get; }
}
