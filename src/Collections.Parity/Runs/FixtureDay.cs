using System.Text.Json;
using Collections.Parity.Capture;

namespace Collections.Parity.Runs;

/// <summary>
/// One captured fixture set as the harness reads it (tolerant of the capture layout: input/ or in/, output/ or
/// out/, optional ref/, cycle.log, manifest.json with runDate, prior, steps and returnCode).
/// </summary>
public sealed class FixtureDay
{
    public required string Directory { get; init; }
    public required string Name { get; init; }
    public required string RunDate { get; init; }
    public required string InputDir { get; init; }
    public required string OutputDir { get; init; }
    public string? RefDir { get; init; }
    public string? Prior { get; init; }
    public Dictionary<string, int> StepRcs { get; init; } = new(StringComparer.Ordinal);
    public int? CycleRc { get; init; }

    public static bool IsFixture(string dir) => FixtureFolder.IsFixture(dir);

    public static FixtureDay Load(string dir)
    {
        dir = Path.GetFullPath(dir);
        var manifestPath = Path.Combine(dir, FixtureManifest.FileName);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        var r = doc.RootElement;
        string? Str(string name) => r.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var input = FixtureFolder.FirstDir(dir, FixtureFolder.InputNames) ?? throw new InvalidDataException($"{dir}: no input/ folder");
        var output = FixtureFolder.FirstDir(dir, FixtureFolder.OutputNames) ?? throw new InvalidDataException($"{dir}: no output/ folder");
        var rcs = new Dictionary<string, int>(StringComparer.Ordinal);
        if (r.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in steps.EnumerateArray())
            {
                var program = s.TryGetProperty("program", out var p) ? p.GetString() : null;
                if (program is null || !s.TryGetProperty("returnCode", out var rc) || rc.ValueKind != JsonValueKind.Number) continue;
                rcs[program] = rc.GetInt32();
            }
        }
        var log = Path.Combine(dir, FixtureManifest.CycleLog);
        if (rcs.Count == 0 && File.Exists(log))
            foreach (var (program, rc) in ParseCycleLog(File.ReadAllText(log))) rcs[program] = rc;
        int? cycle = r.TryGetProperty("returnCode", out var crc) && crc.ValueKind == JsonValueKind.Number ? crc.GetInt32() : null;
        var runDate = Str("runDate") ?? throw new InvalidDataException($"{manifestPath}: no runDate");
        return new FixtureDay
        {
            Directory = dir,
            Name = Str("name") ?? Path.GetFileName(dir),
            RunDate = runDate,
            InputDir = input,
            OutputDir = output,
            RefDir = FixtureFolder.FirstDir(dir, FixtureManifest.RefFolder),
            Prior = Str("prior"),
            StepRcs = rcs,
            CycleRc = cycle,
        };
    }

    /// <summary>Step lines of run-cycle.sh's console: "ACSCLV01 STEP010 PGM=CLV100   RC=0004" → (CLV100, 4).</summary>
    public static IEnumerable<(string Program, int Rc)> ParseCycleLog(string log)
    {
        foreach (var raw in log.Split('\n'))
        {
            var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4 || parts[0] != "ACSCLV01" || !parts[1].StartsWith("STEP", StringComparison.Ordinal)) continue;
            var pgm = parts.FirstOrDefault(p => p.StartsWith("PGM=", StringComparison.Ordinal));
            var rc = parts.FirstOrDefault(p => p.StartsWith("RC=", StringComparison.Ordinal));
            if (pgm is null || rc is null) continue;
            if (int.TryParse(rc.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
                yield return (pgm[4..], v);
        }
    }

    /// <summary>
    /// The fixture sets under <paramref name="root"/> (the folder itself, or its sub-folders), ordered so that a
    /// day comes after the day it names as prior (chains), then by run date and name.
    /// </summary>
    public static List<FixtureDay> Discover(string root)
    {
        if (!System.IO.Directory.Exists(root)) throw new DirectoryNotFoundException($"fixture folder {root} not found");
        var days = FixtureFolder.FixtureDirs(root, rootMayBeFixture: true).Select(Load)
            .OrderBy(d => d.RunDate, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal);
        return FixtureFolder.PriorsFirst(days, d => d.Name, d => d.Prior);
    }

    /// <summary>The prior day's captured output folder (sibling fixture named by prior), else the fixture's own prior/
    /// folder (a crafted old master), if any.</summary>
    public string? PriorOutputDir()
    {
        if (Prior is null) return FixtureFolder.FirstDir(Directory, FixtureManifest.PriorMasterFolder);
        var sibling = FixtureFolder.SiblingDir(Directory, Prior);
        if (!IsFixture(sibling)) return null;
        return FixtureFolder.FirstDir(sibling, FixtureFolder.OutputNames);
    }
}
