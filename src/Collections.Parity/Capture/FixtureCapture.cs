using System.Text;
using System.Text.Json;
using Collections.Parity.Legacy;

namespace Collections.Parity.Capture;

/// <summary>What to capture: the legacy suite, the input day, the run date, where to store it.</summary>
public sealed record CaptureOptions
{
    public required string LegacyHome { get; init; }
    public required string InputDir { get; init; }
    /// <summary>CCYYMMDD as given to run-cycle.sh (not validated here: the legacy's own reaction is what is captured).</summary>
    public required string RunDate { get; init; }
    /// <summary>The fixture folder to write (legacy-fixtures/NAME).</summary>
    public required string OutDir { get; init; }
    /// <summary>The prior day's fixture folder: its output/OPENITEM is the old master.</summary>
    public string? PriorFixture { get; init; }
    /// <summary>A crafted old master file (e.g. a damaged OPENITEM), stored as prior/OPENITEM in the fixture; excludes <see cref="PriorFixture"/>.</summary>
    public string? PriorMaster { get; init; }
    /// <summary>Reference tables to run with; null = the suite's own ref/. Others are copied into the fixture.</summary>
    public string? RefDir { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Covers { get; init; } = [];
    public string Expected { get; init; } = "";
    /// <summary>Where the built legacy is cached (default: the temp folder).</summary>
    public string? WorkRoot { get; init; }
}

/// <summary>
/// Builds and runs the legacy cycle (run-cycle.sh, through <see cref="LegacySuite"/>) on an input day and stores
/// a fixture set: the inputs as given, every output data set incl. sysout/, the cycle console (cycle.log), the
/// return codes, and a deterministic manifest.json with the provenance and every file's SHA-256.
/// </summary>
public static class FixtureCapture
{
    /// <summary>Input data sets a cycle reads, plus the generator's description of the day when present.</summary>
    public static readonly string[] InputFiles = ["ENTRYIN", "PAYMENTS", "SYSIN", "generation.json"];

    public static string ToolVersion =>
        "collections parity capture/1 (Collections.Parity " + (typeof(FixtureCapture).Assembly.GetName().Version?.ToString() ?? "0") + ")";

    public static FixtureManifest Capture(CaptureOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var home = Path.GetFullPath(o.LegacyHome);
        var fixture = Path.GetFullPath(o.OutDir);
        var input = Path.GetFullPath(o.InputDir);
        if (!Directory.Exists(input)) throw new DirectoryNotFoundException("input folder not found: " + input);
        if (fixture.StartsWith(home + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("the fixture folder must not be inside the legacy suite (it is read-only)");
        PrepareFixtureFolder(fixture);

        var inDir = Path.Combine(fixture, FixtureManifest.InputFolder);
        Directory.CreateDirectory(inDir);
        foreach (var name in InputFiles)
        {
            var src = Path.Combine(input, name);
            if (File.Exists(src)) File.Copy(src, Path.Combine(inDir, name), overwrite: true);
        }
        var covers = o.Covers.ToList();
        var gen = Path.Combine(inDir, "generation.json");
        if (covers.Count == 0 && File.Exists(gen)) covers = GeneratedScenarios(gen);

        var legacyRef = Path.Combine(home, "ref");
        var refSource = "legacy";
        if (o.RefDir is not null && !SameFolder(o.RefDir, legacyRef))
        {
            refSource = "fixture";
            var refCopy = Path.Combine(fixture, FixtureManifest.RefFolder);
            Directory.CreateDirectory(refCopy);
            foreach (var f in Directory.GetFiles(o.RefDir)) File.Copy(f, Path.Combine(refCopy, Path.GetFileName(f)), overwrite: true);
        }

        string? priorName = null;
        if (o.PriorMaster is not null)
        {
            if (o.PriorFixture is not null) throw new InvalidOperationException("give a prior fixture or a prior master file, not both");
            var priorDir = Path.Combine(fixture, FixtureManifest.PriorMasterFolder);
            Directory.CreateDirectory(priorDir);
            File.Copy(Path.GetFullPath(o.PriorMaster), Path.Combine(priorDir, "OPENITEM"), overwrite: true);
        }
        if (o.PriorFixture is not null)
        {
            var prior = Path.GetFullPath(o.PriorFixture);
            if (!File.Exists(Path.Combine(prior, FixtureManifest.FileName))) throw new DirectoryNotFoundException("prior is not a fixture set: " + prior);
            if (!string.Equals(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(prior)), Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(fixture)), StringComparison.Ordinal))
                throw new InvalidOperationException("the prior fixture must be a sibling of the new one (same legacy-fixtures folder)");
            priorName = Path.GetFileName(Path.TrimEndingDirectorySeparator(prior));
        }

        return RunAndRecord(fixture, home, o.RunDate, priorName, refSource, o.Description, covers, o.Expected, o.WorkRoot);
    }

    /// <summary>
    /// Re-runs the legacy on a fixture's stored inputs (same run date, prior fixture and reference tables) and
    /// rewrites its outputs and manifest. Returns the paths whose content changed (empty = reproduced exactly).
    /// With <paramref name="write"/> false nothing is written: the new outputs are only compared.
    /// </summary>
    public static IReadOnlyList<string> Recapture(string fixtureDir, string legacyHome, bool write = true, string? workRoot = null)
    {
        var fixture = Path.GetFullPath(fixtureDir);
        var old = FixtureManifest.Read(fixture);
        var home = Path.GetFullPath(legacyHome);
        if (write)
        {
            var before = old.Files.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
            var now = RunAndRecord(fixture, home, old.RunDate, old.Prior, old.ReferenceSource, old.Description, old.Covers, old.Expected, workRoot);
            return Changes(before, now.Files);
        }
        using var temp = new TempFolder();
        var outDir = Path.Combine(temp.Path, "out");
        var (_, log, _) = Run(fixture, home, old.RunDate, old.Prior, old.ReferenceSource, outDir, workRoot);
        var now2 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.GetFiles(outDir, "*", SearchOption.AllDirectories))
            now2[FixtureManifest.OutputFolder + "/" + Path.GetRelativePath(outDir, f).Replace('\\', '/')] = FixtureManifest.Sha256Hex(f);
        now2[FixtureManifest.CycleLog] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(log)));
        var before2 = old.Files.Where(f => f.Path.StartsWith(FixtureManifest.OutputFolder + "/", StringComparison.Ordinal) || f.Path == FixtureManifest.CycleLog)
            .ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
        return Changes(before2, now2.Select(kv => new FixtureFile(kv.Key, kv.Value, 0)).ToList());
    }

    private static List<string> Changes(Dictionary<string, string> before, IReadOnlyList<FixtureFile> after)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        var now = after.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
        foreach (var (p, h) in before)
            if (!now.TryGetValue(p, out var h2) || !string.Equals(h, h2, StringComparison.Ordinal)) changed.Add(p);
        foreach (var p in now.Keys) if (!before.ContainsKey(p)) changed.Add(p);
        return [.. changed];
    }

    private static FixtureManifest RunAndRecord(string fixture, string home, string runDate, string? priorName, string refSource,
        string description, IReadOnlyList<string> covers, string expected, string? workRoot)
    {
        var outDir = Path.Combine(fixture, FixtureManifest.OutputFolder);
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        var (suite, log, rc) = Run(fixture, home, runDate, priorName, refSource, outDir, workRoot);
        File.WriteAllText(Path.Combine(fixture, FixtureManifest.CycleLog), log, new UTF8Encoding(false));

        var refDir = refSource == "fixture" ? Path.Combine(fixture, FixtureManifest.RefFolder) : Path.Combine(home, "ref");
        var refs = Directory.GetFiles(refDir).Order(StringComparer.Ordinal).Select(f => FixtureManifest.Describe(refDir, f)).ToList();
        var files = Directory.GetFiles(fixture, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != FixtureManifest.FileName || Path.GetDirectoryName(f) != fixture)
            .Select(f => FixtureManifest.Describe(fixture, f)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var manifest = new FixtureManifest
        {
            Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(fixture)),
            Description = description,
            Covers = covers,
            RunDate = runDate,
            Prior = priorName,
            LegacySourceHash = suite.SourceHash,
            Compiler = LegacySuite.CompilerVersion(),
            CompilerFlags = LegacySuite.CompilerFlags,
            ReferenceSource = refSource,
            ReferenceTables = refs,
            ReturnCode = rc,
            Steps = FixtureManifest.ParseSteps(log),
            Expected = expected,
            CaptureTool = ToolVersion,
            Files = files,
        };
        manifest.Write(fixture);
        return manifest;
    }

    private static (LegacySuite Suite, string Log, int Rc) Run(string fixture, string home, string runDate, string? priorName, string refSource, string outDir, string? workRoot)
    {
        var suite = LegacySuite.Prepare(home, workRoot);
        var inDir = Path.Combine(fixture, FixtureManifest.InputFolder);
        string? priorOut = null;
        if (priorName is not null)
        {
            priorOut = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(fixture))!, priorName, FixtureManifest.OutputFolder);
            if (!Directory.Exists(priorOut)) throw new DirectoryNotFoundException("prior fixture output not found: " + priorOut);
        }
        else if (FixtureFolder.FirstDir(fixture, FixtureManifest.PriorMasterFolder) is { } carried)
        {
            priorOut = carried;   // the fixture's own (crafted) old master
        }
        var refDir = refSource == "fixture" ? Path.Combine(fixture, FixtureManifest.RefFolder) : Path.Combine(home, "ref");
        Directory.CreateDirectory(outDir);
        var result = suite.RunCycle(runDate, inDir, outDir, priorOut, refDir);
        var log = result.StdOut + (string.IsNullOrEmpty(result.StdErr) ? "" : "--- stderr ---\n" + result.StdErr);
        // paths of this machine do not belong in a fixture
        log = log.Replace(Path.GetFullPath(outDir), "$OUTDIR", StringComparison.Ordinal)
                 .Replace(Path.GetFullPath(inDir), "$INDIR", StringComparison.Ordinal)
                 .Replace(Path.GetFullPath(refDir), "$ACS_REFLIB", StringComparison.Ordinal)
                 .Replace(suite.WorkHome, "$LEGACY", StringComparison.Ordinal);
        if (priorOut is not null) log = log.Replace(Path.GetFullPath(priorOut), "$PRIOR", StringComparison.Ordinal);
        return (suite, log, result.ExitCode);
    }

    private static void PrepareFixtureFolder(string fixture)
    {
        if (Directory.Exists(fixture))
        {
            var any = Directory.EnumerateFileSystemEntries(fixture).Any();
            if (any && !File.Exists(Path.Combine(fixture, FixtureManifest.FileName)))
                throw new InvalidOperationException($"{fixture} exists and is not a fixture set (no manifest.json): refusing to overwrite");
            Directory.Delete(fixture, recursive: true);
        }
        Directory.CreateDirectory(fixture);
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    private static List<string> GeneratedScenarios(string generationJson)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(generationJson));
        var list = new List<string>();
        if (doc.RootElement.TryGetProperty("coverageScenarios", out var s))
            list.AddRange(s.EnumerateArray().Select(e => e.GetString()!));
        if (doc.RootElement.TryGetProperty("expectedReasonCodes", out var codes))
            list.AddRange(codes.EnumerateObject().Select(p => "reason-" + p.Name));
        return list;
    }

    private sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "collections-capture-" + Guid.NewGuid().ToString("N")));
        public string Path { get; }
        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
        }
    }
}
