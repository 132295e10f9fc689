using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Collections.Parity.Legacy;

/// <summary>
/// A built copy of the legacy suite (the "production mainframe"). The suite's own folder is read-only: it is
/// copied to a work folder keyed by the SHA-256 of its sources (src/, copybooks/, build.sh, run-cycle.sh), built
/// there with its own build.sh (cobc), and reused while the sources are unchanged.
/// </summary>
public sealed class LegacySuite
{
    private static readonly string[] SourceFolders = ["src", "copybooks"];
    private static readonly string[] SourceFiles = ["build.sh", "run-cycle.sh"];
    private static readonly object BuildLock = new();

    private LegacySuite(string sourceHome, string workHome, string sourceHash)
    {
        SourceHome = sourceHome;
        WorkHome = workHome;
        SourceHash = sourceHash;
    }

    /// <summary>The legacy folder as given (never written).</summary>
    public string SourceHome { get; }

    /// <summary>The writable copy that holds bin/.</summary>
    public string WorkHome { get; }

    /// <summary>SHA-256 (hex) over the legacy sources, in ordinal path order: path, NUL, bytes, NUL.</summary>
    public string SourceHash { get; }

    /// <summary>The reference tables of the source suite (ref/).</summary>
    public string RefDir => Path.Combine(SourceHome, "ref");

    /// <summary>Compiler identification, e.g. "cobc (GnuCOBOL) 3.1.2.0".</summary>
    public static string CompilerVersion()
    {
        var r = Exec("cobc", ["--version"], null, null);
        return r.StdOut.Split('\n', 2)[0].Trim();
    }

    public const string CompilerFlags =
        "-x -std=default -fsign=EBCDIC -fbinary-size=2-4-8 -fno-constant-folding -fassign-clause=ibm -I copybooks";

    /// <summary>Copies and builds (once per source hash and work root) the suite at <paramref name="legacyHome"/>.</summary>
    public static LegacySuite Prepare(string legacyHome, string? workRoot = null)
    {
        legacyHome = Path.GetFullPath(legacyHome);
        if (!Directory.Exists(Path.Combine(legacyHome, "src")))
            throw new DirectoryNotFoundException($"{legacyHome} is not a legacy suite (no src/ folder)");
        var hash = HashSources(legacyHome);
        workRoot ??= Path.Combine(Path.GetTempPath(), "collections-legacy");
        var work = Path.Combine(workRoot, hash[..16]);
        lock (BuildLock)
        {
            using var fileLock = AcquireFileLock(work + ".lock");
            var stamp = Path.Combine(work, "bin", ".built");
            if (!File.Exists(stamp))
            {
                if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
                CopyTree(legacyHome, work);
                var r = Exec("sh", [Path.Combine(work, "build.sh")], work, null);
                if (r.ExitCode != 0)
                    throw new InvalidOperationException($"legacy build failed (RC {r.ExitCode}):\n{r.StdOut}\n{r.StdErr}");
                File.WriteAllText(stamp, hash + "\n");
            }
        }
        return new LegacySuite(legacyHome, work, hash);
    }

    /// <summary>
    /// Runs run-cycle.sh RUNDATE INDIR OUTDIR [PRIOR] with ACS_REFLIB = <paramref name="refDir"/> (default: the
    /// source suite's ref/). Returns the script's exit code (highest step RC) and its console output, decoded with
    /// <paramref name="consoleEncoding"/> (default UTF-8; Latin-1 maps every byte to one char, for byte comparisons).
    /// </summary>
    public LegacyRunResult RunCycle(string runDate, string inDir, string outDir, string? priorOutDir = null, string? refDir = null,
        Encoding? consoleEncoding = null)
    {
        var args = new List<string> { Path.Combine(WorkHome, "run-cycle.sh"), runDate, Path.GetFullPath(inDir), Path.GetFullPath(outDir) };
        if (priorOutDir is not null) args.Add(Path.GetFullPath(priorOutDir));
        var env = new Dictionary<string, string> { ["ACS_REFLIB"] = Path.GetFullPath(refDir ?? RefDir) };
        var sw = Stopwatch.StartNew();
        var r = Exec("sh", args, WorkHome, env, consoleEncoding);
        return new LegacyRunResult(r.ExitCode, r.StdOut, r.StdErr, sw.Elapsed);
    }

    public static string HashSources(string legacyHome)
    {
        var files = new List<string>();
        foreach (var f in SourceFolders)
        {
            var d = Path.Combine(legacyHome, f);
            if (Directory.Exists(d)) files.AddRange(Directory.GetFiles(d, "*", SearchOption.AllDirectories));
        }
        foreach (var f in SourceFiles)
        {
            var p = Path.Combine(legacyHome, f);
            if (File.Exists(p)) files.Add(p);
        }
        files.Sort(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(legacyHome, file).Replace('\\', '/')));
            sha.AppendData([0]);
            sha.AppendData(File.ReadAllBytes(file));
            sha.AppendData([0]);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, dir);
            if (rel == "bin" || rel.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.Combine(to, rel));
        }
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (rel.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var dest = Path.Combine(to, rel);
            File.Copy(file, dest, overwrite: true);
            // The source is read-only; the copy must be writable and scripts executable.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(dest, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                           | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    private static FileStream AcquireFileLock(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 1200)
            {
                Thread.Sleep(250);
            }
        }
    }

    internal static (int ExitCode, string StdOut, string StdErr) Exec(string file, IEnumerable<string> args, string? workDir, IDictionary<string, string>? env,
        Encoding? encoding = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = encoding,
            StandardErrorEncoding = encoding,
            UseShellExecute = false,
            WorkingDirectory = workDir ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + file);
        var so = p.StandardOutput.ReadToEndAsync();
        var se = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, so.Result, se.Result);
    }
}

/// <summary>Outcome of one legacy cycle: exit code (highest step RC), console output, wall time.</summary>
public sealed record LegacyRunResult(int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed);
