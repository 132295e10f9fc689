using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Text;
using Collections.Legacy.Records;
using Collections.Parity.Layouts;

namespace Collections.Parity.Config;

/// <summary>Finds copybooks: given folders first, then the legacy's copybooks embedded in the product (<see cref="LegacyCopybooks"/>).</summary>
public sealed class CopybookSource(IEnumerable<string> folders)
{
    private readonly List<string> _folders = folders.Where(Directory.Exists).ToList();
    private readonly Dictionary<string, IReadOnlyList<RecordLayout>> _cache = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Folders => _folders;

    public IReadOnlyList<RecordLayout> Load(string copybook)
    {
        if (_cache.TryGetValue(copybook, out var cached)) return cached;
        foreach (var folder in _folders)
        {
            var p = Path.Combine(folder, copybook);
            if (File.Exists(p)) return _cache[copybook] = CopybookLayout.ParseFile(p);
        }
        var text = LegacyCopybooks.Text(copybook)
                   ?? throw new FileNotFoundException($"copybook {copybook} not found in {string.Join(", ", _folders)} nor embedded");
        return _cache[copybook] = CopybookLayout.Parse(text, null, copybook);
    }
}

/// <summary>A file spec bound to its layouts.</summary>
public sealed class CompiledFile
{
    public FileSpec Spec { get; }
    public int Lrecl { get; }
    public List<CompiledType> Types { get; } = [];
    private readonly CompiledType? _wildcard;

    public CompiledFile(FileSpec spec, CopybookSource copybooks)
    {
        Spec = spec;
        if (spec.Copybook is null)
        {
            var line = new FieldDef("LINE", "LINE", 0, FieldCodec.Alphanumeric(Math.Max(spec.Lrecl, 1), CodePage.Latin1), [], null, 0);
            Types.Add(new CompiledType(new RecordTypeSpec { Code = "*" }, [line], null));
            Lrecl = spec.Lrecl;
        }
        else
        {
            var layouts = copybooks.Load(spec.Copybook);
            var specs = spec.Records.Count > 0 ? spec.Records : [new RecordTypeSpec()];
            foreach (var t in specs)
            {
                var layout = t.Record is null ? layouts[0]
                    : layouts.FirstOrDefault(l => string.Equals(l.Name, t.Record, StringComparison.Ordinal))
                      ?? throw new InvalidDataException($"{spec.Name}: record {t.Record} not in {spec.Copybook}");
                Types.Add(new CompiledType(t, layout.View(t.Variant), layout));
            }
            Lrecl = spec.Lrecl > 0 ? spec.Lrecl : layouts.Max(l => l.Length);
        }
        _wildcard = Types.FirstOrDefault(t => t.Code == "*");
    }

    public string Name => Spec.Name;

    /// <summary>The record type of a record (null when its discriminator matches no configured type).</summary>
    public CompiledType? TypeOf(ReadOnlySpan<byte> record)
    {
        var d = Spec.Discriminator;
        if (d is null) return Types[0];
        var code = d.Offset + d.Length <= record.Length ? Encoding.Latin1.GetString(record.Slice(d.Offset, d.Length)) : "";
        foreach (var t in Types)
            if (string.Equals(t.Code, code, StringComparison.Ordinal)) return t;
        return _wildcard;
    }
}

/// <summary>One record type bound to its view of the layout.</summary>
public sealed class CompiledType
{
    public CompiledType(RecordTypeSpec spec, IReadOnlyList<FieldDef> view, RecordLayout? layout)
    {
        Spec = spec;
        Fields = view;
        Layout = layout;
        KeySpans = spec.Key.Select(Span).ToArray();
        foreach (var f in view)
        {
            if (spec.Masked.Any(p => Matches(p, f))) Masked.Add(f.Name);
            if (spec.Money.Any(p => Matches(p, f))) Money.Add(f.Name);
        }
        foreach (var (field, precise) in spec.Precise)
        {
            foreach (var f in view.Where(f => Matches(field, f)))
            {
                var pName = precise.EndsWith("(*)", StringComparison.Ordinal) && f.Name.EndsWith(')')
                    ? precise[..^3] + f.Name[f.Name.LastIndexOf('(')..]
                    : precise;
                Precise[f.Name] = Field(pName);
            }
        }
        foreach (var (field, parts) in spec.Derived)
            Derived[field] = parts;
        foreach (var (attr, field) in spec.Attributes)
        {
            var name = field;
            int? start = null, end = null;
            var br = field.IndexOf('[', StringComparison.Ordinal);
            if (br > 0)
            {
                name = field[..br];
                var range = field[(br + 1)..^1].Split(':');
                start = int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
                end = int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            Attributes.Add((attr, name, start, end));
        }
    }

    public RecordTypeSpec Spec { get; }
    public string Code => Spec.Code;
    public IReadOnlyList<FieldDef> Fields { get; }
    public RecordLayout? Layout { get; }
    public (int Offset, int Length)[] KeySpans { get; }
    public HashSet<string> Masked { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Money { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FieldDef> Precise { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<string>> Derived { get; } = new(StringComparer.Ordinal);
    public List<(string Name, string Field, int? Start, int? End)> Attributes { get; } = [];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FieldDef> _fieldCache = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int, int)> _spanCache = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FieldDef[]> _patternCache = new(StringComparer.Ordinal);

    public FieldDef Field(string name) => _fieldCache.GetOrAdd(name, n =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, n, StringComparison.Ordinal))
        ?? Layout?.Fields.FirstOrDefault(f => string.Equals(f.Name, n, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"field {n} not in record type {Code}"));

    /// <summary>The fields a pattern names ("NAME(*)" = every occurrence), cached.</summary>
    public FieldDef[] FieldsMatching(string pattern) => _patternCache.GetOrAdd(pattern, p =>
        p.EndsWith("(*)", StringComparison.Ordinal) ? [.. Fields.Where(f => Matches(p, f))] : [Field(p)]);

    public (int Offset, int Length) Span(string name) => _spanCache.GetOrAdd(name, n =>
    {
        var f = Fields.FirstOrDefault(x => string.Equals(x.Name, n, StringComparison.Ordinal));
        if (f is not null) return (f.Offset, f.Length);
        if (Layout is not null) return Layout.Span(n);
        throw new KeyNotFoundException($"item {n} not in record type {Code}");
    });

    /// <summary>"NAME(*)" matches every occurrence of NAME; otherwise the exact (subscripted) name.</summary>
    public static bool Matches(string pattern, FieldDef f) =>
        pattern.EndsWith("(*)", StringComparison.Ordinal)
            ? string.Equals(f.BaseName, pattern[..^3], StringComparison.Ordinal)
            : string.Equals(f.Name, pattern, StringComparison.Ordinal);

    /// <summary>The business key of a record (record number when no key fields are configured).</summary>
    public string KeyOf(ReadOnlySpan<byte> record, long recordNo)
    {
        if (KeySpans.Length == 0) return recordNo.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var sb = new StringBuilder(Code.Length + 24);
        if (Code != "*") sb.Append(Code).Append(':');
        for (var i = 0; i < KeySpans.Length; i++)
        {
            if (i > 0) sb.Append('/');
            var (o, l) = KeySpans[i];
            if (o >= record.Length) continue;
            var span = record.Slice(o, Math.Min(l, record.Length - o));
            foreach (var b in span) sb.Append((char)b);
        }
        return sb.ToString().TrimEnd();
    }
}
