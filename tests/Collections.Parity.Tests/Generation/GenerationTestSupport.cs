using System.Text;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Parity.Tests.Generation;

/// <summary>Shared helpers: generate a day into a temp folder, run the real legacy on it, read its REJECTS.</summary>
internal static class GenerationTestSupport
{
    public static string RefDir => Path.Combine(RepoPaths.LegacyHome, "ref");

    public static DayGeneratorOptions Options(string outDir, int runDate = 20260302, int entries = 30, ulong seed = 1,
        int invalidPpm = 0, TrailerError trailer = TrailerError.None, bool scenarios = false, int meanLines = 3, string? paymentsFrom = null) => new()
    {
        RunDate = runDate,
        Entries = entries,
        Seed = seed,
        OutDir = outDir,
        RefDir = RefDir,
        InvalidPpm = invalidPpm,
        TrailerError = trailer,
        Scenarios = scenarios,
        MeanLines = meanLines,
        PaymentsFrom = paymentsFrom,
    };

    public static LegacySuite Legacy() => LegacySuite.Prepare(RepoPaths.LegacyHome);

    public static LegacyRunResult RunLegacy(string runDate, string inDir, string outDir, string? prior = null) =>
        Legacy().RunCycle(runDate, inDir, outDir, prior);

    /// <summary>(record number, reason code) of every REJECTS line (REJREC: record no at offset 25, reason at offset 35).</summary>
    public static List<(long Record, string Code)> Rejects(string outDir)
    {
        var path = Path.Combine(outDir, "REJECTS");
        if (!File.Exists(path)) return [];
        return File.ReadAllLines(path, Encoding.ASCII)
            .Select(l => (long.Parse(l.AsSpan(25, 7), System.Globalization.CultureInfo.InvariantCulture), l.Substring(35, 4)))
            .ToList();
    }

    /// <summary>Reason codes of the SUSPENSE file (SUSPREC: reason at 67-70).</summary>
    public static List<string> Suspense(string outDir)
    {
        var path = Path.Combine(outDir, "SUSPENSE");
        if (!File.Exists(path)) return [];
        return File.ReadAllLines(path, Encoding.ASCII).Select(l => l.Substring(66, 4)).ToList();
    }

    public static Dictionary<string, int> Count(IEnumerable<string> codes) =>
        codes.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
