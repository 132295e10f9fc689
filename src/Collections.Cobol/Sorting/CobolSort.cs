namespace Collections.Cobol.Sorting;

/// <summary>
/// The COBOL SORT statement with an INPUT PROCEDURE and an OUTPUT PROCEDURE, in bounded memory: records are
/// released one at a time (<see cref="Release"/>, RELEASE), then returned in key order (<see cref="Return"/>, RETURN
/// ... AT END). Records are held in memory up to <see cref="CobolSortOptions.MemoryLimitBytes"/>; beyond that each
/// full buffer is sorted and written to a temporary file (a run) and the runs are merged, in several passes when
/// there are more than <see cref="CobolSortOptions.MergeFanIn"/>. The temporary files are deleted when the sort is
/// disposed (and by the operating system if the process dies: they are opened delete-on-close).
/// <para>
/// Order: by the keys, major key first, each key compared as unsigned bytes (ascending or descending); records with
/// equal keys come back in the order they were released. That is what GnuCOBOL 3.1.2 does with or without
/// WITH DUPLICATES IN ORDER: libcob numbers every released record and breaks ties with that number, in memory and
/// across its temporary files (the cobc probe in Collections.Cobol.Tests/Sorting proves it up to 2 million records
/// and with a small COB_SORT_MEMORY). So the result does not depend on the memory limit or the fan-in.
/// </para>
/// </summary>
public sealed class CobolSort : IDisposable
{
    private readonly CobolSortOptions _options;
    private readonly int _length;
    private readonly KeyRange[] _keys;
    private readonly int _capacity;          // records held in memory at most
    private byte[] _arena = [];
    private int[] _order = [];
    private KeyPrefix[] _prefixes = [];
    private int _count;
    private List<Run> _runs = [];
    private Phase _phase;
    private int _next;                       // in-memory phase: next position in _order
    private Merger? _merger;
    private bool _disposed;

    private CobolSort(CobolSortOptions options)
    {
        _options = options;
        _length = options.RecordLength;
        _keys = KeyRange.Combine(options.Keys);
        _capacity = (int)Math.Min(int.MaxValue / 2, Math.Max(1, options.MemoryLimitBytes / _length));
    }

    /// <summary>A sort over records of <see cref="CobolSortOptions.RecordLength"/> bytes with the given keys.</summary>
    public static CobolSort Create(CobolSortOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new CobolSort(options);
    }

    /// <summary>A sort of <paramref name="recordLength"/>-byte records on <paramref name="keys"/> with the default options.</summary>
    public static CobolSort Create(int recordLength, params CobolSortKey[] keys) =>
        Create(new CobolSortOptions { RecordLength = recordLength, Keys = keys });

    /// <summary>Records released so far.</summary>
    public long RecordsReleased { get; private set; }

    /// <summary>Records returned so far.</summary>
    public long RecordsReturned { get; private set; }

    /// <summary>Runs written to temporary files (0 when every record fitted in memory), intermediate merges included.</summary>
    public int RunsWritten { get; private set; }

    /// <summary>Merge passes that wrote a temporary file (more runs than the fan-in).</summary>
    public int IntermediateMergePasses { get; private set; }

    /// <summary>RELEASE: adds one record (exactly <see cref="CobolSortOptions.RecordLength"/> bytes). Not allowed once records are returned.</summary>
    public void Release(ReadOnlySpan<byte> record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_phase != Phase.Releasing) throw new InvalidOperationException("RELEASE after the first RETURN");
        if (record.Length != _length)
            throw new ArgumentException($"sort record of {record.Length} bytes; the sort record is {_length} bytes", nameof(record));
        if (_count == _capacity) Spill();
        if (_count == _order.Length) Grow();
        record.CopyTo(_arena.AsSpan(_count * _length, _length));
        _order[_count] = _count;
        _count++;
        RecordsReleased++;
    }

    /// <summary>
    /// RETURN: the next record in sort order, valid until the next call; false at the end (AT END). The first call
    /// ends the input phase.
    /// </summary>
    public bool Return(out ReadOnlyMemory<byte> record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_phase == Phase.Releasing) EndInput();
        record = default;
        if (_phase == Phase.Memory)
        {
            if (_next == _count) return false;
            record = _arena.AsMemory(_order[_next++] * _length, _length);
        }
        else if (!_merger!.Next(out record)) return false;
        RecordsReturned++;
        return true;
    }

    private void Grow()
    {
        var records = (int)Math.Min(_capacity, Math.Max(Math.Max(64, (1 << 16) / _length), (long)_order.Length * 2));
        Array.Resize(ref _arena, records * _length);
        Array.Resize(ref _order, records);
    }

    /// <summary>Sorts the records in memory: by key, ties by release order (the indices are release order).</summary>
    private void SortMemory()
    {
        if (!KeyPrefix.Covers(_keys))
        {
            _order.AsSpan(0, _count).Sort(new IndexComparer(_arena, _length, _keys));
            return;
        }
        // keys of at most 40 bytes: sort copies of the keys next to their indices rather than indices into the arena, so
        // that comparing two records reads neighbouring memory instead of two random places of a large arena
        if (_prefixes.Length < _count) _prefixes = new KeyPrefix[_order.Length];
        var prefixes = _prefixes.AsSpan(0, _count);
        for (var i = 0; i < prefixes.Length; i++) prefixes[i] = KeyPrefix.Of(_keys, _arena.AsSpan(i * _length, _length), i);
        prefixes.Sort();
        for (var i = 0; i < prefixes.Length; i++) _order[i] = prefixes[i].Index;
    }

    /// <summary>Writes the sorted memory buffer as a run and empties it.</summary>
    private void Spill()
    {
        SortMemory();
        var run = Run.Create(_options);
        for (var i = 0; i < _count; i++) run.Stream.Write(_arena, _order[i] * _length, _length);
        run.Finish(_count);
        _runs.Add(run);
        RunsWritten++;
        _count = 0;
    }

    private void EndInput()
    {
        SortMemory();
        if (_runs.Count == 0)
        {
            _phase = Phase.Memory;
            return;
        }
        var memorySources = _count > 0 ? 1 : 0;
        while (_runs.Count + memorySources > _options.MergeFanIn)
        {
            // merge consecutive runs, so that earlier records stay in earlier runs (ties keep release order)
            var merged = new List<Run>();
            for (var i = 0; i < _runs.Count; i += _options.MergeFanIn)
            {
                var group = _runs.GetRange(i, Math.Min(_options.MergeFanIn, _runs.Count - i));
                merged.Add(group.Count == 1 ? group[0] : MergeToRun(group));
            }
            _runs = merged;
            IntermediateMergePasses++;
        }
        var sources = new List<Source>(_runs.Count + memorySources);
        foreach (var r in _runs) sources.Add(new RunSource(r, _length, _options.FileBufferSize));
        if (memorySources == 1) sources.Add(new MemorySource(_arena, _order, _count, _length));   // the latest records: last
        _merger = new Merger(sources, _keys);
        _phase = Phase.Merging;
    }

    private Run MergeToRun(List<Run> group)
    {
        var sources = new List<Source>(group.Count);
        foreach (var r in group) sources.Add(new RunSource(r, _length, _options.FileBufferSize));
        var merger = new Merger(sources, _keys);
        var output = Run.Create(_options);
        long count = 0;
        while (merger.Next(out var record))
        {
            output.Stream.Write(record.Span);
            count++;
        }
        output.Finish(count);
        foreach (var r in group) r.Dispose();
        RunsWritten++;
        return output;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var r in _runs) r.Dispose();
        _runs.Clear();
        _arena = [];
        _order = [];
        _prefixes = [];
    }

    private enum Phase
    {
        Releasing,
        Memory,
        Merging,
    }

    /// <summary>A key byte range; adjacent keys of the same direction are combined into one range.</summary>
    private readonly record struct KeyRange(int Offset, int Length, bool Descending)
    {
        public static KeyRange[] Combine(IReadOnlyList<CobolSortKey> keys)
        {
            var list = new List<KeyRange>();
            foreach (var k in keys)
            {
                var descending = k.Direction == SortDirection.Descending;
                if (list.Count > 0 && list[^1] is var last && last.Descending == descending && last.Offset + last.Length == k.Offset)
                    list[^1] = last with { Length = last.Length + k.Length };
                else list.Add(new KeyRange(k.Offset, k.Length, descending));
            }
            return [.. list];
        }

        public static int Compare(KeyRange[] keys, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
        {
            foreach (var k in keys)
            {
                var c = a.Slice(k.Offset, k.Length).SequenceCompareTo(b.Slice(k.Offset, k.Length));
                if (c != 0) return k.Descending ? -c : c;
            }
            return 0;
        }
    }

    /// <summary>
    /// The key bytes of one record (at most 40, descending ranges with their bytes inverted), as five big-endian words
    /// padded with zeros, and the record's index: ordered as <see cref="KeyRange.Compare"/> orders the records, ties by
    /// index (release order).
    /// </summary>
    private readonly struct KeyPrefix : IComparable<KeyPrefix>
    {
        private const int Words = 5, MaxBytes = Words * sizeof(ulong);

        private readonly ulong _w0, _w1, _w2, _w3, _w4;

        private KeyPrefix(ReadOnlySpan<byte> key, int index)
        {
            _w0 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(key);
            _w1 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(key[8..]);
            _w2 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(key[16..]);
            _w3 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(key[24..]);
            _w4 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(key[32..]);
            Index = index;
        }

        public int Index { get; }

        /// <summary>True when the keys fit in a prefix.</summary>
        public static bool Covers(KeyRange[] keys)
        {
            var total = 0;
            foreach (var k in keys) total += k.Length;
            return total <= MaxBytes;
        }

        public static KeyPrefix Of(KeyRange[] keys, ReadOnlySpan<byte> record, int index)
        {
            Span<byte> key = stackalloc byte[MaxBytes];
            key.Clear();
            var at = 0;
            foreach (var k in keys)
            {
                var field = key.Slice(at, k.Length);
                record.Slice(k.Offset, k.Length).CopyTo(field);
                if (k.Descending)
                    for (var i = 0; i < field.Length; i++) field[i] = (byte)(field[i] ^ 0xFF);
                at += k.Length;
            }
            return new KeyPrefix(key, index);
        }

        public int CompareTo(KeyPrefix other) =>
            _w0 != other._w0 ? (_w0 < other._w0 ? -1 : 1)
            : _w1 != other._w1 ? (_w1 < other._w1 ? -1 : 1)
            : _w2 != other._w2 ? (_w2 < other._w2 ? -1 : 1)
            : _w3 != other._w3 ? (_w3 < other._w3 ? -1 : 1)
            : _w4 != other._w4 ? (_w4 < other._w4 ? -1 : 1)
            : Index.CompareTo(other.Index);
    }

    private sealed class IndexComparer(byte[] arena, int length, KeyRange[] keys) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var c = KeyRange.Compare(keys, arena.AsSpan(x * length, length), arena.AsSpan(y * length, length));
            return c != 0 ? c : x.CompareTo(y);
        }
    }

    /// <summary>A sorted run in a temporary file (deleted on close).</summary>
    private sealed class Run : IDisposable
    {
        private Run(FileStream stream) => Stream = stream;

        public FileStream Stream { get; }

        public long Count { get; private set; }

        public static Run Create(CobolSortOptions options)
        {
            var dir = options.TempDirectory ?? Path.GetTempPath();
            var path = Path.Combine(dir, "cobsort-" + Guid.NewGuid().ToString("N") + ".tmp");
            return new Run(new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, options.FileBufferSize, FileOptions.DeleteOnClose));
        }

        public void Finish(long count)
        {
            Count = count;
            Stream.Flush();
            Stream.Position = 0;
        }

        public void Dispose() => Stream.Dispose();
    }

    private abstract class Source
    {
        public ReadOnlyMemory<byte> Current { get; protected set; }

        public abstract bool Advance();
    }

    private sealed class MemorySource(byte[] arena, int[] order, int count, int length) : Source
    {
        private int _next;

        public override bool Advance()
        {
            if (_next == count) return false;
            Current = arena.AsMemory(order[_next++] * length, length);
            return true;
        }
    }

    private sealed class RunSource : Source
    {
        private readonly Run _run;
        private readonly int _length;
        private readonly byte[] _buffer;
        private int _position, _filled;
        private long _left;

        public RunSource(Run run, int length, int bufferSize)
        {
            _run = run;
            _length = length;
            _buffer = new byte[Math.Max(1, bufferSize / length) * length];
            _left = run.Count;
        }

        public override bool Advance()
        {
            if (_left == 0) return false;
            if (_position == _filled) Fill();
            Current = _buffer.AsMemory(_position, _length);
            _position += _length;
            _left--;
            return true;
        }

        private void Fill()
        {
            var want = (int)Math.Min(_buffer.Length, _left * _length);
            _run.Stream.ReadExactly(_buffer, 0, want);
            _position = 0;
            _filled = want;
        }
    }

    /// <summary>k-way merge: the smallest current record; equal keys from the source listed first (earlier records).</summary>
    private sealed class Merger
    {
        private readonly List<Source> _sources;
        private readonly PriorityQueue<int, int> _queue;
        private int _pending = -1;

        public Merger(List<Source> sources, KeyRange[] keys)
        {
            _sources = sources;
            _queue = new PriorityQueue<int, int>(sources.Count, Comparer<int>.Create((x, y) =>
            {
                var c = KeyRange.Compare(keys, _sources[x].Current.Span, _sources[y].Current.Span);
                return c != 0 ? c : x.CompareTo(y);
            }));
            for (var i = 0; i < sources.Count; i++)
                if (sources[i].Advance()) _queue.Enqueue(i, i);
        }

        public bool Next(out ReadOnlyMemory<byte> record)
        {
            if (_pending >= 0 && _sources[_pending].Advance()) _queue.Enqueue(_pending, _pending);
            _pending = -1;
            if (!_queue.TryDequeue(out var source, out _))
            {
                record = default;
                return false;
            }
            record = _sources[source].Current;
            _pending = source;
            return true;
        }
    }
}
