using Collections.Cobol.Copybooks;
using Collections.Cobol.Decoding;
using Collections.Cobol.Text;

namespace Collections.Cobol.Tests.Decoding;

/// <summary>
/// <c>--select FIELD=VALUE:GROUP</c> as both decoders apply it: an alphanumeric field matches without its trailing
/// spaces and trailing low-values (extracts pad segment ids either way), never without its leading ones; VALUE may be
/// a hexadecimal literal (X'C3'), compared as bytes; a numeric field with a hexadecimal literal compares all its bytes.
/// </summary>
public sealed class RecordSelectionTests
{
    private const string Copybook = """
       01  SEG-REC.
           05  SEG-ID          PIC X(3).
           05  SEG-KIND        PIC X.
           05  SEG-PK          PIC S9(3) COMP-3.
           05  SEG-BODY        PIC X(6).
           05  SEG-A REDEFINES SEG-BODY.
               10  A-TEXT      PIC X(6).
           05  SEG-B REDEFINES SEG-BODY.
               10  B-NUM       PIC 9(6).
           05  SEG-C REDEFINES SEG-BODY.
               10  C-CODE      PIC X(2).
               10  FILLER      PIC X(4).
""";

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        // encoding, selection, the bytes of SEG-ID in hex, the view the record is read through
        { "ascii", "SEG-ID=A:SEG-A", "412020", "SEG-A" },
        { "ascii", "SEG-ID=A:SEG-A", "410000", "SEG-A" },
        { "ascii", "SEG-ID=A:SEG-A", "412000", "SEG-A" },
        { "ascii", "SEG-ID=A:SEG-A", "410020", "SEG-A" },
        { "ascii", "SEG-ID=A:SEG-A", "204120", "SEG-BODY" },
        { "ascii", "SEG-ID=A:SEG-A", "004100", "SEG-BODY" },
        { "ascii", "SEG-ID=A:SEG-A", "414100", "SEG-BODY" },
        { "ascii", "SEG-ID=A :SEG-A", "410000", "SEG-A" },
        { "ascii", "SEG-ID=AB:SEG-A", "414200", "SEG-A" },
        { "ascii", "SEG-ID=AB:SEG-A", "410042", "SEG-BODY" },
        { "ascii", "SEG-ID=ABCD:SEG-A", "414243", "SEG-BODY" },
        { "ascii", "SEG-ID=:SEG-A", "000000", "SEG-A" },
        { "ascii", "SEG-ID=:SEG-A", "202020", "SEG-A" },
        { "ascii", "SEG-ID=:SEG-A", "200041", "SEG-BODY" },
        { "ascii", "SEG-ID=X'41':SEG-A", "410000", "SEG-A" },
        { "ascii", "SEG-ID=x\"4100\":SEG-A", "412020", "SEG-A" },
        { "ascii", "SEG-ID=X'00':SEG-A", "000020", "SEG-A" },
        { "ascii", "SEG-ID=X'0041':SEG-A", "004100", "SEG-A" },
        { "ascii", "SEG-ID=X'0041':SEG-A", "410000", "SEG-BODY" },
        { "cp037", "SEG-ID=A:SEG-A", "C14040", "SEG-A" },
        { "cp037", "SEG-ID=A:SEG-A", "C10000", "SEG-A" },
        { "cp037", "SEG-ID=A:SEG-A", "C12020", "SEG-BODY" },
        { "cp037", "SEG-ID=A:SEG-A", "410000", "SEG-BODY" },
        { "cp037", "SEG-ID=X'C1':SEG-A", "C10040", "SEG-A" },
        { "cp037", "SEG-ID=X'C1C2':SEG-A", "C1C240", "SEG-A" },
        { "cp037", "SEG-ID=€:SEG-A", "9F0000", "SEG-BODY" },
        { "cp1140", "SEG-ID=€:SEG-A", "9F0000", "SEG-A" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_TextSelector_TrailingSpacesAndLowValuesIgnored(string encoding, string selection, string idHex, string view)
    {
        var record = Record(encoding, Convert.FromHexString(idHex), kind: 0, packed: [0x00, 0x1C]);
        View(encoding, [selection, "SEG-ID=ZZZ:SEG-B"], record).Should().Equal([view], $"{selection} on {idHex}");
    }

    [Theory]
    [InlineData("C", "C3", "SEG-C")]
    [InlineData("C", "40", "SEG-BODY")]
    [InlineData("", "40", "SEG-C")]
    [InlineData("", "00", "SEG-C")]
    [InlineData("", "C3", "SEG-BODY")]
    [InlineData("X'C3'", "C3", "SEG-C")]
    [InlineData("X'00'", "40", "SEG-C")]
    public void Decode_OneByteSelector_BlankAndLowValueAreTheEmptyValue(string value, string kindHex, string view)
    {
        // every selection on the same one-byte field: the decoder's table dispatch
        var record = Record("cp037", [0xC1, 0x40, 0x40], Convert.FromHexString(kindHex)[0], packed: [0x00, 0x1C]);
        View("cp037", [$"SEG-KIND={value}:SEG-C", "SEG-KIND=A:SEG-A", "SEG-KIND=B:SEG-B"], record).Should().Equal([view]);
    }

    [Theory]
    [InlineData("SEG-PK=X'001C':SEG-B", "001C", "SEG-B")]
    [InlineData("SEG-PK=X'001C':SEG-B", "001F", "SEG-BODY")]
    [InlineData("SEG-PK=1:SEG-B", "001F", "SEG-B")]
    [InlineData("SEG-PK=1:SEG-B", "001C", "SEG-B")]
    public void Decode_NumericSelector_HexLiteralComparesEveryByte(string selection, string packedHex, string view)
    {
        var record = Record("cp037", [0xC1, 0x40, 0x40], 0xC1, Convert.FromHexString(packedHex));
        View("cp037", [selection], record).Should().Equal([view]);
    }

    [Fact]
    public void Decode_HexLiteralMatchingLowValuesInAPackedField_SelectsAndStillReportsTheField()
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(Copybook, "seg.cpy"));
        var options = new RecordDecoderOptions { Encoding = DataEncoding.Cp037 };
        options.Selections.Add(RecordSelection.Parse("SEG-PK=X'0000':SEG-B"));
        var record = Record("cp037", [0xC1, 0x40, 0x40], 0xC1, [0x00, 0x00]);
        var tree = RecordDecoder.Create(layout, options).Decode(record);
        ((DecodedGroup)tree.Root["SEG-REC"]!).Members.Select(m => m.Key).Should().Contain("SEG-B");
        tree.Errors.Should().ContainSingle().Which.Should().Be(new FieldError("SEG-PK", 4, "0000", "invalid sign nibble 0x0"));
    }

    [Theory]
    [InlineData("SEG-ID=X'C':SEG-A", "X'C' is not a hexadecimal literal")]
    [InlineData("SEG-ID=X'GG':SEG-A", "X'GG' is not a hexadecimal literal")]
    [InlineData("SEG-ID=X\"C1':SEG-A", null)]
    public void Parse_HexLiteral_Validated(string text, string? error)
    {
        var act = () => RecordSelection.Parse(text);
        if (error is null)
        {
            // mismatched quotes: not a literal, an ordinary text value
            act().IsHexLiteral.Should().BeFalse();
            return;
        }
        act.Should().Throw<FormatException>().WithMessage($"*{error}*");
    }

    [Fact]
    public void Create_NumericHexLiteralOfAnotherLength_Refused()
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(Copybook, "seg.cpy"));
        var options = new RecordDecoderOptions { Encoding = DataEncoding.Cp037 };
        options.Selections.Add(RecordSelection.Parse("SEG-PK=X'1C':SEG-B"));
        var act = () => RecordDecoder.Create(layout, options);
        act.Should().Throw<ArgumentException>().WithMessage("*numeric field of 2 bytes; the literal has 1*");
        var compiled = () => CompiledRecordDecoder.Create(layout, options);
        compiled.Should().Throw<ArgumentException>();
    }

    private static byte[] Record(string encoding, byte[] id, byte kind, byte[] packed)
    {
        var page = CodePage.FromName(encoding == "ascii" ? "latin1" : encoding);
        var r = new byte[3 + 1 + 2 + 6];
        id.CopyTo(r, 0);
        r[3] = kind;
        packed.CopyTo(r, 4);
        page.Encode("123456", r.AsSpan(6, 6));
        return r;
    }

    /// <summary>The REDEFINES view each decoder shows for the record (they must agree).</summary>
    private static string[] View(string encoding, string[] selections, byte[] record)
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(Copybook, "seg.cpy"));
        var options = new RecordDecoderOptions { Encoding = RecordDecoderOptions.ParseEncoding(encoding) };
        foreach (var s in selections) options.Selections.Add(RecordSelection.Parse(s));
        var tree = RecordDecoder.Create(layout, options).Decode(record);
        tree.Errors.Should().BeEmpty();
        var views = ((DecodedGroup)tree.Root["SEG-REC"]!).Members.Select(m => m.Key)
            .Where(k => k is "SEG-BODY" or "SEG-A" or "SEG-B" or "SEG-C").ToArray();

        var compiled = CompiledRecordDecoder.Create(layout, options);
        var values = compiled.CreateValues();
        compiled.TryDecode(record, values).Should().BeTrue();
        var present = new List<string>();
        if (values.IsPresent(compiled.IndexOf("SEG-BODY"))) present.Add("SEG-BODY");
        if (values.IsPresent(compiled.IndexOf("A-TEXT"))) present.Add("SEG-A");
        if (values.IsPresent(compiled.IndexOf("B-NUM"))) present.Add("SEG-B");
        if (values.IsPresent(compiled.IndexOf("C-CODE"))) present.Add("SEG-C");
        present.Should().Equal(views, "both decoders select the same view");
        return views;
    }
}
