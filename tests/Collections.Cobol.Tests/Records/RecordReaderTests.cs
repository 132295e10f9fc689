using System.Text;
using Collections.Cobol.Records;
using Collections.Testing;

namespace Collections.Cobol.Tests.Records;

public sealed class RecordReaderTests
{
    private static RecordReader Reader(byte[] data, RecordFormat format, int length = 0, int bufferSize = 1 << 16) =>
        RecordReader.Create(new MemoryStream(data), new RecordReaderOptions { Format = format, RecordLength = length, FileName = "TEST", BufferSize = bufferSize });

    private static List<string> ReadAll(RecordReader reader)
    {
        var list = new List<string>();
        while (reader.TryRead(out var r)) list.Add(Encoding.Latin1.GetString(r.Span));
        return list;
    }

    [Fact]
    public void TryRead_Fixed_SmallBuffer_ReturnsEveryRecordWithNumberAndOffset()
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 1000).Select(i => i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture))));
        using var reader = Reader(data, RecordFormat.Fixed, 7, bufferSize: 16);
        var n = 0;
        while (reader.TryRead(out var r))
        {
            Encoding.ASCII.GetString(r.Span).Should().Be(n.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
            n++;
            reader.RecordNumber.Should().Be(n);
            reader.RecordOffset.Should().Be((n - 1) * 7L);
        }
        n.Should().Be(1000);
        reader.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public void TryRead_FixedTruncatedLastRecord_ThrowsNamingRecordOffsetAndPartialBytes()
    {
        using var reader = Reader(Encoding.ASCII.GetBytes("AAAAABBBBBcc"), RecordFormat.Fixed, 5);
        reader.TryRead(out _).Should().BeTrue();
        reader.TryRead(out _).Should().BeTrue();
        var act = () => reader.TryRead(out _);
        var ex = act.Should().Throw<RecordFormatException>().Which;
        ex.RecordNumber.Should().Be(3);
        ex.Offset.Should().Be(10);
        ex.PartialRecord.Should().Equal((byte)'c', (byte)'c');
        ex.Message.Should().Be("TEST record 3 at offset 10: truncated record: 2 bytes at end of file, expected 5");
        reader.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public void Read_FixedTruncated_ReturnsStatusAndShortBytes()
    {
        using var reader = Reader(Encoding.ASCII.GetBytes("AAAAABB"), RecordFormat.Fixed, 5);
        reader.Read(out _).Should().Be(RecordReadStatus.Record);
        reader.Read(out var partial).Should().Be(RecordReadStatus.Truncated);
        Encoding.ASCII.GetString(partial.Span).Should().Be("BB");
        reader.Read(out _).Should().Be(RecordReadStatus.EndOfFile);
    }

    [Fact]
    public void TryRead_GnuCobolVariable_LengthWithoutPrefix()
    {
        byte[] data = [0, 3, 0, 0, (byte)'a', (byte)'b', (byte)'c', 0, 0, 0, 0, 0, 1, 0, 0, (byte)'z'];
        using var reader = Reader(data, RecordFormat.GnuCobolVariable);
        ReadAll(reader).Should().Equal("abc", "", "z");
        reader.RecordOffset.Should().Be(11);
    }

    [Fact]
    public void TryRead_Rdw_LengthIncludesPrefix()
    {
        byte[] data = [0, 7, 0, 0, (byte)'a', (byte)'b', (byte)'c', 0, 5, 0, 0, (byte)'z'];
        using var reader = Reader(data, RecordFormat.Rdw);
        ReadAll(reader).Should().Equal("abc", "z");
    }

    [Fact]
    public void TryRead_LittleEndianPrefix_LengthInBytes2And3LowByteFirst()
    {
        // the 4-byte word of a big-endian prefix reversed: 00 00 LL HH; a length of 0x0103 proves the byte order
        var body = Enumerable.Range(0, 0x0103).Select(i => (byte)('a' + i % 26)).ToArray();
        byte[] data = [0, 0, 0x03, 0x01, .. body, 0, 0, 1, 0, (byte)'z', 0, 0, 0, 0];
        using var reader = RecordReader.Create(new MemoryStream(data),
            new RecordReaderOptions { Format = RecordFormat.GnuCobolVariable, RdwByteOrder = RdwByteOrder.LittleEndian, FileName = "TEST" });
        ReadAll(reader).Should().Equal(Encoding.Latin1.GetString(body), "z", "");
        reader.RecordOffset.Should().Be(4 + 0x0103 + 5);
    }

    [Fact]
    public void TryRead_LittleEndianRdw_LengthIncludesPrefix()
    {
        // Cobrix's test of IBM floats writes 00 00 0C 00 before each 12-byte record (RDW without the prefix, "V")
        byte[] data = [0, 0, 7, 0, (byte)'a', (byte)'b', (byte)'c', 0, 0, 5, 0, (byte)'z'];
        using var reader = RecordReader.Create(new MemoryStream(data),
            new RecordReaderOptions { Format = RecordFormat.Rdw, RdwByteOrder = RdwByteOrder.LittleEndian });
        ReadAll(reader).Should().Equal("abc", "z");
    }

    [Theory]
    [InlineData(new byte[] { 0, 1, 3, 0, 1, 2, 3 }, RecordFormat.GnuCobolVariable, "bytes 0-1 must be zero (little-endian prefix)")]
    [InlineData(new byte[] { 0, 0, 3, 0, 1, 2, 3 }, RecordFormat.Rdw, "length 3 is less than 4")]
    [InlineData(new byte[] { 0, 3, 0, 0, 1, 2, 3 }, RecordFormat.GnuCobolVariable, "bytes 0-1 must be zero")]
    public void TryRead_InvalidLittleEndianPrefix_Throws(byte[] data, RecordFormat format, string reason)
    {
        using var reader = RecordReader.Create(new MemoryStream(data),
            new RecordReaderOptions { Format = format, RdwByteOrder = RdwByteOrder.LittleEndian, FileName = "TEST" });
        var act = () => reader.TryRead(out _);
        var ex = act.Should().Throw<RecordFormatException>().Which;
        ex.Message.Should().Contain(reason);
        ex.RecordNumber.Should().Be(1);
    }

    [Theory]
    [InlineData(RecordFormat.GnuCobolVariable, RdwByteOrder.BigEndian, new byte[] { 1, 3, 0, 0 })]
    [InlineData(RecordFormat.GnuCobolVariable, RdwByteOrder.LittleEndian, new byte[] { 0, 0, 3, 1 })]
    [InlineData(RecordFormat.Rdw, RdwByteOrder.BigEndian, new byte[] { 1, 7, 0, 0 })]
    [InlineData(RecordFormat.Rdw, RdwByteOrder.LittleEndian, new byte[] { 0, 0, 7, 1 })]
    public void Write_Prefix_InTheByteOrderAndReadBack(RecordFormat format, RdwByteOrder order, byte[] prefix)
    {
        var body = Enumerable.Range(0, 0x0103).Select(i => (byte)(i % 256)).ToArray();
        var stream = new MemoryStream();
        using (var writer = RecordWriter.Create(stream, new RecordWriterOptions { Format = format, RdwByteOrder = order, LeaveOpen = true }))
        {
            writer.Write(body);
        }
        var bytes = stream.ToArray();
        bytes[..4].Should().Equal(prefix);
        using var reader = RecordReader.Create(new MemoryStream(bytes), new RecordReaderOptions { Format = format, RdwByteOrder = order });
        reader.TryRead(out var back).Should().BeTrue();
        back.ToArray().Should().Equal(body);
    }

    [Theory]
    [InlineData(new byte[] { 0, 3, 0, 1, 1, 2, 3 }, RecordFormat.GnuCobolVariable, "bytes 2-3 must be zero (big-endian prefix)")]
    [InlineData(new byte[] { 0, 3, 0, 0, 1, 2, 3 }, RecordFormat.Rdw, "length 3 is less than 4")]
    [InlineData(new byte[] { 0, 9, 0x80, 0, 1 }, RecordFormat.Rdw, "spanned")]
    public void TryRead_InvalidPrefix_Throws(byte[] data, RecordFormat format, string reason)
    {
        using var reader = Reader(data, format);
        var act = () => reader.TryRead(out _);
        var ex = act.Should().Throw<RecordFormatException>().Which;
        ex.Message.Should().Contain(reason);
        ex.RecordNumber.Should().Be(1);
        ex.Offset.Should().Be(0);
    }

    [Fact]
    public void TryRead_VariableTruncatedBody_ThrowsWithPartial()
    {
        byte[] data = [0, 5, 0, 0, (byte)'a', (byte)'b'];
        using var reader = Reader(data, RecordFormat.GnuCobolVariable);
        var act = () => reader.TryRead(out _);
        act.Should().Throw<RecordFormatException>().Which.PartialRecord.Should().Equal((byte)'a', (byte)'b');
    }

    [Fact]
    public void TryRead_LineSequentialWithoutLength_ReturnsLinesWithoutCr()
    {
        using var reader = Reader(Encoding.ASCII.GetBytes("ab\r\n\ncd\nlast"), RecordFormat.LineSequential);
        ReadAll(reader).Should().Equal("ab", "", "cd", "last");
    }

    [Fact]
    public void TryRead_LineSequentialLongLineSmallBuffer_GrowsAndCuts()
    {
        var line = new string('x', 5000);
        using var reader = Reader(Encoding.ASCII.GetBytes(line + "\nshort\n"), RecordFormat.LineSequential, 10, bufferSize: 16);
        ReadAll(reader).Should().Equal("xxxxxxxxxx", "short     ");
        reader.LineLength.Should().Be(5);
    }

    [Fact]
    public void TryRead_EmptyStream_NoRecords()
    {
        foreach (var format in Enum.GetValues<RecordFormat>())
        {
            using var reader = Reader([], format, 4);
            reader.TryRead(out _).Should().BeFalse();
            reader.RecordNumber.Should().Be(0);
        }
    }

    [Fact]
    public void Create_InvalidOptions_Throws()
    {
        var act = () => RecordReader.Create(new MemoryStream(), new RecordReaderOptions { Format = RecordFormat.Fixed });
        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("RecordLength");
    }

    /// <summary>Differential: cobc reads the same line-sequential and fixed files (CR, long, short, unterminated last
    /// line; short last fixed record with status 04) and writes each record it got to a fixed file.</summary>
    [Fact]
    public void LineSequentialAndTruncatedFixed_ReadAsCobcReadsThem()
    {
        using var dir = new TempDir("lsread");
        const string program = """
                   IDENTIFICATION DIVISION.
                   PROGRAM-ID. LSREAD.
                   ENVIRONMENT DIVISION.
                   INPUT-OUTPUT SECTION.
                   FILE-CONTROL.
                       SELECT F ASSIGN TO "ls.in" ORGANIZATION LINE SEQUENTIAL
                           FILE STATUS IS FS.
                       SELECT G ASSIGN TO "fx.in" ORGANIZATION SEQUENTIAL
                           FILE STATUS IS GS.
                       SELECT O ASSIGN TO "out.dat" ORGANIZATION SEQUENTIAL.
                   DATA DIVISION.
                   FILE SECTION.
                   FD F.
                   01 R PIC X(8).
                   FD G.
                   01 Q PIC X(8).
                   FD O.
                   01 OUT-REC.
                      05 OUT-STATUS PIC XX.
                      05 OUT-DATA PIC X(8).
                   WORKING-STORAGE SECTION.
                   01 FS PIC XX.
                   01 GS PIC XX.
                   PROCEDURE DIVISION.
                       OPEN INPUT F G OUTPUT O
                       PERFORM UNTIL FS NOT = "00"
                         MOVE ALL "#" TO R
                         READ F
                         IF FS NOT = "10"
                           MOVE FS TO OUT-STATUS MOVE R TO OUT-DATA WRITE OUT-REC
                         END-IF
                       END-PERFORM
                       PERFORM UNTIL GS NOT = "00"
                         MOVE ALL "#" TO Q
                         READ G
                         IF GS NOT = "10"
                           MOVE GS TO OUT-STATUS MOVE Q TO OUT-DATA WRITE OUT-REC
                         END-IF
                       END-PERFORM
                       CLOSE F G O
                       STOP RUN.
            """;
        var lineInput = "ab\r\nabcdefghijkl\n\nx\ry\tz\n\0nul\nlast"u8.ToArray();
        var fixedInput = "AAAAAAAABBBBBBBBccc"u8.ToArray();
        File.WriteAllText(dir.Combine("lsread.cbl"), program);
        File.WriteAllBytes(dir.Combine("ls.in"), lineInput);
        File.WriteAllBytes(dir.Combine("fx.in"), fixedInput);
        var exe = Cobc.Compile(dir.Combine("lsread.cbl"));
        Cobc.Run(exe, [], dir.Path, null).ExitCode.Should().Be(0);
        var cobol = File.ReadAllBytes(dir.Combine("out.dat"));

        var ours = new List<byte>();
        using (var reader = Reader(lineInput, RecordFormat.LineSequential, 8))
        {
            while (reader.TryRead(out var r)) ours.AddRange([.. "00"u8, .. r.Span]);
        }
        using (var reader = Reader(fixedInput, RecordFormat.Fixed, 8))
        {
            RecordReadStatus status;
            while ((status = reader.Read(out var r)) != RecordReadStatus.EndOfFile)
            {
                // cobc's status 04 leaves the rest of the record area as it was (here '#')
                var padded = r.ToArray().Concat(Enumerable.Repeat((byte)'#', 8 - r.Length));
                ours.AddRange([.. (status == RecordReadStatus.Truncated ? "04"u8 : "00"u8), .. padded]);
            }
        }
        Encoding.Latin1.GetString(ours.ToArray()).Should().Be(Encoding.Latin1.GetString(cobol));
    }
}
