using System.Text;
using System.Text.RegularExpressions;
using Collections.Legacy.Clv100;
using Collections.Legacy.Pipeline;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv100Parity;

/// <summary>
/// Runs one input day through the real legacy cycle (run-cycle.sh, cobc build) and through the ported cycle
/// (<see cref="LegacyCycle"/> with <see cref="Clv100Step"/>), and compares CLV100's outputs byte for byte:
/// LINECALC, REJECTS, the CLV100 lines of CTLTOTS, sysout/STEP010.CLV100, which of them exist, and STEP010's RC.
/// </summary>
internal static partial class Clv100Harness
{
    private static readonly Lazy<LegacySuite> Suite = new(() => LegacySuite.Prepare(RepoPaths.LegacyHome));

    public static LegacySuite Legacy => Suite.Value;

    public sealed record Outcome(int LegacyRc, int PortedRc, string LegacyConsole, string PortedConsole, string LegacyOut, string PortedOut, string Diagnostics);

    [GeneratedRegex(@"STEP010 PGM=CLV100\s+RC=(\d{4})")]
    private static partial Regex Step010Rc();

    public static Outcome Run(TempDir temp, string runDate, string inDir, string? refDir = null, Clv100Step? step = null)
    {
        var legacyOut = temp.Combine("legacy-out");
        var portedOut = temp.Combine("ported-out");
        var legacy = Legacy.RunCycle(runDate, inDir, legacyOut, null, refDir);
        var m = Step010Rc().Match(legacy.StdOut);
        int legacyRc = m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
        var console = new StringWriter();
        var errors = new StringWriter();
        var result = new LegacyCycle([step ?? new Clv100Step()]).Run(runDate, inDir, portedOut, null, refDir ?? Legacy.RefDir, console, errors);
        var outcome = result.Steps.Count > 0 ? result.Steps[0].Outcome : "";
        int portedRc = outcome.StartsWith("RC=", StringComparison.Ordinal) ? int.Parse(outcome[3..], System.Globalization.CultureInfo.InvariantCulture) : -1;
        return new Outcome(legacyRc, portedRc, legacy.StdOut, console.ToString(), legacyOut, portedOut, errors.ToString());
    }

    /// <summary>Differences between the two sides' CLV100 outputs (empty = byte-identical).</summary>
    public static List<string> Differences(Outcome o)
    {
        var diffs = new List<string>();
        if (o.LegacyRc != o.PortedRc) diffs.Add($"STEP010 RC legacy {o.LegacyRc} ported {o.PortedRc}");
        foreach (var name in new[] { "LINECALC", "REJECTS", "sysout/STEP010.CLV100" })
            CompareFile(diffs, name, Path.Combine(o.LegacyOut, name), Path.Combine(o.PortedOut, name));
        var lc = Clv100Lines(Path.Combine(o.LegacyOut, "CTLTOTS"));
        var pc = Clv100Lines(Path.Combine(o.PortedOut, "CTLTOTS"));
        if (lc is null != pc is null) diffs.Add($"CTLTOTS exists: legacy {lc is not null} ported {pc is not null}");
        else if (lc is not null && lc != pc) diffs.Add($"CTLTOTS CLV100 lines differ:\n--- legacy\n{lc}\n--- ported\n{pc}");
        return diffs;
    }

    public static void AssertSame(Outcome o)
    {
        var diffs = Differences(o);
        diffs.Should().BeEmpty("the port must reproduce CLV100 byte for byte; diagnostics:\n" + o.Diagnostics);
        // every record accounted for: lines read = assessed + rejected
        var ctl = Clv100Lines(Path.Combine(o.PortedOut, "CTLTOTS"));
        if (!string.IsNullOrEmpty(ctl))
        {
            var counts = ctl.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .ToDictionary(l => l.Substring(21, 30).TrimEnd(), l => long.Parse(l.Substring(52, 9), System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
            counts["ENTRY LINES READ"].Should().Be(counts["LINES ASSESSED - USD VALUE"] + counts["LINES REJECTED"], "read = processed + rejected");
        }
    }

    private static string? Clv100Lines(string path) =>
        File.Exists(path) ? string.Concat(File.ReadAllLines(path, Encoding.Latin1).Where(l => l.StartsWith("CLV100", StringComparison.Ordinal)).Select(l => l + "\n")) : null;

    private static void CompareFile(List<string> diffs, string name, string legacy, string ported)
    {
        bool le = File.Exists(legacy), pe = File.Exists(ported);
        if (le != pe)
        {
            diffs.Add($"{name} exists: legacy {le} ported {pe}");
            return;
        }
        if (!le) return;
        var a = File.ReadAllBytes(legacy);
        var b = File.ReadAllBytes(ported);
        if (a.AsSpan().SequenceEqual(b)) return;
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        int recLen = name == "LINECALC" ? 250 : 0;
        var where = recLen > 0 ? $" (record {i / recLen + 1}, offset {i % recLen})" : "";
        diffs.Add($"{name} differs at byte {i}{where}; sizes {a.Length}/{b.Length}\n legacy: {Show(a, i)}\n ported: {Show(b, i)}");
    }

    private static string Show(byte[] x, int at)
    {
        int from = Math.Max(0, at - 40), to = Math.Min(x.Length, at + 80);
        return Encoding.Latin1.GetString(x, from, to - from).Replace("\n", "\\n", StringComparison.Ordinal) + " | hex " + Convert.ToHexString(x.AsSpan(at, Math.Min(16, Math.Max(0, x.Length - at))));
    }
}
