namespace Collections.Parity.Capture;

/// <summary>
/// A captured fixture set on disk, for runners: its manifest and the folders the legacy read and wrote.
/// Layout: manifest.json, input/ (ENTRYIN, PAYMENTS, SYSIN as given), output/ (every data set and sysout/),
/// cycle.log (run-cycle.sh console), ref/ (only when the run used damaged reference tables).
/// </summary>
public sealed class FixtureSet
{
    private FixtureSet(string dir, FixtureManifest manifest)
    {
        Directory = dir;
        Manifest = manifest;
    }

    public string Directory { get; }
    public FixtureManifest Manifest { get; }
    public string Name => Manifest.Name;
    public string InputDir => Path.Combine(Directory, FixtureManifest.InputFolder);
    public string OutputDir => Path.Combine(Directory, FixtureManifest.OutputFolder);
    public string CycleLogPath => Path.Combine(Directory, FixtureManifest.CycleLog);

    /// <summary>
    /// The folder whose OPENITEM is the old master: the prior fixture's output folder, or the fixture's own prior/
    /// folder (a crafted master), or null on a first day.
    /// </summary>
    public string? PriorOutputDir => Manifest.Prior is null ? FixtureFolder.FirstDir(Directory, FixtureManifest.PriorMasterFolder)
        : Path.Combine(FixtureFolder.SiblingDir(Directory, Manifest.Prior), FixtureManifest.OutputFolder);

    /// <summary>The reference tables of the run: the fixture's own ref/ (damaged copies), else <paramref name="legacyRefDir"/>.</summary>
    public string RefDir(string legacyRefDir) =>
        Manifest.ReferenceSource == "fixture" ? Path.Combine(Directory, FixtureManifest.RefFolder) : legacyRefDir;

    public static FixtureSet Load(string dir)
    {
        var full = Path.GetFullPath(dir);
        return new FixtureSet(full, FixtureManifest.Read(full));
    }

    /// <summary>Every fixture under <paramref name="root"/> (folders with a manifest.json), ordered so priors come first.</summary>
    public static IReadOnlyList<FixtureSet> LoadAll(string root) =>
        FixtureFolder.PriorsFirst(
            FixtureFolder.FixtureDirs(root, rootMayBeFixture: false).Select(Load).OrderBy(s => s.Name, StringComparer.Ordinal),
            s => s.Name, s => s.Manifest.Prior);
}
