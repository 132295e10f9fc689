using System.Diagnostics;

namespace Collections.Testing;

/// <summary>Compiles and runs throw-away COBOL programs with GnuCOBOL (cobc), for differential tests.</summary>
public static class Cobc
{
    /// <summary>The legacy suite's compile flags (../shared/legacy/build.sh).</summary>
    public static readonly string[] LegacyFlags =
        ["-std=default", "-fsign=EBCDIC", "-fbinary-size=2-4-8", "-fno-constant-folding", "-fassign-clause=ibm"];

    public static bool IsAvailable
    {
        get
        {
            try { return Run("cobc", ["--version"], null, null).ExitCode == 0; }
            catch (System.ComponentModel.Win32Exception) { return false; }
        }
    }

    /// <summary>Compiles <paramref name="sourceFile"/> to an executable; throws with cobc's messages on failure.</summary>
    public static string Compile(string sourceFile, IEnumerable<string>? extraFlags = null, string? copybookDir = null)
    {
        var exe = Path.ChangeExtension(sourceFile, null);
        var args = new List<string> { "-x" };
        args.AddRange(extraFlags ?? LegacyFlags);
        if (copybookDir is not null) { args.Add("-I"); args.Add(copybookDir); }
        args.Add("-o"); args.Add(exe); args.Add(sourceFile);
        var r = Run("cobc", args, Path.GetDirectoryName(sourceFile), null);
        if (r.ExitCode != 0) throw new InvalidOperationException($"cobc failed ({r.ExitCode}) for {sourceFile}:\n{r.StdErr}\n{r.StdOut}");
        return exe;
    }

    public static ProcessResult Run(string file, IEnumerable<string> args, string? workDir, IDictionary<string, string>? env)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + file);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}

public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr);
