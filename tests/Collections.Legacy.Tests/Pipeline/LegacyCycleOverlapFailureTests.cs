using System.Text;
using Collections.Legacy.Pipeline;
using Collections.Testing;

namespace Collections.Legacy.Tests.Pipeline;

/// <summary>
/// The failure paths of the overlap with scripted steps: an exception on either thread reaches the caller of
/// <see cref="LegacyCycle.Run"/>, a producer ending with RC 8 leaves no trace of the consumer, a consumer that stops
/// reading never stalls the producer, and the consumer's CTLTOTS lines come after the producer's.
/// </summary>
public class LegacyCycleOverlapFailureTests
{
    private const int Bytes = 3_000_000;   // far more than the pipe holds

    private sealed class Producer : IStreamingStep
    {
        public string StepName => "STEP010";
        public string Program => "CLV100";
        public IReadOnlyCollection<string> TeeableOutputs { get; } = ["LINECALC"];
        public IReadOnlyCollection<string> RedirectableDataSets { get; } = [];
        public int ReturnCode { get; init; }
        public Exception? Throw { get; init; }
        public bool TeeReceived { get; private set; }

        public int Run(StepContext context)
        {
            File.WriteAllText(context.SysoutPath, "producer\n");
            File.AppendAllText(context.Out("CTLTOTS"), "PRODUCER\n");
            TeeReceived = context.TeeOf("LINECALC") is not null;
            using var file = new FileStream(context.Out("LINECALC"), FileMode.Create);
            Stream output = context.TeeOf("LINECALC") is { } tee ? new TeeStream(file, tee) : file;
            var block = new byte[10_000];
            for (var i = 0; i < Bytes / block.Length; i++)
            {
                block.AsSpan().Fill((byte)(i % 251));
                output.Write(block);
                if (i == 100 && Throw is not null) throw Throw;
            }
            output.Flush();
            return ReturnCode;
        }
    }

    private sealed class Consumer : IStreamingStep
    {
        public string StepName => "STEP020";
        public string Program => "CLV200";
        public IReadOnlyCollection<string> TeeableOutputs { get; } = [];
        public IReadOnlyCollection<string> RedirectableDataSets { get; } = ["LINECALC", "CTLTOTS"];
        public Exception? ThrowAfterFirstRead { get; init; }
        public bool StopWithoutReading { get; init; }
        public long BytesRead { get; private set; }
        public Exception? SawException { get; private set; }

        public int Run(StepContext context)
        {
            File.WriteAllText(context.SysoutPath, "consumer\n");
            context.Diagnostics.Write("consumer diagnostic\n");
            if (StopWithoutReading) return 8;
            var source = context.RedirectOf("LINECALC") ?? File.OpenRead(context.Out("LINECALC"));
            using var entcalc = new FileStream(context.Out("ENTCALC"), FileMode.Create);
            var buffer = new byte[4096];
            try
            {
                int n;
                while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    entcalc.Write(buffer, 0, n);
                    BytesRead += n;
                    if (ThrowAfterFirstRead is not null) throw ThrowAfterFirstRead;
                }
            }
            catch (PipeAbortedException e)
            {
                SawException = e;
                throw;
            }
            finally
            {
                if (context.RedirectOf("LINECALC") is null) source.Dispose();
            }
            var ctl = context.RedirectOf("CTLTOTS");
            if (ctl is not null) ctl.Write("CONSUMER\n"u8);
            else File.AppendAllText(context.Out("CTLTOTS"), "CONSUMER\n");
            return 0;
        }
    }

    private static (LegacyCycleResult Result, string Console, string Errors) Run(TempDir temp, ILegacyStep producer, ILegacyStep consumer, bool overlap = true)
    {
        var inDir = temp.Combine("in");
        var refDir = temp.Combine("ref");
        Directory.CreateDirectory(inDir);
        Directory.CreateDirectory(refDir);
        var console = new StringWriter();
        var errors = new StringWriter();
        var result = new LegacyCycle([producer, consumer]) { Overlap = overlap }.Run("20260302", inDir, temp.Combine("out"), null, refDir, console, errors);
        return (result, console.ToString(), errors.ToString());
    }

    [Fact]
    public void Run_ProducerAndConsumerSucceed_ConsumerReadsEverythingAndCtltotsInStepOrder()
    {
        using var temp = new TempDir();
        var producer = new Producer();
        var consumer = new Consumer();

        var (result, console, errors) = Run(temp, producer, consumer);

        producer.TeeReceived.Should().BeTrue("the two steps ran overlapped");
        consumer.BytesRead.Should().Be(Bytes);
        File.ReadAllBytes(temp.Combine("out", "ENTCALC")).Should().Equal(File.ReadAllBytes(temp.Combine("out", "LINECALC")));
        File.ReadAllText(temp.Combine("out", "CTLTOTS")).Should().Be("PRODUCER\nCONSUMER\n");
        console.Should().Contain("ACSCLV01 STEP010 PGM=CLV100   RC=0000\nACSCLV01 STEP020 PGM=CLV200   RC=0000\n");
        errors.Should().Be("consumer diagnostic\n");
        result.MaxReturnCode.Should().Be(0);
    }

    [Fact]
    public void Run_OverlapOff_ProducerGetsNoTee()
    {
        using var temp = new TempDir();
        var producer = new Producer();
        var consumer = new Consumer();

        Run(temp, producer, consumer, overlap: false);

        producer.TeeReceived.Should().BeFalse();
        consumer.BytesRead.Should().Be(Bytes);
        File.ReadAllText(temp.Combine("out", "CTLTOTS")).Should().Be("PRODUCER\nCONSUMER\n");
    }

    [Fact]
    public void Run_ProducerEndsWithRc8_ConsumerAbortedAndItsOutputsDeleted()
    {
        using var temp = new TempDir();
        var consumer = new Consumer();

        var (result, console, errors) = Run(temp, new Producer { ReturnCode = 8 }, consumer);

        consumer.SawException.Should().BeOfType<PipeAbortedException>();
        File.Exists(temp.Combine("out", "ENTCALC")).Should().BeFalse();
        File.Exists(temp.Combine("out", "sysout", "STEP020.CLV200")).Should().BeFalse();
        File.Exists(temp.Combine("out", "sysout", "STEP010.CLV100")).Should().BeTrue();
        File.ReadAllText(temp.Combine("out", "CTLTOTS")).Should().Be("PRODUCER\n");
        console.Should().Contain("ACSCLV01 STEP010 PGM=CLV100   RC=0008\nACSCLV01 STEP020 PGM=CLV200   NOT RUN\n");
        errors.Should().BeEmpty("the consumer's diagnostics are dropped with the rest of its run");
        result.MaxReturnCode.Should().Be(8);
    }

    [Fact]
    public void Run_ProducerThrows_ExceptionPropagatedAndConsumerOutputsDeleted()
    {
        using var temp = new TempDir();
        var boom = new InvalidOperationException("producer bug");
        var consumer = new Consumer();

        var act = () => Run(temp, new Producer { Throw = boom }, consumer);

        act.Should().Throw<InvalidOperationException>().Which.Should().BeSameAs(boom);
        consumer.SawException.Should().BeOfType<PipeAbortedException>().Which.InnerException.Should().BeSameAs(boom);
        File.Exists(temp.Combine("out", "ENTCALC")).Should().BeFalse();
        File.Exists(temp.Combine("out", "sysout", "STEP020.CLV200")).Should().BeFalse();
    }

    [Fact]
    public void Run_ConsumerThrows_ExceptionPropagatedNotSwallowed()
    {
        using var temp = new TempDir();
        var boom = new FormatException("consumer bug");

        var act = () => Run(temp, new Producer(), new Consumer { ThrowAfterFirstRead = boom });

        act.Should().Throw<FormatException>().Which.Should().BeSameAs(boom);
    }

    [Fact]
    public void Run_ConsumerStopsWithoutReading_ProducerCompletesAndConsumerRcReported()
    {
        using var temp = new TempDir();

        var (result, console, _) = Run(temp, new Producer { ReturnCode = 4 }, new Consumer { StopWithoutReading = true });

        new FileInfo(temp.Combine("out", "LINECALC")).Length.Should().Be(Bytes, "the file is complete although nobody read the pipe");
        console.Should().Contain("ACSCLV01 STEP010 PGM=CLV100   RC=0004\nACSCLV01 STEP020 PGM=CLV200   RC=0008\nACSCLV01 STEP030 PGM=CLV300   NOT RUN\n");
        result.MaxReturnCode.Should().Be(8);
    }
}
