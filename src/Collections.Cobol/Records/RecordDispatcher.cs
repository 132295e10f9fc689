namespace Collections.Cobol.Records;

/// <summary>
/// Record-type dispatch among REDEFINES: picks the layout (or any value) for a record by the bytes of a discriminator
/// field, e.g. ER-REC-TYPE at offset 0, length 1: "H" → header layout, "L" → line layout. Lookup allocates nothing.
/// </summary>
public sealed class RecordDispatcher<T>
{
    private readonly List<(byte[] Key, T Value)> _entries = [];

    public RecordDispatcher(int offset, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        Offset = offset;
        Length = length;
    }

    /// <summary>Offset of the discriminator field in the record.</summary>
    public int Offset { get; }

    public int Length { get; }

    /// <summary>Maps a discriminator value (exactly <see cref="Length"/> bytes) to <paramref name="value"/>.</summary>
    public RecordDispatcher<T> Add(ReadOnlySpan<byte> discriminator, T value)
    {
        if (discriminator.Length != Length)
            throw new ArgumentException($"discriminator must be {Length} bytes", nameof(discriminator));
        foreach (var (key, _) in _entries)
            if (key.AsSpan().SequenceEqual(discriminator))
                throw new ArgumentException($"discriminator {Convert.ToHexString(discriminator)} is already mapped", nameof(discriminator));
        _entries.Add((discriminator.ToArray(), value));
        return this;
    }

    /// <summary>The value for the record's discriminator; false when unmapped or the record is too short.</summary>
    public bool TryGet(ReadOnlySpan<byte> record, out T value)
    {
        if (record.Length >= Offset + Length)
        {
            var d = record.Slice(Offset, Length);
            foreach (var (key, v) in _entries)
            {
                if (d.SequenceEqual(key))
                {
                    value = v;
                    return true;
                }
            }
        }
        value = default!;
        return false;
    }
}
