using System.Text;
using Collections.Legacy.RefData.Csv;
using Collections.Testing;

namespace Collections.Legacy.Tests.RefDataCsv;

public class RefTableCsvTests
{
    private static string LegacyRef => Path.Combine(RepoPaths.LegacyHome, "ref");

    public static TheoryData<string> Tables()
    {
        var data = new TheoryData<string>();
        foreach (var t in RefTableSchema.All) data.Add(t.Name);
        return data;
    }

    [Fact]
    public void All_CoversEveryTableOfTheLegacyLibrary()
    {
        var files = Directory.GetFiles(LegacyRef, "*.DAT").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        RefTableSchema.All.Select(t => t.DatFile).Order(StringComparer.Ordinal).Should().Equal(files);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void ExportThenImport_LegacyTable_ByteIdentical(string table)
    {
        using var _ = HostileCulture.Enter();
        var schema = RefTableSchema.Find(table)!;
        var original = File.ReadAllBytes(Path.Combine(LegacyRef, schema.DatFile));

        var csv = new StringWriter();
        var exported = RefTableCsv.Export(schema, new MemoryStream(original), csv, schema.DatFile);
        var back = new MemoryStream();
        var imported = RefTableCsv.Import(schema, new StringReader(csv.ToString()), back, schema.CsvFile);

        imported.Should().Be(exported);
        Convert.ToHexString(back.ToArray()).Should().Be(Convert.ToHexString(original));
    }

    [Fact]
    public void Export_Fees_ReadableColumnsAndExactDecimals()
    {
        using var _ = HostileCulture.Enter();
        var schema = RefTableSchema.Find("FEES")!;
        var csv = new StringWriter();

        RefTableCsv.Export(schema, new MemoryStream(File.ReadAllBytes(Path.Combine(LegacyRef, "FEES.DAT"))), csv, "FEES.DAT");

        var lines = csv.ToString().Split('\n');
        lines[0].Should().Be("fee_class,effective_date,end_date,calc_type,rate,minimum,maximum,flat_amount,description");
        lines.Should().Contain("499,20251001,20260930,R,0.003464,33.58,651.50,0.00,MPF FORMAL ENTRY");
        lines.Should().Contain("501,19910101,99999999,R,0.001250,0.00,0.00,0.00,HARBOR MAINTENANCE FEE");
    }

    private const string FeesHeader = "fee_class,effective_date,end_date,calc_type,rate,minimum,maximum,flat_amount,description\n";
    private const string GoodRow = "499,20251001,20260930,R,0.003464,33.58,651.50,0.00,MPF FORMAL ENTRY\n";

    [Theory]
    [InlineData(GoodRow + "500,20251001,20260930,F,0.000000,0.00,0.00,4.0X,SURCHARGE\n", 3, "flat_amount", "4.0X")]
    [InlineData(GoodRow + "500,20251001,20260930,F,0.000000,0.00,0.00,4.031,SURCHARGE\n", 3, "flat_amount", "4.031")]
    [InlineData(GoodRow + "500,20251001,20260930,F,0.000000,0.00,0.00,-4.03,SURCHARGE\n", 3, "flat_amount", "-4.03")]
    [InlineData(GoodRow + "500,20251001,20260930,F,0.000000,0.00,100000.00,4.03,SURCHARGE\n", 3, "maximum", "100000.00")]
    [InlineData(GoodRow + "500,20250231,20260930,F,0.000000,0.00,0.00,4.03,SURCHARGE\n", 3, "effective_date", "20250231")]
    [InlineData(GoodRow + "500,2025-10-01,20260930,F,0.000000,0.00,0.00,4.03,SURCHARGE\n", 3, "effective_date", "2025-10-01")]
    [InlineData(GoodRow + "499,20251001,20260930,R,0.003464,33.58,651.50,0.00,DUPLICATE KEY\n", 3, "fee_class+effective_date", "49920251001")]
    [InlineData("500,20251001,20260930,F,0.000000,0.00,0.00,4.03,SURCHARGE\n" + GoodRow, 3, "fee_class+effective_date", "49920251001")]
    [InlineData(GoodRow + "5000,20251001,20260930,F,0.000000,0.00,0.00,4.03,SURCHARGE\n", 3, "fee_class", "5000")]
    [InlineData(GoodRow + "500,20251001,20260930,F,0.000000,0.00,0.00,4.03\n", 3, "(record)", "500,20251001,20260930,F,0.000000,0.00,0.00,4.03")]
    public void Import_BadValue_ErrorNamesFileLineColumnAndRawText(string rows, int line, string column, string raw)
    {
        using var _ = HostileCulture.Enter();
        var act = () => RefTableCsv.Import(RefTableSchema.Find("FEES")!, new StringReader(FeesHeader + rows), new MemoryStream(), "FEES.csv");

        var e = act.Should().Throw<RefDataCsvException>().Which;
        e.File.Should().Be("FEES.csv");
        e.Line.Should().Be(line);
        e.Column.Should().Be(column);
        e.Raw.Should().Be(raw);
        e.Message.Should().Contain("FEES.csv").And.Contain(column).And.Contain(raw);
    }

    [Fact]
    public void Import_WrongHeader_Error()
    {
        var act = () => RefTableCsv.Import(RefTableSchema.Find("FEES")!, new StringReader("class,eff\n" + GoodRow), new MemoryStream(), "FEES.csv");

        act.Should().Throw<RefDataCsvException>().Which.Column.Should().Be("(header)");
    }

    [Fact]
    public void Import_QuotedTextWithCommaAndLeadingBlank_KeptExactly()
    {
        var schema = RefTableSchema.Find("SPI")!;
        var dat = new MemoryStream();

        RefTableCsv.Import(schema, new StringReader("spi_code,mpf_exempt,description\n\" A\",Y,\"X, Y\"\n"), dat, "SPI.csv");

        Encoding.ASCII.GetString(dat.ToArray()).Should().Be(" A Y X, Y\n");
        var csv = new StringWriter();
        RefTableCsv.Export(schema, new MemoryStream(dat.ToArray()), csv, "SPI.DAT");
        csv.ToString().Should().Be("spi_code,mpf_exempt,description\n\" A\",Y,\"X, Y\"\n");
    }

    [Fact]
    public void Export_NonNumericField_ErrorNamesFileLineAndColumn()
    {
        var dat = Encoding.ASCII.GetBytes("0401 BOSTON MA\n04X1 BAD\n");

        var act = () => RefTableCsv.Export(RefTableSchema.Find("HMFPORT")!, new MemoryStream(dat), new StringWriter(), "HMFPORT.DAT");

        var e = act.Should().Throw<RefDataCsvException>().Which;
        (e.File, e.Line, e.Column, e.Raw).Should().Be(("HMFPORT.DAT", 2L, "port_code", "04X1"));
    }
}
