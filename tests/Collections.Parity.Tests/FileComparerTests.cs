using System.Text;
using Collections.Parity.Compare;
using Collections.Parity.Config;
using Collections.Parity.Decoding;
using Collections.Parity.Io;
using Collections.Parity.Layouts;
using Collections.Parity.Model;
using Collections.Testing;

namespace Collections.Parity.Tests;

/// <summary>Synthetic files: masking of wall-clock stamps, order, duplicate keys, value classification.</summary>
public class FileComparerTests
{
    // A layout with a wall-clock stamp (the legacy has none; other legacies do).
    private const string Copybook = """
      000100 01  AUDIT-RECORD.
      000200     05  AU-KEY                      PIC X(06).
      000300     05  AU-STAMP                    PIC 9(14).
      000400     05  AU-AMOUNT                   PIC S9(07)V99.
      000500     05  AU-RATE                     PIC 9(01)V9(05).
      000600     05  AU-NOTE                     PIC X(05).
      """;

    private static CompiledFile Spec(TempDir dir, bool masked)
    {
        File.WriteAllText(dir.Combine("AUDIT.cpy"), Copybook.Replace("      0", "0", StringComparison.Ordinal));
        return new CompiledFile(new FileSpec
        {
            Name = "AUDIT", Copybook = "AUDIT.cpy", Format = RecordFormat.Line, Lrecl = 40,
            Records = [new RecordTypeSpec { Key = ["AU-KEY"], Masked = masked ? ["AU-STAMP"] : [], Money = ["AU-AMOUNT"], Precise = new() { ["AU-AMOUNT"] = "AU-RATE" } }],
        }, new CopybookSource([dir.Path]));
    }

    private static string Rec(string key, string stamp, string amount, string rate = "000000", string note = "") =>
        key.PadRight(6) + stamp + amount + rate + note;

    private static FileResult Compare(TempDir dir, bool masked, string[] legacy, string[] modern, out List<Difference> diffs)
    {
        File.WriteAllText(dir.Combine("L"), string.Join("\n", legacy) + "\n");
        File.WriteAllText(dir.Combine("M"), string.Join("\n", modern) + "\n");
        diffs = [];
        var r = new FileComparer(Spec(dir, masked)).Compare(dir.Combine("L"), dir.Combine("M"), diffs);
        Classifier.Classify(diffs, new ParityConfig(), new Dictionary<string, CompiledFile>(), null, null);
        return r;
    }

    [Fact]
    public void Compare_OnlyMaskedStampDiffers_EquivalentWithNoDifference()
    {
        using var _ = HostileCulture.Enter();
        using var dir = new TempDir();
        var r = Compare(dir, masked: true,
            [Rec("A00001", "20260302101500", "00001234{"), Rec("A00002", "20260302101501", "00000010}")],
            [Rec("A00001", "20261128020000", "00001234{"), Rec("A00002", "20261128020001", "00000010}")], out var diffs);
        r.Status.Should().Be(FileStatus.Equivalent);
        r.MaskedFieldDifferences.Should().Be(2);
        r.Equal.Should().Be(2);
        diffs.Should().BeEmpty();
    }

    [Fact]
    public void Compare_StampNotMasked_ReportedAsTextDifference()
    {
        using var dir = new TempDir();
        var r = Compare(dir, masked: false, [Rec("A00001", "20260302101500", "00001234{")], [Rec("A00001", "20261128020000", "00001234{")], out var diffs);
        r.Status.Should().Be(FileStatus.Different);
        diffs.Should().ContainSingle().Which.Field.Should().Be("AU-STAMP");
    }

    [Fact]
    public void Compare_MaskedStampAndAmountDiffer_AmountReportedWithBothValuesHexAndKey()
    {
        using var _ = HostileCulture.Enter();
        using var dir = new TempDir();
        var r = Compare(dir, masked: true, [Rec("A00001", "20260302101500", "00001234{")], [Rec("A00001", "20261128020000", "00001235D")], out var diffs);
        r.Status.Should().Be(FileStatus.Different);
        var d = diffs.Single();
        d.Key.Should().Be("A00001");
        d.Field.Should().Be("AU-AMOUNT");
        d.Legacy.Should().Be("123.40");
        d.Modern.Should().Be("123.54");
        d.LegacyHex.Should().Be(Convert.ToHexString(Encoding.ASCII.GetBytes("00001234{")));
        d.Cents.Should().Be(14);
    }

    [Fact]
    public void Compare_SameRecordsReversed_ReorderedAndReported()
    {
        using var dir = new TempDir();
        string[] recs = [Rec("A00001", "20260302101500", "00001234{"), Rec("A00002", "20260302101500", "00000001A")];
        var r = Compare(dir, masked: false, recs, [recs[1], recs[0]], out var diffs);
        r.Status.Should().Be(FileStatus.Reordered);
        r.ByteVerdict.Should().Be("same records in another order");
        diffs.Should().ContainSingle().Which.Class.Should().Be(DiffClass.RecordOrder);
    }

    [Fact]
    public void Compare_DuplicateKeys_PairedByOccurrence()
    {
        using var dir = new TempDir();
        var r = Compare(dir, masked: false,
            [Rec("DUP", "20260302101500", "00000001A"), Rec("DUP", "20260302101500", "00000002B"), Rec("DUP", "20260302101500", "00000003C")],
            [Rec("DUP", "20260302101500", "00000001A"), Rec("DUP", "20260302101500", "00000002C")], out var diffs);
        r.Equal.Should().Be(1);
        r.Modified.Should().Be(1);
        r.OnlyLegacy.Should().Be(1);
        diffs.Should().Contain(d => d.Field == "AU-AMOUNT" && d.Legacy == "0.22" && d.Modern == "0.23");
        diffs.Should().Contain(d => d.Class == DiffClass.MissingRecord && d.Cents == -33);
    }

    [Fact]
    public void Compare_InvalidSignOnModernSide_InvalidDataNotZero()
    {
        using var dir = new TempDir();
        Compare(dir, masked: false, [Rec("A00001", "20260302101500", "00001234{")], [Rec("A00001", "20260302101500", "00001234X")], out var diffs);
        var d = diffs.Single();
        d.Class.Should().Be(DiffClass.InvalidData);
        d.Modern.Should().Contain("invalid sign over-punch byte 0x58 at position 8");
    }

    [Fact]
    public void Classify_TruncationVsRounding_UsesThePreciseField()
    {
        using var dir = new TempDir();
        // rate 0.00567 → half-up 0.01, truncated 0.00 (AU-AMOUNT scale 2, AU-RATE scale 5)
        Compare(dir, masked: false, [Rec("A1", "20260302101500", "00000000A", "000567")], [Rec("A1", "20260302101500", "00000000{", "000567")], out var diffs);
        diffs.Single().Class.Should().Be(DiffClass.Truncation);
        diffs.Single().Explanation.Should().Be("legacy rounds 0.00567 (half-up/half-even/away from zero), modern truncates");
    }

    private static Difference Value(long legacy, long modern, long precise, int preciseScale = 5)
    {
        var d = new Difference { Numeric = true, LegacyUnscaled = legacy, ModernUnscaled = modern, Scale = 2, Digits = 9, PreciseLegacy = precise, PreciseScale = preciseScale };
        Classifier.ClassifyValue(d);
        return d;
    }

    [Theory]
    [InlineData(1, 0, 567, "Truncation")]       // 0.00567: half-up 0.01, truncated 0.00 → modern truncates
    [InlineData(0, 1, 567, "Truncation")]       // the other way round
    [InlineData(-1, 0, -567, "Truncation")]     // negative amounts round away from zero
    [InlineData(17, 16, 16500, "RoundingMode")] // 0.165 exact half: half-up 0.17 vs half-even 0.16
    [InlineData(16, 17, 16500, "RoundingMode")]
    [InlineData(15, 14, 14500, "RoundingMode")] // 0.145 exact half: half-up 0.15 vs half-even 0.14
    [InlineData(17, 16, 16100, "RoundingMode")] // 0.161: away from zero 0.17 vs nearest 0.16
    [InlineData(17, 15, 16100, "Unexplained")]  // two cents apart: not a rounding
    [InlineData(20, 10, 16100, "Unexplained")]
    public void ClassifyValue_AgainstPreciseSource_ClassifiedByRoundingRule(long legacy, long modern, long precise, string expected)
    {
        var d = Value(legacy, modern, precise);
        d.Class.ToString().Should().Be(expected, d.Explanation);
    }

    [Fact]
    public void ClassifyValue_ExactHalf_ExplanationNamesTheModes()
    {
        Value(17, 16, 16500).Explanation.Should().Be("0.16500 is an exact half: legacy rounds half-up, modern half-even (or truncates)");
        Value(1, 0, 567).Explanation.Should().Be("legacy rounds 0.00567 (half-up/half-even/away from zero), modern truncates");
    }

    [Fact]
    public void ClassifyValue_DifferByPicCapacity_HighOrderTruncation()
    {
        var d = new Difference { Numeric = true, LegacyUnscaled = 23456, ModernUnscaled = 123456, Scale = 2, Digits = 5 };
        Classifier.ClassifyValue(d);
        d.Class.Should().Be(DiffClass.HighOrderTruncation);
        d.Explanation.Should().Contain("legacy side lost high-order digits");
    }
}
