using Collections.Legacy.Records;
using Collections.Parity.Decoding;
using Collections.Parity.Layouts;
using Collections.Testing;

namespace Collections.Parity.Tests;

public class CopybookLayoutTests
{
    private static IReadOnlyList<RecordLayout> Load(string name) => CopybookLayout.ParseFile(Path.Combine(RepoPaths.LegacyHome, "copybooks", name));

    [Theory]
    [InlineData("LINECALC.cpy", 250)]
    [InlineData("ENTRYREC.cpy", 250)]
    [InlineData("STMTHDR.cpy", 200)]
    [InlineData("STMTDTL.cpy", 80)]
    [InlineData("OPENITEM.cpy", 150)]
    [InlineData("LEDGER.cpy", 80)]
    [InlineData("REJREC.cpy", 100)]
    [InlineData("CTLTOTS.cpy", 80)]
    [InlineData("SUSPREC.cpy", 111)]
    public void ParseFile_LegacyCopybook_RecordLengthAsDocumented(string copybook, int length) =>
        Load(copybook)[0].Length.Should().Be(length);

    [Fact]
    public void ParseFile_Entcalc_OccursDependingOnAndTwoRecords()
    {
        var layouts = Load("ENTCALC.cpy");
        layouts.Select(l => l.Name).Should().Equal("ENTCALC-TOTAL-RECORD", "ENTCALC-MPF-RECORD");
        layouts[0].Length.Should().Be(151 + 8 * 9, "151 bytes + 9 per fee, at most 8");
        layouts[1].Length.Should().Be(36);
        var fee8 = layouts[0].Field("ECT-FEE-AMT(8)");
        fee8.DependsOn.Should().Be("ECT-FEE-COUNT");
        fee8.Occurrence.Should().Be(8);
        fee8.Offset.Should().Be(151 + 7 * 9 + 3);
    }

    [Fact]
    public void View_EntryrecVariants_SelectOneRedefinesAlternative()
    {
        var layout = Load("ENTRYREC.cpy")[0];
        layout.View("ER-LINE-DATA").Select(f => f.Name).Should().Contain("EL-FOREIGN-VALUE").And.NotContain("EH-ENTRY-TYPE").And.NotContain("ER-REC-DATA");
        layout.View(null).Select(f => f.Name).Should().Equal("ER-REC-TYPE", "ER-REC-DATA");
        layout.Field("EL-CH99-NO(3)").Offset.Should().Be(1 + 11 + 3 + 10 + 2 + 2 + 7 + 6 + 3 + 6 + 1 + 20);
    }

    [Fact]
    public void DecodeNumber_BadPackedSign_ErrorNamesFieldOffsetAndHex()
    {
        var f = Load("LINECALC.cpy")[0].Field("LC-DUTY-AMT");
        var rec = new byte[250];
        rec.AsSpan(f.Offset, f.Length).Fill(0x11);
        var act = () => StrictRecordDecoder.Instance.DecodeNumber(f, rec);
        act.Should().Throw<FieldDecodeException>().Which.Message.Should()
            .Be($"LC-DUTY-AMT at offset {f.Offset}: invalid sign nibble 0x1 (raw 11111111111111)");
    }

    [Fact]
    public void Encode_ThenDecode_RoundTripsSignedPackedAndZoned()
    {
        using var _ = HostileCulture.Enter();
        var ct = Load("CTLTOTS.cpy")[0].Field("CT-AMOUNT");
        var lc = Load("LINECALC.cpy")[0].Field("LC-DUTY-AMT");
        var rec = new byte[250];
        foreach (var v in new[] { 0L, 1, -1, 123456789, -9999999999999 })
        {
            StrictRecordDecoder.Encode(lc, v, rec);
            StrictRecordDecoder.Instance.DecodeNumber(lc, rec).Should().Be(v);
            StrictRecordDecoder.Encode(ct, v, rec);
            StrictRecordDecoder.Instance.DecodeNumber(ct, rec).Should().Be(v);
        }
    }

    [Fact]
    public void Parse_EmbeddedOpenitemWithReplacingTag_SameLayoutAsTheFile()
    {
        var path = Path.Combine(RepoPaths.LegacyHome, "copybooks", "OPENITEM.cpy");
        var fromText = CopybookLayout.Parse(LegacyCopybooks.Text("OPENITEM.cpy")!, "WA", "OPENITEM.cpy")[0];
        var fromFile = CopybookLayout.ParseFile(path, "WA")[0];
        fromText.Name.Should().Be("WA-RECORD");
        fromText.Fields.Should().OnlyContain(f => f.Name.StartsWith("WA-", StringComparison.Ordinal));
        fromText.Fields.Select(f => (f.Name, f.Offset, f.Length, f.Kind)).Should()
            .Equal(fromFile.Fields.Select(f => (f.Name, f.Offset, f.Length, f.Kind)));
        CopybookLayout.ParseFile(path)[0].Name.Should().Be("OI-RECORD", "the tag defaults to OI, as in CLV500");
    }
}
