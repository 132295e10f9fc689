namespace Collections.Testing;

/// <summary>A temporary folder deleted on dispose (kept when ACS_KEEP_TEMP=1, for post-mortems).</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "collections-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("ACS_KEEP_TEMP") == "1") return;
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
