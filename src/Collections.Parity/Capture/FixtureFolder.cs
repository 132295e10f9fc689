namespace Collections.Parity.Capture;

/// <summary>
/// The legacy-fixtures folder layout, read in one place for <see cref="FixtureSet"/> (capture side) and
/// <see cref="Runs.FixtureDay"/> (parity runs): a fixture is a folder holding manifest.json; its data sets are in
/// input/ (or in/) and output/ (or out/), damaged reference tables in ref/; a fixture names the fixture whose output
/// was its old master as prior, a sibling folder of the same root.
/// </summary>
internal static class FixtureFolder
{
    public static readonly string[] InputNames = [FixtureManifest.InputFolder, "in"];
    public static readonly string[] OutputNames = [FixtureManifest.OutputFolder, "out"];

    public static bool IsFixture(string dir) => File.Exists(Path.Combine(dir, FixtureManifest.FileName));

    /// <summary>The first of <paramref name="names"/> that exists as a sub-folder of <paramref name="dir"/>, or null.</summary>
    public static string? FirstDir(string dir, params string[] names)
    {
        foreach (var n in names)
        {
            var p = Path.Combine(dir, n);
            if (Directory.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>The sibling fixture folder named <paramref name="prior"/>.</summary>
    public static string SiblingDir(string fixtureDir, string prior) =>
        Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(fixtureDir))!, prior);

    /// <summary>The fixture folders under <paramref name="root"/>: its sub-folders with a manifest, or the root itself
    /// when <paramref name="rootMayBeFixture"/> and it has one.</summary>
    public static IEnumerable<string> FixtureDirs(string root, bool rootMayBeFixture)
    {
        if (rootMayBeFixture && IsFixture(root)) return [root];
        return Directory.GetDirectories(root).Where(IsFixture);
    }

    /// <summary>
    /// <paramref name="items"/> (already in the caller's preferred order) reordered so that each fixture comes after
    /// the fixture it names as prior when that one is among them; a prior cycle is broken where it is met.
    /// Throws when two fixtures have the same name.
    /// </summary>
    public static List<T> PriorsFirst<T>(IEnumerable<T> items, Func<T, string> name, Func<T, string?> prior)
    {
        var list = items.ToList();
        var byName = list.ToDictionary(name, StringComparer.Ordinal);
        var ordered = new List<T>(list.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        void Visit(T item)
        {
            if (!done.Add(name(item))) return;
            if (prior(item) is { } p && byName.TryGetValue(p, out var before)) Visit(before);
            ordered.Add(item);
        }
        foreach (var item in list) Visit(item);
        return ordered;
    }
}
