namespace Collections.Parity.Generation;

/// <summary>
/// Finds the legacy reference tables for tools that need them: an explicit folder, else ACS_REFLIB (as
/// run-cycle.sh), else ACS_LEGACY_HOME/ref, else ../shared/legacy/ref above the current folder.
/// </summary>
public static class ReferenceLocator
{
    public static string Resolve(string? explicitDir)
    {
        if (!string.IsNullOrEmpty(explicitDir)) return Check(explicitDir);
        var env = Environment.GetEnvironmentVariable("ACS_REFLIB");
        if (!string.IsNullOrEmpty(env)) return Check(env);
        var home = LegacyHome(null);
        if (home is not null) return Check(Path.Combine(home, "ref"));
        throw new DirectoryNotFoundException("reference tables not found: give --ref DIR or set ACS_REFLIB or ACS_LEGACY_HOME");
    }

    /// <summary>The legacy suite folder: explicit, else ACS_LEGACY_HOME, else ../shared/legacy above the current folder.</summary>
    public static string? LegacyHome(string? explicitDir)
    {
        if (!string.IsNullOrEmpty(explicitDir)) return Path.GetFullPath(explicitDir);
        var env = Environment.GetEnvironmentVariable("ACS_LEGACY_HOME");
        if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "legacy");
            if (Directory.Exists(Path.Combine(candidate, "src"))) return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared", "legacy");
            if (Directory.Exists(Path.Combine(candidate, "src"))) return Path.GetFullPath(candidate);
        }
        return null;
    }

    private static string Check(string dir)
    {
        var full = Path.GetFullPath(dir);
        if (!File.Exists(Path.Combine(full, "TARIFF.DAT")))
            throw new DirectoryNotFoundException($"{full} holds no TARIFF.DAT: not a reference table folder");
        return full;
    }
}
