using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;
using Collections.Domain.Receivables;
using Collections.Legacy.Records;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv300;

/// <summary>STMTHDR / STMTDTL typed records: offsets from the copybooks, byte-exact round trip of the legacy's files, strict decoding.</summary>
public class StatementRecordsTests
{
    private static LayoutField Field(string member, string name)
    {
        var options = new CopybookParserOptions();
        options.IncludeDirectories.Add(Path.Combine(RepoPaths.LegacyHome, "copybooks"));
        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(Path.Combine(RepoPaths.LegacyHome, "copybooks", member + ".cpy"), options), LayoutOptions.Legacy);
        return layout.Fields.Single(f => f.Name == name);
    }

    [Theory]
    [InlineData("SH-REF-TYPE", StatementHeaderLayout.RefType, 1)]
    [InlineData("SH-REFERENCE", StatementHeaderLayout.Reference, 16)]
    [InlineData("SH-STMT-TYPE", StatementHeaderLayout.StatementType, 1)]
    [InlineData("SH-FILER-CODE", StatementHeaderLayout.FilerCode, 3)]
    [InlineData("SH-IMPORTER-NO", StatementHeaderLayout.ImporterNo, 12)]
    [InlineData("SH-PERIOD", StatementHeaderLayout.Period, 6)]
    [InlineData("SH-STMT-DATE", StatementHeaderLayout.StatementDate, 8)]
    [InlineData("SH-DUE-DATE", StatementHeaderLayout.DueDate, 8)]
    [InlineData("SH-RUN-DATE", StatementHeaderLayout.RunDate, 8)]
    [InlineData("SH-ENTRY-COUNT", StatementHeaderLayout.EntryCount, 5)]
    [InlineData("SH-CATEGORY-TOTALS", StatementHeaderLayout.Categories, 91)]
    [InlineData("SH-TOTAL-AMT", StatementHeaderLayout.Total, 7)]
    public void HeaderLayout_Offsets_EqualCopybook(string name, int offset, int length)
    {
        var f = Field("STMTHDR", name);
        f.Offset.Should().Be(offset);
        f.Length.Should().Be(length);
    }

    [Theory]
    [InlineData("SD-REF-TYPE", StatementDetailLayout.RefType, 1)]
    [InlineData("SD-REFERENCE", StatementDetailLayout.Reference, 16)]
    [InlineData("SD-ENTRY-NO", StatementDetailLayout.EntryNo, 11)]
    [InlineData("SD-STMT-TYPE", StatementDetailLayout.StatementType, 1)]
    [InlineData("SD-ENTRY-DATE", StatementDetailLayout.EntryDate, 8)]
    [InlineData("SD-SCHED-STMT-DATE", StatementDetailLayout.ScheduledDate, 8)]
    [InlineData("SD-STMT-DATE", StatementDetailLayout.StatementDate, 8)]
    [InlineData("SD-DUE-DATE", StatementDetailLayout.DueDate, 8)]
    [InlineData("SD-DATE-ADJ-FLAG", StatementDetailLayout.DateAdjustedFlag, 1)]
    [InlineData("SD-ENTRY-TOTAL", StatementDetailLayout.EntryTotal, 7)]
    public void DetailLayout_Offsets_EqualCopybook(string name, int offset, int length)
    {
        var f = Field("STMTDTL", name);
        f.Offset.Should().Be(offset);
        f.Length.Should().Be(length);
    }

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var d in Directory.GetDirectories(RepoPaths.LegacyFixtures).OrderBy(x => x, StringComparer.Ordinal))
            if (File.Exists(Path.Combine(d, "output", "STMTOUT"))) data.Add(Path.GetFileName(d));
        return data;
    }

    private static byte[] RoundTrip<T>(string path) where T : IFixedRecord<T>
    {
        using var input = File.OpenRead(path);
        using var reader = FixedRecordReader<T>.Create(input, Path.GetFileName(path));
        using var output = new MemoryStream();
        using (var writer = FixedRecordWriter<T>.Create(output, leaveOpen: true))
            foreach (var r in reader.ReadAll()) writer.Write(r);
        return output.ToArray();
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReadWrite_LegacyStmtout_ReproducesTheBytes(string fixture)
    {
        var path = Path.Combine(RepoPaths.LegacyFixtures, fixture, "output", "STMTOUT");
        RoundTrip<StatementHeaderRecord>(path).Should().Equal(File.ReadAllBytes(path));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReadWrite_LegacyStmtdtl_ReproducesTheBytes(string fixture)
    {
        var path = Path.Combine(RepoPaths.LegacyFixtures, fixture, "output", "STMTDTL");
        RoundTrip<StatementDetailRecord>(path).Should().Equal(File.ReadAllBytes(path));
    }

    [Fact]
    public void Decode_SampleHeader_GivesTheFields()
    {
        using var _ = HostileCulture.Enter();
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-02", "output", "STMTOUT"));
        var h = StatementHeaderRecord.Decode(bytes.AsSpan(0, 200));
        h.RefType.Should().Be('E');
        h.Reference.Should().Be("31677812047     ");
        h.StatementType.Should().Be(1);
        h.FilerCode.Should().Be("316");
        h.RunDate.Should().Be(20260302);
        h.EntryCount.Should().Be(1);
        h.Categories.AsSpan().ToArray().Sum().Should().Be(h.TotalCents);
    }

    [Fact]
    public void Decode_NonDigitInDisplayField_ThrowsNamingTheField()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-02", "output", "STMTOUT"))[..200];
        bytes[StatementHeaderLayout.EntryCount + 2] = (byte)'X';
        var act = () => StatementHeaderRecord.Decode(bytes);
        act.Should().Throw<CobolDataException>().Which.FieldName.Should().Be("SH-ENTRY-COUNT");
    }

    [Fact]
    public void Decode_BadPackedSign_ThrowsNamingTheField()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-02", "output", "STMTDTL"))[..80];
        bytes[StatementDetailLayout.EntryTotal + 6] = 0x0A;
        var act = () => StatementDetailRecord.Decode(bytes);
        var e = act.Should().Throw<CobolDataException>().Which;
        e.FieldName.Should().Be("SD-ENTRY-TOTAL");
        e.Offset.Should().Be(StatementDetailLayout.EntryTotal);
    }

    [Fact]
    public void Reader_ShortLastRecord_ThrowsWithRecordNumber()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-02", "output", "STMTDTL"))[..150];
        using var reader = FixedRecordReader<StatementDetailRecord>.Create(new MemoryStream(bytes), "STMTDTL");
        reader.TryRead(out _).Should().BeTrue();
        var act = () => reader.TryRead(out _);
        var e = act.Should().Throw<CobolDataException>().Which;
        e.RecordNumber.Should().Be(2);
        e.FileName.Should().Be("STMTDTL");
    }

    [Fact]
    public void Encode_FieldsAndFiller_AreWhereTheCopybookPutsThem()
    {
        var amounts = new long[13];
        for (var i = 0; i < 13; i++) amounts[i] = (i + 1) * (i % 2 == 0 ? 101 : -7);
        var h = new StatementHeaderRecord
        {
            RefType = 'S', Reference = "B2603316", StatementType = 7, FilerCode = "316", ImporterNumber = "",
            Period = 202603, StatementDate = 20260415, DueDate = 20260421, RunDate = 20260302, EntryCount = 12345,
            Categories = CategoryAmounts.FromCents(amounts), TotalCents = -99_999_999_999_99,
        };
        var bytes = new byte[200];
        h.Encode(bytes);
        System.Text.Encoding.Latin1.GetString(bytes, 0, 68).Should().Be("SB2603316        7316            20260320260415202604212026030212345");
        bytes.AsSpan(StatementHeaderLayout.Filler).ToArray().Should().OnlyContain(b => b == (byte)' ');
        PackedDecimal.Decode(bytes.AsSpan(StatementHeaderLayout.Categories + (7 * 12), 7), 13, true).Should().Be(amounts[12]);
        PackedDecimal.Decode(bytes.AsSpan(StatementHeaderLayout.Total, 7), 13, true).Should().Be(-99_999_999_999_99);
        StatementHeaderRecord.Decode(bytes).Should().Be(h with { ImporterNumber = "            ", Reference = "B2603316        " });
    }

    [Fact]
    public void Encode_ValueWiderThanItsPicture_Throws()
    {
        var d = new StatementDetailRecord
        {
            RefType = 'E', Reference = "X", EntryNumber = "31677812047", StatementType = 1, EntryDate = 20260302,
            ScheduledStatementDate = 0, StatementDate = 20260302, DueDate = 20260316, DateAdjustedFlag = 'N',
            EntryTotalCents = 100_000_000_000_00,
        };
        var act = () => d.Encode(new byte[80]);
        act.Should().Throw<ArgumentOutOfRangeException>();
        var tooLong = () => (d with { EntryTotalCents = 0, EntryNumber = "316778120470" }).Encode(new byte[80]);
        tooLong.Should().Throw<ArgumentOutOfRangeException>();
    }
}
