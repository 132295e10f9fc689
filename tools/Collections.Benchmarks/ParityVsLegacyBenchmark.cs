using System.Diagnostics;
using System.Globalization;
using Collections.Parity.Legacy;

namespace Collections.Benchmarks;

/// <summary>
/// <c>parity-vs-legacy --legacy-home DIR --in INDIR --rundate D [--rounds N] [--cli DLL --fixture SET] [--work DIR]</c>:
/// issue 12, item 6. Side by side, round after round (so both see the same machine load): the legacy cycle
/// (run-cycle.sh, every step) on the day's input, timed with bash <c>time</c>; then the parity comparison of that
/// cycle's output with itself, all ten data sets, as its own process (<c>parity-compare OUT --in INDIR --all</c> of this
/// tool: every file matched, classified, every gate and roll-up on both sides); and, with <c>--cli</c>, the shipped
/// <c>collections parity run --fixtures SET</c> (the modern side's ported steps run, then compared with the captured
/// legacy outputs). Reports wall and CPU time per round, the medians and the ratio to the legacy's time.
/// </summary>
public sealed class ParityVsLegacyBenchmark : IBenchmarkCommand
{
    public string Name => "parity-vs-legacy";

    public string Description => "Parity comparison of a day (all ten data sets) vs the legacy cycle on that day, side by side (issue 12)";

    public int Run(string[] args)
    {
        string? home = null, input = null, runDate = null, cli = null, fixture = null, work = null;
        var rounds = 3;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--legacy-home": home = args[++i]; break;
                case "--in": input = args[++i]; break;
                case "--rundate": runDate = args[++i]; break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--cli": cli = args[++i]; break;
                case "--fixture": fixture = args[++i]; break;
                case "--work": work = args[++i]; break;
            }
        }
        if (home is null || input is null || runDate is null || (cli is null) != (fixture is null))
        {
            Console.Error.WriteLine("usage: parity-vs-legacy --legacy-home DIR --in INDIR --rundate D [--rounds N] [--cli DLL --fixture SET] [--work DIR]");
            return 2;
        }
        work ??= Path.Combine(Path.GetTempPath(), "parity-vs-legacy");
        Directory.CreateDirectory(work);
        var suite = LegacySuite.Prepare(home);
        var self = typeof(ParityVsLegacyBenchmark).Assembly.Location;
        var rows = new List<(double LegacyWall, double LegacyCpu, double CompareWall, double CompareCpu, double RunWall, double RunCpu)>();
        for (var round = 1; round <= rounds; round++)
        {
            var outDir = Path.Combine(work, "legacy-out");
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
            Directory.CreateDirectory(outDir);
            Sync();
            var (lw, lc) = Timed($"ACS_REFLIB='{suite.RefDir}' sh '{Path.Combine(suite.WorkHome, "run-cycle.sh")}' {runDate} '{Path.GetFullPath(input)}' '{outDir}' > '{Path.Combine(work, "cycle.log")}' 2>&1", work);
            Sync();
            var (cw, cc) = Timed($"dotnet '{self}' parity-compare '{outDir}' --in '{Path.GetFullPath(input)}' --all --work '{Path.Combine(work, "compare")}' > '{Path.Combine(work, "compare.txt")}' 2>&1", work);
            double rw = 0, rc = 0;
            if (cli is not null)
            {
                Sync();
                (rw, rc) = Timed($"dotnet '{Path.GetFullPath(cli)}' parity run --fixtures '{Path.GetFullPath(fixture!)}' --ref '{suite.RefDir}' --report '{Path.Combine(work, "report")}' > '{Path.Combine(work, "run.txt")}' 2>&1", work);
                if (!File.ReadAllText(Path.Combine(work, "run.txt")).Contains("verdict:", StringComparison.Ordinal))
                    throw new InvalidOperationException("parity run did not finish: " + File.ReadAllText(Path.Combine(work, "run.txt")));
            }
            rows.Add((lw, lc, cw, cc, rw, rc));
            var line = string.Create(CultureInfo.InvariantCulture, $"round {round}: legacy {lw:F1} s wall / {lc:F1} s CPU, compare {cw:F1} / {cc:F1}");
            if (cli is not null) line += string.Create(CultureInfo.InvariantCulture, $", parity run {rw:F1} / {rc:F1}");
            Console.Error.WriteLine(line);
        }

        Console.WriteLine("### Parity vs the legacy cycle, side by side (issue 12)");
        Console.WriteLine();
        Console.WriteLine($"Machine: {MachineInfo.Describe()}; load average at the end: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| Round | Legacy cycle wall | Legacy CPU | Compare, all ten data sets, wall | CPU | vs legacy wall |" + (cli is null ? "" : " `parity run` wall | CPU | vs legacy wall |"));
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|" + (cli is null ? "" : "---:|---:|---:|"));
        var n = 0;
        foreach (var r in rows)
        {
            n++;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {n} | {r.LegacyWall:F1} s | {r.LegacyCpu:F1} s | {r.CompareWall:F1} s | {r.CompareCpu:F1} s | {r.CompareWall / r.LegacyWall:F2}x |")
                + (cli is null ? "" : string.Create(CultureInfo.InvariantCulture, $" {r.RunWall:F1} s | {r.RunCpu:F1} s | {r.RunWall / r.LegacyWall:F2}x |")));
        }
        static double Median(IEnumerable<double> xs)
        {
            var s = xs.OrderBy(x => x).ToList();
            return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| median | {Median(rows.Select(r => r.LegacyWall)):F1} s | {Median(rows.Select(r => r.LegacyCpu)):F1} s | {Median(rows.Select(r => r.CompareWall)):F1} s | {Median(rows.Select(r => r.CompareCpu)):F1} s | {Median(rows.Select(r => r.CompareWall / r.LegacyWall)):F2}x |")
            + (cli is null ? "" : string.Create(CultureInfo.InvariantCulture,
                $" {Median(rows.Select(r => r.RunWall)):F1} s | {Median(rows.Select(r => r.RunCpu)):F1} s | {Median(rows.Select(r => r.RunWall / r.LegacyWall)):F2}x |")));
        Console.WriteLine();
        Console.WriteLine(File.ReadAllText(Path.Combine(work, "compare.txt")).Trim());
        return 0;
    }

    /// <summary>Runs a shell command; wall time and CPU time (user + sys of the command and its children).</summary>
    private static (double Wall, double Cpu) Timed(string command, string workDir)
    {
        var psi = new ProcessStartInfo("bash", ["-c", $"TIMEFORMAT='%U %S'; time ( {command} )"])
        {
            WorkingDirectory = workDir, UseShellExecute = false, RedirectStandardError = true,
        };
        var watch = Stopwatch.StartNew();
        string times;
        using (var p = Process.Start(psi)!)
        {
            times = p.StandardError.ReadToEnd();
            p.WaitForExit();
        }
        watch.Stop();
        var last = times.Trim().Split('\n')[^1];
        return (watch.Elapsed.TotalSeconds, last.Trim().Split(' ').Sum(t => double.Parse(t, CultureInfo.InvariantCulture)));
    }

    private static void Sync()
    {
        using var p = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        p?.WaitForExit();
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
