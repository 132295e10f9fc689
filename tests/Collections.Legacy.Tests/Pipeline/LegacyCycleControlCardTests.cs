using System.Text;
using Collections.Legacy.Pipeline;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Legacy.Tests.Pipeline;

/// <summary>
/// run-cycle.sh's control-card check (<c>CARD1=$(head -n 1 SYSIN | cut -c1-16)</c>, compared with RUNDATE=&lt;date&gt;)
/// against <see cref="LegacyCycle"/>, on cards with bytes the shell treats specially: the console and error lines
/// and the return code are the same, byte for byte (the script's output read as Latin-1: one char per byte).
/// Found by the cycle fuzz test (its first version, commit 72acb9a, seeds 146 and 456: a NUL in the first 16 bytes is dropped by the shell's command
/// substitution, so the message shows the card without it).
/// </summary>
public sealed class LegacyCycleControlCardTests
{
    public static TheoryData<string, byte[]> Cards() => new()
    {
        { "NUL inside the first 16 bytes", Encoding.Latin1.GetBytes("RUN\0DATE=20260302\n") },
        { "NUL first", Encoding.Latin1.GetBytes("\0RUNDATE=20260302\n") },
        { "two NULs and no LF", Encoding.Latin1.GetBytes("R\0UNDATE=2026\00302") },
        { "byte 0xB1 in the date", Encoding.Latin1.GetBytes("RUNDATE=2026\u00B1302\n") },
        { "bytes 0x80-0xFF", Encoding.Latin1.GetBytes("\u00E7\u00F7\u00FF\u0080UNDATE=20260302\n") },
        { "short card", Encoding.Latin1.GetBytes("RUNDATE=2026030\n") },
        { "empty file", [] },
        { "second card only on line 1", Encoding.Latin1.GetBytes("\nRUNDATE=20260302\n") },
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void BadControlCard_ConsoleErrorAndReturnCode_SameAsRunCycle(string what, byte[] card)
    {
        using var temp = new TempDir("control-card");
        var inDir = temp.Combine("in");
        Directory.CreateDirectory(inDir);
        File.Copy(Path.Combine(RepoPaths.LegacyHome, "sample", "2026-03-02", "in", "ENTRYIN"), Path.Combine(inDir, "ENTRYIN"));
        File.WriteAllBytes(Path.Combine(inDir, "SYSIN"), card);
        var suite = LegacySuite.Prepare(RepoPaths.LegacyHome);
        var refDir = Path.Combine(RepoPaths.LegacyHome, "ref");
        var legacy = suite.RunCycle("20260302", inDir, temp.Combine("legacy"), null, refDir, Encoding.Latin1);
        var console = new StringWriter();
        var errors = new StringWriter();
        var modern = new LegacyCycle(LegacySteps.Discover()).Run("20260302", Path.GetFullPath(inDir), temp.Combine("modern"), null, refDir, console, errors);
        legacy.ExitCode.Should().Be(16, what);
        modern.MaxReturnCode.Should().Be(legacy.ExitCode, what);
        console.ToString().Should().Be(legacy.StdOut, what);
        errors.ToString().Should().Be(legacy.StdErr, what);
    }
}
