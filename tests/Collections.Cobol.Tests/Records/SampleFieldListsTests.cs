using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Records;
using Collections.Cobol.Text;
using Collections.Testing;

namespace Collections.Cobol.Tests.Records;

/// <summary>The hand-transcribed field lists of the round-trip tests agree with the copybook parser's layouts.</summary>
public sealed class SampleFieldListsTests
{
    public static TheoryData<string, string> Lists() => new()
    {
        { "ENTRYREC.cpy", nameof(SampleFieldLists.EntryHeader) },
        { "ENTRYREC.cpy", nameof(SampleFieldLists.EntryLine) },
        { "ENTRYREC.cpy", nameof(SampleFieldLists.EntryTrailer) },
        { "PAYREC.cpy", nameof(SampleFieldLists.Payment) },
        { "LINECALC.cpy", nameof(SampleFieldLists.LineCalc) },
        { "LEDGER.cpy", nameof(SampleFieldLists.Ledger) },
        { "STMTHDR.cpy", nameof(SampleFieldLists.StmtHeader) },
        { "STMTDTL.cpy", nameof(SampleFieldLists.StmtDetail) },
        { "CTLTOTS.cpy", nameof(SampleFieldLists.ControlTotal) },
        { "REJREC.cpy", nameof(SampleFieldLists.Reject) },
        { "SUSPREC.cpy", nameof(SampleFieldLists.Suspense) },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void FieldList_MatchesParserLayout(string copybook, string list)
    {
        var text = (string)typeof(SampleFieldLists).GetField(list)!.GetValue(null)!;
        var layout = CopybookLayout.Load(Path.Combine(RepoPaths.LegacyHome, "copybooks", copybook));
        var columns = RecordColumns.FromLayout(layout, CodePage.Latin1, OverpunchStyle.AsciiEbcdicLetters)
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
        var checkedFields = 0;
        foreach (var f in SampleFieldLists.Parse(text).Where(f => f.Name != "FILLER"))
        {
            columns.Should().ContainKey(f.Name, "{0} in {1}", f.Name, copybook);
            var c = columns[f.Name];
            c.Offset.Should().Be(f.Offset, f.Name);
            c.Length.Should().Be(f.Codec.Length, f.Name);
            c.Codec!.Kind.Should().Be(f.Codec.Kind, f.Name);
            c.Codec.Digits.Should().Be(f.Codec.Digits, f.Name);
            c.Codec.Scale.Should().Be(f.Codec.Scale, f.Name);
            c.Codec.Signed.Should().Be(f.Codec.Signed, f.Name);
            checkedFields++;
        }
        checkedFields.Should().BeGreaterThan(3);
    }
}
