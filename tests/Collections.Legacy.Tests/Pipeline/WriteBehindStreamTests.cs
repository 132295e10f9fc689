using Collections.Legacy.Pipeline;

namespace Collections.Legacy.Tests.Pipeline;

public class WriteBehindStreamTests
{
    private static byte[] Pattern(int length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>A target that records what reached it, optionally slowly, optionally failing after some bytes.</summary>
    private sealed class Target(int failAfter = int.MaxValue, int pauseMs = 0) : MemoryStream
    {
        public bool Disposed { get; private set; }

        public int FlushCount { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (pauseMs > 0) Thread.Sleep(pauseMs);
            if (Length + count > failAfter) throw new IOException("disk full");
            base.Write(buffer, offset, count);
        }

        public override void Flush()
        {
            FlushCount++;
            base.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    [Fact]
    public void Write_ManyPieces_TargetGetsEveryByteInOrderAndIsDisposed()
    {
        var target = new Target(pauseMs: 0);
        var data = Pattern(1_000_000);
        using (var s = new WriteBehindStream(target, "test writer", chunkSize: 4096, chunkCount: 3))
        {
            for (var at = 0; at < data.Length; at += 997) s.Write(data, at, Math.Min(997, data.Length - at));
            s.Position.Should().Be(data.Length);
        }
        target.ToArray().Should().Equal(data);
        target.Disposed.Should().BeTrue();
        target.FlushCount.Should().BePositive();
    }

    [Fact]
    public void Flush_WaitsUntilEverythingWrittenSoFarIsInTheTarget()
    {
        var target = new Target(pauseMs: 2);
        using var s = new WriteBehindStream(target, "test writer", chunkSize: 256, chunkCount: 4, leaveOpen: true);
        var data = Pattern(5000, seed: 2);
        s.Write(data);
        s.Flush();
        target.ToArray().Should().Equal(data, "Flush returns once the target has every byte, the partial chunk included");
        s.Write(data.AsSpan(0, 10));
        s.Dispose();
        target.Disposed.Should().BeFalse("leaveOpen");
        target.Length.Should().Be(5010);
    }

    [Fact]
    public async Task TargetFails_LaterWriteFlushOrDisposeThrowsIOExceptionWithoutBlocking()
    {
        var target = new Target(failAfter: 10_000);
        var s = new WriteBehindStream(target, "LINECALC writer", chunkSize: 1024, chunkCount: 2);
        var data = Pattern(1024);
        var run = Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++) s.Write(data);   // far more than the pipe holds: never blocks once the target failed
            s.Flush();
        });
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        finished.Should().BeSameAs(run, "a failed target must not block the writer");
        (await run.Invoking(t => t).Should().ThrowAsync<IOException>()).Which.Message.Should().Contain("LINECALC writer").And.Contain("disk full");
        var dispose = () => s.Dispose();
        dispose.Should().Throw<IOException>();
        target.Disposed.Should().BeTrue();
    }

    [Fact]
    public void Create_Unwritable_Throws()
    {
        var act = () => new WriteBehindStream(new MemoryStream([], writable: false), "x");
        act.Should().Throw<ArgumentException>();
        var s = new WriteBehindStream(new MemoryStream(), "x");
        s.Dispose();
        var write = () => s.Write([1]);
        write.Should().Throw<ObjectDisposedException>();
        s.CanWrite.Should().BeFalse();
    }
}
