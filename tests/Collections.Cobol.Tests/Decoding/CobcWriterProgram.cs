using System.Text;
using Collections.Testing;

namespace Collections.Cobol.Tests.Decoding;

/// <summary>
/// The COBOL program of the differential decode tests: it writes OUTFILE (ORGANIZATION SEQUENTIAL, described by the FD
/// line and COPY of the test's copybook) with the test's statements, which DISPLAY what cobc holds, then our decoders
/// read the file back. Every line goes in area B (column 8).
/// </summary>
internal static class CobcWriterProgram
{
    /// <summary>Writes <paramref name="programId"/>.cbl in <paramref name="dir"/> (OPEN OUTPUT, <paramref name="body"/>,
    /// CLOSE, GOBACK), compiles it with <paramref name="flags"/> (default: the legacy's), runs it with OUTFILE assigned to
    /// <paramref name="dataName"/> in the folder, asserts exit code 0 and returns the data file's path and the run.</summary>
    public static (string Data, ProcessResult Run) WriteAndRun(TempDir dir, string programId, string copyMember, IEnumerable<string> body,
        string fd = "FD  OUTFILE.", IEnumerable<string>? workingStorage = null, IEnumerable<string>? flags = null, string dataName = "OUT.DAT")
    {
        var src = new StringBuilder();
        void L(string s) => src.Append("       ").Append(s).Append('\n');
        L("IDENTIFICATION DIVISION.");
        L($"PROGRAM-ID. {programId}.");
        L("ENVIRONMENT DIVISION.");
        L("INPUT-OUTPUT SECTION.");
        L("FILE-CONTROL.");
        L("    SELECT OUTFILE ASSIGN TO OUTFILE ORGANIZATION SEQUENTIAL.");
        L("DATA DIVISION.");
        L("FILE SECTION.");
        L(fd);
        L($"COPY {copyMember}.");
        if (workingStorage is not null)
        {
            L("WORKING-STORAGE SECTION.");
            foreach (var line in workingStorage) L(line);
        }
        L("PROCEDURE DIVISION.");
        L("    OPEN OUTPUT OUTFILE");
        foreach (var line in body) L(line);
        L("    CLOSE OUTFILE");
        L("    GOBACK.");
        var path = dir.Combine(programId + ".cbl");
        File.WriteAllText(path, src.ToString(), Encoding.ASCII);
        var exe = Cobc.Compile(path, flags ?? Cobc.LegacyFlags, dir.Path);
        var data = dir.Combine(dataName);
        var run = Cobc.Run(exe, [], dir.Path, new Dictionary<string, string> { ["DD_OUTFILE"] = data });
        run.ExitCode.Should().Be(0, run.StdErr);
        return (data, run);
    }
}
