using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;
using Collections.Legacy.Clv200;
using Collections.Parity.Legacy;

namespace Collections.Benchmarks;

/// <summary>
/// STEP020 alone: a generated LINECALC day of N lines (default 1,000,000; about 8 lines per entry, a mix of formal,
/// informal, manual, vessel/HMF, exempt and Chapter 98 lines) run through the legacy CLV200 (cobc build) and through
/// our <see cref="Clv200Step"/>, same machine, same run. Prints wall times, the ratio, our peak working set, and
/// whether ENTCALC, CTLTOTS and sysout are byte-identical.
/// usage: clv200 [LINES] [LEGACY_HOME]
/// </summary>
public sealed class Clv200Benchmark : IBenchmarkCommand
{
    public string Name => "clv200";

    public string Description => "STEP020 (CLV200) legacy vs port on a generated LINECALC day: time ratio, peak memory, byte parity";

    public int Run(string[] args)
    {
        var lines = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var legacyHome = args.Length > 1 ? args[1] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/legacy"));
        var suite = LegacySuite.Prepare(legacyHome);
        var refDir = Path.Combine(legacyHome, "ref");
        var work = Path.Combine(Path.GetTempPath(), "clv200-bench-" + Guid.NewGuid().ToString("N"));
        var legacyDir = Path.Combine(work, "legacy");
        var oursDir = Path.Combine(work, "ours");
        try
        {
            foreach (var d in new[] { legacyDir, oursDir })
            {
                Directory.CreateDirectory(d);
                File.WriteAllText(Path.Combine(d, "SYSIN"), "RUNDATE=20260302\n");
            }
            var genWatch = Stopwatch.StartNew();
            using (var fs = File.Create(Path.Combine(legacyDir, "LINECALC"))) Generate(fs, lines);
            File.Copy(Path.Combine(legacyDir, "LINECALC"), Path.Combine(oursDir, "LINECALC"));
            genWatch.Stop();

            var env = new Dictionary<string, string>
            {
                ["COB_VARSEQ_FORMAT"] = "0", ["COB_LS_FIXED"] = "FALSE", ["COB_LS_NULLS"] = "FALSE",
                ["DD_LINECALC"] = Path.Combine(legacyDir, "LINECALC"), ["DD_FEETAB"] = Path.Combine(refDir, "FEES.DAT"),
                ["DD_SPITAB"] = Path.Combine(refDir, "SPI.DAT"), ["DD_HMFPORT"] = Path.Combine(refDir, "HMFPORT.DAT"),
                ["DD_ENTCALC"] = Path.Combine(legacyDir, "ENTCALC"), ["DD_CTLTOTS"] = Path.Combine(legacyDir, "CTLTOTS"),
            };
            var exe = Path.Combine(suite.WorkHome, "bin", "CLV200");
            var (legacyWall, legacyCpu) = LegacyProgram.RunTimed(exe, legacyDir, "STEP020.CLV200", env);

            var warmups = int.Parse(Environment.GetEnvironmentVariable("CLV200_BENCH_WARMUP") ?? "0", CultureInfo.InvariantCulture);
            for (var warm = 0; warm < warmups; warm++)
            {
                var w = Stopwatch.StartNew();
                Clv200Step.Run(Clv200Files.ForCycle(oursDir, refDir), TextWriter.Null);
                Console.Error.WriteLine($"warm-up run {warm + 1}: {w.Elapsed.TotalSeconds:F2} s, cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F2} s");
                File.WriteAllBytes(Path.Combine(oursDir, "CTLTOTS"), []);
            }
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var gen0Before = GC.CollectionCount(0);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var oursWatch = Stopwatch.StartNew();
            using (var sysout = new StreamWriter(Path.Combine(oursDir, "STEP020.CLV200"), false, Encoding.Latin1) { NewLine = "\n" })
                Clv200Step.Run(Clv200Files.ForCycle(oursDir, refDir), sysout);
            oursWatch.Stop();
            var oursCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var gen0 = GC.CollectionCount(0) - gen0Before;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;

            bool Same(string f) => File.ReadAllBytes(Path.Combine(legacyDir, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(oursDir, f)));
            var parity = Same("ENTCALC") && Same("CTLTOTS") && Same("STEP020.CLV200");
            Console.WriteLine($"## STEP020 (CLV200), {lines:N0} LINECALC lines");
            Console.WriteLine();
            Console.WriteLine($"Machine: {MachineInfo.Describe()}");
            Console.WriteLine();
            Console.WriteLine("| run | wall time | CPU time (user+sys) | lines/s (wall) |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| legacy CLV200 (GnuCOBOL 3.1.2) | {legacyWall.TotalSeconds:F2} s | {legacyCpu:F2} s | {lines / legacyWall.TotalSeconds:N0} |");
            Console.WriteLine($"| Clv200Step (.NET, {(warmups == 0 ? "first run in the process" : $"after {warmups} warm-up run(s)")}) | {oursWatch.Elapsed.TotalSeconds:F2} s | {oursCpu:F2} s | {lines / oursWatch.Elapsed.TotalSeconds:N0} |");
            Console.WriteLine();
            Console.WriteLine($"Ratio legacy/port: wall {legacyWall.TotalSeconds / oursWatch.Elapsed.TotalSeconds:F1}x, CPU {legacyCpu / oursCpu:F1}x; port peak working set {peak / (1024 * 1024)} MiB (whole benchmark process); "
                              + $"ENTCALC {new FileInfo(Path.Combine(oursDir, "ENTCALC")).Length:N0} bytes; outputs byte-identical: {(parity ? "yes" : "NO")}.");
            Console.WriteLine($"Port run allocated {allocated:N0} bytes in all ({(double)allocated / lines:F2} bytes per line, start-up and table loading included), {gen0} gen0 collections.");
            return parity ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A deterministic day: entries of 1-15 lines with varied types, ports, modes, SPIs and amounts.</summary>
    private static void Generate(Stream output, int lines)
    {
        var rng = new Random(20260302);
        var buffer = new BufferedStream(output, 1 << 20);
        var r = new byte[250];
        var written = 0;
        var entry = 0;
        string[] spis = ["  ", "  ", "  ", "S ", "A ", "JO", "P+", "KR"];
        string[] ports = ["1001", "2704", "3901", "5301", "0401", "2720"];
        while (written < lines)
        {
            entry++;
            var n = Math.Min(lines - written, 1 + rng.Next(15));
            var type = rng.Next(10) == 0 ? "11" : "01";
            var port = ports[rng.Next(ports.Length)];
            var mode = rng.Next(3) == 0 ? 10 : 40;
            var manual = rng.Next(20) == 0 ? (byte)'Y' : (byte)'N';
            var date = rng.Next(4) == 0 ? 20250930 : 20260302;
            for (var i = 1; i <= n; i++)
            {
                r.AsSpan().Fill((byte)' ');
                Encoding.ASCII.GetBytes("B01" + entry.ToString("D7", CultureInfo.InvariantCulture) + "0", r.AsSpan(0, 11));
                Digits(r, 11, 3, i);
                r[14] = rng.Next(50) == 0 ? (byte)'R' : (byte)'A';
                Encoding.ASCII.GetBytes(type, r.AsSpan(19, 2));
                Encoding.ASCII.GetBytes("12-345678900", r.AsSpan(21, 12));
                Encoding.ASCII.GetBytes(port, r.AsSpan(33, 4));
                Digits(r, 37, 8, date);
                Digits(r, 45, 2, mode);
                Digits(r, 47, 1, 1);
                Digits(r, 48, 8, 0);
                r[56] = manual;
                Encoding.ASCII.GetBytes(rng.Next(30) == 0 ? "9801001000" : "8471300100", r.AsSpan(68, 10));
                Encoding.ASCII.GetBytes(spis[rng.Next(spis.Length)], r.AsSpan(80, 2));
                var rejected = r[14] == (byte)'R';
                var usd = rejected ? 0 : (long)rng.Next(0, 5_000_000) * 100;
                Packed(r, 82, 13, usd);
                Packed(r, 89, 13, usd);
                Packed(r, 123, 13, rejected ? 0 : usd / 25);
                for (var c = 0; c < 3; c++)
                {
                    var at = 130 + (25 * c);
                    r[at + 17] = (byte)(c == 0 && rng.Next(4) == 0 ? 'Y' : 'N');
                    Encoding.ASCII.GetBytes(c == 0 ? "IEP" : "301", r.AsSpan(at + 10, 3));
                    Packed(r, at + 18, 13, r[at + 17] == (byte)'Y' ? usd / 10 : 0);
                    PackedDecimal.Encode(0, r.AsSpan(at + 13, 4), 7, signed: false);
                }
                r[215] = (byte)(rng.Next(40) == 0 ? 'A' : ' ');
                Packed(r, 216, 13, r[215] == (byte)'A' ? usd / 5 : 0);
                Packed(r, 223, 14, usd * 3464 / 1000);
                Packed(r, 231, 13, rng.Next(25) == 0 ? 1_23 : 0);
                PackedDecimal.Encode(1_000000, r.AsSpan(60, 7), 12, signed: false);
                PackedDecimal.Encode(0, r.AsSpan(112, 4), 7, signed: false);
                PackedDecimal.Encode(0, r.AsSpan(116, 6), 10, signed: false);
                Packed(r, 96, 11, 0);
                Packed(r, 105, 11, 0);
                Digits(r, 238, 7, written + 1);
                buffer.Write(r);
                written++;
            }
        }
        buffer.Flush();
    }

    private static void Digits(byte[] r, int offset, int length, long value)
        => ZonedDecimal.Encode(value, r.AsSpan(offset, length), length, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters);

    private static void Packed(byte[] r, int offset, int digits, long value)
        => PackedDecimal.Encode(value, r.AsSpan(offset, PackedDecimal.ByteLength(digits)), digits, signed: true);
}
