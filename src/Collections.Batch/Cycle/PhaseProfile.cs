using System.Diagnostics;
using System.Globalization;

namespace Collections.Batch.Cycle;

/// <summary>
/// Phase timings for profiling the cycle: with COLLECTIONS_PROFILE=1 each <see cref="Mark"/> writes to standard error
/// the phase, its wall time, the process's CPU time (user + sys) spent since the previous mark, the managed
/// allocations since then and the SQLite rows bulk-inserted. Unset in production: one flag test per mark.
/// </summary>
public static class PhaseProfile
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("COLLECTIONS_PROFILE") == "1";
    private static readonly object Gate = new();
    private static long _lastWall = Stopwatch.GetTimestamp();
    private static TimeSpan _lastCpu;
    private static long _lastAlloc;
    private static long _lastRows;

    public static bool IsEnabled => Enabled;

    /// <summary>Ends the current phase with <paramref name="name"/>.</summary>
    public static void Mark(string name)
    {
        if (!Enabled) return;
        lock (Gate)
        {
            var now = Stopwatch.GetTimestamp();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var alloc = GC.GetTotalAllocatedBytes();
            var rows = Persistence.Bulk.SqliteBulkWriter.Statements;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"profile {name,-40} wall {Stopwatch.GetElapsedTime(_lastWall, now).TotalMilliseconds,9:F0} ms  cpu {(cpu - _lastCpu).TotalMilliseconds,9:F0} ms  alloc {(alloc - _lastAlloc) / 1048576.0,8:F1} MiB  inserts {rows - _lastRows,9}"));
            _lastWall = now;
            _lastCpu = cpu;
            _lastAlloc = alloc;
            _lastRows = rows;
        }
    }
}
