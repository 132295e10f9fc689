using System.Globalization;
using System.Text;

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
/// A small copybook reader for the record layouts of the legacy suite (fixed format, PIC X/9/S/V, COMP-3,
/// OCCURS n, OCCURS m TO n DEPENDING ON, REDEFINES, 88 levels, COPY REPLACING tags like <c>:OI:</c>).
/// It stands in for the layout parser of Collections.Cobol behind <see cref="Decoding.IRecordDecoder"/>.
/// </summary>
public static class CopybookLayout
{
    public static IReadOnlyList<RecordLayout> ParseFile(string path, string? replacingTag = null) =>
        Parse(File.ReadAllText(path, Encoding.ASCII), replacingTag, Path.GetFileName(path));

    public static IReadOnlyList<RecordLayout> Parse(string source, string? replacingTag = null, string sourceName = "copybook")
    {
        var text = new StringBuilder();
        foreach (var raw in source.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Length > 72 ? raw[..72] : raw;
            if (line.Length < 7) continue;
            if (line[6] is '*' or '/') continue;
            text.Append(' ').Append(line.AsSpan(7));
        }
        var body = text.ToString();
        // COPY ... REPLACING ==:TAG:== BY ==X==: the legacy uses :OI: as the prefix.
        body = body.Replace(":OI:", replacingTag ?? "OI", StringComparison.Ordinal);
        var statements = SplitStatements(body);
        var records = new List<RecordLayout>();
        Node? root = null;
        var stack = new Stack<Node>();
        foreach (var st in statements)
        {
            var tokens = Tokenize(st);
            if (tokens.Count == 0) continue;
            if (!int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var level))
                throw new FormatException($"{sourceName}: expected a level number in '{st.Trim()}'");
            if (level is 88 or 66) continue;
            var node = new Node { Level = level, Name = tokens.Count > 1 ? tokens[1] : "FILLER" };
            for (var i = 2; i < tokens.Count; i++)
            {
                var t = tokens[i];
                switch (t)
                {
                    case "PIC" or "PICTURE":
                        i++;
                        if (i < tokens.Count && tokens[i] == "IS") i++;
                        node.Picture = tokens[i];
                        break;
                    case "REDEFINES":
                        node.Redefines = tokens[++i];
                        break;
                    case "OCCURS":
                        var n1 = int.Parse(tokens[++i], CultureInfo.InvariantCulture);
                        node.Occurs = n1;
                        if (i + 1 < tokens.Count && tokens[i + 1] == "TO")
                        {
                            i += 2;
                            node.Occurs = int.Parse(tokens[i], CultureInfo.InvariantCulture);
                        }
                        if (i + 1 < tokens.Count && tokens[i + 1] == "TIMES") i++;
                        if (i + 1 < tokens.Count && tokens[i + 1] == "DEPENDING")
                        {
                            i += 2;
                            if (tokens[i] == "ON") i++;
                            node.DependsOn = tokens[i];
                        }
                        break;
                    case "COMP-3" or "PACKED-DECIMAL" or "COMPUTATIONAL-3":
                        node.Packed = true;
                        break;
                    case "COMP" or "BINARY" or "COMP-4" or "COMP-5" or "COMPUTATIONAL":
                        throw new NotSupportedException($"{sourceName}: binary item {node.Name} is not supported");
                    case "VALUE" or "VALUES":
                        i = tokens.Count;
                        break;
                }
            }
            if (level == 1 || level == 77)
            {
                if (root is not null) records.Add(Build(root));
                root = node;
                stack.Clear();
                stack.Push(node);
                continue;
            }
            if (root is null) throw new FormatException($"{sourceName}: item {node.Name} before any 01 level");
            while (stack.Peek().Level >= level) stack.Pop();
            stack.Peek().Children.Add(node);
            node.Parent = stack.Peek();
            stack.Push(node);
        }
        if (root is not null) records.Add(Build(root));
        return records;
    }

    private static List<string> SplitStatements(string body)
    {
        var list = new List<string>();
        var sb = new StringBuilder();
        var quote = '\0';
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                sb.Append(c);
                continue;
            }
            if (c is '\'' or '"') { quote = c; sb.Append(c); continue; }
            if (c == '.' && (i + 1 == body.Length || char.IsWhiteSpace(body[i + 1])))
            {
                list.Add(sb.ToString());
                sb.Clear();
                continue;
            }
            sb.Append(c);
        }
        if (sb.ToString().Trim().Length > 0) list.Add(sb.ToString());
        return list;
    }

    private static List<string> Tokenize(string statement)
    {
        var tokens = new List<string>();
        foreach (var t in statement.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)) tokens.Add(t);
        return tokens;
    }

    private sealed class Node
    {
        public int Level;
        public string Name = "";
        public string? Picture;
        public string? Redefines;
        public int Occurs = 1;
        public string? DependsOn;
        public bool Packed;
        public Node? Parent;
        public readonly List<Node> Children = [];
    }

    private static RecordLayout Build(Node root)
    {
        var sets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        CollectSets(root, sets);
        var fields = new List<FieldDef>();
        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var length = Layout(root, 0, "", [], null, 0, sets, fields, offsets, groups);
        return new RecordLayout(root.Name, length, fields,
            sets.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal), groups);
    }

    private static void CollectSets(Node node, Dictionary<string, List<string>> sets)
    {
        foreach (var child in node.Children)
        {
            if (child.Redefines is not null)
            {
                var baseSet = sets.TryGetValue(child.Redefines, out var existing) ? existing : null;
                if (baseSet is null)
                {
                    baseSet = [child.Redefines];
                    sets[child.Redefines] = baseSet;
                }
                baseSet.Add(child.Name);
                sets[child.Name] = baseSet;
            }
            CollectSets(child, sets);
        }
    }

    /// <summary>Lays out a node at <paramref name="offset"/>; returns its size (one occurrence).</summary>
    private static int Layout(Node node, int offset, string suffix, List<string> alternatives, string? dependsOn, int occurrence,
        Dictionary<string, List<string>> sets, List<FieldDef> fields, Dictionary<string, int> offsets,
        Dictionary<string, (int, int)> groups)
    {
        var alts = alternatives;
        if (sets.ContainsKey(node.Name) && node.Name != "FILLER") alts = [.. alternatives, node.Name];
        if (node.Children.Count == 0)
        {
            var (kind, digits, scale, signed, len) = ParsePicture(node.Picture ?? throw new FormatException($"elementary item {node.Name} has no PIC"), node.Packed);
            if (node.Name != "FILLER")
                fields.Add(new FieldDef(node.Name + suffix, node.Name, offset, len, kind, digits, scale, signed, alts, dependsOn, occurrence));
            return len;
        }
        var pos = offset;
        var end = offset;
        foreach (var child in node.Children)
        {
            var start = pos;
            if (child.Redefines is not null)
            {
                if (!offsets.TryGetValue(child.Redefines + suffix, out start))
                    throw new FormatException($"{child.Name} redefines unknown item {child.Redefines}");
            }
            offsets[child.Name + suffix] = start;
            var size = 0;
            for (var k = 1; k <= child.Occurs; k++)
            {
                var childSuffix = child.Occurs > 1 || child.DependsOn is not null
                    ? (suffix.Length == 0 ? $"({k.ToString(CultureInfo.InvariantCulture)})" : suffix[..^1] + "," + k.ToString(CultureInfo.InvariantCulture) + ")")
                    : suffix;
                size = Layout(child, start + (k - 1) * size, childSuffix, alts, child.DependsOn ?? dependsOn,
                    child.DependsOn is not null ? k : occurrence, sets, fields, offsets, groups);
            }
            var extent = start + size * child.Occurs;
            if (child.Redefines is null) pos = extent;
            end = Math.Max(end, extent);
        }
        if (node.Name != "FILLER") groups[node.Name + suffix] = (offset, end - offset);
        return end - offset;
    }

    /// <summary>PIC X(n) / 9(n) / S9(n)V9(m) [COMP-3] → kind, digits, scale, signed, storage length.</summary>
    public static (FieldKind Kind, int Digits, int Scale, bool Signed, int Length) ParsePicture(string picture, bool packed)
    {
        var expanded = new StringBuilder();
        var pic = picture.ToUpperInvariant();
        for (var i = 0; i < pic.Length; i++)
        {
            var c = pic[i];
            if (i + 1 < pic.Length && pic[i + 1] == '(')
            {
                var close = pic.IndexOf(')', i + 2);
                var n = int.Parse(pic.AsSpan(i + 2, close - i - 2), CultureInfo.InvariantCulture);
                expanded.Append(c, n);
                i = close;
            }
            else expanded.Append(c);
        }
        var s = expanded.ToString();
        if (s.Contains('X', StringComparison.Ordinal) || s.Contains('A', StringComparison.Ordinal))
            return (FieldKind.Alphanumeric, 0, 0, false, s.Length);
        var signed = s.StartsWith('S');
        var digits = s.Count(c => c == '9');
        var v = s.IndexOf('V', StringComparison.Ordinal);
        var scale = v < 0 ? 0 : s[(v + 1)..].Count(c => c == '9');
        if (s.Any(c => c is not ('9' or 'S' or 'V')))
            throw new NotSupportedException($"PIC {picture} is not supported by the parity layout reader");
        return packed
            ? (FieldKind.Packed, digits, scale, signed, digits / 2 + 1)
            : (FieldKind.Zoned, digits, scale, signed, digits);
    }
}
