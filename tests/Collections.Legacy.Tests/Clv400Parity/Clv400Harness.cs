using System.Text;
using Collections.Domain.OpenItems;
using Collections.Legacy.Clv400;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv400Parity;

/// <summary>The outputs of one CLV400 run (legacy or ours) over the same inputs.</summary>
public sealed record Clv400Outcome(int ReturnCode, byte[]? NewMaster, byte[]? Ledger, byte[]? Suspense, string Ctltots, string Sysout, string Diagnostics);

/// <summary>
/// Runs CLV400 both ways on the same inputs: the real legacy program (bin/CLV400 of the built suite, with the DD
/// environment and runtime options of run-cycle.sh) and our <see cref="Clv400Step"/>. A run folder holds SYSIN,
/// STMTOUT and optionally OLDMAST, PAYMENTS, INTRATE (else the legacy's ref/INTRATE.DAT) and CTLTOTS; the outputs
/// (OPENITEM, LEDGER, SUSPENSE, CTLTOTS) are written there.
/// </summary>
public static class Clv400Harness
{
    private static readonly Lazy<LegacySuite> Suite = new(() => LegacySuite.Prepare(RepoPaths.LegacyHome));

    public static string LegacyRef => Path.Combine(RepoPaths.LegacyHome, "ref");

    private static string Intrate(string dir) => File.Exists(Path.Combine(dir, "INTRATE")) ? Path.Combine(dir, "INTRATE") : Path.Combine(LegacyRef, "INTRATE.DAT");

    private static Clv400Files Files(string dir) => new(
        Path.Combine(dir, "SYSIN"), Path.Combine(dir, "OLDMAST"), Path.Combine(dir, "STMTOUT"), Path.Combine(dir, "PAYMENTS"), Intrate(dir),
        Path.Combine(dir, "OPENITEM"), Path.Combine(dir, "LEDGER"), Path.Combine(dir, "SUSPENSE"), Path.Combine(dir, "CTLTOTS"));

    public static Clv400Outcome RunLegacy(string dir)
    {
        var exe = Path.Combine(Suite.Value.WorkHome, "bin", "CLV400");
        var f = Files(dir);
        var env = new Dictionary<string, string>
        {
            ["COB_VARSEQ_FORMAT"] = "0",
            ["COB_LS_FIXED"] = "FALSE",
            ["COB_LS_NULLS"] = "FALSE",
            ["DD_OLDMAST"] = f.OldMaster,
            ["DD_STMTOUT"] = f.Stmtout,
            ["DD_PAYMENTS"] = f.Payments,
            ["DD_INTRATE"] = f.InterestRates,
            ["DD_NEWMAST"] = f.NewMaster,
            ["DD_LEDGER"] = f.Ledger,
            ["DD_SUSPENSE"] = f.Suspense,
            ["DD_CTLTOTS"] = f.Ctltots,
        };
        // the messages through a file: DISPLAY writes raw bytes (keys of damaged records), which a text pipe would re-decode
        var sysout = Path.Combine(dir, "legacy.sysout");
        var r = Cobc.Run("sh", ["-c", $"\"{exe}\" < \"{f.Sysin}\" > \"{sysout}\" 2>&1"], dir, env);
        return Collect(dir, r.ExitCode, Encoding.Latin1.GetString(File.ReadAllBytes(sysout)), "");
    }

    public static Clv400Outcome RunOurs(string dir, OpenItemPolicies? policies = null)
    {
        var sysout = new StringWriter { NewLine = "\n" };
        var diagnostics = new StringWriter { NewLine = "\n" };
        var rc = Clv400Step.Run(Files(dir), sysout, policies, diagnostics);
        return Collect(dir, rc, sysout.ToString(), diagnostics.ToString());
    }

    private static Clv400Outcome Collect(string dir, int rc, string sysout, string diagnostics)
    {
        byte[]? Read(string name) => File.Exists(Path.Combine(dir, name)) ? File.ReadAllBytes(Path.Combine(dir, name)) : null;
        var ctl = Read("CTLTOTS");
        return new Clv400Outcome(rc, Read("OPENITEM"), Read("LEDGER"), Read("SUSPENSE"), ctl is null ? "" : Encoding.Latin1.GetString(ctl), sysout, diagnostics);
    }

    /// <summary>Two run folders with the same input files (name → bytes; null skips a file).</summary>
    public static (string Legacy, string Ours) TwoRunDirs(TempDir temp, IReadOnlyDictionary<string, byte[]?> files)
    {
        var legacy = temp.Combine("legacy");
        var ours = temp.Combine("ours");
        foreach (var d in new[] { legacy, ours })
        {
            Directory.CreateDirectory(d);
            foreach (var (name, bytes) in files)
                if (bytes is not null) File.WriteAllBytes(Path.Combine(d, name), bytes);
        }
        return (legacy, ours);
    }

    /// <summary>Runs both sides on the same inputs and asserts identical outputs.</summary>
    public static Clv400Outcome RunBothAndCompare(IReadOnlyDictionary<string, byte[]?> files)
    {
        using var temp = new TempDir();
        var (legacyDir, oursDir) = TwoRunDirs(temp, files);
        var legacy = RunLegacy(legacyDir);
        var ours = RunOurs(oursDir);
        ours.ShouldMatch(legacy);
        return ours;
    }

    /// <summary>Asserts both runs wrote the same bytes, control totals and messages, and ended with the same RC.</summary>
    public static void ShouldMatch(this Clv400Outcome ours, Clv400Outcome legacy)
    {
        ours.Sysout.Should().Be(legacy.Sysout, "the step's messages (sysout) must match the legacy");
        ours.ReturnCode.Should().Be(legacy.ReturnCode);
        ours.Ctltots.Should().Be(legacy.Ctltots);
        Hex(ours.NewMaster).Should().Be(Hex(legacy.NewMaster), "OPENITEM must be byte-identical");
        Hex(ours.Ledger).Should().Be(Hex(legacy.Ledger), "LEDGER must be byte-identical");
        Hex(ours.Suspense).Should().Be(Hex(legacy.Suspense), "SUSPENSE must be byte-identical");
    }

    private static string? Hex(byte[]? b) => b is null ? null : Convert.ToHexString(b);
}
