namespace Collections.Cobol.Copybooks;

/// <summary>A level-88 condition name: its values and ranges as written (literals keep their quotes).</summary>
public sealed record ConditionName(string Name, IReadOnlyList<ConditionValue> Values, string FileName, int LineNumber);

/// <summary>One VALUE of a condition name: a single value (<see cref="Through"/> null) or a THRU range.</summary>
public sealed record ConditionValue(string Value, string? Through);

/// <summary>OCCURS clause: fixed (<see cref="Min"/> == <see cref="Max"/>, no DEPENDING ON) or OCCURS m TO n DEPENDING ON.</summary>
public sealed record OccursClause(int Min, int Max, string? DependingOn, IReadOnlyList<string> Keys, IReadOnlyList<string> IndexNames)
{
    public bool IsVariable => DependingOn is not null;
}

/// <summary>
/// One data description entry of a copybook as written (levels 01-49, 66, 77; level 88 entries are attached to
/// their item as <see cref="Conditions"/>). Offsets and lengths are computed by <see cref="CopybookLayout"/>.
/// </summary>
public sealed class CopybookItem
{
    internal CopybookItem(int level, string? name, string fileName, int lineNumber)
    {
        Level = level;
        Name = name;
        FileName = fileName;
        LineNumber = lineNumber;
    }

    public int Level { get; }

    /// <summary>Data name, upper-case as written; null for FILLER and unnamed items.</summary>
    public string? Name { get; }

    public bool IsFiller => Name is null;

    /// <summary>Name for display: the data name or "FILLER".</summary>
    public string DisplayName => Name ?? "FILLER";

    public string FileName { get; }

    public int LineNumber { get; }

    public Picture? Picture { get; internal set; }

    /// <summary>USAGE as written on this entry (null: not written; the effective usage is inherited, see <see cref="Usage"/>).</summary>
    public CopybookUsage? DeclaredUsage { get; internal set; }

    /// <summary>Effective usage (own clause, else the nearest group's, else DISPLAY).</summary>
    public CopybookUsage Usage { get; internal set; }

    /// <summary>SIGN clause as written (null: not written; inherited from a group if the group has one).</summary>
    public (bool Leading, bool Separate)? DeclaredSign { get; internal set; }

    /// <summary>Effective sign placement of a numeric DISPLAY item (None for unsigned or non-numeric).</summary>
    public CopybookSign Sign { get; internal set; }

    public string? RedefinesName { get; internal set; }

    public OccursClause? Occurs { get; internal set; }

    /// <summary>VALUE clause text as written (literal with quotes, figurative constant, or number), or null.</summary>
    public string? Value { get; internal set; }

    public bool Justified { get; internal set; }

    /// <summary>SYNCHRONIZED written. cobc aligns binary items of 2, 4 and 8 bytes to their size (offset from the 01); it is ignored for other usages and for groups.</summary>
    public bool Synchronized { get; internal set; }

    public bool BlankWhenZero { get; internal set; }

    /// <summary>Level 66: first item renamed.</summary>
    public string? RenamesFrom { get; internal set; }

    /// <summary>Level 66: last item renamed (THRU), or null.</summary>
    public string? RenamesThrough { get; internal set; }

    public List<CopybookItem> Children { get; } = [];

    public List<ConditionName> Conditions { get; } = [];

    public CopybookItem? Parent { get; internal set; }

    public bool IsGroup => Children.Count > 0 || (Picture is null && Level != 66 && Level != 88 && Usage is not (CopybookUsage.FloatShort or CopybookUsage.FloatLong));

    public override string ToString() => FormattableString.Invariant($"{Level:00} {DisplayName}");
}

/// <summary>A parsed copybook: its level-01 and level-77 entries (with their subordinate entries) in source order.</summary>
public sealed class Copybook
{
    internal Copybook(string fileName, IReadOnlyList<CopybookItem> roots)
    {
        FileName = fileName;
        Roots = roots;
    }

    public string FileName { get; }

    /// <summary>Level-01 and level-77 items; level-66 items are children of their 01.</summary>
    public IReadOnlyList<CopybookItem> Roots { get; }
}
