namespace Collections.Testing;

/// <summary>Locates the repository and the read-only legacy suite (../shared/legacy beside the clone).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Repository root: the first ancestor of the test assembly that holds Collections.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The legacy suite: ACS_LEGACY_HOME if set, else ../shared/legacy beside the repository.</summary>
    public static string LegacyHome
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("ACS_LEGACY_HOME");
            if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
            var candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "legacy"));
            if (Directory.Exists(candidate)) return candidate;
            throw new DirectoryNotFoundException(
                $"Legacy suite not found at {candidate}; set ACS_LEGACY_HOME to the legacy folder.");
        }
    }

    public static string LegacyFixtures => Path.Combine(RepoRoot, "legacy-fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Collections.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Collections.sln not found above " + AppContext.BaseDirectory);
    }
}
