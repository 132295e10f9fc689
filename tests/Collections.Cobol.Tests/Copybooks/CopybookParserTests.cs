using Collections.Cobol.Copybooks;
using Collections.Testing;

namespace Collections.Cobol.Tests.Copybooks;

public sealed class CopybookParserTests
{
    private static string Fixed(params string[] lines) =>
        string.Concat(lines.Select((l, i) => (i + 1).ToString("000000", System.Globalization.CultureInfo.InvariantCulture) + l + "\n"));

    [Fact]
    public void Parse_SequenceIndicatorAndIdentificationAreas_AreHandled()
    {
        var text = Fixed(
            "* COMMENT LINE WITH 01 BAD. SYNTAX",
            "/ PAGE EJECT",
            "D    01  DEBUG-ONLY PIC X.",
            " 01  REC.".PadRight(66) + "IGNORED8",
            "     05  A       PIC X(3).   *> floating comment 05 B.",
            "     05  B       PIC S9(3)V99".PadRight(66) + "ZZZZZZZZ",
            "                 COMP-3.");
        var cb = CopybookParser.Parse(text, "t.cpy");
        cb.Roots.Should().ContainSingle();
        var rec = cb.Roots[0];
        rec.Name.Should().Be("REC");
        rec.Children.Select(c => c.Name).Should().Equal("A", "B");
        rec.Children[1].Usage.Should().Be(CopybookUsage.PackedDecimal);
    }

    [Fact]
    public void Parse_ContinuedLiteral_JoinsToColumn72()
    {
        // Column 72 is the 66th character after the sequence area; the literal runs to it, the rest is ignored.
        var head = "     05  A PIC X(70) VALUE '";
        var body = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var first = (head + body)[..66];
        var text = Fixed(
            " 01  REC.",
            first + "IGNORED8",
            "-        'MNOP'.",
            "     05  B PIC X.");
        var cb = CopybookParser.Parse(text, "t.cpy");
        var a = cb.Roots[0].Children[0];
        a.Value.Should().Be("'" + first[head.Length..] + "MNOP'");
    }

    [Fact]
    public void Parse_ContinuedLiteralWithTrailingBlanks_KeepsTheBlanksUpToColumn72()
    {
        // The literal's first line ends at column 65; columns 66-72 are blanks that belong to the literal.
        var first = "     05  A PIC X(60) VALUE 'ABCDEFGHIJKLMNOPQRSTUVWXYZ01234567";
        first.Length.Should().BeLessThan(66);
        var text = Fixed(" 01  REC.", first, "-        'XY'.");
        var a = CopybookParser.Parse(text, "t.cpy").Roots[0].Children[0];
        var pad = new string(' ', 66 - first.Length);
        a.Value.Should().Be("'ABCDEFGHIJKLMNOPQRSTUVWXYZ01234567" + pad + "XY'");
    }

    [Fact]
    public void Parse_AllClauses_AreRecorded()
    {
        var text = Fixed(
            " 01  REC.",
            "     05  CNT          PIC S9(4) USAGE IS COMPUTATIONAL-5 SYNC.",
            "     05  AMT          PIC S9(7)V99 SIGN IS LEADING SEPARATE",
            "                      CHARACTER VALUE -12.5.",
            "         88  AMT-ZERO VALUE ZERO.",
            "     05  CODE-X       PIC X(2) JUSTIFIED RIGHT VALUE SPACES.",
            "         88  CODE-OK  VALUES ARE 'AA' 'BB' THRU 'BZ', 'CC'.",
            "     05  ED           PIC ZZ9.99 BLANK WHEN ZERO.",
            "     05  TBL          OCCURS 1 TO 10 TIMES DEPENDING ON CNT",
            "                      ASCENDING KEY IS K1 INDEXED BY IX1 IX2.",
            "         10  K1       PIC X.",
            "         10  FILLER   PIC X.",
            "         10           PIC X.",
            " 66  ALIAS RENAMES CNT THROUGH AMT.",
            " 77  STANDALONE PIC 9 COMP VALUE 1.");
        var cb = CopybookParser.Parse(text, "t.cpy");
        cb.Roots.Select(r => r.Name).Should().Equal("REC", "STANDALONE");
        var rec = cb.Roots[0];
        var cnt = rec.Children[0];
        cnt.Usage.Should().Be(CopybookUsage.NativeBinary);
        cnt.Synchronized.Should().BeTrue();
        var amt = rec.Children[1];
        amt.Sign.Should().Be(CopybookSign.LeadingSeparate);
        amt.Value.Should().Be("-12.5");
        amt.Conditions.Should().ContainSingle(c => c.Name == "AMT-ZERO");
        var code = rec.Children[2];
        code.Justified.Should().BeTrue();
        code.Conditions[0].Values.Should().Equal(new ConditionValue("'AA'", null), new ConditionValue("'BB'", "'BZ'"), new ConditionValue("'CC'", null));
        rec.Children[3].BlankWhenZero.Should().BeTrue();
        rec.Children[3].Picture!.Category.Should().Be(PictureCategory.NumericEdited);
        var tbl = rec.Children[4];
        tbl.Occurs.Should().NotBeNull();
        tbl.Occurs!.Min.Should().Be(1);
        tbl.Occurs.Max.Should().Be(10);
        tbl.Occurs.DependingOn.Should().Be("CNT");
        tbl.Occurs.Keys.Should().Equal("K1");
        tbl.Occurs.IndexNames.Should().Equal("IX1", "IX2");
        tbl.Children.Select(c => c.IsFiller).Should().Equal(false, true, true);
        var alias = rec.Children[5];
        alias.Level.Should().Be(66);
        alias.RenamesFrom.Should().Be("CNT");
        alias.RenamesThrough.Should().Be("AMT");
    }

    [Fact]
    public void Parse_GroupUsageAndSign_AreInherited()
    {
        var text = Fixed(
            " 01  REC.",
            "     05  G COMP-3.",
            "         10  P1 PIC S9(5).",
            "     05  H SIGN TRAILING SEPARATE.",
            "         10  Z1 PIC S9(3).",
            "         10  Z2 PIC 9(3).");
        var rec = CopybookParser.Parse(text, "t.cpy").Roots[0];
        rec.Children[0].Children[0].Usage.Should().Be(CopybookUsage.PackedDecimal);
        rec.Children[1].Children[0].Sign.Should().Be(CopybookSign.TrailingSeparate);
        rec.Children[1].Children[1].Sign.Should().Be(CopybookSign.None);
    }

    [Fact]
    public void Parse_CopyReplacingPseudoTextWordAndLiteral_ExpandsMember()
    {
        using var dir = new TempDir("copybook-copy");
        File.WriteAllText(dir.Combine("MEMBER.CPY"), Fixed(
            "     05  :PF:-A    PIC X(3) VALUE 'OLD'.",
            "     05  :PF:-B    PIC 9(LEN).",
            "     05  OLDNAME   PIC X."));
        Directory.CreateDirectory(dir.Combine("LIB"));
        File.WriteAllText(dir.Combine("LIB", "OTHER.cbl"), Fixed("     05  LIBITEM PIC X(2)."));
        var main = Fixed(
            " 01  REC.",
            "     COPY MEMBER REPLACING ==:PF:== BY ==NEW==",
            "                           ==9(LEN)== BY ==9(4)==",
            "                           'OLD' BY 'NEW'",
            "                           OLDNAME BY RENAMED.",
            "     COPY OTHER OF LIB.");
        var path = dir.Combine("MAIN.cpy");
        File.WriteAllText(path, main);
        var options = new CopybookParserOptions();
        options.IncludeDirectories.Add(dir.Path);
        var rec = CopybookParser.ParseFile(path, options).Roots[0];
        rec.Children.Select(c => c.Name).Should().Equal("NEW-A", "NEW-B", "RENAMED", "LIBITEM");
        rec.Children[0].Value.Should().Be("'NEW'");
        rec.Children[1].Picture!.Digits.Should().Be(4);
        rec.Children[0].FileName.Should().EndWith("MEMBER.CPY");
        rec.Children[0].LineNumber.Should().Be(1);
    }

    [Fact]
    public void Parse_OpenItemThroughWrapperCopybook_ReplacesTheTag()
    {
        using var dir = new TempDir("copybook-openitem");
        var wrapper = dir.Combine("WRAP.cpy");
        File.WriteAllText(wrapper, "           COPY OPENITEM REPLACING ==:OI:== BY ==WA==.\n");
        var options = new CopybookParserOptions();
        options.IncludeDirectories.Add(Path.Combine(RepoPaths.LegacyHome, "copybooks"));
        var cb = CopybookParser.ParseFile(wrapper, options);
        cb.Roots[0].Name.Should().Be("WA-RECORD");
        cb.Roots[0].Children[0].Name.Should().Be("WA-KEY");
        var layout = CopybookLayout.Compute(cb);
        layout.Find("WA-BALANCE")!.Offset.Should().Be(122);
        layout.Records[0].Length.Should().Be(150);
    }

    [Fact]
    public void Parse_FloatUsages_ElementaryItemsWithoutPicture()
    {
        var text = Fixed(
            " 01  REC.",
            "     05  F1           COMP-1.",
            "     05  F2           USAGE IS COMPUTATIONAL-2.",
            "     05  G            COMP-1.",
            "         10  G1.",
            "         10  G2.",
            "     05  F3           FLOAT-LONG OCCURS 2.",
            "     05  F4           FLOAT-SHORT.");
        var layout = CopybookLayout.Compute(CopybookParser.Parse(text, "f.cpy"));
        var f = layout.Fields.ToDictionary(x => x.DisplayName);
        f["F1"].Usage.Should().Be(CopybookUsage.FloatShort);
        f["F1"].IsFloat.Should().BeTrue();
        f["F1"].IsGroup.Should().BeFalse();
        f["F1"].Length.Should().Be(4);
        f["F1"].UsageText.Should().Be("COMP-1");
        f["F2"].Usage.Should().Be(CopybookUsage.FloatLong);
        f["F2"].Offset.Should().Be(4);
        f["F2"].Length.Should().Be(8);
        f["F2"].UsageText.Should().Be("COMP-2");
        f["G"].IsGroup.Should().BeTrue();
        f["G"].IsFloat.Should().BeFalse();
        f["G1"].Usage.Should().Be(CopybookUsage.FloatShort, "inherited from the group");
        f["G"].Length.Should().Be(8);
        f["F3"].StorageLength.Should().Be(16);
        f["F4"].Offset.Should().Be(36);
        f["F4"].Picture.Should().BeNull();
        layout.Records[0].Length.Should().Be(40);
    }

    public static TheoryData<string, string, int, string> Errors() => new()
    {
        { "bad-level", Fixed(" 01  REC.", "     55  A PIC X."), 2, "level number 55" },
        { "unknown-clause", Fixed(" 01  REC.", "     05  A PIC X FROBNICATE."), 2, "FROBNICATE" },
        { "comp-1-pic", Fixed(" 01  REC.", "     05  A PIC 9(4) COMP-1."), 2, "has no PICTURE" },
        { "comp-2-sign", Fixed(" 01  REC.", "     05  A COMP-2 SIGN LEADING."), 2, "SIGN" },
        { "comp-6", Fixed(" 01  REC.", "     05  A PIC 9(4) COMP-6."), 2, "COMP-6" },
        { "no-pic", Fixed(" 01  REC.", "     05  A.", "     05  B PIC X."), 2, "no PICTURE" },
        { "bad-pic", Fixed(" 01  REC.", "     05  A PIC 9(3)Q."), 2, "PICTURE" },
        { "no-period", Fixed(" 01  REC.", "     05  A PIC X"), 2, "period" },
        { "redefines-missing", Fixed(" 01  REC.", "     05  A PIC X.", "     05  B REDEFINES Z PIC X."), 3, "REDEFINES" },
        { "odo-missing", Fixed(" 01  REC.", "     05  T OCCURS 1 TO 5 DEPENDING ON NOPE.", "         10  E PIC X."), 2, "NOPE" },
        { "copy-missing", Fixed(" 01  REC.", "     COPY NOSUCHMEMBER."), 2, "NOSUCHMEMBER" },
        { "bad-indicator", Fixed(" 01  REC.", "X    05  A PIC X."), 2, "indicator" },
        { "unclosed-literal", Fixed(" 01  REC.", "     05  A PIC X VALUE 'ABC", "     05  B PIC X."), 2, "literal" },
        { "comp3-on-x", Fixed(" 01  REC.", "     05  A PIC X(3) COMP-3."), 2, "numeric PICTURE" },
        { "pic-on-group", Fixed(" 01  REC.", "     05  G PIC X.", "         10  A PIC X."), 3, "PICTURE" },
        { "not-a-copybook", Fixed(" PROCEDURE DIVISION."), 1, "level number expected" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Parse_UnsupportedOrInvalidSyntax_ThrowsNamingFileAndLine(string name, string text, int line, string fragment)
    {
        using var _ = HostileCulture.Enter();
        var act = () => CopybookLayout.Compute(CopybookParser.Parse(text, name + ".cpy"));
        var e = act.Should().Throw<CopybookException>().Which;
        e.FileName.Should().Be(name + ".cpy");
        e.LineNumber.Should().Be(line);
        e.Message.Should().Contain(fragment).And.StartWith($"{name}.cpy:{line}:");
    }
}
