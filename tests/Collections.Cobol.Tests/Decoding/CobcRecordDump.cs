using System.Globalization;
using System.Text;
using Collections.Cobol.Copybooks;
using Collections.Testing;

namespace Collections.Cobol.Tests.Decoding;

/// <summary>
/// What cobc sees in a data file: generates a program that READs the file through the copybook (FD record) and
/// DISPLAYs every named elementary item of every view (all REDEFINES, every occurrence), compiled with the legacy's
/// flags. Output per record: a map "NAME" / "NAME(i,j)" → displayed text.
/// </summary>
internal static class CobcRecordDump
{
    public enum FileKind { Fixed, Variable, Line }

    public static List<Dictionary<string, string>> Run(TempDir dir, string copyStatement, CopybookLayout layout, string includeDir, string dataFile, FileKind kind)
    {
        var src = new StringBuilder();
        void L(string s) => src.Append("       ").Append(s).Append('\n');
        int max = layout.Records.Max(r => r.Length);
        int min = layout.Records.Min(r => r.Length);
        L("IDENTIFICATION DIVISION.");
        L("PROGRAM-ID. DUMP.");
        L("ENVIRONMENT DIVISION.");
        L("INPUT-OUTPUT SECTION.");
        L("FILE-CONTROL.");
        L("    SELECT INFILE ASSIGN TO INFILE");
        L(kind == FileKind.Line ? "        ORGANIZATION IS LINE SEQUENTIAL" : "        ORGANIZATION IS SEQUENTIAL");
        L("        FILE STATUS IS WS-FS.");
        L("DATA DIVISION.");
        L("FILE SECTION.");
        L("FD  INFILE");
        if (kind == FileKind.Variable)
            L(string.Create(CultureInfo.InvariantCulture, $"    RECORD VARYING IN SIZE FROM {min} TO {max} DEPENDING ON WS-LEN"));
        L("    .");
        L(copyStatement);
        L("WORKING-STORAGE SECTION.");
        L("01  WS-FS PIC XX.");
        L("01  WS-LEN PIC 9(5).");
        L("01  WS-EOF PIC X VALUE 'N'.");
        L("PROCEDURE DIVISION.");
        L("    OPEN INPUT INFILE");
        L("    PERFORM UNTIL WS-EOF = 'Y'");
        L("        READ INFILE");
        L("            AT END MOVE 'Y' TO WS-EOF");
        L("            NOT AT END PERFORM SHOW-REC");
        L("        END-READ");
        L("    END-PERFORM");
        L("    CLOSE INFILE");
        L("    GOBACK.");
        L("SHOW-REC.");
        L("    DISPLAY 'R|'");
        foreach (var f in layout.Fields)
        {
            if (f.Name is null || f.IsGroup || f.IsRenames || f.Level == 77) continue;
            if (HasFillerAncestor(f)) continue;
            foreach (var subs in Subscripts(f))
            {
                var key = subs.Length == 0 ? f.Name : f.Name + "(" + string.Join(",", subs) + ")";
                L($"    DISPLAY 'F|{key}|'");
                L($"        {f.Name} OF {f.Record.Name}");
                if (subs.Length > 0) L("        (" + string.Join(" ", subs) + ")");
            }
        }
        L("    .");
        var path = dir.Combine("DUMP.cbl");
        File.WriteAllText(path, src.ToString(), Encoding.ASCII);
        var exe = Cobc.Compile(path, Cobc.LegacyFlags, includeDir);
        var r = Cobc.Run(exe, [], dir.Path, new Dictionary<string, string> { ["DD_INFILE"] = dataFile });
        if (r.ExitCode != 0) throw new InvalidOperationException("dump failed: " + r.StdErr + r.StdOut);
        var records = new List<Dictionary<string, string>>();
        foreach (var line in r.StdOut.Split('\n'))
        {
            if (line == "R|") { records.Add(new Dictionary<string, string>(StringComparer.Ordinal)); continue; }
            if (!line.StartsWith("F|", StringComparison.Ordinal)) continue;
            int bar = line.IndexOf('|', 2);
            records[^1][line[2..bar]] = line[(bar + 1)..];
        }
        return records;
    }

    private static bool HasFillerAncestor(LayoutField f)
    {
        for (var p = f.Parent; p is not null; p = p.Parent) if (p.IsFiller) return true;
        return false;
    }

    private static IEnumerable<int[]> Subscripts(LayoutField f)
    {
        IEnumerable<int[]> acc = [[]];
        foreach (var o in f.OccursPath)
        {
            var max = o.OccursMax;
            acc = acc.SelectMany(prefix => Enumerable.Range(1, max).Select(i => (int[])[.. prefix, i])).ToList();
        }
        return acc;
    }

    /// <summary>A cobc DISPLAY of a numeric item ("+0000000171614.00", "-.5", "001") as a canonical decimal string.</summary>
    public static string Canonical(string text)
    {
        var t = text.Trim();
        bool negative = false;
        if (t.StartsWith('-')) { negative = true; t = t[1..]; }
        else if (t.StartsWith('+')) t = t[1..];
        if (t.EndsWith('-')) { negative = true; t = t[..^1]; }
        else if (t.EndsWith('+')) t = t[..^1];
        var value = decimal.Parse(t.Length == 0 || t[0] == '.' ? "0" + t : t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (negative) value = -value;
        return (value / 1.000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
    }
}
