using System.Data;
using Collections.Cobol.Codecs;
using Collections.Cobol.Records;
using Collections.Cobol.Text;
using Collections.Testing;

namespace Collections.Cobol.Tests.Records;

public sealed class RecordDataReaderTests
{
    private static RecordColumn[] EntryColumns()
    {
        var zoned = OverpunchStyle.AsciiEbcdicLetters;
        return
        [
            new RecordColumn("ER-REC-TYPE", 0, FieldCodec.Alphanumeric(1, CodePage.Ascii)),
            new RecordColumn("EH-ENTRY-SERIAL", 4, FieldCodec.Zoned(7, 0, SignPlacement.Unsigned, zoned)).When(0, "H"u8),
            new RecordColumn("EH-LINE-COUNT", 61, FieldCodec.Zoned(3, 0, SignPlacement.Unsigned, zoned)).When(0, "H"u8),
            new RecordColumn("EL-ENTRY-NO", 1, FieldCodec.Alphanumeric(11, CodePage.Ascii)).When(0, "L"u8),
            new RecordColumn("EL-FOREIGN-VALUE", 29, FieldCodec.Packed(13, 2, true)).When(0, "L"u8),
            new RecordColumn("ET-RECORD-COUNT", 1, FieldCodec.Zoned(7, 0, SignPlacement.Unsigned, zoned)).When(0, "T"u8),
            new RecordColumn("ET-VALUE-HASH", 15, FieldCodec.Packed(17, 2, true)).When(0, "T"u8),
        ];
    }

    /// <summary>The sample ENTRYIN loads through DataTable.Load; the trailer's record count and value hash (which the
    /// legacy's CLV100 checks and accepted) agree with the lines decoded through the columns.</summary>
    [Fact]
    public void DataTableLoad_SampleEntryFile_TrailerBalances()
    {
        var path = Path.Combine(RepoPaths.LegacyHome, "sample", "2026-03-02", "in", "ENTRYIN");
        using var reader = RecordDataReader.Create(
            RecordReader.Create(File.OpenRead(path), RecordFormat.Fixed, 250, "ENTRYIN"), EntryColumns());
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        table.Load(reader);

        var rows = table.Rows.Cast<DataRow>().ToList();
        var trailer = rows.Single(r => (string)r["ER-REC-TYPE"] == "T");
        var lines = rows.Where(r => (string)r["ER-REC-TYPE"] == "L").ToList();
        var headers = rows.Where(r => (string)r["ER-REC-TYPE"] == "H").ToList();
        lines.Should().NotBeEmpty();
        trailer["ET-RECORD-COUNT"].Should().Be((decimal)(rows.Count - 1));
        trailer["ET-VALUE-HASH"].Should().Be(lines.Sum(r => (decimal)r["EL-FOREIGN-VALUE"]));
        headers.Sum(r => (decimal)r["EH-LINE-COUNT"]).Should().Be(lines.Count);
        lines[0]["EH-ENTRY-SERIAL"].Should().Be(DBNull.Value);
        table.Columns["EL-FOREIGN-VALUE"]!.DataType.Should().Be(typeof(decimal));
    }

    [Fact]
    public void GetValue_InvalidPackedField_NamesFileRecordFieldOffsetAndHex()
    {
        var rec = new byte[250];
        Array.Fill(rec, (byte)' ');
        rec[0] = (byte)'L';
        // EL-FOREIGN-VALUE left as spaces: 0x40 bytes are not packed decimal
        using var reader = RecordDataReader.Create(
            RecordReader.Create(new MemoryStream(rec), RecordFormat.Fixed, 250, "ENTRYIN"), EntryColumns());
        reader.Read().Should().BeTrue();
        reader.GetString(reader.GetOrdinal("ER-REC-TYPE")).Should().Be("L");
        var act = () => reader.GetDecimal(reader.GetOrdinal("EL-FOREIGN-VALUE"));
        var ex = act.Should().Throw<CobolDataException>().Which;
        ex.FieldName.Should().Be("EL-FOREIGN-VALUE");
        ex.Offset.Should().Be(29);
        ex.RecordNumber.Should().Be(1);
        ex.RawHex.Should().Be("20202020202020");
        ex.Message.Should().Be("ENTRYIN record 1: Invalid data in field EL-FOREIGN-VALUE at offset 29: invalid sign nibble 0x0 (raw hex 20202020202020)");
    }

    [Fact]
    public void Dispatcher_PicksLayoutByDiscriminator()
    {
        var dispatcher = new RecordDispatcher<string>(0, 1).Add("H"u8, "header").Add("L"u8, "line");
        dispatcher.TryGet("Lxyz"u8, out var kind).Should().BeTrue();
        kind.Should().Be("line");
        dispatcher.TryGet("Q"u8, out _).Should().BeFalse();
        dispatcher.TryGet([], out _).Should().BeFalse();
        var duplicate = () => dispatcher.Add("H"u8, "again");
        duplicate.Should().Throw<ArgumentException>();
    }
}
