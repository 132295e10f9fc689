namespace Collections.Legacy.Pipeline;

/// <summary>
/// A single-producer, single-consumer byte pipe with bounded memory: a ring of <c>chunkCount</c> reused
/// <c>byte[chunkSize]</c> buffers. The writer fills a chunk and hands it over when full (blocking while every chunk
/// is in the reader's hands); the reader drains chunks in order and returns them for reuse. No allocation after
/// construction. Used to feed LINECALC from STEP010 to an overlapped STEP020 (<see cref="LegacyCycle"/>).
/// <para>
/// Ends: <see cref="Complete"/> (end of data: the reader sees end of stream after the last byte),
/// <see cref="Abort"/> (the reader's next read throws <see cref="PipeAbortedException"/>),
/// <see cref="CloseReader"/> (the reader has stopped: the writer's further bytes are discarded and a blocked writer
/// is released, so a consumer that ends early never stalls the producer).
/// </para>
/// </summary>
public sealed class BoundedBytePipe
{
    public const int DefaultChunkSize = 64 * 1024;
    public const int DefaultChunkCount = 32;   // 2 MiB: absorbs a few scheduler time slices of the consumer on a busy machine

    private readonly object _gate = new();
    private readonly byte[][] _chunks;
    private readonly int[] _lengths;      // bytes held by each chunk once published
    private readonly int _chunkSize;

    // ring: chunks [_head, _head + _published) are published and unread; _fill is the chunk the writer fills.
    private int _head;
    private int _published;
    private int _fill;
    private int _fillLength;
    private bool _writerHasChunk;
    private int _readChunk = -1;          // the chunk the reader is draining (owned by the reader), or -1
    private int _readOffset;

    private bool _completed;
    private bool _readerClosed;
    private Exception? _abortReason;
    private long _bytesWritten;
    private long _bytesDiscarded;
    private int _writerWaits;
    private int _readerWaits;
    private long _writerWaitTicks;
    private long _readerWaitTicks;

    public BoundedBytePipe(int chunkSize = DefaultChunkSize, int chunkCount = DefaultChunkCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkCount, 2);
        _chunkSize = chunkSize;
        _chunks = new byte[chunkCount][];
        for (var i = 0; i < chunkCount; i++) _chunks[i] = new byte[chunkSize];
        _lengths = new int[chunkCount];
        Writer = new PipeWriterStream(this);
        Reader = new PipeReaderStream(this);
    }

    /// <summary>The producer's end: a write-only stream. Disposing it does not complete the pipe (see <see cref="Complete"/>).</summary>
    public Stream Writer { get; }

    /// <summary>The consumer's end: a read-only stream. Disposing it closes the reader (<see cref="CloseReader"/>).</summary>
    public Stream Reader { get; }

    /// <summary>Memory held by the pipe's buffers: chunk size x chunk count, fixed at construction.</summary>
    public long BufferBytes => (long)_chunkSize * _chunks.Length;

    /// <summary>Bytes accepted from the writer (including those discarded after the reader closed).</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Bytes the writer wrote after the reader had closed (not delivered).</summary>
    public long BytesDiscarded => Interlocked.Read(ref _bytesDiscarded);

    /// <summary>How many times the writer waited for a free chunk (the reader was behind).</summary>
    public int WriterWaits { get { lock (_gate) return _writerWaits; } }

    /// <summary>How many times the reader waited for data (the writer was behind).</summary>
    public int ReaderWaits { get { lock (_gate) return _readerWaits; } }

    /// <summary>Total time the writer spent waiting for a free chunk (the consumer behind).</summary>
    public TimeSpan WriterWaitTime { get { lock (_gate) return System.Diagnostics.Stopwatch.GetElapsedTime(0, _writerWaitTicks); } }

    /// <summary>Total time the reader spent waiting for data (the producer behind).</summary>
    public TimeSpan ReaderWaitTime { get { lock (_gate) return System.Diagnostics.Stopwatch.GetElapsedTime(0, _readerWaitTicks); } }

    /// <summary>Appends <paramref name="data"/>; blocks while all chunks are full. After <see cref="CloseReader"/> the bytes are discarded.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (!_writerHasChunk && !AcquireFillChunk(data.Length)) return;   // reader closed: discarded
            var room = _chunkSize - _fillLength;
            var n = Math.Min(room, data.Length);
            data[..n].CopyTo(_chunks[_fill].AsSpan(_fillLength));
            _fillLength += n;
            data = data[n..];
            _bytesWritten += n;   // writer-owned counter
            if (_fillLength == _chunkSize) Publish();
        }
    }

    /// <summary>Hands the partly filled chunk to the reader now (the data written so far becomes readable).</summary>
    public void Flush()
    {
        if (_writerHasChunk && _fillLength > 0) Publish();
    }

    /// <summary>End of data: what was written is delivered, then the reader sees end of stream. Idempotent.</summary>
    public void Complete()
    {
        Flush();
        lock (_gate)
        {
            if (_completed) return;
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Ends the pipe with an error: the reader's next read throws <see cref="PipeAbortedException"/>. No effect after <see cref="Complete"/>.</summary>
    public void Abort(string reason, Exception? cause = null)
    {
        lock (_gate)
        {
            if (_completed) return;
            _abortReason = new PipeAbortedException(reason, cause);
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The reader is done: later writes are discarded, a blocked writer is released. Idempotent.</summary>
    public void CloseReader()
    {
        lock (_gate)
        {
            _readerClosed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Reads up to <paramref name="buffer"/>.Length bytes; 0 at end of data; blocks while the pipe is empty.</summary>
    public int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        var total = 0;
        while (total < buffer.Length)
        {
            if (_readChunk < 0 && !AcquireReadChunk(block: total == 0)) break;
            var available = _lengths[_readChunk] - _readOffset;
            var n = Math.Min(available, buffer.Length - total);
            _chunks[_readChunk].AsSpan(_readOffset, n).CopyTo(buffer[total..]);
            _readOffset += n;
            total += n;
            if (_readOffset == _lengths[_readChunk]) ReleaseReadChunk();
        }
        return total;
    }

    private bool AcquireFillChunk(int pending)
    {
        lock (_gate)
        {
            while (true)
            {
                if (_readerClosed)
                {
                    _bytesWritten += pending;
                    _bytesDiscarded += pending;
                    return false;
                }
                if (_completed) throw new InvalidOperationException("write after the pipe was completed or aborted");
                // chunks in use: the published ones and the one the reader drains
                var inUse = _published + (_readChunk >= 0 ? 1 : 0);
                if (inUse < _chunks.Length)
                {
                    _fill = (_head + _published) % _chunks.Length;
                    _fillLength = 0;
                    _writerHasChunk = true;
                    return true;
                }
                _writerWaits++;
                var waitStart = System.Diagnostics.Stopwatch.GetTimestamp();
                Monitor.Wait(_gate);
                _writerWaitTicks += System.Diagnostics.Stopwatch.GetTimestamp() - waitStart;
            }
        }
    }

    private void Publish()
    {
        lock (_gate)
        {
            _lengths[_fill] = _fillLength;
            _published++;
            _writerHasChunk = false;
            _fillLength = 0;
            Monitor.PulseAll(_gate);
        }
    }

    private bool AcquireReadChunk(bool block)
    {
        lock (_gate)
        {
            while (true)
            {
                if (_published > 0)
                {
                    _readChunk = _head;
                    _head = (_head + 1) % _chunks.Length;
                    _published--;
                    _readOffset = 0;
                    return true;
                }
                if (_abortReason is not null) throw _abortReason;
                if (_completed || !block) return false;
                _readerWaits++;
                var waitStart = System.Diagnostics.Stopwatch.GetTimestamp();
                Monitor.Wait(_gate);
                _readerWaitTicks += System.Diagnostics.Stopwatch.GetTimestamp() - waitStart;
            }
        }
    }

    private void ReleaseReadChunk()
    {
        lock (_gate)
        {
            _readChunk = -1;
            _readOffset = 0;
            Monitor.PulseAll(_gate);
        }
    }

    private sealed class PipeWriterStream(BoundedBytePipe pipe) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => pipe.BytesWritten; set => throw new NotSupportedException(); }
        public override void Flush() { }   // chunks are handed over when full or at Complete: no per-record locking
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => pipe.Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer) => pipe.Write(buffer);
        public override void WriteByte(byte value) => pipe.Write([value]);
    }

    private sealed class PipeReaderStream(BoundedBytePipe pipe) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            var n = pipe.Read(buffer);
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) pipe.CloseReader();
            base.Dispose(disposing);
        }
    }
}

/// <summary>The producer of a <see cref="BoundedBytePipe"/> aborted it (e.g. STEP010 ended with RC 8 or more).</summary>
public sealed class PipeAbortedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A write-only stream that writes every byte to a primary stream and also to a copy (a tee).</summary>
public sealed class TeeStream(Stream primary, Stream copy, bool leaveCopyOpen = true) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => primary.Length;
    public override long Position { get => primary.Position; set => throw new NotSupportedException(); }
    public override void Flush() => primary.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        primary.Write(buffer);   // the file first: the copy never holds bytes the file refused
        copy.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try { primary.Dispose(); }
            finally { if (!leaveCopyOpen) copy.Dispose(); }
        }
        base.Dispose(disposing);
    }
}
