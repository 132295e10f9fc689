using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Decoding;
using CobolLayout = Collections.Cobol.Copybooks.CopybookLayout;
using CobolParser = Collections.Cobol.Copybooks.CopybookParser;

namespace Collections.Parity.Layouts;

/// <summary>
/// One elementary item of a record, flattened as the toolkit flattens it (<see cref="CompiledRecordDecoder.Fields"/>):
/// OCCURS are expanded (<c>NAME(2)</c>), offsets are absolute, <see cref="Codec"/> is the toolkit's codec of the
/// item. <see cref="Alternatives"/> lists the REDEFINES participants (base or redefining items) above the field (and
/// the field itself), which record-type dispatch uses to pick the view of a record type.
/// </summary>
public sealed record FieldDef(
    string Name,
    string BaseName,
    int Offset,
    FieldCodec Codec,
    IReadOnlyList<string> Alternatives,
    string? DependsOn,
    int Occurrence)
{
    public int Length => Codec.Length;

    public FieldKind Kind => Codec.Kind;

    public int Digits => Codec.Digits;

    public int Scale => Codec.Scale;

    public bool Signed => Codec.Signed;

    public bool IsNumeric => Codec.IsNumeric;
}

/// <summary>One 01 record of a copybook.</summary>
public sealed class RecordLayout
{
    internal RecordLayout(string name, int length, IReadOnlyList<FieldDef> fields, IReadOnlyDictionary<string, IReadOnlyList<string>> redefineSets,
        IReadOnlyDictionary<string, (int Offset, int Length)> groups)
    {
        Groups = groups;
        Name = name;
        Length = length;
        Fields = fields;
        RedefineSets = redefineSets;
    }

    public string Name { get; }

    /// <summary>Group items (and OCCURS-expanded groups): name → offset and length.</summary>
    public IReadOnlyDictionary<string, (int Offset, int Length)> Groups { get; }

    /// <summary>Offset and length of a field or group by name.</summary>
    public (int Offset, int Length) Span(string name)
    {
        foreach (var f in Fields) if (string.Equals(f.Name, name, StringComparison.Ordinal)) return (f.Offset, f.Length);
        if (Groups.TryGetValue(name, out var g)) return g;
        throw new KeyNotFoundException($"item {name} not in record {Name}");
    }

    /// <summary>Maximum record length (OCCURS DEPENDING ON at its maximum).</summary>
    public int Length { get; }

    public IReadOnlyList<FieldDef> Fields { get; }

    /// <summary>For each REDEFINES participant: every member of its set (base first).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RedefineSets { get; }

    /// <summary>
    /// The fields of the record seen through one REDEFINES alternative (<paramref name="variant"/>, a group or
    /// item name) or, when null, through the base items of every REDEFINES set.
    /// </summary>
    public IReadOnlyList<FieldDef> View(string? variant)
    {
        if (variant is not null && !RedefineSets.ContainsKey(variant))
            throw new ArgumentException($"{variant} is not a REDEFINES alternative in {Name}", nameof(variant));
        var result = new List<FieldDef>();
        foreach (var f in Fields)
        {
            var include = true;
            foreach (var alt in f.Alternatives)
            {
                var set = RedefineSets[alt];
                var chosen = variant is not null && set.Contains(variant, StringComparer.Ordinal) ? variant : set[0];
                if (!string.Equals(chosen, alt, StringComparison.Ordinal)) { include = false; break; }
            }
            if (include) result.Add(f);
        }
        return result;
    }

    public FieldDef Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"field {name} not in record {Name}");
}

/// <summary>
/// The flattened parity view of a copybook, laid out by the toolkit (<see cref="Cobol.Copybooks"/>: the copybook
/// parser and cobc-exact layout) and flattened by its compiled decoder (<see cref="CompiledRecordDecoder.Fields"/>:
/// every elementary, non-FILLER item, OCCURS expanded into <c>NAME(k)</c> / <c>NAME(k,j)</c> with absolute offsets,
/// each with its codec for the legacy's ASCII files: EBCDIC-letter over-punched signs, strict COMP-3). Every 01 record
/// becomes a <see cref="RecordLayout"/>; REDEFINES become <see cref="RecordLayout.RedefineSets"/>. <c>:OI:</c> tags
/// are replaced through the parser's <c>COPY ... REPLACING ==:OI:== BY ==tag==</c> (tag <c>OI</c> unless given).
/// </summary>
public static class CopybookLayout
{
    private const string Tag = ":OI:";

    public static IReadOnlyList<RecordLayout> ParseFile(string path, string? replacingTag = null)
    {
        var full = Path.GetFullPath(path);
        if (!File.ReadAllText(full, Encoding.Latin1).Contains(Tag, StringComparison.Ordinal))
            return Flatten(CobolLayout.Load(full));
        return Flatten(CobolLayout.Compute(CobolParser.Parse(CopyStatement(Path.GetFileName(full), replacingTag),
            Path.Combine(Path.GetDirectoryName(full)!, "parity-copy.cbl"))));
    }

    public static IReadOnlyList<RecordLayout> Parse(string source, string? replacingTag = null, string sourceName = "copybook")
    {
        if (!source.Contains(Tag, StringComparison.Ordinal))
            return Flatten(CobolLayout.Compute(CobolParser.Parse(source, sourceName)));
        // COPY REPLACING needs the member as a file: lay the text down in a private temporary folder.
        var dir = Directory.CreateTempSubdirectory("parity-copybook-");
        try
        {
            var member = Path.Combine(dir.FullName, "member.cpy");
            File.WriteAllText(member, source, Encoding.Latin1);
            return ParseFile(member, replacingTag);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string CopyStatement(string member, string? replacingTag) =>
        $"       COPY \"{member}\" REPLACING =={Tag}== BY =={replacingTag ?? "OI"}==.\n";

    private static List<RecordLayout> Flatten(CobolLayout layout)
    {
        // the legacy's files: ASCII, signs over-punched with EBCDIC letters ('{', 'A'-'I', '}', 'J'-'R'), strict COMP-3
        var decoder = CompiledRecordDecoder.Create(layout, new RecordDecoderOptions());
        var records = new List<RecordLayout>();
        foreach (var root in layout.Records)
        {
            var sets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            CollectSets(root, sets);
            var fields = new List<FieldDef>();
            foreach (var f in decoder.Fields)
            {
                if (f.Item.Record != root) continue;
                var (dependsOn, occurrence) = Depending(f);
                fields.Add(new FieldDef(f.Name, f.Item.DisplayName, f.Offset, f.Codec, Alternatives(f.Item, sets), dependsOn, occurrence));
            }
            var groups = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
            CollectGroups(root, 0, "", groups);
            records.Add(new RecordLayout(root.DisplayName, root.Length, fields, sets, groups));
        }
        return records;
    }

    /// <summary>Every REDEFINES participant below the record → its set (base item first, then the redefining items).</summary>
    private static void CollectSets(LayoutField node, Dictionary<string, IReadOnlyList<string>> sets)
    {
        foreach (var child in node.Children)
        {
            if (child.RedefinedBy.Count > 0)
            {
                List<string> set = [child.DisplayName, .. child.RedefinedBy.Select(r => r.DisplayName)];
                foreach (var member in set) sets[member] = set;
            }
            CollectSets(child, sets);
        }
    }

    /// <summary>The REDEFINES participants from the record down to <paramref name="item"/> (outermost first, the record itself excluded).</summary>
    private static List<string> Alternatives(LayoutField item, Dictionary<string, IReadOnlyList<string>> sets)
    {
        var alternatives = new List<string>();
        for (var node = item; node.Parent is not null; node = node.Parent)
            if (!node.IsFiller && sets.ContainsKey(node.DisplayName)) alternatives.Insert(0, node.DisplayName);
        return alternatives;
    }

    /// <summary>The innermost OCCURS DEPENDING ON table holding the field: its count field and the field's occurrence in it.</summary>
    private static (string? DependsOn, int Occurrence) Depending(CompiledField f)
    {
        var path = f.Item.OccursPath;
        for (var k = path.Count - 1; k >= 0; k--)
            if (path[k].Occurs?.DependingOn is { } count) return (count, f.Subscripts[k]);
        return (null, 0);
    }

    /// <summary>Group items (non-FILLER) with their offset and length, one entry per occurrence inside OCCURS (<c>NAME(k)</c>).</summary>
    private static void CollectGroups(LayoutField node, int shift, string suffix, Dictionary<string, (int, int)> groups)
    {
        if (node.IsRenames || !node.IsGroup) return;
        if (!node.IsFiller) groups[node.DisplayName + suffix] = (node.Offset + shift, node.Length);
        foreach (var child in node.Children)
        {
            if (child.Occurs is null)
            {
                CollectGroups(child, shift, suffix, groups);
                continue;
            }
            for (var k = 1; k <= child.OccursMax; k++)
            {
                var index = k.ToString(CultureInfo.InvariantCulture);
                CollectGroups(child, shift + (k - 1) * child.Length, suffix.Length == 0 ? $"({index})" : suffix[..^1] + "," + index + ")", groups);
            }
        }
    }
}
