using System.Text;
using Collections.Legacy.Clv300;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv300Parity;

/// <summary>The outputs of one CLV300 run (legacy or ours) over the same inputs.</summary>
public sealed record Clv300Outcome(int ReturnCode, byte[]? Stmtout, byte[]? Stmtdtl, string Ctltots, string Sysout);

/// <summary>
/// Runs CLV300 both ways on the same inputs: the real legacy program (bin/CLV300 of the built suite, with the DD
/// environment and runtime options of run-cycle.sh, stderr into the sysout as the script does) and our <see cref="Clv300Step"/>.
/// </summary>
public static class Clv300Harness
{
    private static readonly Lazy<LegacySuite> Suite = new(() => LegacySuite.Prepare(RepoPaths.LegacyHome));

    public static string LegacyRef => Path.Combine(RepoPaths.LegacyHome, "ref");

    /// <summary>Runs the legacy CLV300 in <paramref name="dir"/> (which holds SYSIN, ENTCALC and maybe CTLTOTS).</summary>
    public static Clv300Outcome RunLegacy(string dir, string refDir, IDictionary<string, string>? ddOverrides = null)
    {
        var exe = Path.Combine(Suite.Value.WorkHome, "bin", "CLV300");
        var env = new Dictionary<string, string>
        {
            ["COB_VARSEQ_FORMAT"] = "0",
            ["COB_LS_FIXED"] = "FALSE",
            ["COB_LS_NULLS"] = "FALSE",
            ["DD_ENTCALC"] = Path.Combine(dir, "ENTCALC"),
            ["DD_HOLIDAY"] = Path.Combine(refDir, "HOLIDAY.DAT"),
            ["DD_STMTOUT"] = Path.Combine(dir, "STMTOUT"),
            ["DD_STMTDTL"] = Path.Combine(dir, "STMTDTL"),
            ["DD_CTLTOTS"] = Path.Combine(dir, "CTLTOTS"),
            ["TMPDIR"] = dir,
        };
        if (ddOverrides is not null) foreach (var (k, v) in ddOverrides) env["DD_" + k] = v;
        var r = Cobc.Run("sh", ["-c", $"\"{exe}\" < \"{Path.Combine(dir, "SYSIN")}\" 2>&1"], dir, env);
        return Collect(dir, r.ExitCode, r.StdOut);
    }

    /// <summary>Runs our step in <paramref name="dir"/> with the same files.</summary>
    public static Clv300Outcome RunOurs(string dir, string refDir, Clv300Step? step = null, Func<Clv300Files, Clv300Files>? edit = null)
    {
        var sysout = new StringWriter { NewLine = "\n" };
        var files = Clv300Files.ForCycle(dir, refDir);
        var rc = (step ?? new Clv300Step()).Run(edit is null ? files : edit(files), sysout, TextWriter.Null);
        return Collect(dir, rc, sysout.ToString());
    }

    private static Clv300Outcome Collect(string dir, int rc, string sysout)
    {
        byte[]? Bytes(string name) => File.Exists(Path.Combine(dir, name)) ? File.ReadAllBytes(Path.Combine(dir, name)) : null;
        var ctl = Bytes("CTLTOTS");
        return new Clv300Outcome(rc, Bytes("STMTOUT"), Bytes("STMTDTL"), ctl is null ? "" : Encoding.Latin1.GetString(ctl), sysout);
    }

    /// <summary>Prepares two folders holding the same SYSIN and ENTCALC (and CTLTOTS, if given).</summary>
    public static (string Legacy, string Ours) TwoRunDirs(TempDir temp, string sysin, byte[] entcalc, string? ctltots = null)
    {
        var legacy = temp.Combine("legacy");
        var ours = temp.Combine("ours");
        foreach (var d in new[] { legacy, ours })
        {
            Directory.CreateDirectory(d);
            File.WriteAllText(Path.Combine(d, "SYSIN"), sysin);
            File.WriteAllBytes(Path.Combine(d, "ENTCALC"), entcalc);
            if (ctltots is not null) File.WriteAllText(Path.Combine(d, "CTLTOTS"), ctltots);
        }
        return (legacy, ours);
    }

    /// <summary>Runs both on the same inputs and asserts the same outputs.</summary>
    public static Clv300Outcome Compare(string sysin, byte[] entcalc, string? refDir = null, string? ctltots = "EARLIER STEP\n")
    {
        using var temp = new TempDir("clv300");
        var (legacyDir, oursDir) = TwoRunDirs(temp, sysin, entcalc, ctltots);
        var legacy = RunLegacy(legacyDir, refDir ?? LegacyRef);
        var ours = RunOurs(oursDir, refDir ?? LegacyRef);
        ours.ShouldMatch(legacy);
        return legacy;
    }

    /// <summary>Asserts both runs wrote the same bytes, the same control totals and messages, and ended with the same RC.</summary>
    public static void ShouldMatch(this Clv300Outcome ours, Clv300Outcome legacy)
    {
        ours.Sysout.Should().Be(legacy.Sysout, "the step's messages (sysout) must match the legacy");
        ours.ReturnCode.Should().Be(legacy.ReturnCode);
        ours.Ctltots.Should().Be(legacy.Ctltots);
        Hex(ours.Stmtout).Should().Be(Hex(legacy.Stmtout), "STMTOUT must be byte-identical");
        Hex(ours.Stmtdtl).Should().Be(Hex(legacy.Stmtdtl), "STMTDTL must be byte-identical");
    }

    private static string? Hex(byte[]? bytes) => bytes is null ? null : Convert.ToHexString(bytes);
}
