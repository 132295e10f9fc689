namespace Collections.Parity.Capture;

/// <summary>
/// Checks a fixture set against its manifest: every listed file exists with the recorded size and SHA-256, no
/// unlisted file is present, and (for the legacy's own tables) the reference tables still hash as recorded.
/// </summary>
public static class ManifestVerifier
{
    /// <summary>Returns the problems found (empty = the fixture is intact).</summary>
    public static IReadOnlyList<string> Verify(string fixtureDir, string? legacyRefDir = null)
    {
        var problems = new List<string>();
        FixtureManifest m;
        try
        {
            m = FixtureManifest.Read(fixtureDir);
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [$"{fixtureDir}: manifest unreadable: {ex.Message}"];
        }
        if (m.Format != FixtureManifest.CurrentFormat) problems.Add($"{m.Name}: manifest format {m.Format}, expected {FixtureManifest.CurrentFormat}");
        if (!string.Equals(m.Name, Path.GetFileName(Path.TrimEndingDirectorySeparator(fixtureDir)), StringComparison.Ordinal))
            problems.Add($"{m.Name}: manifest name does not match folder {fixtureDir}");
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in m.Files)
        {
            listed.Add(f.Path);
            var path = Path.Combine(fixtureDir, f.Path);
            if (!File.Exists(path))
            {
                problems.Add($"{m.Name}: {f.Path} missing");
                continue;
            }
            var size = new FileInfo(path).Length;
            if (size != f.Size) problems.Add($"{m.Name}: {f.Path} is {size} bytes, manifest says {f.Size}");
            var sha = FixtureManifest.Sha256Hex(path);
            if (!string.Equals(sha, f.Sha256, StringComparison.Ordinal)) problems.Add($"{m.Name}: {f.Path} SHA-256 {sha}, manifest says {f.Sha256}");
        }
        foreach (var file in Directory.GetFiles(fixtureDir, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(fixtureDir, file).Replace('\\', '/');
            if (rel == FixtureManifest.FileName) continue;
            if (!listed.Contains(rel)) problems.Add($"{m.Name}: {rel} is not in the manifest");
        }
        if (m.Prior is not null)
        {
            var prior = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(fixtureDir)))!, m.Prior);
            if (!File.Exists(Path.Combine(prior, FixtureManifest.FileName))) problems.Add($"{m.Name}: prior fixture {m.Prior} not found beside it");
        }
        var refDir = m.ReferenceSource == "fixture" ? Path.Combine(fixtureDir, FixtureManifest.RefFolder) : legacyRefDir;
        if (refDir is not null)
        {
            foreach (var t in m.ReferenceTables)
            {
                var path = Path.Combine(refDir, t.Path);
                if (!File.Exists(path)) problems.Add($"{m.Name}: reference table {t.Path} missing in {refDir}");
                else if (!string.Equals(FixtureManifest.Sha256Hex(path), t.Sha256, StringComparison.Ordinal))
                    problems.Add($"{m.Name}: reference table {t.Path} in {refDir} differs from the captured one");
            }
        }
        return problems;
    }
}
