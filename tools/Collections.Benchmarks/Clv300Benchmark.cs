using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collections.Domain.EntryFees;
using Collections.Legacy.Clv200;
using Collections.Legacy.Clv300;
using Collections.Parity.Legacy;

namespace Collections.Benchmarks;

/// <summary>
/// STEP030 alone: a generated ENTCALC of N entries (default 100,000, the entries of a 1M-line day; each with 8 MPF
/// allocation records; payment types 1/2/6/7, 40 filers, 2,000 importers, entry dates over two months) run through
/// the legacy CLV300 (cobc build) and through our <see cref="Clv300Step"/>. Prints wall and CPU times, our peak
/// working set and allocation, the sort's spilled runs, and whether STMTOUT, STMTDTL, CTLTOTS and sysout are
/// byte-identical.
/// usage: clv300 [ENTRIES] [SORT_MEMORY_MIB] [LEGACY_HOME]
/// </summary>
public sealed class Clv300Benchmark : IBenchmarkCommand
{
    public string Name => "clv300";

    public string Description => "STEP030 (CLV300) legacy vs port on a generated ENTCALC: time ratio, peak memory, sort spills, byte parity";

    public int Run(string[] args)
    {
        var entries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var sortMiB = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        var legacyHome = args.Length > 2 ? args[2] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/legacy"));
        var suite = LegacySuite.Prepare(legacyHome);
        var refDir = Path.Combine(legacyHome, "ref");
        var work = Path.Combine(Path.GetTempPath(), "clv300-bench-" + Guid.NewGuid().ToString("N"));
        var legacyDir = Path.Combine(work, "legacy");
        var oursDir = Path.Combine(work, "ours");
        try
        {
            foreach (var d in new[] { legacyDir, oursDir })
            {
                Directory.CreateDirectory(d);
                File.WriteAllText(Path.Combine(d, "SYSIN"), "RUNDATE=20260302\n");
            }
            using (var fs = File.Create(Path.Combine(legacyDir, "ENTCALC"))) Generate(fs, entries);
            File.Copy(Path.Combine(legacyDir, "ENTCALC"), Path.Combine(oursDir, "ENTCALC"));

            var exe = Path.Combine(suite.WorkHome, "bin", "CLV300");
            var (legacyWall, legacyCpu) = LegacyProgram.RunTimed(exe, legacyDir, "STEP030.CLV300", new Dictionary<string, string>
            {
                ["COB_VARSEQ_FORMAT"] = "0", ["COB_LS_FIXED"] = "FALSE", ["COB_LS_NULLS"] = "FALSE", ["TMPDIR"] = legacyDir,
                ["DD_ENTCALC"] = Path.Combine(legacyDir, "ENTCALC"), ["DD_HOLIDAY"] = Path.Combine(refDir, "HOLIDAY.DAT"),
                ["DD_STMTOUT"] = Path.Combine(legacyDir, "STMTOUT"), ["DD_STMTDTL"] = Path.Combine(legacyDir, "STMTDTL"),
                ["DD_CTLTOTS"] = Path.Combine(legacyDir, "CTLTOTS"),
            });

            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var oursWatch = Stopwatch.StartNew();
            var step = new Clv300Step { SortMemoryLimitBytes = (long)sortMiB << 20, SortTempDirectory = oursDir };
            using (var sysout = new StreamWriter(Path.Combine(oursDir, "STEP030.CLV300"), false, Encoding.Latin1) { NewLine = "\n" })
                step.Run(Clv300Files.ForCycle(oursDir, refDir), sysout);
            oursWatch.Stop();
            var oursCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;

            bool Same(string f) => File.ReadAllBytes(Path.Combine(legacyDir, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(oursDir, f)));
            var parity = Same("STMTOUT") && Same("STMTDTL") && Same("CTLTOTS") && Same("STEP030.CLV300");
            var entcalcBytes = new FileInfo(Path.Combine(oursDir, "ENTCALC")).Length;
            Console.WriteLine($"## STEP030 (CLV300), {entries:N0} entries (ENTCALC {entcalcBytes:N0} bytes), sort memory {sortMiB} MiB");
            Console.WriteLine();
            Console.WriteLine($"Machine: {MachineInfo.Describe()}");
            Console.WriteLine();
            Console.WriteLine("| run | wall time | CPU time (user+sys) | entries/s (wall) |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| legacy CLV300 (GnuCOBOL 3.1.2) | {legacyWall.TotalSeconds:F2} s | {legacyCpu:F2} s | {entries / legacyWall.TotalSeconds:N0} |");
            Console.WriteLine($"| Clv300Step (.NET, first run in the process) | {oursWatch.Elapsed.TotalSeconds:F2} s | {oursCpu:F2} s | {entries / oursWatch.Elapsed.TotalSeconds:N0} |");
            Console.WriteLine();
            Console.WriteLine($"Port peak working set {peak / (1024 * 1024)} MiB (whole benchmark process, generation included); allocated {allocated:N0} bytes "
                              + $"({(double)allocated / entries:F0} per entry); outputs byte-identical: {(parity ? "yes" : "NO")}.");
            return parity ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A deterministic ENTCALC: E records with 1-3 fees, each followed by 8 M records.</summary>
    private static void Generate(Stream output, int entries)
    {
        var rng = new Random(20260302);
        using var writer = EntcalcWriter.Create(output, leaveOpen: true);
        var filers = Enumerable.Range(0, 40).Select(i => ((char)('A' + (i % 26))).ToString() + (i / 26).ToString(CultureInfo.InvariantCulture) + "7").ToArray();
        var importers = Enumerable.Range(0, 2_000).Select(i => $"{i % 100:D2}-{i:D7}00").ToArray();
        for (var e = 0; e < entries; e++)
        {
            var filer = filers[rng.Next(filers.Length)];
            var entryNo = filer + rng.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture) + "0";
            var date = new DateTime(2026, 1, 5).AddDays(rng.Next(0, 56));
            var entryDate = (date.Year * 10000) + (date.Month * 100) + date.Day;
            var type = rng.Next(100) switch { < 40 => 1, < 70 => 2, < 85 => 6, _ => 7 };
            var duty = rng.NextInt64(0, 5_000_000_00);
            EntryFee[] fees = rng.Next(10) == 0
                ? [new(FeeClasses.InformalFee, 269)]
                : [new(FeeClasses.Mpf, rng.Next(3_358, 65_150)), new(FeeClasses.Hmf, rng.Next(0, 10_000))];
            writer.Write(new EntcalcEntryTotal
            {
                EntryNumber = entryNo, EntryType = "01", ImporterNumber = importers[rng.Next(importers.Length)], PortCode = 2704,
                EntryDate = entryDate, TransportMode = 40, PaymentType = type,
                StatementDate = type == 2 ? entryDate + rng.Next(1, 20) : 0, ManualFlag = 'N', LinesAccepted = 8, LinesRejected = 0,
                DutyCents = duty, FeeTotalCents = fees.Sum(f => f.AmountCents), TotalAssessedCents = duty + fees.Sum(f => f.AmountCents), Fees = fees,
            });
            for (var l = 1; l <= 8; l++) writer.Write(new EntcalcMpfAllocation(entryNo, l, 100_000, 346_400, 3_46));
        }
    }
}
