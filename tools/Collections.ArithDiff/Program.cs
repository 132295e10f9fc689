using System.Globalization;

namespace Collections.ArithDiff;

/// <summary>
/// Differential test of Collections.Cobol.Numerics against GnuCOBOL (cobc, the legacy's flags).
/// Usage: dotnet run -c Release --project tools/Collections.ArithDiff -- --cases 1000000 --seed 1 [--jobs 2]
///        [--from N] [--batch 2500] [--keep DIR] [--max-print 200]
/// Exit codes: 0 no mismatch; 1 mismatches or cobc/runtime errors; 2 usage error.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        int cases = 20000, seed = 1, jobs = 2, batch = 2500, maxPrint = 200, from = 0;
        string? keep = null;
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                int NextInt() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                switch (args[i])
                {
                    case "--cases": cases = NextInt(); break;
                    case "--seed": seed = NextInt(); break;
                    case "--jobs": jobs = NextInt(); break;
                    case "--batch": batch = NextInt(); break;
                    case "--max-print": maxPrint = NextInt(); break;
                    case "--keep": keep = Next(); break;
                    case "--from": from = NextInt(); break;
                    case "-h" or "--help":
                        Console.Error.WriteLine("usage: Collections.ArithDiff --cases N --seed S [--jobs J] [--from N] [--batch B] [--keep DIR] [--max-print M]");
                        return 0;
                    default: throw new ArgumentException($"unknown argument {args[i]}");
                }
            }
            if (cases < 1 || jobs < 1 || batch < 1) throw new ArgumentException("--cases, --jobs and --batch must be positive");
            if (from < 0) throw new ArgumentException("--from must not be negative");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"arithdiff: {cases} cases from #{from}, seed {seed}, {jobs} jobs, {batch} per program"));
        var report = DiffRunner.Run(new DiffOptions(cases, seed, jobs, batch, keep, keep is not null, from), Console.Error);
        Print(report, Console.Out, maxPrint);
        return report.Success ? 0 : 1;
    }

    public static void Print(DiffReport report, TextWriter w, int maxPrint)
    {
        var ic = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(ic, $"cases: {report.Cases}  mismatches: {report.Mismatches.Count}  errors: {report.Errors.Count}  size-error cases: {report.SizeErrorsSeen}"));
        w.WriteLine(string.Create(ic, $"programs: {report.Programs}  compile: {report.CompileMilliseconds / 1000.0:F1}s  run: {report.RunMilliseconds / 1000.0:F1}s (summed over jobs)  wall: {report.Elapsed.TotalSeconds:F1}s"));
        foreach (var (kind, n) in report.CasesPerKind.OrderBy(k => k.Key))
        {
            report.MismatchesPerKind.TryGetValue(kind, out int m);
            w.WriteLine(string.Create(ic, $"  {kind,-18} {n,9} cases {m,6} mismatches"));
        }
        foreach (var e in report.Errors) w.WriteLine("ERROR " + e);
        foreach (var m in report.Mismatches.OrderBy(m => m.Id).Take(maxPrint))
        {
            w.WriteLine(string.Create(ic, $"MISMATCH #{m.Id} {m.Kind}: {m.Statement}"));
            w.WriteLine("    items:   " + m.Declarations);
            w.WriteLine("    cobc:    " + m.Cobc);
            w.WriteLine("    library: " + m.Library);
        }
        if (report.Mismatches.Count > maxPrint)
            w.WriteLine(string.Create(ic, $"... {report.Mismatches.Count - maxPrint} more mismatches not printed"));
    }
}
