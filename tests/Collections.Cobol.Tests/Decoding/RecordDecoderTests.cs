using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Decoding;
using Collections.Testing;

namespace Collections.Cobol.Tests.Decoding;

public sealed class RecordDecoderTests
{
    private const string Copybook = """
       01  REC-A.
           05  A-TYPE      PIC 9(2).
           05  A-BODY      PIC X(8).
           05  A-NUM REDEFINES A-BODY.
               10  A-N1    PIC S9(5)V99.
               10  A-INNER PIC X.
               10  A-INNER-N REDEFINES A-INNER PIC 9.
           05  A-CNT       PIC 9.
           05  A-TAB       OCCURS 0 TO 3 DEPENDING ON A-CNT.
               10  A-T     PIC XX.
       01  REC-B.
           05  B-TYPE      PIC 9(2).
           05  B-TEXT      PIC X(5).
""";

    private static RecordDecoder Decoder(params string[] selects)
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(Copybook, "rec.cpy"));
        var options = new RecordDecoderOptions();
        foreach (var s in selects) options.Selections.Add(RecordSelection.Parse(s));
        return RecordDecoder.Create(layout, options);
    }

    private static DecodedGroup Record(DecodedRecord r, string name) => (DecodedGroup)r.Root[name]!;

    [Fact]
    public void Decode_NoSelection_FirstRecordAndRedefinedItemsOnly()
    {
        var r = Decoder().Decode(Encoding.ASCII.GetBytes("01ABCDEFGH2XXYY"));
        r.Root.Members.Select(m => m.Key).Should().Equal("REC-A");
        Record(r, "REC-A").Members.Select(m => m.Key).Should().Equal("A-TYPE", "A-BODY", "A-CNT", "A-TAB");
        ((DecodedArray)Record(r, "REC-A")["A-TAB"]!).Items.Should().HaveCount(2);
        r.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Decode_NumericSelectorComparesByValue_AndNestedSelectionSelectsItsEnclosingView()
    {
        using var culture = HostileCulture.Enter();
        var d = Decoder("A-TYPE=7:A-INNER-N", "A-TYPE=2:REC-B");
        var r = d.Decode(Encoding.ASCII.GetBytes("07001234J40"));
        var a = Record(r, "REC-A");
        a.Members.Select(m => m.Key).Should().Equal("A-TYPE", "A-NUM", "A-CNT", "A-TAB");
        var num = (DecodedGroup)a["A-NUM"]!;
        num.Members.Select(m => m.Key).Should().Equal("A-N1", "A-INNER-N");
        num["A-N1"]!.ToString().Should().Be("-123.41");
        num["A-INNER-N"]!.ToString().Should().Be("4");

        var b = d.Decode(Encoding.ASCII.GetBytes("02HELLO"));
        b.Root.Members.Select(m => m.Key).Should().Equal("REC-B");
        Record(b, "REC-B")["B-TEXT"]!.ToString().Should().Be("HELLO");
    }

    [Fact]
    public void Decode_ShortRecord_ReportsFieldsPastTheEnd()
    {
        var r = Decoder().Decode(Encoding.ASCII.GetBytes("01ABC"));
        r.Errors.Should().Contain(e => e.Field == "A-BODY" && e.Offset == 2 && e.Hex == "414243");
        Record(r, "REC-A")["A-TYPE"]!.ToString().Should().Be("1");
    }

    [Fact]
    public void Decode_ShortRecordWithPadding_ReadsSpaces()
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(Copybook, "rec.cpy"));
        var options = new RecordDecoderOptions { PadShortRecords = true };
        var r = RecordDecoder.Create(layout, options).Decode(Encoding.ASCII.GetBytes("01ABC"));
        r.Errors.Select(e => e.Field).Should().Equal("A-CNT", "A-TAB"); // a space is not a digit
        Record(r, "REC-A")["A-BODY"]!.ToString().Should().Be("ABC     ");
    }

    [Fact]
    public void Decode_OdoCountOutOfRange_IsAFieldError()
    {
        var r = Decoder().Decode(Encoding.ASCII.GetBytes("01ABCDEFGH9XXYY"));
        var e = r.Errors.Should().ContainSingle().Which;
        e.Field.Should().Be("A-TAB");
        e.Hex.Should().Be("39");
        e.Reason.Should().Contain("A-CNT");
    }

    [Fact]
    public void Decode_GnuCobolAsciiOverpunch_ReadsPToYAsNegative()
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(Copybook, "rec.cpy"));
        var options = new RecordDecoderOptions { Overpunch = OverpunchStyle.GnuCobolAscii };
        options.Selections.Add(RecordSelection.Parse("A-TYPE=7:A-NUM"));
        var r = RecordDecoder.Create(layout, options).Decode(Encoding.ASCII.GetBytes("07001234q 0"));
        ((DecodedGroup)Record(r, "REC-A")["A-NUM"]!)["A-N1"]!.ToString().Should().Be("-123.41");
    }

    [Theory]
    [InlineData("X=1:G", "X", "1", "G")]
    [InlineData("export-rec-type=C:export-customer-data", "EXPORT-REC-TYPE", "C", "EXPORT-CUSTOMER-DATA")]
    [InlineData("F=A=B:G", "F", "A=B", "G")]
    [InlineData("F= :G", "F", " ", "G")]
    public void Parse_Selection_SplitsFieldValueGroup(string text, string field, string value, string group)
    {
        var s = RecordSelection.Parse(text);
        s.Should().Be(new RecordSelection(field, value, group));
    }
}
