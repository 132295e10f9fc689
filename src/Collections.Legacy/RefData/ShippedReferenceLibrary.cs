using System.Security.Cryptography;

namespace Collections.Legacy.RefData;

/// <summary>
/// The copy of the legacy's reference library (ref/*.DAT) shipped in this assembly as embedded resources, used when
/// neither --ref nor ACS_REFLIB names a directory. A test keeps it equal to the legacy's ref/.
/// </summary>
public static class ShippedReferenceLibrary
{
    public static readonly IReadOnlyList<string> FileNames =
        ["ADCVD.DAT", "CH99.DAT", "EXRATE.DAT", "FEES.DAT", "HMFPORT.DAT", "HOLIDAY.DAT", "INTRATE.DAT", "SPI.DAT", "TARIFF.DAT"];

    /// <summary>The bytes of one shipped table.</summary>
    public static byte[] Read(string fileName)
    {
        using var s = typeof(ShippedReferenceLibrary).Assembly.GetManifestResourceStream("RefData." + fileName)
                      ?? throw new FileNotFoundException("no shipped reference table " + fileName);
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>
    /// Writes the shipped tables to a directory keyed by their content hash under the temp folder (once) and
    /// returns it.
    /// </summary>
    public static string Materialize(string? root = null)
    {
        var files = FileNames.Select(n => (Name: n, Bytes: Read(n))).ToList();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (n, b) in files)
        {
            sha.AppendData(System.Text.Encoding.ASCII.GetBytes(n));
            sha.AppendData(b);
        }
        var dir = Path.Combine(root ?? Path.Combine(Path.GetTempPath(), "collections-ref"), Convert.ToHexStringLower(sha.GetHashAndReset())[..16]);
        var stamp = Path.Combine(dir, ".complete");
        if (File.Exists(stamp)) return dir;
        Directory.CreateDirectory(dir);
        foreach (var (n, b) in files) File.WriteAllBytes(Path.Combine(dir, n), b);
        File.WriteAllText(stamp, "");
        return dir;
    }

    /// <summary>--ref DIR, else ACS_REFLIB, else the shipped copy (as run-cycle.sh takes ACS_REFLIB, default ref/).</summary>
    public static string Resolve(string? refOption)
    {
        if (!string.IsNullOrEmpty(refOption)) return refOption;
        var env = Environment.GetEnvironmentVariable("ACS_REFLIB");
        return string.IsNullOrEmpty(env) ? Materialize() : env;
    }
}
