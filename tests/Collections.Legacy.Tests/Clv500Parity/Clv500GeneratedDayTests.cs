using System.Globalization;
using System.Text;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv500Parity;

/// <summary>
/// Generated days (the parity generator, planted defects of every reason, payments of every method, suspense items)
/// run through the real legacy cycle (run-cycle.sh); our STEP050 fed the data sets that cycle wrote must reproduce its
/// CLV500.RPT, its STEP050 sysout and its STEP050 return code byte for byte. The generator draws ports from a few
/// dozen codes, so the entry headers' ports are spread over more codes than the report's port table holds (the hash
/// total of the trailer does not cover ports).
/// </summary>
public class Clv500GeneratedDayTests
{
    private static readonly Lazy<LegacySuite> Suite = new(() => LegacySuite.Prepare(RepoPaths.LegacyHome));

    /// <summary>Rewrites the port of every entry header that has a numeric one to one of <paramref name="ports"/> codes.</summary>
    private static void SpreadPorts(string entryIn, int ports, int seed)
    {
        var bytes = File.ReadAllBytes(entryIn);
        var headers = 0;
        for (var at = 0; at + 250 <= bytes.Length; at += 250)
        {
            if (bytes[at] != (byte)'H' || !bytes.AsSpan(at + 26, 4).ToArray().All(b => b is >= (byte)'0' and <= (byte)'9')) continue;
            var port = 100 + ((headers++ * 7919 + seed) % ports) * 7;
            Encoding.ASCII.GetBytes(port.ToString("D4", CultureInfo.InvariantCulture)).CopyTo(bytes, at + 26);
        }
        File.WriteAllBytes(entryIn, bytes);
    }

    private static void AssertStep050Matches(string legacyOut, string cycleLog)
    {
        using var temp = new TempDir("clv500-gen-ours");
        var (_, dir) = Clv500Harness.TwoRunDirs(temp, legacyOut);
        var rcLine = cycleLog.Split('\n').Single(l => l.StartsWith("ACSCLV01 STEP050", StringComparison.Ordinal));
        var rc = int.Parse(rcLine[^4..], CultureInfo.InvariantCulture);

        var ours = Clv500Harness.RunOurs(dir);

        ours.ShouldMatch(new Clv500Outcome(rc, File.ReadAllBytes(Path.Combine(legacyOut, "CLV500.RPT")),
            File.ReadAllText(Path.Combine(legacyOut, "sysout", "STEP050.CLV500"))));
    }

    [Fact]
    public void Chain_TwoGeneratedDays_ReportsByteIdentical()
    {
        using var temp = new TempDir("clv500-gen");
        var refDir = Suite.Value.RefDir;

        // day 1: many entries over 420 port codes (the table holds 300), every reject reason planted
        var in1 = temp.Combine("in1");
        DayGenerator.Generate(new DayGeneratorOptions
        {
            RunDate = 20260302, Entries = 1_200, Seed = 501, OutDir = in1, RefDir = refDir, InvalidPpm = 40_000,
        });
        SpreadPorts(Path.Combine(in1, "ENTRYIN"), 420, 1);
        var out1 = temp.Combine("out1");
        var cycle1 = Suite.Value.RunCycle("20260302", in1, out1, refDir: refDir);

        AssertStep050Matches(out1, cycle1.StdOut);
        var sysout1 = File.ReadAllText(Path.Combine(out1, "sysout", "STEP050.CLV500"));
        sysout1.Should().Contain("CLV2301W PORT TABLE FULL");
        File.ReadAllText(Path.Combine(out1, "CLV500.RPT")).Should().Contain("PAGE   10");

        // day 2: payments of every method against day 1's receivables (exact, partial, over, unknown: suspense), 70 ports
        var in2 = temp.Combine("in2");
        DayGenerator.Generate(new DayGeneratorOptions
        {
            RunDate = 20260303, Entries = 600, Seed = 502, OutDir = in2, RefDir = refDir, InvalidPpm = 20_000, PaymentsFrom = out1,
        });
        SpreadPorts(Path.Combine(in2, "ENTRYIN"), 70, 2);
        var out2 = temp.Combine("out2");
        var cycle2 = Suite.Value.RunCycle("20260303", in2, out2, out1, refDir);

        AssertStep050Matches(out2, cycle2.StdOut);
        var report2 = File.ReadAllText(Path.Combine(out2, "CLV500.RPT"));
        File.ReadAllText(Path.Combine(out2, "SUSPENSE")).Should().NotBeEmpty();
        report2.Should().NotContain("PAYMENTS APPLIED - CHECK                            0");
        report2.Should().NotContain("PAYMENTS APPLIED - ACH DEBIT                        0");
        report2.Should().NotContain("PAYMENTS APPLIED - ACH CREDIT                       0");
    }
}
