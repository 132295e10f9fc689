using System.Text;
using Collections.Legacy.Clv500;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv500Parity;

/// <summary>The outputs of one CLV500 run (legacy or ours) over the same inputs.</summary>
public sealed record Clv500Outcome(int ReturnCode, byte[]? Report, string Sysout, string Diagnostics = "");

/// <summary>
/// Runs CLV500 both ways on the same data sets: the real legacy program (bin/CLV500 of the built suite, with the DD
/// environment and runtime options of run-cycle.sh, stdout and stderr into one sysout) and our <see cref="Clv500Step"/>.
/// A run folder holds SYSIN, ENTCALC, STMTOUT, LEDGER, SUSPENSE, OPENITEM, REJECTS and CTLTOTS as a cycle's OUTDIR does.
/// </summary>
public static class Clv500Harness
{
    private static readonly Lazy<LegacySuite> Suite = new(() => LegacySuite.Prepare(RepoPaths.LegacyHome));

    /// <summary>The data sets CLV500 reads.</summary>
    public static readonly string[] Inputs = ["SYSIN", "ENTCALC", "STMTOUT", "LEDGER", "SUSPENSE", "OPENITEM", "REJECTS", "CTLTOTS"];

    public static Clv500Outcome RunLegacy(string dir)
    {
        var exe = Path.Combine(Suite.Value.WorkHome, "bin", "CLV500");
        var env = new Dictionary<string, string>
        {
            ["COB_VARSEQ_FORMAT"] = "0",
            ["COB_LS_FIXED"] = "FALSE",
            ["COB_LS_NULLS"] = "FALSE",
            ["DD_ENTCALC"] = Path.Combine(dir, "ENTCALC"),
            ["DD_STMTOUT"] = Path.Combine(dir, "STMTOUT"),
            ["DD_LEDGER"] = Path.Combine(dir, "LEDGER"),
            ["DD_SUSPENSE"] = Path.Combine(dir, "SUSPENSE"),
            ["DD_NEWMAST"] = Path.Combine(dir, "OPENITEM"),
            ["DD_REJECTS"] = Path.Combine(dir, "REJECTS"),
            ["DD_CTLTOTS"] = Path.Combine(dir, "CTLTOTS"),
            ["DD_RPTOUT"] = Path.Combine(dir, "CLV500.RPT"),
        };
        var r = Cobc.Run("sh", ["-c", $"\"{exe}\" < \"{Path.Combine(dir, "SYSIN")}\" 2>&1"], dir, env);
        return Collect(dir, r.ExitCode, r.StdOut, "");
    }

    public static Clv500Outcome RunOurs(string dir)
    {
        var sysout = new StringWriter { NewLine = "\n" };
        var diagnostics = new StringWriter { NewLine = "\n" };
        var rc = Clv500Step.Run(Clv500Files.ForCycle(dir), sysout, diagnostics);
        return Collect(dir, rc, sysout.ToString(), diagnostics.ToString());
    }

    private static Clv500Outcome Collect(string dir, int rc, string sysout, string diagnostics)
    {
        var report = Path.Combine(dir, "CLV500.RPT");
        var readable = File.Exists(report) && new FileInfo(report).LinkTarget is null;   // not a link to a device (/dev/full)
        return new Clv500Outcome(rc, readable ? File.ReadAllBytes(report) : null, sysout, diagnostics);
    }

    /// <summary>Two run folders (legacy, ours) holding copies of the CLV500 inputs found in <paramref name="source"/>.</summary>
    public static (string Legacy, string Ours) TwoRunDirs(TempDir temp, string source)
    {
        var legacy = temp.Combine("legacy");
        var ours = temp.Combine("ours");
        foreach (var d in new[] { legacy, ours })
        {
            Directory.CreateDirectory(d);
            foreach (var name in Inputs)
            {
                var from = Path.Combine(source, name);
                if (File.Exists(from)) File.Copy(from, Path.Combine(d, name));
            }
        }
        return (legacy, ours);
    }

    /// <summary>Runs both sides on copies of <paramref name="source"/>'s inputs.</summary>
    public static (Clv500Outcome Legacy, Clv500Outcome Ours) RunBoth(TempDir temp, string source)
    {
        var (l, o) = TwoRunDirs(temp, source);
        return (RunLegacy(l), RunOurs(o));
    }

    /// <summary>Asserts the same report bytes, the same sysout and the same RC.</summary>
    public static void ShouldMatch(this Clv500Outcome ours, Clv500Outcome legacy)
    {
        ours.Sysout.Should().Be(legacy.Sysout, "the step's messages (sysout) must match the legacy");
        ours.ReturnCode.Should().Be(legacy.ReturnCode);
        if (legacy.Report is null) ours.Report.Should().BeNull();
        else
        {
            ours.Report.Should().NotBeNull();
            Encoding.Latin1.GetString(ours.Report!).Should().Be(Encoding.Latin1.GetString(legacy.Report), "CLV500.RPT must be byte-identical");
        }
    }
}
