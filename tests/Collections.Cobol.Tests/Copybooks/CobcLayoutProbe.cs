using System.Globalization;
using System.Text;
using Collections.Cobol.Copybooks;
using Collections.Testing;

namespace Collections.Cobol.Tests.Copybooks;

/// <summary>
/// Asks cobc where it put every named item of a copybook: generates a program that COPYs the copybook into
/// WORKING-STORAGE and DISPLAYs, per item, the offset from its 01 (ADDRESS OF arithmetic through a POINTER
/// redefined as BINARY-DOUBLE UNSIGNED) and FUNCTION BYTE-LENGTH, compiled with the given flags.
/// </summary>
internal static class CobcLayoutProbe
{
    public sealed record Probe(string Record, string Name, int Offset, int Length);

    /// <param name="copyStatement">e.g. "COPY ENTRYREC." or "COPY OPENITEM REPLACING ==:OI:== BY ==OM==."</param>
    /// <param name="layout">our layout of the same text (used only to know which names to ask about).</param>
    public static List<Probe> Run(TempDir dir, string copyStatement, CopybookLayout layout, string includeDir, IEnumerable<string> flags)
    {
        var src = new StringBuilder();
        void L(string s) => src.Append("       ").Append(s).Append('\n');
        L("IDENTIFICATION DIVISION.");
        L("PROGRAM-ID. PROBE.");
        L("DATA DIVISION.");
        L("WORKING-STORAGE SECTION.");
        L("01  PRB-BASE-P USAGE POINTER.");
        L("01  PRB-BASE-N REDEFINES PRB-BASE-P USAGE BINARY-DOUBLE UNSIGNED.");
        L("01  PRB-FLD-P USAGE POINTER.");
        L("01  PRB-FLD-N REDEFINES PRB-FLD-P USAGE BINARY-DOUBLE UNSIGNED.");
        L("01  PRB-OFF PIC 9(9).");
        L("01  PRB-LEN PIC 9(9).");
        L(copyStatement);
        L("PROCEDURE DIVISION.");
        // Depending-on items at their maximum so that group lengths are the maximum (storage) lengths.
        foreach (var f in layout.Fields.Where(f => f.DependingOn is not null))
        {
            L($"    MOVE {f.OccursMax} TO");
            L($"        {f.DependingOn!.Name}");
            L($"        OF {f.DependingOn!.Record.Name}");
        }
        foreach (var record in layout.Records)
        {
            L($"    SET PRB-BASE-P TO ADDRESS OF {record.Name}");
            foreach (var f in layout.Fields.Where(x => x.Record == record && x.Name is not null))
            {
                var subs = f.OccursPath.Count == 0 ? "" : "(" + string.Join(" ", f.OccursPath.Select(_ => "1")) + ")";
                void Ref()
                {
                    L($"        {f.Name}");
                    if (f != record) L($"        OF {record.Name}");
                    if (subs.Length > 0) L($"        {subs}");
                }
                L("    SET PRB-FLD-P TO ADDRESS OF");
                Ref();
                L("    COMPUTE PRB-OFF = PRB-FLD-N - PRB-BASE-N");
                L("    MOVE FUNCTION BYTE-LENGTH(");
                Ref();
                L("        ) TO PRB-LEN");
                L($"    DISPLAY \"{record.Name}\"");
                L($"        \"|{f.Name}|\"");
                L("        PRB-OFF \"|\" PRB-LEN");
            }
        }
        L("    GOBACK.");
        var path = dir.Combine("PROBE.cbl");
        File.WriteAllText(path, src.ToString(), Encoding.ASCII);
        var exe = Cobc.Compile(path, flags, includeDir);
        var r = Cobc.Run(exe, [], dir.Path, null);
        if (r.ExitCode != 0) throw new InvalidOperationException("probe failed: " + r.StdErr + r.StdOut);
        var list = new List<Probe>();
        foreach (var line in r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.TrimEnd('\r').Split('|');
            list.Add(new Probe(parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture)));
        }
        return list;
    }

    /// <summary>Our offsets and lengths in the probe's terms.</summary>
    public static List<Probe> Ours(CopybookLayout layout) =>
        layout.Fields.Where(f => f.Name is not null).Select(f => new Probe(f.Record.Name!, f.Name!, f.Offset, f.Length)).ToList();

    public static string[] Flags(BinarySize size) =>
        ["-std=default", "-fsign=EBCDIC", size == BinarySize.TwoFourEight ? "-fbinary-size=2-4-8" : "-fbinary-size=1-2-4-8",
         "-fno-constant-folding", "-fassign-clause=ibm"];
}
