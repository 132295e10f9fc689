using System.Data;
using Collections.Cobol.Codecs;
using Collections.Cobol.Records;
using Collections.Cobol.Text;
using Collections.Testing;

namespace Collections.Cobol.Tests.Records;

public sealed class RecordColumnsTests
{
    /// <summary>Columns built from the legacy's ENTRYREC copybook by the copybook parser; the trailer balances.</summary>
    [Fact]
    public void FromLayout_EntryRecCopybook_SampleTrailerBalances()
    {
        var layout = Collections.Cobol.Copybooks.CopybookLayout.Load(Path.Combine(RepoPaths.LegacyHome, "copybooks", "ENTRYREC.cpy"));
        var all = RecordColumns.FromLayout(layout, CodePage.Ascii, OverpunchStyle.AsciiEbcdicLetters);
        all.Select(c => c.Name).Should().Contain(["EL-CH99-NO(1)", "EL-CH99-NO(3)", "ET-VALUE-HASH", "EH-LINE-COUNT"]);
        all.Single(c => c.Name == "EL-CH99-NO(2)").Offset.Should().Be(62);
        all.Single(c => c.Name == "EL-FOREIGN-VALUE").Offset.Should().Be(29);
        var columns = all.Select(c => c.Name switch
        {
            var n when n.StartsWith("EH-", StringComparison.Ordinal) => c.When(0, "H"u8),
            var n when n.StartsWith("EL-", StringComparison.Ordinal) => c.When(0, "L"u8),
            var n when n.StartsWith("ET-", StringComparison.Ordinal) => c.When(0, "T"u8),
            _ => c,
        }).Where(c => c.Name != "ER-REC-DATA");

        var path = Path.Combine(RepoPaths.LegacyHome, "sample", "2026-03-03", "in", "ENTRYIN");
        using var reader = RecordDataReader.Create(RecordReader.Create(File.OpenRead(path), RecordFormat.Fixed, 250, "ENTRYIN"), columns);
        decimal hash = 0, trailerHash = -1;
        while (reader.Read())
        {
            var type = reader.GetString(reader.GetOrdinal("ER-REC-TYPE"));
            if (type == "L") hash += reader.GetDecimal(reader.GetOrdinal("EL-FOREIGN-VALUE"));
            if (type == "T") trailerHash = reader.GetDecimal(reader.GetOrdinal("ET-VALUE-HASH"));
            reader.IsDBNull(reader.GetOrdinal("EH-ENTRY-DATE")).Should().Be(type != "H");
        }
        trailerHash.Should().Be(hash);
    }
}
