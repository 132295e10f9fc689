using System.Text;
using Collections.Cobol.Records;
using Collections.Testing;

namespace Collections.Cobol.Tests.Records;

public sealed class RecordWriterTests
{
    private static byte[] WriteAll(RecordFormat format, int length, params string[] records)
    {
        using var ms = new MemoryStream();
        using (var w = RecordWriter.Create(ms, new RecordWriterOptions { Format = format, RecordLength = length, LeaveOpen = true }))
        {
            foreach (var r in records) w.Write(Encoding.ASCII.GetBytes(r));
            w.RecordCount.Should().Be(records.Length);
        }
        return ms.ToArray();
    }

    [Fact]
    public void Write_Variable_PrefixWithoutItsOwnLength() =>
        WriteAll(RecordFormat.GnuCobolVariable, 0, "abc").Should().Equal(0, 3, 0, 0, (byte)'a', (byte)'b', (byte)'c');

    [Fact]
    public void Write_Rdw_PrefixIncludesItsOwnLength() =>
        WriteAll(RecordFormat.Rdw, 0, "abc").Should().Equal(0, 7, 0, 0, (byte)'a', (byte)'b', (byte)'c');

    [Fact]
    public void Write_LineSequential_TrailingSpacesRemovedLfAdded() =>
        Encoding.ASCII.GetString(WriteAll(RecordFormat.LineSequential, 0, "ab  ", "    ", " x")).Should().Be("ab\n\n x\n");

    [Fact]
    public void Write_FixedWrongLength_Throws()
    {
        var act = () => WriteAll(RecordFormat.Fixed, 4, "abc");
        act.Should().Throw<ArgumentException>().WithMessage("*record 1 is 3 bytes*4*");
    }

    /// <summary>Differential: cobc writes variable-length records (RECORD VARYING ... DEPENDING ON) and line-sequential
    /// records with trailing spaces; our writer produces the same bytes.</summary>
    [Fact]
    public void Write_VariableAndLineSequential_SameBytesAsCobc()
    {
        using var dir = new TempDir("wr");
        const string program = """
                   IDENTIFICATION DIVISION.
                   PROGRAM-ID. WRVAR.
                   ENVIRONMENT DIVISION.
                   INPUT-OUTPUT SECTION.
                   FILE-CONTROL.
                       SELECT V ASSIGN TO "var.out" ORGANIZATION SEQUENTIAL.
                       SELECT L ASSIGN TO "line.out" ORGANIZATION LINE SEQUENTIAL.
                   DATA DIVISION.
                   FILE SECTION.
                   FD V RECORDING MODE IS V
                      RECORD IS VARYING IN SIZE FROM 1 TO 300 CHARACTERS
                      DEPENDING ON WS-LEN.
                   01 V-REC PIC X(300).
                   FD L.
                   01 L-REC PIC X(20).
                   WORKING-STORAGE SECTION.
                   01 WS-LEN PIC 9(4) COMP.
                   01 I PIC 9(4).
                   PROCEDURE DIVISION.
                       OPEN OUTPUT V L
                       PERFORM VARYING I FROM 1 BY 37 UNTIL I > 300
                         MOVE ALL "V" TO V-REC
                         MOVE I TO WS-LEN
                         WRITE V-REC
                         MOVE SPACES TO L-REC
                         MOVE I TO L-REC(1 + FUNCTION MOD(I, 10):4)
                         WRITE L-REC
                       END-PERFORM
                       CLOSE V L
                       STOP RUN.
            """;
        File.WriteAllText(dir.Combine("wrvar.cbl"), program);
        var exe = Cobc.Compile(dir.Combine("wrvar.cbl"));
        Cobc.Run(exe, [], dir.Path, null).ExitCode.Should().Be(0);

        var variable = new List<string>();
        var lines = new List<string>();
        for (var i = 1; i <= 300; i += 37)
        {
            variable.Add(new string('V', i));
            var rec = new char[20];
            Array.Fill(rec, ' ');
            i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture).CopyTo(0, rec, 1 + i % 10 - 1 + 0, 4);
            lines.Add(new string(rec));
        }
        WriteAll(RecordFormat.GnuCobolVariable, 0, [.. variable]).Should().Equal(File.ReadAllBytes(dir.Combine("var.out")));
        Encoding.ASCII.GetString(WriteAll(RecordFormat.LineSequential, 0, [.. lines]))
            .Should().Be(File.ReadAllText(dir.Combine("line.out")));
    }
}
