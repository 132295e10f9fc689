using System.Globalization;
using System.Text;
using Collections.Cobol.Copybooks;
using CobolLayout = Collections.Cobol.Copybooks.CopybookLayout;
using CobolParser = Collections.Cobol.Copybooks.CopybookParser;

namespace Collections.Parity.Layouts;

/// <summary>Storage of an elementary item.</summary>
public enum FieldKind { Alphanumeric, Zoned, Packed }

/// <summary>
/// One elementary item of a record, flattened: OCCURS are expanded (<c>NAME(2)</c>), offsets are absolute.
/// <see cref="Alternatives"/> lists the REDEFINES participants (base or redefining items) above the field (and the
/// field itself), which record-type dispatch uses to pick the view of a record type.
/// </summary>
public sealed record FieldDef(
    string Name,
    string BaseName,
    int Offset,
    int Length,
    FieldKind Kind,
    int Digits,
    int Scale,
    bool Signed,
    IReadOnlyList<string> Alternatives,
    string? DependsOn,
    int Occurrence)
{
    public bool IsNumeric => Kind != FieldKind.Alphanumeric;

    /// <summary>The capacity of the PIC in unscaled units (10^digits).</summary>
    public long Capacity => Digits >= 19 ? long.MaxValue : checked((long)Math.Pow(10, Digits));
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
/// The flattened parity view of a copybook, built from the copybook parser and cobc-exact layout of
/// <see cref="Cobol.Copybooks"/> (<see cref="CobolLayout"/>): every 01 record becomes a <see cref="RecordLayout"/>,
/// OCCURS are expanded into <c>NAME(k)</c> / <c>NAME(k,j)</c> fields with absolute offsets, and REDEFINES become
/// <see cref="RecordLayout.RedefineSets"/>. <c>:OI:</c> tags are replaced through the parser's
/// <c>COPY ... REPLACING ==:OI:== BY ==tag==</c> (tag <c>OI</c> unless given).
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
        var records = new List<RecordLayout>();
        foreach (var root in layout.Records)
        {
            var sets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            CollectSets(root, sets);
            var fields = new List<FieldDef>();
            var groups = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
            Flatten(root, 0, "", [], null, 0, sets, fields, groups);
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

    /// <summary>Adds the fields of one occurrence of <paramref name="node"/>; <paramref name="shift"/> moves it from
    /// its first occurrence (the layout's offset) to this one.</summary>
    private static void Flatten(LayoutField node, int shift, string suffix, List<string> alternatives, string? dependsOn, int occurrence,
        Dictionary<string, IReadOnlyList<string>> sets, List<FieldDef> fields, Dictionary<string, (int, int)> groups)
    {
        if (node.IsRenames) return;
        var alts = !node.IsFiller && node.Parent is not null && sets.ContainsKey(node.DisplayName)
            ? [.. alternatives, node.DisplayName] : alternatives;
        var offset = node.Offset + shift;
        if (!node.IsGroup)
        {
            if (!node.IsFiller)
            {
                var (kind, digits, scale, signed) = Describe(node);
                fields.Add(new FieldDef(node.DisplayName + suffix, node.DisplayName, offset, node.Length, kind, digits, scale, signed,
                    alts, dependsOn, occurrence));
            }
            return;
        }
        if (!node.IsFiller) groups[node.DisplayName + suffix] = (offset, node.Length);
        foreach (var child in node.Children)
        {
            var occurs = child.Occurs;
            if (occurs is null || (occurs.Max <= 1 && occurs.DependingOn is null))
            {
                Flatten(child, shift, suffix, alts, dependsOn, occurrence, sets, fields, groups);
                continue;
            }
            for (var k = 1; k <= occurs.Max; k++)
            {
                var index = k.ToString(CultureInfo.InvariantCulture);
                var childSuffix = suffix.Length == 0 ? $"({index})" : suffix[..^1] + "," + index + ")";
                Flatten(child, shift + (k - 1) * child.Length, childSuffix, alts, occurs.DependingOn ?? dependsOn,
                    occurs.DependingOn is not null ? k : occurrence, sets, fields, groups);
            }
        }
    }

    /// <summary>Kind, digits, scale and sign of an elementary item; what the parity model cannot represent is refused.</summary>
    private static (FieldKind Kind, int Digits, int Scale, bool Signed) Describe(LayoutField f)
    {
        var pic = f.Picture ?? throw new NotSupportedException($"elementary item {f.DisplayName} has no PIC");
        switch (pic.Category)
        {
            case PictureCategory.Alphanumeric or PictureCategory.Alphabetic when f.Usage == CopybookUsage.Display:
                return (FieldKind.Alphanumeric, 0, 0, false);
            case PictureCategory.Numeric when pic.ScalingPositions == 0:
                switch (f.Usage)
                {
                    case CopybookUsage.PackedDecimal:
                        return (FieldKind.Packed, pic.Digits, pic.Scale, pic.Signed);
                    case CopybookUsage.Display when f.Sign is CopybookSign.None or CopybookSign.TrailingOverpunch:
                        return (FieldKind.Zoned, pic.Digits, pic.Scale, pic.Signed);
                }
                break;
        }
        throw new NotSupportedException(
            $"{f.DisplayName}: PIC {pic.Text} {f.UsageText} (sign {f.Sign}) is not supported by the parity layout");
    }
}
