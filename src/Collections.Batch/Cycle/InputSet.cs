using System.Security.Cryptography;
using System.Text;

namespace Collections.Batch.Cycle;

/// <summary>
/// The input data sets of a business day in the legacy formats (INDIR of run-cycle.sh): ENTRYIN (required), PAYMENTS
/// and SYSIN (optional). The run's identity is the business date and <see cref="Hash"/>.
/// </summary>
public sealed class InputSet
{
    public static readonly IReadOnlyList<string> DataSets = ["ENTRYIN", "PAYMENTS", "SYSIN"];

    public string Directory { get; }

    private InputSet(string directory) => Directory = directory;

    public static InputSet Open(string directory) => new(Path.GetFullPath(directory));

    public string PathOf(string dataSet) => Path.Combine(Directory, dataSet);

    /// <summary>
    /// SHA-256 (lower-case hex) over the data sets in a fixed order: for each, its name, then its length and bytes, or
    /// a marker when it is absent. Streams the files.
    /// </summary>
    public string Hash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        foreach (var name in DataSets)
        {
            sha.AppendData(Encoding.ASCII.GetBytes(name + "\n"));
            var path = PathOf(name);
            if (!File.Exists(path))
            {
                sha.AppendData("absent\n"u8);
                continue;
            }
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            sha.AppendData(Encoding.ASCII.GetBytes(f.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
            int n;
            while ((n = f.Read(buffer)) > 0) sha.AppendData(buffer, 0, n);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// The SYSIN data set the cycle uses (run-cycle.sh): the input's when present (its first card must be
    /// RUNDATE=&lt;date&gt;, else null and <paramref name="error"/> says why), else a generated RUNDATE card.
    /// </summary>
    public byte[]? Sysin(int runDate, out string? error)
    {
        error = null;
        var expected = "RUNDATE=" + runDate.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var path = PathOf("SYSIN");
        if (!File.Exists(path)) return Encoding.Latin1.GetBytes(expected + "\n");
        var bytes = File.ReadAllBytes(path);
        int end = Array.IndexOf(bytes, (byte)'\n');
        if (end < 0) end = bytes.Length;
        var card = Encoding.Latin1.GetString(bytes, 0, Math.Min(end, 16));
        if (card == expected) return bytes;
        error = $"SYSIN card '{card}' does not match the business date ({expected} expected) in {path}";
        return null;
    }
}
