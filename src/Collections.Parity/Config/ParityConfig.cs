using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collections.Parity.Config;

/// <summary>
/// The file-spec registry: how each data set of the cycle is decoded, matched and judged. Lives in
/// legacy-fixtures/parity-config.json (a copy is embedded in this assembly); a new port plugs its outputs in here.
/// </summary>
public sealed class ParityConfig
{
    public int Version { get; init; } = 1;

    /// <summary>Files compared, in order (children of a roll-up before their parents is not required).</summary>
    public List<FileSpec> Files { get; init; } = [];

    /// <summary>Input files read for gates only (ENTRYIN trailer...).</summary>
    public List<FileSpec> Inputs { get; init; } = [];

    public List<RollupSpec> Rollups { get; init; } = [];

    public List<GateSpec> Gates { get; init; } = [];

    /// <summary>Steps the modern side runs (others are "not produced by the modern side").</summary>
    public List<string> PortedSteps { get; init; } = [];

    /// <summary>
    /// Files a day hands to the next (the open-item master). The modern side carries its own prior OUTDIR through
    /// a chain when it writes them; until the step that writes them is ported, it is given the legacy's.
    /// </summary>
    public List<string> CarryFiles { get; init; } = ["OPENITEM"];

    /// <summary>Dollar thresholds: a run whose absolute impact exceeds Fail is flagged red, Warn amber.</summary>
    public ThresholdSpec Thresholds { get; init; } = new();

    /// <summary>
    /// "FILE.FIELD" money differences that make the headline dollar impact (one level, so a cent is not counted at
    /// line, entry and statement level at once). Empty or not produced: every money difference counts.
    /// </summary>
    public List<string> Headline { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ParityConfig Load(string path)
    {
        using var s = System.IO.File.OpenRead(path);
        return JsonSerializer.Deserialize<ParityConfig>(s, Json) ?? throw new InvalidDataException($"{path}: empty configuration");
    }

    /// <summary>The configuration embedded at build time (a copy of legacy-fixtures/parity-config.json).</summary>
    public static ParityConfig Embedded()
    {
        using var s = EmbeddedText("parity-config.json");
        return JsonSerializer.Deserialize<ParityConfig>(s, Json)!;
    }

    /// <summary>The embedded config's JSON text (for the audit bundle).</summary>
    public static string Serialize(ParityConfig config) => JsonSerializer.Serialize(config, Json);

    internal static Stream EmbeddedText(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
        ?? throw new FileNotFoundException($"embedded resource {name} missing");

    public FileSpec? FindFile(string name) =>
        Files.Concat(Inputs).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}

public sealed class ThresholdSpec
{
    public decimal WarnDollars { get; init; } = 0.01m;
    public decimal FailDollars { get; init; } = 100m;
}

/// <summary>One data set.</summary>
public sealed class FileSpec
{
    public string Name { get; init; } = "";

    /// <summary>Copybook file name (null: a text file compared line by line, e.g. a report).</summary>
    public string? Copybook { get; init; }

    public Io.RecordFormat Format { get; init; }

    /// <summary>Record length for fixed files (default: the layout's length).</summary>
    public int Lrecl { get; init; }

    /// <summary>Program step that writes it (for the "not produced by the modern side" status).</summary>
    public string? Step { get; init; }

    /// <summary>Discriminator bytes (record-type dispatch); null: one record type.</summary>
    public DiscriminatorSpec? Discriminator { get; init; }

    public List<RecordTypeSpec> Records { get; init; } = [];

    /// <summary>
    /// Field naming the program that wrote a record, for files several steps append to (CTLTOTS): records of steps
    /// the modern side does not run are "not produced by the modern side", not missing.
    /// </summary>
    public string? StepField { get; init; }

    /// <summary>Whether the modern pipeline is expected to produce it (else: not produced / not ported).</summary>
    public bool? Ported { get; init; }
}

public sealed class DiscriminatorSpec
{
    public int Offset { get; init; }
    public int Length { get; init; } = 1;
}

/// <summary>How one record type of a file is decoded and matched.</summary>
public sealed class RecordTypeSpec
{
    /// <summary>Discriminator value ("*" for any).</summary>
    public string Code { get; init; } = "*";

    /// <summary>01-level record in the copybook (default: the first).</summary>
    public string? Record { get; init; }

    /// <summary>REDEFINES alternative selected for this type (e.g. ER-HEADER-DATA).</summary>
    public string? Variant { get; init; }

    /// <summary>Business key fields (groups allowed); empty: the record number in the file.</summary>
    public List<string> Key { get; init; } = [];

    /// <summary>Fields not compared (wall-clock stamps and similar). "(*)" matches every occurrence.</summary>
    public List<string> Masked { get; init; } = [];

    /// <summary>Money fields: their differences are priced in dollars.</summary>
    public List<string> Money { get; init; } = [];

    /// <summary>Field → a higher-precision field of the same record that it is rounded or truncated from.</summary>
    public Dictionary<string, string> Precise { get; init; } = [];

    /// <summary>Field → the fields it is the sum of (a difference equal to theirs is propagated, not new).</summary>
    public Dictionary<string, List<string>> Derived { get; init; } = [];

    /// <summary>Attribute name → field (optionally FIELD[start:end] for a substring) used to group mismatches.</summary>
    public Dictionary<string, string> Attributes { get; init; } = [];
}

/// <summary>A child field whose values add up to a parent field (line → entry → statement → account).</summary>
public sealed class RollupSpec
{
    public string Id { get; init; } = "";
    public string Level { get; init; } = "entry";
    public RollupSide Child { get; init; } = new();
    public RollupSide Parent { get; init; } = new();

    /// <summary>Child field with more decimals: round-then-sum vs sum-then-round is decided on it.</summary>
    public string? ChildPrecise { get; init; }
}

public sealed class RollupSide
{
    public string File { get; init; } = "";
    public string Type { get; init; } = "*";
    public string Field { get; init; } = "";

    /// <summary>Fields that identify the parent (on the child: the parent's key as the child carries it).</summary>
    public List<string> Key { get; init; } = [];

    /// <summary>Only records whose field (trimmed) equals the value.</summary>
    public Dictionary<string, string> Where { get; init; } = [];
}

public enum GateKind
{
    /// <summary>Left aggregate equals right aggregate, on each side's own files.</summary>
    Equals,
    /// <summary>For every record: the sum of the plus fields minus the minus fields equals the result field.</summary>
    RecordIdentity,
    /// <summary>Totals of a field grouped by another: legacy and modern agree per group.</summary>
    GroupTotals,
}

public sealed class GateSpec
{
    public string Id { get; init; } = "";
    public string Description { get; init; } = "";
    public GateKind Kind { get; init; }
    public AggregateSpec? Left { get; init; }
    public AggregateSpec? Right { get; init; }

    // RecordIdentity
    public string? File { get; init; }
    public string Type { get; init; } = "*";
    public List<string> Plus { get; init; } = [];
    public List<string> Minus { get; init; } = [];
    public string? Result { get; init; }

    /// <summary>RecordIdentity / GroupTotals: only records whose field (trimmed) equals one of the '|'-separated values.</summary>
    public Dictionary<string, string> Where { get; init; } = [];

    // GroupTotals
    public string? Sum { get; init; }
    public string? GroupBy { get; init; }
}

public sealed class AggregateSpec
{
    public string File { get; init; } = "";
    public string Type { get; init; } = "*";

    /// <summary>count | sum</summary>
    public string Op { get; init; } = "sum";

    // A sum with a filter that matches no record is "not evaluated" (the step that writes it did not run).
    public string? Field { get; init; }
    public Dictionary<string, string> Where { get; init; } = [];

    /// <summary>An aggregate subtracted from this one (debits minus credits, closing minus opening).</summary>
    public AggregateSpec? Minus { get; init; }

    public override string ToString() => Minus is null ? Describe() : Describe() + " - " + Minus;

    private string Describe() =>
        $"{Op}({File}{(Type == "*" ? "" : "/" + Type)}{(Field is null ? "" : "." + Field)}{(Where.Count == 0 ? "" : " where " + string.Join(",", Where.Select(w => w.Key + "=" + w.Value)))})";
}
