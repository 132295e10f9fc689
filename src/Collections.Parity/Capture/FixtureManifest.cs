using System.Security.Cryptography;
using System.Text.Json;

namespace Collections.Parity.Capture;

/// <summary>One file of a fixture set: path relative to the fixture folder ('/' separated), SHA-256 (hex), size.</summary>
public sealed record FixtureFile(string Path, string Sha256, long Size);

/// <summary>One step line of the cycle console (ACSCLV01 STEPnnn PGM=CLVnnn RC=nnnn / NOT RUN).</summary>
public sealed record CycleStep(string Step, string Program, int? ReturnCode);

/// <summary>
/// manifest.json of a captured fixture set (legacy-fixtures/NAME): provenance of the legacy outputs (source hash,
/// compiler and flags, reference-table hashes, run date, prior fixture) and the SHA-256 and size of every file.
/// Written deterministically (fixed key order, sorted file list, no clock), so a re-capture of an unchanged legacy
/// gives the same bytes.
/// </summary>
public sealed record FixtureManifest
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;
    public const string InputFolder = "input";
    public const string OutputFolder = "output";
    public const string RefFolder = "ref";
    /// <summary>A crafted old master (prior/OPENITEM) the fixture carries instead of a prior fixture's output (damaged masters).</summary>
    public const string PriorMasterFolder = "prior";
    public const string CycleLog = "cycle.log";

    public int Format { get; init; } = CurrentFormat;
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Covers { get; init; } = [];
    public required string RunDate { get; init; }
    /// <summary>Name of the prior fixture (a sibling folder) whose output/OPENITEM is the old master, or null.</summary>
    public string? Prior { get; init; }
    public required string LegacySourceHash { get; init; }
    public required string Compiler { get; init; }
    public required string CompilerFlags { get; init; }
    /// <summary>"legacy" = the suite's own ref/ (hashes below); "fixture" = the fixture's ref/ folder (a damaged copy).</summary>
    public required string ReferenceSource { get; init; }
    public required IReadOnlyList<FixtureFile> ReferenceTables { get; init; }
    public required int ReturnCode { get; init; }
    public IReadOnlyList<CycleStep> Steps { get; init; } = [];
    /// <summary>What the case expects, in words (garbage cases), or empty.</summary>
    public string Expected { get; init; } = "";
    public required string CaptureTool { get; init; }
    public required IReadOnlyList<FixtureFile> Files { get; init; }

    public static string Sha256Hex(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }

    public static FixtureFile Describe(string root, string file) =>
        new(System.IO.Path.GetRelativePath(root, file).Replace('\\', '/'), Sha256Hex(file), new FileInfo(file).Length);

    public void Write(string fixtureDir)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteString("name", Name);
            w.WriteString("description", Description);
            w.WriteStartArray("covers");
            foreach (var c in Covers) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteString("runDate", RunDate);
            w.WriteString("prior", Prior);
            w.WriteStartObject("legacy");
            w.WriteString("sourceHash", LegacySourceHash);
            w.WriteString("compiler", Compiler);
            w.WriteString("compilerFlags", CompilerFlags);
            w.WriteEndObject();
            w.WriteStartObject("referenceTables");
            w.WriteString("source", ReferenceSource);
            WriteFiles(w, "files", ReferenceTables);
            w.WriteEndObject();
            w.WriteNumber("returnCode", ReturnCode);
            w.WriteStartArray("steps");
            foreach (var s in Steps)
            {
                w.WriteStartObject();
                w.WriteString("step", s.Step);
                w.WriteString("program", s.Program);
                if (s.ReturnCode is { } rc) w.WriteNumber("returnCode", rc);
                else w.WriteNull("returnCode");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("expected", Expected);
            w.WriteString("captureTool", CaptureTool);
            WriteFiles(w, "files", Files);
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        File.WriteAllBytes(System.IO.Path.Combine(fixtureDir, FileName), stream.ToArray());
    }

    private static void WriteFiles(Utf8JsonWriter w, string name, IEnumerable<FixtureFile> files)
    {
        w.WriteStartArray(name);
        foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("path", f.Path);
            w.WriteString("sha256", f.Sha256);
            w.WriteNumber("size", f.Size);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static FixtureManifest Read(string fixtureDir)
    {
        var path = System.IO.Path.Combine(fixtureDir, FileName);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var r = doc.RootElement;
        var legacy = r.GetProperty("legacy");
        var refs = r.GetProperty("referenceTables");
        return new FixtureManifest
        {
            Format = r.GetProperty("format").GetInt32(),
            Name = r.GetProperty("name").GetString()!,
            Description = r.GetProperty("description").GetString() ?? "",
            Covers = r.GetProperty("covers").EnumerateArray().Select(e => e.GetString()!).ToList(),
            RunDate = r.GetProperty("runDate").GetString()!,
            Prior = r.GetProperty("prior").GetString(),
            LegacySourceHash = legacy.GetProperty("sourceHash").GetString()!,
            Compiler = legacy.GetProperty("compiler").GetString()!,
            CompilerFlags = legacy.GetProperty("compilerFlags").GetString()!,
            ReferenceSource = refs.GetProperty("source").GetString()!,
            ReferenceTables = ReadFiles(refs.GetProperty("files")),
            ReturnCode = r.GetProperty("returnCode").GetInt32(),
            Steps = r.GetProperty("steps").EnumerateArray().Select(s => new CycleStep(
                s.GetProperty("step").GetString()!, s.GetProperty("program").GetString()!,
                s.GetProperty("returnCode").ValueKind == JsonValueKind.Null ? null : s.GetProperty("returnCode").GetInt32())).ToList(),
            Expected = r.GetProperty("expected").GetString() ?? "",
            CaptureTool = r.GetProperty("captureTool").GetString()!,
            Files = ReadFiles(r.GetProperty("files")),
        };
    }

    private static List<FixtureFile> ReadFiles(JsonElement array) =>
        array.EnumerateArray().Select(f => new FixtureFile(f.GetProperty("path").GetString()!, f.GetProperty("sha256").GetString()!, f.GetProperty("size").GetInt64())).ToList();

    /// <summary>Parses the step lines of run-cycle.sh's console output.</summary>
    public static List<CycleStep> ParseSteps(string cycleLog)
    {
        ArgumentNullException.ThrowIfNull(cycleLog);
        var steps = new List<CycleStep>();
        foreach (var raw in cycleLog.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (!line.StartsWith("ACSCLV01 STEP", StringComparison.Ordinal)) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || !parts[2].StartsWith("PGM=", StringComparison.Ordinal)) continue;
            int? rc = null;
            var rcPart = parts.FirstOrDefault(p => p.StartsWith("RC=", StringComparison.Ordinal));
            if (rcPart is not null && int.TryParse(rcPart.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)) rc = v;
            steps.Add(new CycleStep(parts[1], parts[2][4..], rc));
        }
        return steps;
    }
}
