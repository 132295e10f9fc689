namespace Collections.Legacy.Pipeline;

/// <summary>
/// A write-only stream that hands its bytes, through a <see cref="BoundedBytePipe"/>, to a background thread that
/// writes them to <c>target</c>: the writer's thread copies into the pipe and goes on, the system calls that put a
/// large output file into the page cache run on the other core. Memory is bounded by the pipe. A write error of the
/// background thread is thrown, as an <see cref="IOException"/>, by the next <see cref="Write(ReadOnlySpan{byte})"/>,
/// by <see cref="Flush"/> (which waits until every byte written so far has reached the target) or by Dispose.
/// </summary>
public sealed class WriteBehindStream : Stream
{
    private readonly Stream _target;
    private readonly bool _leaveOpen;
    private readonly BoundedBytePipe _pipe;
    private readonly Thread _thread;
    private readonly object _gate = new();
    private long _written;       // bytes handed to the pipe (writer's thread)
    private long _persisted;     // bytes written to the target (background thread)
    private Exception? _error;
    private bool _completed;

    public WriteBehindStream(Stream target, string threadName, int chunkSize = 1 << 16, int chunkCount = 16, bool leaveOpen = false)
    {
        _target = target ?? throw new ArgumentNullException(nameof(target));
        if (!target.CanWrite) throw new ArgumentException("the target is not writable", nameof(target));
        _leaveOpen = leaveOpen;
        _pipe = new BoundedBytePipe(chunkSize, chunkCount);
        _thread = new Thread(() => Drain(chunkSize)) { IsBackground = true, Name = threadName };
        _thread.Start();
    }

    private void Drain(int chunkSize)
    {
        var buffer = new byte[chunkSize];
        try
        {
            int n;
            while ((n = _pipe.Reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                _target.Write(buffer, 0, n);
                lock (_gate)
                {
                    _persisted += n;
                    Monitor.PulseAll(_gate);
                }
            }
            _target.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException)
        {
            lock (_gate)
            {
                _error = e;
                Monitor.PulseAll(_gate);
            }
        }
        finally
        {
            _pipe.CloseReader();   // a writer still writing is never blocked by a failed target
        }
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_completed;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        ThrowIfFailed();
        _pipe.Write(buffer);
        _written += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Waits until every byte written so far is in the target (flushing the pipe's partial chunk); throws the background thread's write error.</summary>
    public override void Flush()
    {
        ThrowIfFailed();
        if (_completed) return;
        _pipe.Flush();
        lock (_gate)
        {
            while (_persisted < _written && _error is null) Monitor.Wait(_gate);
        }
        ThrowIfFailed();
    }

    private void ThrowIfFailed()
    {
        Exception? e;
        lock (_gate) e = _error;
        if (e is not null) throw new IOException($"writing {_thread.Name}: {e.Message}", e);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_completed)
        {
            _completed = true;
            _pipe.Complete();
            _thread.Join();
            try
            {
                ThrowIfFailed();
            }
            finally
            {
                if (!_leaveOpen) _target.Dispose();
            }
        }
        base.Dispose(disposing);
    }
}
