using System.Text;
using Collections.Domain.EntryFees;
using Collections.Legacy.Clv200;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv200Parity;

/// <summary>The outputs of one CLV200 run (legacy or ours) over the same inputs.</summary>
public sealed record Clv200Outcome(int ReturnCode, byte[]? Entcalc, string Ctltots, string Sysout);

/// <summary>
/// Runs CLV200 both ways on the same inputs: the real legacy program (bin/CLV200 of the built suite, with the DD
/// environment and runtime options of run-cycle.sh) and our <see cref="Clv200Step"/>.
/// </summary>
public static class Clv200Harness
{
    private static readonly Lazy<LegacySuite> Suite = new(() => LegacySuite.Prepare(RepoPaths.LegacyHome));

    public static string LegacyRef => Path.Combine(RepoPaths.LegacyHome, "ref");

    /// <summary>Runs the legacy CLV200 in <paramref name="dir"/> (which holds SYSIN, LINECALC and maybe CTLTOTS).</summary>
    public static Clv200Outcome RunLegacy(string dir, string refDir)
    {
        var exe = Path.Combine(Suite.Value.WorkHome, "bin", "CLV200");
        var env = new Dictionary<string, string>
        {
            ["COB_VARSEQ_FORMAT"] = "0",
            ["COB_LS_FIXED"] = "FALSE",
            ["COB_LS_NULLS"] = "FALSE",
            ["DD_LINECALC"] = Path.Combine(dir, "LINECALC"),
            ["DD_FEETAB"] = Path.Combine(refDir, "FEES.DAT"),
            ["DD_SPITAB"] = Path.Combine(refDir, "SPI.DAT"),
            ["DD_HMFPORT"] = Path.Combine(refDir, "HMFPORT.DAT"),
            ["DD_ENTCALC"] = Path.Combine(dir, "ENTCALC"),
            ["DD_CTLTOTS"] = Path.Combine(dir, "CTLTOTS"),
        };
        var r = Cobc.Run("sh", ["-c", $"\"{exe}\" < \"{Path.Combine(dir, "SYSIN")}\" 2>&1"], dir, env);
        return Collect(dir, r.ExitCode, r.StdOut);
    }

    /// <summary>Runs our step in <paramref name="dir"/> with the same files.</summary>
    public static Clv200Outcome RunOurs(string dir, string refDir, EntryFeePolicies? policies = null)
    {
        var sysout = new StringWriter { NewLine = "\n" };
        var rc = Clv200Step.Run(Clv200Files.ForCycle(dir, refDir), sysout, policies);
        return Collect(dir, rc, sysout.ToString());
    }

    private static Clv200Outcome Collect(string dir, int rc, string sysout)
    {
        var entcalc = Path.Combine(dir, "ENTCALC");
        var ctl = Path.Combine(dir, "CTLTOTS");
        return new Clv200Outcome(
            rc,
            File.Exists(entcalc) ? File.ReadAllBytes(entcalc) : null,
            File.Exists(ctl) ? Encoding.Latin1.GetString(File.ReadAllBytes(ctl)) : string.Empty,
            sysout);
    }

    /// <summary>Prepares two folders holding the same SYSIN and LINECALC (and CTLTOTS, if given).</summary>
    public static (string Legacy, string Ours) TwoRunDirs(TempDir temp, string sysin, byte[] linecalc, string? ctltots = null)
    {
        var legacy = temp.Combine("legacy");
        var ours = temp.Combine("ours");
        foreach (var d in new[] { legacy, ours })
        {
            Directory.CreateDirectory(d);
            File.WriteAllText(Path.Combine(d, "SYSIN"), sysin);
            File.WriteAllBytes(Path.Combine(d, "LINECALC"), linecalc);
            if (ctltots is not null) File.WriteAllText(Path.Combine(d, "CTLTOTS"), ctltots);
        }
        return (legacy, ours);
    }

    /// <summary>Asserts both runs wrote the same bytes, the same control totals and messages, and ended with the same RC.</summary>
    public static void ShouldMatch(this Clv200Outcome ours, Clv200Outcome legacy)
    {
        ours.Sysout.Should().Be(legacy.Sysout, "the step's messages (sysout) must match the legacy");
        ours.ReturnCode.Should().Be(legacy.ReturnCode);
        ours.Ctltots.Should().Be(legacy.Ctltots);
        if (legacy.Entcalc is null) ours.Entcalc.Should().BeNull();
        else
        {
            ours.Entcalc.Should().NotBeNull();
            Convert.ToHexString(ours.Entcalc!).Should().Be(Convert.ToHexString(legacy.Entcalc), "ENTCALC must be byte-identical");
        }
    }
}
