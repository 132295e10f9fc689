namespace Collections.Cobol.Sorting;

/// <summary>Options of a <see cref="CobolSort"/>.</summary>
public sealed class CobolSortOptions
{
    /// <summary>Length of every sort record (the SD record), in bytes. Required.</summary>
    public int RecordLength { get; init; }

    /// <summary>The keys in the order of the SORT statement (major key first). At least one.</summary>
    public IReadOnlyList<CobolSortKey> Keys { get; init; } = [];

    /// <summary>
    /// Most bytes of records held in memory. When the released records exceed it, each full buffer is sorted and
    /// written to a temporary file (a run) and the runs are merged when the records are returned. Default 64 MiB. Keys
    /// of at most 40 bytes in all are sorted as copies next to the record indices: 48 more bytes per record while sorting.
    /// </summary>
    public long MemoryLimitBytes { get; init; } = 64L << 20;

    /// <summary>Most runs merged at once (each takes one read buffer); more runs are merged in several passes. Default 32.</summary>
    public int MergeFanIn { get; init; } = 32;

    /// <summary>Size of the read and write buffer of each temporary file. Default 64 KiB.</summary>
    public int FileBufferSize { get; init; } = 1 << 16;

    /// <summary>Folder of the temporary files (default: the system temporary folder). They are deleted when the sort is disposed.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (RecordLength < 1) throw new ArgumentException("RecordLength must be at least 1", nameof(RecordLength));
        if (Keys is null || Keys.Count == 0) throw new ArgumentException("a sort needs at least one key", nameof(Keys));
        foreach (var k in Keys)
        {
            if (k.Length < 1 || k.Offset < 0 || k.Offset > RecordLength - k.Length)
                throw new ArgumentException($"key at offset {k.Offset} length {k.Length} is outside the {RecordLength}-byte record", nameof(Keys));
            if (!Enum.IsDefined(k.Direction)) throw new ArgumentException($"unknown sort direction {k.Direction}", nameof(Keys));
        }
        if (MemoryLimitBytes < RecordLength) throw new ArgumentException("MemoryLimitBytes must hold at least one record", nameof(MemoryLimitBytes));
        if (MergeFanIn < 2) throw new ArgumentException("MergeFanIn must be at least 2", nameof(MergeFanIn));
        if (FileBufferSize < RecordLength) throw new ArgumentException("FileBufferSize must hold at least one record", nameof(FileBufferSize));
    }
}
