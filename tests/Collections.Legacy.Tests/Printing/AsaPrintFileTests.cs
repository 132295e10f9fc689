using System.Text;
using Collections.Legacy.Printing;

namespace Collections.Legacy.Tests.Printing;

public class AsaPrintFileTests
{
    private sealed class Sink
    {
        public List<string> Records { get; } = [];
        public void Write(ReadOnlySpan<byte> r) => Records.Add(Encoding.Latin1.GetString(r).TrimEnd(' '));
    }

    private static (AsaPrintFile File, Sink Sink) Create(int linesPerPage = 50, int recordLength = 133, int reserve = 10)
    {
        var sink = new Sink();
        var file = new AsaPrintFile(sink.Write, page => [new PrintLine('1', "HEAD PAGE " + page), new PrintLine(' ', "HEAD TWO")], linesPerPage, recordLength, reserve);
        return (file, sink);
    }

    [Theory]
    [InlineData('0', 2)]
    [InlineData('-', 3)]
    [InlineData(' ', 1)]
    [InlineData('1', 1)]
    [InlineData('+', 1)]
    public void Spacing_AsaCharacter_LinesUsed(char asa, int lines)
    {
        AsaControl.Spacing(asa).Should().Be(lines);
    }

    [Fact]
    public void Print_FirstLine_OpensPageOneWithTheHeading()
    {
        var (f, s) = Create();

        f.LineCount.Should().Be(99);
        f.Print(' ', "DETAIL");

        s.Records.Should().Equal("1HEAD PAGE 1", " HEAD TWO", " DETAIL");
        f.PageNumber.Should().Be(1);
        f.LineCount.Should().Be(3);
        f.LinesPrinted.Should().Be(3);
    }

    [Fact]
    public void Print_RecordIsTheAsaCharacterAndTheTextPaddedOrCut()
    {
        var records = new List<byte[]>();
        var f = new AsaPrintFile(r => records.Add(r.ToArray()), _ => [], recordLength: 6);

        f.Print('0', "ABCDEFGH");
        f.Print(' ', "AB");

        Encoding.Latin1.GetString(records[0]).Should().Be("0ABCDE");
        Encoding.Latin1.GetString(records[1]).Should().Be(" AB   ");
        f.LineCount.Should().Be(3);
    }

    [Theory]
    [InlineData(' ', 50, false)]   // 49 + 1 = 50: fits
    [InlineData('0', 50, true)]    // 49 + 2 = 51: new page
    [InlineData('-', 50, true)]
    [InlineData('-', 52, false)]   // 49 + 3 = 52
    public void Print_LineNotFittingThePage_PageHeadingFirst(char asa, int linesPerPage, bool newPage)
    {
        var (f, s) = Create(linesPerPage);
        f.Print(' ', "FIRST");                               // heading (2) + 1 = 3
        while (f.LineCount < 49) f.Print(' ', "FILL");
        f.LineCount.Should().Be(49);

        f.Print(asa, "LAST");

        f.PageNumber.Should().Be(newPage ? 2 : 1);
        s.Records[^1].Should().Be(asa + "LAST");
        if (newPage) s.Records[^3].Should().Be("1HEAD PAGE 2");
        f.LineCount.Should().Be(newPage ? 2 + AsaControl.Spacing(asa) : 49 + AsaControl.Spacing(asa));
    }

    [Theory]
    [InlineData(40, false)]   // 40 + 10 = 50: the section starts on this page
    [InlineData(41, true)]
    public void StartSection_FewerThanTheReserveLeft_OnANewPage(int used, bool newPage)
    {
        var (f, s) = Create();
        f.Print(' ', "FIRST");
        while (f.LineCount < used) f.Print(' ', "FILL");

        f.StartSection("TITLE", "COLUMNS");

        f.PageNumber.Should().Be(newPage ? 2 : 1);
        if (newPage)
        {
            s.Records.TakeLast(4).Should().Equal("1HEAD PAGE 2", " HEAD TWO", "0TITLE", "0COLUMNS");
            f.LineCount.Should().Be(6);
        }
        else
        {
            s.Records.TakeLast(2).Should().Equal("-TITLE", "0COLUMNS");
            f.LineCount.Should().Be(used + 5);
        }
    }

    [Fact]
    public void PageHeading_WithinASection_RepeatsItsTitleAndColumns()
    {
        var (f, s) = Create(linesPerPage: 12);
        f.StartSection("TITLE", "COLUMNS");                  // page 1: heading + title + columns = 6
        for (var i = 0; i < 7; i++) f.Print(' ', "D" + i);   // 6 fit, the 7th opens page 2

        s.Records.Should().Equal("1HEAD PAGE 1", " HEAD TWO", "0TITLE", "0COLUMNS", " D0", " D1", " D2", " D3", " D4", " D5",
            "1HEAD PAGE 2", " HEAD TWO", "0TITLE", "0COLUMNS", " D6");
        f.LineCount.Should().Be(7);
        f.SectionTitle.Should().Be("TITLE");
        f.SectionColumns.Should().Be("COLUMNS");
    }

    [Theory]
    [InlineData("")]
    [InlineData("     ")]
    public void PageHeading_NoSection_OnlyTheFixedLines(string title)
    {
        var (f, s) = Create(linesPerPage: 4);
        f.StartSection("TITLE", "COLUMNS");
        f.EndSection();
        if (title.Length > 0) f.StartSection(title, "COLUMNS");

        f.Print('-', "END");

        // a blank title: the section start itself is a bare heading (page 2), the end line opens page 3
        s.Records.TakeLast(3).Should().Equal(title.Length > 0 ? "1HEAD PAGE 3" : "1HEAD PAGE 2", " HEAD TWO", "-END");
        f.LineCount.Should().Be(5);
    }

    [Fact]
    public void PageHeading_TitleOfOtherWhitespace_IsNotBlank()
    {
        var (f, s) = Create(linesPerPage: 4);
        f.StartSection("\t", "COLUMNS");

        s.Records.Should().Equal("1HEAD PAGE 1", " HEAD TWO", "0\t", "0COLUMNS");
    }

    [Fact]
    public void PageNumber_AfterPage9999_WrapsToZero()
    {
        var (f, _) = Create(linesPerPage: 1);

        for (var i = 0; i < 10_001; i++) f.Print(' ', "X");

        f.PageNumber.Should().Be(1);
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        ((Action)(() => _ = new AsaPrintFile(null!, _ => []))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = new AsaPrintFile(_ => { }, null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = new AsaPrintFile(_ => { }, _ => [], linesPerPage: 0))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => _ = new AsaPrintFile(_ => { }, _ => [], recordLength: 1))).Should().Throw<ArgumentOutOfRangeException>();
        var (f, _) = Create();
        ((Action)(() => f.Print(' ', null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => f.StartSection(null!, ""))).Should().Throw<ArgumentNullException>();
        ((Action)(() => f.StartSection("", null!))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Defaults_TheLegacyReport()
    {
        var f = new AsaPrintFile(_ => { }, _ => []);

        (f.LinesPerPage, f.RecordLength, f.SectionReserve).Should().Be((50, 133, 10));
    }
}
