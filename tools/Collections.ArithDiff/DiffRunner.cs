using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Collections.Cobol.Numerics;

namespace Collections.ArithDiff;

/// <param name="From">first case number of the seed's stream to run (the cases before it are generated and skipped);
/// a multiple of <paramref name="BatchSize"/> reproduces the original programs exactly, which matters because a
/// statement can change the literals seen by later statements of its program.</param>
public sealed record DiffOptions(int Cases, int Seed, int Jobs = 2, int BatchSize = 2500, string? WorkDir = null, bool KeepFiles = false, int From = 0)
{
    /// <summary>The legacy suite's compile flags (../shared/legacy/build.sh).</summary>
    public static readonly string[] LegacyFlags =
        ["-std=default", "-fsign=EBCDIC", "-fbinary-size=2-4-8", "-fno-constant-folding", "-fassign-clause=ibm"];
}

public sealed record Mismatch(int Id, StatementKind Kind, string Statement, string Declarations, string Cobc, string Library);

public sealed class DiffReport
{
    public ConcurrentDictionary<StatementKind, int> CasesPerKind { get; } = new();
    public ConcurrentDictionary<StatementKind, int> MismatchesPerKind { get; } = new();
    public ConcurrentBag<Mismatch> Mismatches { get; } = [];
    public ConcurrentBag<string> Errors { get; } = [];
    public int Cases => CasesPerKind.Values.Sum();
    public int SizeErrorsSeen;
    public int Programs;
    public long CompileMilliseconds;
    public long RunMilliseconds;
    public TimeSpan Elapsed { get; set; }
    public bool Success => Mismatches.IsEmpty && Errors.IsEmpty;
}

/// <summary>Generates cases, compiles batches with cobc (in parallel), runs them and compares with the library.</summary>
public static class DiffRunner
{
    public static DiffReport Run(DiffOptions o, TextWriter? progress = null)
    {
        var sw = Stopwatch.StartNew();
        var report = new DiffReport();
        string work = o.WorkDir ?? Path.Combine(Path.GetTempPath(), "arithdiff-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var gen = new CaseGenerator(o.Seed);
            for (int i = 0; i < o.From; i++) gen.Next();
            IEnumerable<(int Index, List<ArithCase> Cases)> Batches()
            {
                int remaining = o.Cases, index = o.From / Math.Max(1, o.BatchSize);
                while (remaining > 0)
                {
                    int n = Math.Min(o.BatchSize, remaining);
                    var list = new List<ArithCase>(n);
                    for (int i = 0; i < n; i++) list.Add(gen.Next());
                    remaining -= n;
                    yield return (index++, list);
                }
            }
            int done = 0;
            Parallel.ForEach(Batches(), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, o.Jobs) }, batch =>
            {
                RunBatch(batch.Index, batch.Cases, work, o, report);
                int d = Interlocked.Add(ref done, batch.Cases.Count);
                progress?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {d}/{o.Cases} cases, {report.Mismatches.Count} mismatches, {sw.Elapsed.TotalSeconds:F0}s"));
            });
        }
        finally
        {
            if (!o.KeepFiles)
            {
                try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        report.Elapsed = sw.Elapsed;
        return report;
    }

    private static void RunBatch(int index, List<ArithCase> cases, string work, DiffOptions o, DiffReport report)
    {
        string id = "AD" + index.ToString("D6", CultureInfo.InvariantCulture);
        string src = Path.Combine(work, id + ".cbl");
        string exe = Path.Combine(work, id);
        File.WriteAllText(src, CobolWriter.Write(id, cases));
        var csw = Stopwatch.StartNew();
        var args = new List<string> { "-x" };
        args.AddRange(DiffOptions.LegacyFlags);
        args.AddRange(["-o", exe, src]);
        var compile = RunProcess("cobc", args, work);
        Interlocked.Add(ref report.CompileMilliseconds, csw.ElapsedMilliseconds);
        Interlocked.Increment(ref report.Programs);
        if (compile.ExitCode != 0)
        {
            report.Errors.Add($"cobc failed for {src} ({compile.ExitCode}): {Truncate(compile.StdErr + compile.StdOut, 4000)}");
            return;
        }
        var rsw = Stopwatch.StartNew();
        var run = RunProcess(exe, [], work);
        Interlocked.Add(ref report.RunMilliseconds, rsw.ElapsedMilliseconds);
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in run.StdOut.Split('\n'))
        {
            int bar = line.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0) lines[line[..bar]] = line[(bar + 1)..].TrimEnd('\r');
        }
        if (run.ExitCode != 0)
            report.Errors.Add($"{exe} exited {run.ExitCode}: {Truncate(run.StdErr, 2000)}");
        var literals = new CobolLiteralPool(); // the program's shared literal constants, in statement order
        foreach (var c in cases)
        {
            report.CasesPerKind.AddOrUpdate(c.Kind, 1, (_, n) => n + 1);
            var expected = Evaluator.Evaluate(c, literals);
            if (expected.SizeError) Interlocked.Increment(ref report.SizeErrorsSeen);
            string lib = Format(c, expected);
            if (!lines.TryGetValue(c.Tag, out var got))
            {
                AddMismatch(report, c, "(no output)", lib);
                continue;
            }
            if (!Matches(c, got, expected)) AddMismatch(report, c, got, lib);
        }
        if (!o.KeepFiles)
        {
            TryDelete(src);
            TryDelete(exe);
        }
    }

    private static void AddMismatch(DiffReport report, ArithCase c, string cobc, string lib)
    {
        report.MismatchesPerKind.AddOrUpdate(c.Kind, 1, (_, n) => n + 1);
        var decl = string.Join("; ", c.Fields.Select(f => $"{f.Name} PIC {CobolWriter.Picture(f.Pic)}{f.UsageClause} VALUE {f.ValueLiteral}"));
        report.Mismatches.Add(new Mismatch(c.Id, c.Kind, CobolWriter.StatementText(c), decl, cobc, lib));
    }

    /// <summary>Library outcome in the same "value|[remainder|]flag" shape as the COBOL output.</summary>
    public static string Format(ArithCase c, Outcome o)
    {
        string flag = c.OnSizeError ? (o.SizeError ? "Y" : "N") : "-";
        string v = (o.NegativeZero ? "-" : "") + o.Value.ToString();
        return o.Remainder is { } rm ? $"{v}|{(o.RemainderNegativeZero ? "-" : "")}{rm}|{flag}" : $"{v}|{flag}";
    }

    private static bool Matches(ArithCase c, string got, Outcome expected)
    {
        var parts = got.Split('|');
        int n = c.Remainder is null ? 2 : 3;
        if (parts.Length != n) return false;
        if (!ParseOutput(parts[0], c.Receiver, out var v, out bool nz) || v != expected.Value
            || nz != (expected.NegativeZero && c.Receiver.OutputIsRaw)) return false;
        if (c.Remainder is not null
            && (!ParseOutput(parts[1], c.Remainder, out var rm, out bool rnz) || rm != expected.Remainder!.Value
                || rnz != (expected.RemainderNegativeZero && c.Remainder.OutputIsRaw))) return false;
        string flag = parts[n - 1].Trim();
        string want = c.OnSizeError ? (expected.SizeError ? "Y" : "N") : "-";
        return flag == want;
    }

    private static bool ParseOutput(string text, FieldSpec f, out CobolDecimal value, out bool negativeZero)
    {
        negativeZero = false;
        return f.OutputIsRaw ? ParseRawZoned(text, f.Pic, out value, out negativeZero) : ParseDisplay(text, out value);
    }

    /// <summary>Decodes the raw storage of a DISPLAY item written with -fsign=EBCDIC: digits, the last one
    /// over-punched when signed ('{' 'A'-'I' = +0..+9, '}' 'J'-'R' = -0..-9).</summary>
    public static bool ParseRawZoned(string raw, NumericPic pic, out CobolDecimal value, out bool negativeZero)
    {
        value = default;
        negativeZero = false;
        if (raw.Length != pic.Digits) return false;
        System.Numerics.BigInteger u = 0;
        bool negative = false;
        for (int i = 0; i < raw.Length; i++)
        {
            char ch = raw[i];
            int digit;
            if (ch is >= '0' and <= '9') digit = ch - '0';
            else if (pic.Signed && i == raw.Length - 1 && ch == '{') digit = 0;
            else if (pic.Signed && i == raw.Length - 1 && ch is >= 'A' and <= 'I') digit = ch - 'A' + 1;
            else if (pic.Signed && i == raw.Length - 1 && ch == '}') { digit = 0; negative = true; }
            else if (pic.Signed && i == raw.Length - 1 && ch is >= 'J' and <= 'R') { digit = ch - 'J' + 1; negative = true; }
            else return false;
            u = u * 10 + digit;
        }
        negativeZero = negative && u.IsZero;
        value = CobolDecimal.FromUnscaled(negative ? -u : u, pic.Scale);
        return true;
    }

    /// <summary>Parses GnuCOBOL's DISPLAY of a numeric item: "+012.34", "-3456", "012.3", "12000", ".00023".
    /// A negative zero ("-000") is reported as a mismatch (the library never produces one).</summary>
    public static bool ParseDisplay(string text, out CobolDecimal value)
    {
        text = text.Trim();
        if (!CobolDecimal.TryParse(text, out value)) return false;
        return !(text.StartsWith('-') && value.IsZero);
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "...";

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed record ProcessResult(int ExitCode, string StdOut, string StdErr);

    private static ProcessResult RunProcess(string file, IEnumerable<string> args, string workDir)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + file);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}
