namespace Collections.Cobol.Sorting;

/// <summary>ON ASCENDING KEY / ON DESCENDING KEY.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}

/// <summary>
/// One key of a SORT statement: a byte range of the sort record compared as GnuCOBOL compares an alphanumeric key
/// with the native (ASCII) collating sequence, unsigned byte by byte. An unsigned DISPLAY numeric key holding only
/// digits orders the same way; a signed, packed or binary numeric key does not and is not supported.
/// </summary>
/// <param name="Offset">0-based offset of the key in the record</param>
/// <param name="Length">length of the key in bytes (at least 1)</param>
/// <param name="Direction">ascending (default) or descending</param>
public readonly record struct CobolSortKey(int Offset, int Length, SortDirection Direction = SortDirection.Ascending)
{
    /// <summary>An ascending key.</summary>
    public static CobolSortKey Ascending(int offset, int length) => new(offset, length);

    /// <summary>A descending key.</summary>
    public static CobolSortKey Descending(int offset, int length) => new(offset, length, SortDirection.Descending);
}
