using Collections.Legacy.Pipeline;

namespace Collections.Legacy.Tests.Pipeline;

public class BoundedBytePipeTests
{
    private static byte[] Pattern(int length, int seed = 7)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>Writes <paramref name="data"/> in pieces of varying size, then completes (or aborts with <paramref name="abortAfter"/>).</summary>
    private static Thread Producer(BoundedBytePipe pipe, byte[] data, int pause = 0, int? abortAfter = null)
    {
        var t = new Thread(() =>
        {
            var rng = new Random(1);
            var at = 0;
            var end = abortAfter ?? data.Length;
            while (at < end)
            {
                var n = Math.Min(end - at, 1 + rng.Next(700));
                pipe.Write(data.AsSpan(at, n));
                at += n;
                if (pause > 0 && rng.Next(8) == 0) Thread.Sleep(pause);
            }
            if (abortAfter is null) pipe.Complete();
            else pipe.Abort("producer failed", new IOException("disk full"));
        }) { IsBackground = true };
        t.Start();
        return t;
    }

    private static byte[] ReadAll(Stream reader, int pause = 0)
    {
        var output = new MemoryStream();
        var buffer = new byte[1000];
        var rng = new Random(2);
        int n;
        while ((n = reader.Read(buffer, 0, 1 + rng.Next(buffer.Length))) > 0)
        {
            output.Write(buffer, 0, n);
            if (pause > 0 && rng.Next(8) == 0) Thread.Sleep(pause);
        }
        return output.ToArray();
    }

    [Fact]
    public void Read_WriterFasterThanReader_AllBytesInOrderAndWriterWaits()
    {
        var pipe = new BoundedBytePipe(chunkSize: 512, chunkCount: 3);
        var data = Pattern(200_000);
        var producer = Producer(pipe, data);

        var read = ReadAll(pipe.Reader, pause: 1);
        producer.Join();

        read.Should().Equal(data);
        pipe.WriterWaits.Should().BeGreaterThan(0, "the pipe holds 1.5 KB, so the writer must wait for the slow reader");
        pipe.WriterWaitTime.Should().BePositive();
        pipe.BytesWritten.Should().Be(data.Length);
        pipe.BytesDiscarded.Should().Be(0);
    }

    [Fact]
    public void Read_ReaderFasterThanWriter_AllBytesInOrderAndReaderWaits()
    {
        var pipe = new BoundedBytePipe(chunkSize: 256, chunkCount: 4);
        var data = Pattern(60_000, seed: 3);
        var producer = Producer(pipe, data, pause: 1);

        var read = ReadAll(pipe.Reader);
        producer.Join();

        read.Should().Equal(data);
        pipe.ReaderWaits.Should().BeGreaterThan(0);
        pipe.ReaderWaitTime.Should().BePositive("the reader slept while the writer paused");
    }

    [Fact]
    public void BufferBytes_LargeTransfer_MemoryFixedAtConstruction()
    {
        var pipe = new BoundedBytePipe(chunkSize: 4096, chunkCount: 4);
        var data = Pattern(3_000_000, seed: 5);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var producer = Producer(pipe, data);
        var buffer = new byte[8192];
        long total = 0;
        long checksum = 0;
        int n;
        while ((n = pipe.Reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < n; i++) checksum += buffer[i] * ((total + i) % 251);
            total += n;
        }
        var readerAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        producer.Join();

        total.Should().Be(data.Length);
        long expected = 0;
        for (var i = 0; i < data.Length; i++) expected += data[i] * (i % 251L);
        checksum.Should().Be(expected);
        pipe.BufferBytes.Should().Be(16_384);
        readerAllocated.Should().BeLessThan(64_000, "reading 3 MB through the pipe allocates nothing per chunk (only the producer thread's start-up)");
    }

    [Fact]
    public void Read_WriterAborts_DeliveredDataThenPipeAbortedException()
    {
        var pipe = new BoundedBytePipe(chunkSize: 100, chunkCount: 2);
        var data = Pattern(10_000);
        var producer = Producer(pipe, data, abortAfter: 5_000);

        var output = new MemoryStream();
        var buffer = new byte[64];
        var act = () =>
        {
            int n;
            while ((n = pipe.Reader.Read(buffer, 0, buffer.Length)) > 0) output.Write(buffer, 0, n);
        };

        act.Should().Throw<PipeAbortedException>().WithMessage("producer failed").WithInnerException<IOException>();
        producer.Join();
        output.ToArray().Should().Equal(data.AsSpan(0, (int)output.Length).ToArray(), "what was delivered is a prefix of what was written");
        output.Length.Should().BeLessThanOrEqualTo(5_000);
    }

    [Fact]
    public void Write_ReaderClosedEarly_WriterNeverBlocksAndBytesAreDiscarded()
    {
        var pipe = new BoundedBytePipe(chunkSize: 128, chunkCount: 2);
        var first = new byte[10];
        pipe.Writer.Write(Pattern(200), 0, 200);             // one chunk published, the second filling
        pipe.Reader.Read(first, 0, first.Length).Should().Be(10);
        pipe.Reader.Dispose();                                 // the reader stops early (e.g. STEP020 ended with RC 8)

        var producer = Producer(pipe, Pattern(100_000));
        producer.Join(TimeSpan.FromSeconds(20)).Should().BeTrue("a writer must not wait for a reader that has gone");
        pipe.BytesWritten.Should().Be(100_200);
        pipe.BytesDiscarded.Should().BeGreaterThan(99_000);
    }

    [Fact]
    public void Write_AfterComplete_Throws()
    {
        var pipe = new BoundedBytePipe(chunkSize: 16, chunkCount: 2);
        pipe.Writer.Write([1, 2, 3]);
        pipe.Complete();

        var act = () => pipe.Writer.Write(new byte[20]);

        act.Should().Throw<InvalidOperationException>();
        ReadAll(pipe.Reader).Should().Equal(1, 2, 3);
        pipe.Reader.Read(new byte[4], 0, 4).Should().Be(0, "end of data stays end of data");
    }

    [Fact]
    public void Abort_AfterComplete_ReaderStillSeesAllData()
    {
        var pipe = new BoundedBytePipe(chunkSize: 16, chunkCount: 4);
        pipe.Writer.Write(Pattern(40));
        pipe.Complete();
        pipe.Abort("too late");

        ReadAll(pipe.Reader).Should().Equal(Pattern(40));
    }

    [Fact]
    public void Constructor_InvalidSizes_Throw()
    {
        ((Action)(() => _ = new BoundedBytePipe(0, 4))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => _ = new BoundedBytePipe(16, 1))).Should().Throw<ArgumentOutOfRangeException>();
    }
}

public class TeeStreamTests
{
    [Fact]
    public void Write_Always_BothStreamsReceiveTheSameBytesAndTheCopyStaysOpen()
    {
        var primary = new MemoryStream();
        var copy = new MemoryStream();
        using (var tee = new TeeStream(primary, copy))
        {
            tee.Write([1, 2, 3], 0, 3);
            tee.Write(new byte[] { 4, 5 }.AsSpan());
            tee.WriteByte(6);
        }

        copy.ToArray().Should().Equal(1, 2, 3, 4, 5, 6);
        copy.CanWrite.Should().BeTrue("the copy is left open");
        primary.CanWrite.Should().BeFalse("the primary is disposed with the tee");
    }

    [Fact]
    public void Write_PrimaryFails_CopyDoesNotReceiveTheBytes()
    {
        var copy = new MemoryStream();
        var tee = new TeeStream(new MemoryStream([], writable: false), copy);

        var act = () => tee.Write([1, 2, 3], 0, 3);

        act.Should().Throw<NotSupportedException>();
        copy.Length.Should().Be(0);
    }
}
