namespace Collections.Cobol.Copybooks;

/// <summary>How cobc sizes binary items (-fbinary-size).</summary>
public enum BinarySize
{
    /// <summary>-fbinary-size=2-4-8 (the legacy's flag): 1-4 digits 2 bytes, 5-9 4, 10-18 8; COMP-5 of 1-2 digits 1 byte.</summary>
    TwoFourEight,

    /// <summary>-fbinary-size=1-2-4-8 (cobc's default): 1-2 digits 1 byte, 3-4 2, 5-9 4, 10-18 8.</summary>
    OneTwoFourEight,
}

/// <summary>Layout settings; the defaults are the legacy suite's compile flags.</summary>
public sealed record LayoutOptions
{
    public static LayoutOptions Legacy { get; } = new();

    public BinarySize BinarySize { get; init; } = BinarySize.TwoFourEight;

    /// <summary>Parses "2-4-8" or "1-2-4-8" (the cobc -fbinary-size values).</summary>
    public static BinarySize ParseBinarySize(string text) => text switch
    {
        "2-4-8" => BinarySize.TwoFourEight,
        "1-2-4-8" => BinarySize.OneTwoFourEight,
        _ => throw new FormatException($"binary size '{text}' is not supported (2-4-8 or 1-2-4-8)"),
    };
}

/// <summary>
/// A data item with its storage position, computed as cobc 3.1.2 computes it (field.c compute_size): offsets are
/// from the start of the level-01 record; for items inside an OCCURS, the offset of the first occurrence.
/// </summary>
public sealed class LayoutField
{
    private readonly List<LayoutField> _children = [];
    private readonly List<LayoutField> _redefinedBy = [];

    internal LayoutField(CopybookItem item, LayoutField? parent, LayoutField record)
    {
        Item = item;
        Parent = parent;
        Record = record ?? this;
    }

    public CopybookItem Item { get; }

    public int Level => Item.Level;

    /// <summary>Data name, or null for FILLER.</summary>
    public string? Name => Item.Name;

    public string DisplayName => Item.DisplayName;

    public bool IsFiller => Item.IsFiller;

    public LayoutField? Parent { get; }

    /// <summary>The level-01 (or 77) item this field belongs to.</summary>
    public LayoutField Record { get; }

    public IReadOnlyList<LayoutField> Children => _children;

    /// <summary>Offset from the record start (first occurrence when inside OCCURS).</summary>
    public int Offset { get; internal set; }

    /// <summary>Bytes of one occurrence (for a group with an OCCURS DEPENDING ON inside: with its maximum count).</summary>
    public int Length { get; internal set; }

    public OccursClause? Occurs => Item.Occurs;

    /// <summary>1, or the OCCURS (maximum) count.</summary>
    public int OccursMax => Item.Occurs?.Max ?? 1;

    /// <summary>Bytes of all occurrences (Length × OccursMax).</summary>
    public int StorageLength => checked(Length * OccursMax);

    public LayoutField? DependingOn { get; internal set; }

    /// <summary>The item this one redefines (for an 01 with REDEFINES as well).</summary>
    public LayoutField? Redefines { get; internal set; }

    /// <summary>Items that redefine this one, in source order.</summary>
    public IReadOnlyList<LayoutField> RedefinedBy => _redefinedBy;

    public Picture? Picture => Item.Picture;

    public CopybookUsage Usage => Item.Usage;

    public CopybookSign Sign => Item.Sign;

    public bool IsGroup => Item.Level != 66 && Item.Children.Count > 0;

    public bool IsRenames => Item.Level == 66;

    /// <summary>COMP-1 or COMP-2 (no PICTURE).</summary>
    public bool IsFloat => !IsGroup && Usage is CopybookUsage.FloatShort or CopybookUsage.FloatLong;

    /// <summary>Level 66: first and last renamed items.</summary>
    public LayoutField? RenamesFrom { get; internal set; }

    public LayoutField? RenamesThrough { get; internal set; }

    public IReadOnlyList<ConditionName> Conditions => Item.Conditions;

    /// <summary>Enclosing items with OCCURS, outermost first, this one included when it has OCCURS.</summary>
    public IReadOnlyList<LayoutField> OccursPath { get; internal set; } = [];

    /// <summary>Usage description as in the copybook: DISPLAY, COMP, COMP-3, COMP-5 ("" for groups).</summary>
    public string UsageText => IsGroup || IsRenames ? string.Empty : Usage switch
    {
        CopybookUsage.Display => "DISPLAY",
        CopybookUsage.Binary => "COMP",
        CopybookUsage.NativeBinary => "COMP-5",
        CopybookUsage.PackedDecimal => "COMP-3",
        CopybookUsage.FloatShort => "COMP-1",
        CopybookUsage.FloatLong => "COMP-2",
        _ => Usage.ToString(),
    };

    internal void AddChild(LayoutField child) => _children.Add(child);

    internal void AddRedefinedBy(LayoutField other) => _redefinedBy.Add(other);

    public override string ToString() => FormattableString.Invariant($"{Level:00} {DisplayName} @{Offset} +{Length}");
}

/// <summary>Offsets and lengths of every item of a copybook, as cobc lays them out with the given options.</summary>
public sealed class CopybookLayout
{
    private readonly List<LayoutField> _fields = [];
    private int _occurAlign = 1;

    private CopybookLayout(Copybook copybook, LayoutOptions options)
    {
        Copybook = copybook;
        Options = options;
    }

    public Copybook Copybook { get; }

    public LayoutOptions Options { get; }

    /// <summary>Level-01 and 77 items, in source order.</summary>
    public IReadOnlyList<LayoutField> Records { get; private set; } = [];

    /// <summary>Every item (level 66 included, level 88 excluded) in source order.</summary>
    public IReadOnlyList<LayoutField> Fields => _fields;

    /// <summary>The first field with this name (case-insensitive), optionally within a record or group named <paramref name="within"/>.</summary>
    public LayoutField? Find(string name, string? within = null)
    {
        foreach (var f in _fields)
        {
            if (f.Name is null || !string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
            if (within is null) return f;
            for (var p = f.Parent; p is not null; p = p.Parent)
            {
                if (string.Equals(p.Name, within, StringComparison.OrdinalIgnoreCase)) return f;
            }
        }
        return null;
    }

    public static CopybookLayout Compute(Copybook copybook, LayoutOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(copybook);
        var layout = new CopybookLayout(copybook, options ?? LayoutOptions.Legacy);
        var records = new List<LayoutField>();
        foreach (var root in copybook.Roots)
        {
            var rf = new LayoutField(root, null, null!);
            layout.Build(rf, []);
            records.Add(rf);
        }
        layout.Records = records;
        // 01 REDEFINES 01
        foreach (var r in records)
        {
            if (r.Item.RedefinesName is { } rn)
            {
                var target = records.TakeWhile(x => x != r).LastOrDefault(x => string.Equals(x.Name, rn, StringComparison.Ordinal))
                    ?? throw new CopybookException(r.Item.FileName, r.Item.LineNumber, $"REDEFINES: '{rn}' is not a preceding level-01 item");
                r.Redefines = target;
                target.AddRedefinedBy(r);
            }
        }
        foreach (var r in records)
        {
            r.Offset = 0;
            layout.ComputeSize(r);
        }
        foreach (var f in layout._fields)
        {
            layout.ResolveReferences(f);
        }
        return layout;
    }

    public static CopybookLayout Load(string path, CopybookParserOptions? parserOptions = null, LayoutOptions? options = null)
        => Compute(CopybookParser.ParseFile(path, parserOptions), options);

    private void Build(LayoutField field, List<LayoutField> occursPath)
    {
        _fields.Add(field);
        var path = field.Occurs is not null ? [.. occursPath, field] : occursPath;
        field.OccursPath = path;
        foreach (var childItem in field.Item.Children)
        {
            var child = new LayoutField(childItem, field, field.Record);
            field.AddChild(child);
            Build(child, path);
        }
        // REDEFINES among siblings
        for (int i = 0; i < field.Children.Count; i++)
        {
            var c = field.Children[i];
            if (c.Item.RedefinesName is not { } rn) continue;
            LayoutField? target = null;
            for (int j = i - 1; j >= 0; j--)
            {
                var s = field.Children[j];
                if (s.IsRenames) continue;
                if (string.Equals(s.Name, rn, StringComparison.Ordinal)) { target = s; break; }
                if (s.Item.RedefinesName is null)
                {
                    // Only items that themselves redefine may stand between the redefined item and REDEFINES.
                    break;
                }
            }
            if (target is null)
                throw new CopybookException(c.Item.FileName, c.Item.LineNumber,
                    $"REDEFINES: '{rn}' is not the preceding item of the same level as '{c.DisplayName}'");
            if (target.Level != c.Level)
                throw new CopybookException(c.Item.FileName, c.Item.LineNumber, $"REDEFINES: '{rn}' has level {target.Level:00}, not {c.Level:00}");
            if (c.Occurs is not null)
                throw new CopybookException(c.Item.FileName, c.Item.LineNumber, $"'{c.DisplayName}': an item with REDEFINES cannot have OCCURS");
            c.Redefines = target;
            var baseItem = target;
            while (baseItem.Redefines is not null) baseItem = baseItem.Redefines;
            baseItem.AddRedefinedBy(c);
            if (target != baseItem) c.Redefines = target;
        }
    }

    private int ComputeSize(LayoutField f)
    {
        if (f.IsRenames) return 0; // after all offsets are known
        if (!f.IsGroup)
        {
            f.Length = ElementSize(f);
            return f.Length;
        }
        int size = 0;
        // cobc keeps this in a static variable: reset on entry to every group, raised by each SYNC item aligned in
        // the loop below, and used to round up the element size of a group that OCCURS more than once.
        _occurAlign = 1;
        var maxRedefined = new Dictionary<LayoutField, int>();
        foreach (var c in f.Children)
        {
            if (c.IsRenames) continue;
            if (c.Redefines is not null)
            {
                var baseItem = c.Redefines;
                while (baseItem.Redefines is not null) baseItem = baseItem.Redefines;
                c.Offset = c.Redefines.Offset;
                ComputeSize(c);
                int maxsz = maxRedefined.TryGetValue(baseItem, out var m) ? m : baseItem.StorageLength;
                if (c.StorageLength > maxsz)
                {
                    // cobc rejects this below level 01 unless larger-redefines-ok; the larger item sets the size.
                    size += c.StorageLength - maxsz;
                    maxsz = c.StorageLength;
                }
                maxRedefined[baseItem] = maxsz;
            }
            else
            {
                c.Offset = f.Offset + size;
                ComputeSize(c);
                size = checked(size + c.StorageLength);
                if (c.Item.Synchronized && !c.IsGroup && c.Usage is CopybookUsage.Binary or CopybookUsage.NativeBinary
                    && c.Length is 2 or 4 or 8)
                {
                    int align = c.Length;
                    if (c.Offset % align != 0)
                    {
                        int pad = align - (c.Offset % align);
                        c.Offset += pad;
                        size += pad;
                    }
                    if (align > _occurAlign) _occurAlign = align;
                }
            }
        }
        if (f.OccursMax > 1 && size % _occurAlign != 0)
        {
            // cobc 3.1.2 rounds the element up to the alignment and adds the pad to the offset of the group's
            // deepest last item (get_last_child: last sister, recursively; a REDEFINES item counts), only that
            // item's own offset moves (verified with ADDRESS OF against cobc).
            int pad = _occurAlign - size % _occurAlign;
            size += pad;
            var last = f;
            while (last.Children.Count > 0) last = last.Children[^1];
            last.Offset += pad;
        }
        f.Length = size;
        return size;
    }

    private int ElementSize(LayoutField f)
    {
        if (f.Usage == CopybookUsage.FloatShort) return 4;
        if (f.Usage == CopybookUsage.FloatLong) return 8;
        var pic = f.Picture ?? throw new CopybookException(f.Item.FileName, f.Item.LineNumber, $"'{f.DisplayName}' has no PICTURE");
        switch (f.Usage)
        {
            case CopybookUsage.Display:
                return pic.Size + (f.Sign is CopybookSign.LeadingSeparate or CopybookSign.TrailingSeparate ? 1 : 0);
            case CopybookUsage.PackedDecimal:
                return pic.Digits / 2 + 1;
            case CopybookUsage.Binary:
            case CopybookUsage.NativeBinary:
                return BinaryLength(pic.Digits, f.Usage == CopybookUsage.NativeBinary, Options.BinarySize);
            default:
                throw new CopybookException(f.Item.FileName, f.Item.LineNumber, $"'{f.DisplayName}': usage {f.Usage} not supported");
        }
    }

    /// <summary>Bytes of a binary item of <paramref name="digits"/> digits, as cobc sizes it.</summary>
    public static int BinaryLength(int digits, bool native, BinarySize option) => option switch
    {
        BinarySize.TwoFourEight => native && digits <= 2 ? 1 : digits <= 4 ? 2 : digits <= 9 ? 4 : 8,
        _ => digits <= 2 ? 1 : digits <= 4 ? 2 : digits <= 9 ? 4 : 8,
    };

    private void ResolveReferences(LayoutField f)
    {
        if (f.Occurs?.DependingOn is { } dep)
        {
            var target = FindInRecord(f.Record, dep) ?? Find(dep)
                ?? throw new CopybookException(f.Item.FileName, f.Item.LineNumber, $"OCCURS DEPENDING ON: '{dep}' not found");
            if (target.IsGroup || target.Picture is not { IsNumeric: true })
                throw new CopybookException(f.Item.FileName, f.Item.LineNumber, $"OCCURS DEPENDING ON: '{dep}' is not a numeric item");
            f.DependingOn = target;
        }
        if (f.IsRenames)
        {
            var from = FindInRecord(f.Record, f.Item.RenamesFrom!)
                ?? throw new CopybookException(f.Item.FileName, f.Item.LineNumber, $"RENAMES: '{f.Item.RenamesFrom}' not found in record '{f.Record.DisplayName}'");
            var thru = f.Item.RenamesThrough is { } t
                ? FindInRecord(f.Record, t) ?? throw new CopybookException(f.Item.FileName, f.Item.LineNumber, $"RENAMES THRU: '{t}' not found in record '{f.Record.DisplayName}'")
                : from;
            if (from.OccursPath.Count > 0 || thru.OccursPath.Count > 0 || from.Level is 1 or 66 or 77 || thru.Level is 1 or 66 or 77)
                throw new CopybookException(f.Item.FileName, f.Item.LineNumber, "RENAMES cannot name level 01/66/77 items or items with OCCURS");
            int end = thru.Offset + thru.Length;
            if (end <= from.Offset)
                throw new CopybookException(f.Item.FileName, f.Item.LineNumber, $"RENAMES: '{thru.DisplayName}' ends before '{from.DisplayName}' starts");
            f.RenamesFrom = from;
            f.RenamesThrough = f.Item.RenamesThrough is null ? null : thru;
            f.Offset = from.Offset;
            f.Length = end - from.Offset;
        }
    }

    private LayoutField? FindInRecord(LayoutField record, string name)
    {
        foreach (var f in _fields)
        {
            if (f.Record == record && !f.IsRenames && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) return f;
        }
        return null;
    }
}
