using System.Diagnostics;
using System.Globalization;

namespace Collections.Benchmarks;

/// <summary>Runs one legacy load module as run-cycle.sh does (SYSIN on stdin, stdout and stderr into its sysout file), timed.</summary>
public static class LegacyProgram
{
    /// <summary>
    /// Runs <paramref name="exe"/> in <paramref name="workDir"/> (which holds SYSIN) with <paramref name="environment"/>
    /// (DD_ variables, COB_ options), its output to <paramref name="sysoutFile"/> in that folder. Returns the wall time
    /// and the CPU time (user + sys, from bash <c>time</c>).
    /// </summary>
    public static (TimeSpan Wall, double CpuSeconds) RunTimed(string exe, string workDir, string sysoutFile, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var watch = Stopwatch.StartNew();
        var psi = new ProcessStartInfo("bash", ["-c", $"TIMEFORMAT='%U %S'; time (\"{exe}\" < SYSIN > {sysoutFile} 2>&1)"])
        {
            WorkingDirectory = workDir, UseShellExecute = false, RedirectStandardError = true,
        };
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        string times;
        using (var p = Process.Start(psi)!)
        {
            times = p.StandardError.ReadToEnd();
            p.WaitForExit();
        }
        watch.Stop();
        return (watch.Elapsed, times.Trim().Split(' ').Sum(t => double.Parse(t, CultureInfo.InvariantCulture)));
    }
}
