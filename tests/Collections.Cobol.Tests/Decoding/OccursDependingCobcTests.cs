using System.Globalization;
using System.Text;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Decoding;
using Collections.Cobol.Records;
using Collections.Testing;

namespace Collections.Cobol.Tests.Decoding;

/// <summary>
/// <c>OCCURS n DEPENDING ON x</c> without <c>TO</c> is <c>OCCURS 1 TO n</c> (IBM Enterprise COBOL Language Reference;
/// GnuCOBOL the same). Differential against cobc: (1) cobc writes variable records whose table has 1..n entries
/// (RECORD VARYING, the size follows the count) and DISPLAYs them, our decoder reads the file; (2) cobc -debug checks
/// every count from 0 to n + 1 (EC-BOUND-ODO: "OCCURS DEPENDING ON 'X' out of bounds") and our decoder accepts exactly
/// the counts cobc accepts.
/// </summary>
public sealed class OccursDependingCobcTests
{
    private const int Max = 5;

    private static string Copybook(string occurs) =>
        "       01  ODO-REC.\n" +
        "           05  ODO-CNT          PIC 9(2).\n" +
        $"           05  ODO-ITEM {occurs} DEPENDING ON ODO-CNT.\n" +
        "               10  ODO-CODE     PIC X(2).\n" +
        "               10  ODO-AMT      PIC S9(3) COMP-3.\n";

    [Theory]
    [InlineData("OCCURS 5 TIMES", 1)]
    [InlineData("OCCURS 5", 1)]
    [InlineData("OCCURS 0 TO 5 TIMES", 0)]
    [InlineData("OCCURS 2 TO 5", 2)]
    public void Parse_OccursDependingOn_MinimumAsWritten(string occurs, int min)
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(Copybook(occurs), "ODO.cpy"));
        var item = layout.Find("ODO-ITEM")!;
        item.Occurs!.Min.Should().Be(min);
        item.Occurs.Max.Should().Be(Max);
        item.DependingOn!.Name.Should().Be("ODO-CNT");
    }

    [Fact]
    public void Parse_OccursWithoutDependingOn_StaysFixed()
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(
            "       01  R.\n           05  T OCCURS 3 TIMES PIC X.\n", "F.cpy"));
        var t = layout.Find("T")!;
        t.Occurs!.Min.Should().Be(3);
        t.Occurs.Max.Should().Be(3);
        t.Occurs.IsVariable.Should().BeFalse();
    }

    [Fact]
    public void Decode_VariableRecordsWrittenByCobc_CountsBelowMaximumDecode()
    {
        using var culture = HostileCulture.Enter();
        using var dir = new TempDir("odo-cobc");
        File.WriteAllText(dir.Combine("ODOREC.cpy"), Copybook("OCCURS 5 TIMES"));
        string[] body =
        [
            "    PERFORM VARYING K FROM 1 BY 1 UNTIL K > 5",
            "        MOVE K TO ODO-CNT",
            "        DISPLAY 'R|'",
            "        PERFORM VARYING J FROM 1 BY 1 UNTIL J > K",
            "            MOVE J TO ODO-CODE(J)",
            "            COMPUTE ODO-AMT(J) = K * 100 - J * 37",
            "            DISPLAY 'F|' J '|' ODO-CODE(J) '|' ODO-AMT(J)",
            "        END-PERFORM",
            "        WRITE ODO-REC",
            "    END-PERFORM",
        ];
        var (data, run) = CobcWriterProgram.WriteAndRun(dir, "ODOW", "ODOREC", body, fd: "FD  OUTFILE RECORD VARYING IN SIZE FROM 2 TO 22.",
            workingStorage: ["01  K PIC 9.", "01  J PIC 9."], dataName: "ODO.DAT");
        var shown = new List<List<(string Code, string Amount)>>();
        foreach (var line in run.StdOut.Split('\n'))
        {
            if (line == "R|") shown.Add([]);
            else if (line.StartsWith("F|", StringComparison.Ordinal))
            {
                var parts = line.Split('|');
                shown[^1].Add((parts[2], CobcRecordDump.Canonical(parts[3])));
            }
        }
        shown.Should().HaveCount(Max);

        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(dir.Combine("ODOREC.cpy")));
        var decoder = RecordDecoder.Create(layout, new RecordDecoderOptions());
        var compiled = CompiledRecordDecoder.Create(layout, new RecordDecoderOptions());
        var values = compiled.CreateValues();
        using var reader = RecordReader.Create(File.OpenRead(data), RecordFormat.GnuCobolVariable, fileName: data);
        var n = 0;
        while (reader.TryRead(out var record))
        {
            var expected = shown[n++];
            record.Length.Should().Be(2 + 4 * n, "cobc sizes the record by the count");
            var decoded = decoder.Decode(record.Span);
            decoded.Errors.Should().BeEmpty($"record {n}");
            var table = (DecodedArray)((DecodedGroup)decoded.Root["ODO-REC"]!)["ODO-ITEM"]!;
            table.Items.Should().HaveCount(n);
            for (var j = 0; j < n; j++)
            {
                var item = (DecodedGroup)table.Items[j];
                ((DecodedValue)item["ODO-CODE"]!).Text.Should().Be(expected[j].Code);
                CobcRecordDump.Canonical(((DecodedValue)item["ODO-AMT"]!).Text!).Should().Be(expected[j].Amount);
            }
            compiled.TryDecode(record.Span, values).Should().BeTrue($"record {n}");
            for (var j = 1; j <= Max; j++)
            {
                values.IsPresent(compiled.IndexOf(string.Create(CultureInfo.InvariantCulture, $"ODO-AMT({j})"))).Should().Be(j <= n);
            }
        }
        n.Should().Be(Max);
    }

    [Theory]
    [InlineData("OCCURS 5 TIMES")]
    [InlineData("OCCURS 0 TO 5 TIMES")]
    [InlineData("OCCURS 2 TO 5 TIMES")]
    public void Decode_CountOutsideTheBounds_RejectedExactlyWhereCobcDebugRejects(string occurs)
    {
        using var culture = HostileCulture.Enter();
        using var dir = new TempDir("odo-bounds");
        File.WriteAllText(dir.Combine("ODOREC.cpy"), Copybook(occurs));
        var src = new StringBuilder();
        void L(string s) => src.Append("       ").Append(s).Append('\n');
        L("IDENTIFICATION DIVISION.");
        L("PROGRAM-ID. ODOB.");
        L("DATA DIVISION.");
        L("WORKING-STORAGE SECTION.");
        L("COPY ODOREC.");
        L("01  ARG PIC X(2).");
        L("PROCEDURE DIVISION.");
        L("    ACCEPT ARG FROM COMMAND-LINE");
        L("    MOVE ARG TO ODO-CNT");
        L("    MOVE SPACES TO ODO-ITEM(1)");
        L("    DISPLAY 'OK'");
        L("    GOBACK.");
        var path = dir.Combine("ODOB.cbl");
        File.WriteAllText(path, src.ToString(), Encoding.ASCII);
        var exe = Cobc.Compile(path, [.. Cobc.LegacyFlags, "-debug"], dir.Path);

        var layout = CopybookLayout.Compute(CopybookParser.ParseFile(dir.Combine("ODOREC.cpy")));
        var decoder = RecordDecoder.Create(layout, new RecordDecoderOptions());
        for (var count = 0; count <= Max + 1; count++)
        {
            var arg = count.ToString("00", CultureInfo.InvariantCulture);
            var run = Cobc.Run(exe, [arg], dir.Path, null);
            // a reference to the table itself runs cobc's ODO check (EC-BOUND-ODO: count within min..max); with a
            // count of 0 in OCCURS 0 TO n the subscript 1 then fails too, which is not about the count
            var cobcAccepts = !run.StdErr.Contains("OCCURS DEPENDING ON 'ODO-CNT' out of bounds", StringComparison.Ordinal);
            if (cobcAccepts && run.ExitCode != 0) run.StdErr.Should().Contain("subscript of 'ODO-ITEM' out of bounds", $"count {count}");

            var record = new byte[2 + 4 * Max];
            Encoding.ASCII.GetBytes(arg).CopyTo(record, 0);
            for (var j = 0; j < Max; j++)
            {
                record[2 + 4 * j] = (byte)'A';
                record[3 + 4 * j] = (byte)'B';
                record[4 + 4 * j] = 0x00;
                record[5 + 4 * j] = 0x1C;
            }
            var decoded = decoder.Decode(record);
            var weAccept = decoded.Errors.Count == 0;
            weAccept.Should().Be(cobcAccepts, $"count {count} with {occurs}: cobc {(cobcAccepts ? "accepts" : "rejects")} it ({run.StdErr.Trim()})");
            if (!weAccept)
            {
                decoded.Errors.Should().ContainSingle().Which.Reason.Should().Contain("OCCURS DEPENDING ON ODO-CNT");
            }
        }
    }
}
