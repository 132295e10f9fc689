using System.Globalization;
using ClosedXML.Excel;
using Collections.Testing;
using Collections.Web.Charts;
using Collections.Web.Exports;

namespace Collections.Web.Tests;

/// <summary>CSV and XLSX of a table: invariant text, exact dollars, text kept text; the same under tr-TR.</summary>
public sealed class ExportTests
{
    private static ReportTable Sample()
    {
        var t = new ReportTable("sample", "Sample", new Column("entry"), new Column("count", ColumnKind.Integer), new Column("amount", ColumnKind.Cents),
            new Column("date", ColumnKind.Date), new Column("note"));
        t.Add("00012345678", 1234567, new Cell(-12345L), new DateOnly(2026, 3, 2), "a, \"quoted\" note");
        t.Add("ABC34277758", 0, new Cell(99_999_999_999_99L), new DateOnly(2025, 10, 1), null);
        t.Add("X", 1, new Cell(1L), new DateOnly(2026, 12, 31), "i");
        return t;
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    public void Csv_InvariantExactDollars(string culture)
    {
        using var _ = HostileCulture.Enter(culture);
        var text = System.Text.Encoding.UTF8.GetString(TableExport.Csv(Sample()));
        text.Should().Be(
            "entry,count,amount,date,note\n"
            + "00012345678,1234567,-123.45,2026-03-02,\"a, \"\"quoted\"\" note\"\n"
            + "ABC34277758,0,99999999999.99,2025-10-01,\n"
            + "X,1,0.01,2026-12-31,i\n");
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("tr-TR")]
    public void Xlsx_NumbersAreNumbers_TextStaysText(string culture)
    {
        using var _ = HostileCulture.Enter(culture);
        using var book = new XLWorkbook(new MemoryStream(TableExport.Xlsx(Sample())));
        var s = book.Worksheet("sample");
        s.Cell(1, 3).GetString().Should().Be("amount");
        s.Cell(2, 1).GetString().Should().Be("00012345678", "entry numbers keep their leading zeros");
        s.Cell(2, 1).DataType.Should().Be(XLDataType.Text);
        s.Cell(2, 2).GetValue<long>().Should().Be(1234567);
        s.Cell(2, 3).GetValue<decimal>().Should().Be(-123.45m);
        s.Cell(3, 3).GetValue<decimal>().Should().Be(99999999999.99m);
        s.Cell(4, 3).GetValue<decimal>().Should().Be(0.01m);
        s.Cell(2, 4).GetDateTime().Should().Be(new DateTime(2026, 3, 2));
        s.Cell(3, 5).IsEmpty().Should().BeTrue();
    }

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(-1L, "-0.01")]
    [InlineData(123456789L, "1234567.89")]
    [InlineData(long.MaxValue, "92233720368547758.07")]
    public void Dollars_Exact(long cents, string dollars)
    {
        using var _ = HostileCulture.Enter();
        ReportTable.Dollars(cents).Should().Be(dollars);
    }

    [Fact]
    public void Add_WrongCellCount_Throws()
    {
        var t = new ReportTable("t", "T", new Column("a"), new Column("b"));
        var act = () => t.Add("only one");
        act.Should().Throw<ArgumentException>().WithMessage("*1 cells for 2 columns*");
    }

    [Fact]
    public void FileName_KeepsOnlySafeCharacters()
    {
        TableExport.FileName(Sample(), "../2026-03-02 x", "csv").Should().Be("sample-2026-03-02x.csv");
        TableExport.FileName(Sample(), null, "xlsx").Should().Be("sample.xlsx");
    }

    [Fact]
    public void SvgBars_ExactFiguresLinksNoStyleNoScript()
    {
        using var _ = HostileCulture.Enter();
        var svg = SvgChart.Bars("revenue <by> class", [new Bar("DTY", 123456, "/x?a=1&b=2"), new Bar("RF", -5000), new Bar("ZERO", 0)]).ToString()!;
        svg.Should().Contain("1,234.56").And.Contain("-50.00").And.Contain("href=\"/x?a=1&amp;b=2\"").And.Contain("revenue &lt;by&gt; class");
        svg.Should().NotContain("style=").And.NotContain("<script");
        svg.Should().Contain("class=\"bar-neg\"");
    }
}
