using System.Diagnostics;
using Collections.Testing;

namespace Collections.Batch.Tests;

/// <summary>The `collections` command as a child process (the build's collections.dll).</summary>
public static class Cli
{
    public static string Dll => Path.Combine(RepoPaths.RepoRoot, "src", "Collections.Cli", "bin", "Release", "net10.0", "collections.dll");

    public static Process Start(IEnumerable<string> args, IDictionary<string, string>? env = null, string? workDir = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workDir ?? Path.GetTempPath(),
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment.Remove("COLLECTIONS_HALT_AT");
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = Process.Start(psi)!;
        return p;
    }


    public static (int ExitCode, string StdOut, string StdErr) Run(IEnumerable<string> args, IDictionary<string, string>? env = null, int timeoutSeconds = 300)
    {
        using var p = Start(args, env);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"collections {string.Join(' ', args)} did not end in {timeoutSeconds} s: {stderr.Result}");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Waits for a file to appear (a halt marker).</summary>
    public static bool WaitForFile(string path, Process p, int timeoutSeconds = 180)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < until)
        {
            if (File.Exists(path)) return true;
            if (p.HasExited) return false;
            Thread.Sleep(100);
        }
        return false;
    }
}
