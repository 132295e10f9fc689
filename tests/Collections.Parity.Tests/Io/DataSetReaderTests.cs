using System.Security.Cryptography;
using Collections.Parity.Io;

namespace Collections.Parity.Tests.Io;

/// <summary>The comparer's data-set reader: the toolkit's record reader plus the hash and count of every byte read.</summary>
public class DataSetReaderTests
{
    private static (List<byte[]> Records, DataSetReader Reader) ReadAll(byte[] data, RecordFormat format, int lrecl = 0)
    {
        var reader = DataSetReader.Create(new MemoryStream(data), format, lrecl);
        var records = new List<byte[]>();
        while (reader.Next() is { } r) records.Add(r);
        reader.Next().Should().BeNull("the end stays the end");
        return (records, reader);
    }

    private static string Sha(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    [Fact]
    public void Fixed_PartialLastRecord_ReturnedAndFlagged()
    {
        byte[] data = [.. "AAAABBBBCC"u8];
        var (records, reader) = ReadAll(data, RecordFormat.Fixed, 4);
        records.Select(r => System.Text.Encoding.ASCII.GetString(r)).Should().Equal("AAAA", "BBBB", "CC");
        reader.Truncated.Should().BeTrue();
        reader.RecordCount.Should().Be(3);
        reader.ByteCount.Should().Be(10);
        reader.Sha256().Should().Be(Sha(data));
    }

    [Fact]
    public void Fixed_WholeRecords_NotFlagged()
    {
        var (records, reader) = ReadAll([.. "AAAABBBB"u8], RecordFormat.Fixed, 4);
        records.Should().HaveCount(2);
        reader.Truncated.Should().BeFalse();
        reader.FormatError.Should().BeNull();
    }

    [Fact]
    public void Variable_GnuCobolFraming_RecordsWithoutPrefix()
    {
        byte[] data = [0, 3, 0, 0, .. "ABC"u8, 0, 1, 0, 0, .. "D"u8];
        var (records, reader) = ReadAll(data, RecordFormat.Variable);
        records.Select(r => System.Text.Encoding.ASCII.GetString(r)).Should().Equal("ABC", "D");
        reader.Truncated.Should().BeFalse();
        reader.Sha256().Should().Be(Sha(data));
    }

    [Theory]
    [InlineData(new byte[] { 0, 3, 0, 0, 65, 66, 67, 0, 5, 0, 0, 68 }, 2, 1)]    // the body ends early: its byte returned
    [InlineData(new byte[] { 0, 3, 0, 0, 65, 66, 67, 0, 5 }, 2, 2)]              // the prefix ends early: its bytes returned
    public void Variable_FileEndsInsideARecord_PartialReturnedAndFlagged(byte[] data, int count, int lastLength)
    {
        var (records, reader) = ReadAll(data, RecordFormat.Variable);
        records.Should().HaveCount(count);
        records[^1].Should().HaveCount(lastLength);
        reader.Truncated.Should().BeTrue();
        reader.FormatError.Should().BeNull();
        reader.ByteCount.Should().Be(data.Length);
    }

    [Fact]
    public void Variable_InvalidPrefix_StopsWithTheReasonAndHashesTheRest()
    {
        byte[] data = [0, 1, 0, 0, .. "A"u8, 0, 1, 7, 7, .. "BCDEFG"u8];
        var (records, reader) = ReadAll(data, RecordFormat.Variable);
        records.Should().HaveCount(1);
        reader.Truncated.Should().BeTrue();
        reader.FormatError.Should().Contain("00010707");
        reader.ByteCount.Should().Be(data.Length, "the rest of the file is still hashed");
        reader.Sha256().Should().Be(Sha(data));
    }

    [Fact]
    public void Line_LinesWithoutLfOrCrAndTrailingBlanksKept()
    {
        byte[] data = [.. "AB  \nC\r\n\nD"u8];
        var (records, reader) = ReadAll(data, RecordFormat.Line);
        records.Select(r => System.Text.Encoding.ASCII.GetString(r)).Should().Equal("AB  ", "C", "", "D");
        reader.Truncated.Should().BeTrue("the last line has no LF");
        reader.Sha256().Should().Be(Sha(data));
    }

    [Theory]
    [InlineData("A\nB\n")]
    [InlineData("")]
    public void Line_EveryLineEnded_NotFlagged(string text)
    {
        var (_, reader) = ReadAll(System.Text.Encoding.ASCII.GetBytes(text), RecordFormat.Line);
        reader.Truncated.Should().BeFalse();
    }

    [Fact]
    public void Drain_HashesEverythingWithoutRecords()
    {
        var data = new byte[200_000];
        new Random(1).NextBytes(data);
        using var reader = DataSetReader.Create(new MemoryStream(data), RecordFormat.Fixed, 250);
        reader.Next().Should().HaveCount(250);
        reader.Drain();
        reader.Next().Should().BeNull();
        reader.ByteCount.Should().Be(data.Length);
        reader.Sha256().Should().Be(Sha(data));
    }

    [Fact]
    public void Create_FixedWithoutLength_Throws()
    {
        var act = () => DataSetReader.Create(new MemoryStream(), RecordFormat.Fixed, 0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
