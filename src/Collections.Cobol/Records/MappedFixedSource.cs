using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Collections.Cobol.Records;

/// <summary>
/// The records of a fixed-length file read through the operating system's page cache mapped into memory, a window at
/// a time, instead of copied into a buffer by read calls: a record inside the current window is returned in place
/// (no copy), one that straddles two windows is assembled in a small buffer. At most one window (plus the record
/// buffer) is mapped at any time, so memory does not grow with the file. Used by <see cref="RecordReader"/> when
/// <see cref="RecordReaderOptions.MapFile"/> is set.
/// </summary>
internal sealed unsafe class MappedFixedSource : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly long _start;
    private readonly long _length;       // bytes from _start to the end of the file
    private readonly int _recordLength;
    private readonly long _windowSize;
    private Window? _window;
    private long _windowStart = -1;      // file offset of the window (relative to _start)
    private long _position;              // next record's offset (relative to _start)

    public MappedFixedSource(FileStream stream, int recordLength, int windowSize)
    {
        _recordLength = recordLength;
        _start = stream.Position;
        _length = Math.Max(0, stream.Length - _start);
        // a window holds whole pages and at least a few records
        _windowSize = Math.Max(Environment.SystemPageSize, (long)windowSize / Environment.SystemPageSize * Environment.SystemPageSize);
        if (_length > 0)
            _file = MemoryMappedFile.CreateFromFile(stream.SafeFileHandle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
    }

    /// <summary>Bytes consumed so far (from the stream's position when the source was created).</summary>
    public long Position => _position;

    /// <summary>The next record: whole (true), or the short rest of the file (false, <paramref name="record"/> holds what there is), or none (empty).</summary>
    public bool Next(out ReadOnlyMemory<byte> record)
    {
        var remaining = _length - _position;
        if (remaining <= 0)
        {
            record = default;
            return false;
        }
        var take = (int)Math.Min(remaining, _recordLength);
        var at = _position;
        _position += take;
        // a record that does not lie wholly in the window gets a new window starting at its page
        if (_window is null || at + take > _windowStart + _window.Length) Map(at, take);
        record = _window!.Memory.Slice((int)(at - _windowStart), take);
        return take == _recordLength;
    }

    /// <summary>Maps the window holding <paramref name="at"/> (page-aligned start), unmapping the previous one.</summary>
    private void Map(long at, int needed)
    {
        ((IDisposable?)_window)?.Dispose();
        _window = null;
        var pageStart = at / Environment.SystemPageSize * Environment.SystemPageSize;
        var size = Math.Min(Math.Max(_windowSize, at - pageStart + needed), _length - pageStart);
        _window = new Window(_file!, _start + pageStart, size);
        _windowStart = pageStart;
    }

    public void Dispose()
    {
        ((IDisposable?)_window)?.Dispose();
        _window = null;
        _file?.Dispose();
    }

    /// <summary>One mapped view, exposed as <see cref="Memory{T}"/> without copying.</summary>
    private sealed class Window : MemoryManager<byte>
    {
        private readonly MemoryMappedViewAccessor _view;
        private readonly byte* _pointer;

        public Window(MemoryMappedFile file, long offset, long size)
        {
            _view = file.CreateViewAccessor(offset, size, MemoryMappedFileAccess.Read);
            byte* p = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
            _pointer = p + _view.PointerOffset;
            Length = checked((int)size);
        }

        public int Length { get; }

        public override Span<byte> GetSpan() => new(_pointer, Length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
    }
}
