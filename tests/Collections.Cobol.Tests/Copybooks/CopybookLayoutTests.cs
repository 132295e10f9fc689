using Collections.Cobol.Copybooks;
using Collections.Testing;

namespace Collections.Cobol.Tests.Copybooks;

/// <summary>Focused layouts checked against cobc: SYNC, OCCURS element rounding, P scaling, SIGN SEPARATE, larger REDEFINES.</summary>
public sealed class CopybookLayoutTests
{
    /// <summary>
    /// SYNC as cobc 3.1.2 does it with the legacy's flags: a binary (COMP/BINARY/COMP-4/COMP-5) item of 2, 4 or 8
    /// bytes starts at a multiple of its size counted from the 01 (slack bytes before it); a 1-byte COMP-5, packed and
    /// DISPLAY items and groups are not moved; a group that OCCURS more than once is rounded up to its largest SYNC
    /// alignment, the pad going to its last item.
    /// </summary>
    private const string SyncCopybook = """
       01  SYNC-REC.
           05  S-A        PIC X.
           05  S-B        PIC S9(4) COMP SYNC.
           05  S-C        PIC X.
           05  S-D        PIC S9(9) BINARY SYNC.
           05  S-E        PIC X(3).
           05  S-F        PIC S9(18) COMP-4 SYNC.
           05  S-G        PIC X.
           05  S-H        PIC 99 COMP-5 SYNC.
           05  S-I        PIC S9(7) COMP-3 SYNC.
           05  S-J        PIC 9(3) SYNC.
           05  S-K        SYNC.
               10  S-K1   PIC X.
               10  S-K2   PIC S9(4) COMP.
           05  S-L        OCCURS 3 TIMES.
               10  S-L1   PIC X(3).
               10  S-L2   PIC S9(9) COMP SYNC.
               10  S-L3   PIC X.
           05  S-M        PIC X.
""";

    private const string MixedCopybook = """
       01  MIX-REC.
           05  M-A        PIC S9(5)V99 SIGN LEADING SEPARATE.
           05  M-B        PIC S9(3) SIGN TRAILING SEPARATE CHARACTER.
           05  M-C        PIC S9(3) SIGN LEADING.
           05  M-D        PIC 9(3)PPP COMP.
           05  M-E        PIC PPP9(2) COMP-3.
           05  M-F        PIC 9(4)PP.
           05  M-G        PIC S9(18) COMP-5.
           05  M-H        PIC 9 COMP.
           05  M-I        PIC 9(10) COMP-3.
           05  M-J        PIC $$$,$$9.99CR.
           05  M-K        PIC X(5) JUSTIFIED RIGHT.
           05  M-L        PIC 9(3) BLANK WHEN ZERO.
           05  M-N        PIC X(4).
           05  M-O        REDEFINES M-N.
               10  M-O1   PIC S9(4) COMP.
               10  M-O2   PIC S9(3) COMP-3.
           05  M-P        PIC X(2) OCCURS 4.
       77  M-STANDALONE   PIC S9(9) COMP.
""";

    [Theory]
    [InlineData(BinarySize.TwoFourEight)]
    [InlineData(BinarySize.OneTwoFourEight)]
    public void Compute_SyncAndOccursAlignment_EqualsCobc(BinarySize size)
    {
        using var dir = new TempDir("layout-sync");
        File.WriteAllText(dir.Combine("SYNCCPY.cpy"), SyncCopybook + MixedCopybook);
        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(dir.Combine("SYNCCPY.cpy")), new LayoutOptions { BinarySize = size });
        var cobc = CobcLayoutProbe.Run(dir, "COPY SYNCCPY.", layout, dir.Path, CobcLayoutProbe.Flags(size));
        CobcLayoutProbe.Ours(layout).Should().Equal(cobc);
        if (size == BinarySize.TwoFourEight)
        {
            // spelled out for the reader, same numbers as cobc's
            layout.Find("S-B")!.Offset.Should().Be(2);
            layout.Find("S-D")!.Offset.Should().Be(8);
            layout.Find("S-F")!.Offset.Should().Be(16);
            layout.Find("S-H")!.Length.Should().Be(1);
            layout.Find("S-L")!.Length.Should().Be(12);
        }
    }

    /// <summary>
    /// Copybooks typed with tabs (common in copybooks exported from editors): cobc expands each tab to the next stop
    /// of 8 columns before it looks at the indicator and the margins. A REDEFINES clause on a tab-indented
    /// continuation line, a tab-indented level number, a line whose tabs push text past column 72 (cut there) and a
    /// tab before an asterisk in column 9 (program text, not a comment) must lay out as cobc lays them out.
    /// </summary>
    [Fact]
    public void Compute_TabIndentedCopybook_EqualsCobc()
    {
        using var dir = new TempDir("layout-tabs");
        File.WriteAllText(dir.Combine("TABCPY.cpy"),
            "       01  TAB-REC.\n" +
            "           05  T-ID           PIC S9(4) COMP.\n" +
            "           05  T-NUM          PIC 9(5) COMP-3.\n" +
            "           05  T-STR\n" +
            "\t\t\t         REDEFINES  T-NUM PIC X(3).\n" +
            "\t   05  T-NAME  PIC X(10).\n" +
            "\t\t\t\t\t\t\t05 T-CUT PIC XX.  T-JUNK-PAST-COLUMN-72\n" +
            "  \t*> floating comment after a tab (column 9)\n" +
            "           05  T-LAST         PIC X.\n");
        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(dir.Combine("TABCPY.cpy")));
        var cobc = CobcLayoutProbe.Run(dir, "COPY TABCPY.", layout, dir.Path, Cobc.LegacyFlags);
        CobcLayoutProbe.Ours(layout).Should().Equal(cobc);
        layout.Find("T-STR")!.Offset.Should().Be(2);
        layout.Find("T-CUT")!.Length.Should().Be(2);
        layout.Records[0].Length.Should().Be(2 + 3 + 10 + 2 + 1);
    }

    [Fact]
    public void Compute_LargerRedefines_LargerItemSetsTheSizeAsCobcWithLargerRedefinesOk()
    {
        using var dir = new TempDir("layout-larger");
        File.WriteAllText(dir.Combine("LARGER.cpy"), """
       01  BIG-REC.
           05  B-A        PIC X(4).
           05  B-B        REDEFINES B-A PIC X(10).
           05  B-C        REDEFINES B-A PIC X(6).
           05  B-D        PIC X(2).
""");
        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(dir.Combine("LARGER.cpy")));
        var cobc = CobcLayoutProbe.Run(dir, "COPY LARGER.", layout, dir.Path, [.. Cobc.LegacyFlags, "-flarger-redefines-ok"]);
        CobcLayoutProbe.Ours(layout).Should().Equal(cobc);
        layout.Records[0].Length.Should().Be(12);
        layout.Find("B-D")!.Offset.Should().Be(10);
    }

    [Fact]
    public void Compute_MultipleRecordsAndRenames_HaveOffsetsFromTheirOwn01()
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(MixedCopybook, "mix.cpy"));
        layout.Records.Select(r => r.Name).Should().Equal("MIX-REC", "M-STANDALONE");
        layout.Find("M-O")!.Redefines!.Name.Should().Be("M-N");
        layout.Find("M-N")!.RedefinedBy.Select(r => r.Name).Should().Equal("M-O");
        layout.Find("M-P")!.StorageLength.Should().Be(8);
        layout.Find("M-STANDALONE")!.Length.Should().Be(4);
    }
}
