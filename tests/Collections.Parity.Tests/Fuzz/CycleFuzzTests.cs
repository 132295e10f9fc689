using System.Collections.Concurrent;
using System.Globalization;
using Collections.Legacy.Pipeline;
using Collections.Parity.Fuzz;
using Collections.Parity.Legacy;
using Collections.Testing;
using Xunit.Abstractions;

namespace Collections.Parity.Tests.Fuzz;

/// <summary>
/// Byte-level differential fuzzing of the whole cycle (issue 9, item 7): small generated days with damaged ENTRYIN,
/// PAYMENTS, SYSIN and old OPENITEM, run through the real legacy (run-cycle.sh of a built copy) and through
/// <see cref="LegacyCycle"/> in process; every output file, sysout, console line, the script's error lines and the
/// return codes must be byte-identical: the whole cycle, STEP010-STEP050 (every step is ported, every data set is
/// required); the test output counts the cases each step ran in, and CLV500 must be reached in a third of them or more.
/// FUZZ_DAYS (default 500) and FUZZ_SEED (first seed, default 1) choose the cases; a failure prints each differing
/// case's seed, what was generated and mutated, and the first differing bytes, and keeps its folder. One case is
/// re-run with <c>FUZZ_DAYS=1 FUZZ_SEED=&lt;seed&gt;</c>.
/// </summary>
public sealed class CycleFuzzTests(ITestOutputHelper output)
{
    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    /// <summary>Old masters (and their STMTOUT, for payments) the cases start from: committed fixture outputs.</summary>
    private static readonly string[] PriorFixtures =
        ["sample-2026-03-02", "chain-ye-3-20241231", "chain-fy-2-20250929", "chain-leap-4-20280229", "gen-chain-2-20260303"];

    [Fact]
    [Trait("Category", "Fuzz")]
    public void Fuzz_MutatedDays_LegacyAndModernByteIdentical()
    {
        var days = Env("FUZZ_DAYS", 500);
        var first = (ulong)Env("FUZZ_SEED", 1);
        var suite = LegacySuite.Prepare(RepoPaths.LegacyHome);
        var work = Path.Combine(Path.GetTempPath(), "collections-fuzz-" + Guid.NewGuid().ToString("N")[..8]);
        var fuzzer = new CycleFuzzer(suite, new FuzzOptions
        {
            RefDir = suite.RefDir,
            WorkRoot = work,
            PriorPool = [.. PriorFixtures.Select(f => Path.Combine(RepoPaths.LegacyFixtures, f, "output"))],
        });
        var results = new ConcurrentBag<FuzzCaseResult>();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, days, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results.Add(fuzzer.Run(first + (ulong)i)));
        sw.Stop();

        var ported = LegacySteps.Discover().Select(s => s.Program).ToList();
        output.WriteLine($"{days} cases (seeds {first}..{first + (ulong)days - 1}) in {sw.Elapsed.TotalSeconds:F1} s; modern side: {string.Join(", ", ported)}");
        foreach (var g in results.GroupBy(r => r.LegacyRc).OrderBy(g => g.Key)) output.WriteLine($"  legacy RC {g.Key}: {g.Count()} cases");
        foreach (var (_, program) in LegacySteps.Cycle)
            output.WriteLine($"  {program} run by the legacy (and compared) in {results.Count(r => r.StepsRun.Contains(program))} cases");
        foreach (var g in results.SelectMany(r => r.NotProduced).GroupBy(x => x).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"  not produced by the modern side: {g.Key} in {g.Count()} cases");
        var failing = results.Where(r => !r.Same).OrderBy(r => r.Seed).ToList();
        foreach (var f in failing.Take(20)) output.WriteLine(f.Report());
        if (failing.Count == 0) TryDelete(work);
        failing.Should().BeEmpty($"{failing.Count} of {days} fuzz cases differ; first: {failing.FirstOrDefault()?.Report()}");
        ported.Should().Equal(LegacySteps.Cycle.Select(s => s.Program), "the whole cycle is compared");
        results.SelectMany(r => r.NotProduced).Should().BeEmpty("every step is ported: every data set is required");
        // the damage must not stop every case early: STEP050 (CLV500, the report over every data set) is reached often
        if (days >= 100) results.Count(r => r.StepsRun.Contains("CLV500")).Should().BeGreaterThanOrEqualTo(days / 3, "CLV500 is compared on a third of the cases or more");
    }

    /// <summary>The mutator is deterministic per seed and does damage (it cannot pass by leaving the day intact).</summary>
    [Fact]
    public void Mutator_SameSeed_SameBytesAndEveryKindUsed()
    {
        var data = Enumerable.Range(0, 250 * 8).Select(i => (byte)('0' + (i % 10))).ToArray();
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (ulong s = 1; s <= 200; s++)
        {
            var la = new List<Mutation>();
            var lb = new List<Mutation>();
            var a = ByteMutator.Mutate(data, 250, 2, new Collections.Parity.Generation.Prng(s), "ENTRYIN", la);
            var b = ByteMutator.Mutate(data, 250, 2, new Collections.Parity.Generation.Prng(s), "ENTRYIN", lb);
            a.Should().Equal(b);
            la.Select(x => x.ToString()).Should().Equal(lb.Select(x => x.ToString()));
            la.Should().HaveCount(2);
            foreach (var m in la) kinds.Add(m.Kind);
        }
        kinds.Should().BeEquivalentTo(["set-bytes", "flip-bit", "truncate-file", "shorten-record", "double-record", "drop-record", "insert-record", "swap-records"]);
    }

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
