using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;

namespace Collections.Cobol.Decoding;

/// <summary>
/// One elementary, non-FILLER item of a <see cref="CompiledRecordDecoder"/>'s layout, OCCURS expanded (one field per
/// occurrence, subscripts in <see cref="Name"/>): its ordinal in <see cref="RecordValues"/>, where it is and how it is
/// stored. Every view of a REDEFINES has its own fields; which of them a record has is
/// <see cref="RecordValues.IsPresent"/>.
/// </summary>
public sealed class CompiledField
{
    internal CompiledField(int ordinal, string name, LayoutField item, int offset, FieldCodec codec, (int Slot, int Occurrence)[] depending)
    {
        Ordinal = ordinal;
        Name = name;
        Item = item;
        Offset = offset;
        Codec = codec;
        Depending = depending;
    }

    /// <summary>Index of the field in <see cref="CompiledRecordDecoder.Fields"/> and in <see cref="RecordValues"/>.</summary>
    public int Ordinal { get; }

    /// <summary>COBOL name with subscripts, as <see cref="RecordDecoder"/> names it in errors: "EL-CH99-NO(2)".</summary>
    public string Name { get; }

    /// <summary>
    /// The 1-based subscripts of this occurrence, one per enclosing OCCURS (<see cref="LayoutField.OccursPath"/>,
    /// outermost first; the item's own OCCURS last): [2] for "EL-CH99-NO(2)", empty outside any OCCURS.
    /// </summary>
    public IReadOnlyList<int> Subscripts => _subscripts ??= ParseSubscripts(Name);

    private int[]? _subscripts;

    private static int[] ParseSubscripts(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        if (open < 0) return [];
        var parts = name[(open + 1)..^1].Split(',');
        return [.. parts.Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>The copybook item (for OCCURS: the item of every occurrence).</summary>
    public LayoutField Item { get; }

    /// <summary>0-based offset of this occurrence in the record.</summary>
    public int Offset { get; }

    /// <summary>Bytes of storage.</summary>
    public int Length => Codec.Length;

    /// <summary>Alphanumeric (also alphabetic and edited pictures, read as text), zoned, packed or binary.</summary>
    public FieldKind Kind => Codec.Kind;

    public bool IsNumeric => Codec.IsNumeric;

    /// <summary>Decimal places of a numeric field (negative for P scaling); 0 for text.</summary>
    public int Scale => Codec.Scale;

    /// <summary>The generic codec of the field: the reference the compiled plan is tested against, and the decoder
    /// that diagnoses a field the plan rejects.</summary>
    public FieldCodec Codec { get; }

    /// <summary>OCCURS DEPENDING ON tables this field is in: (count slot, 1-based occurrence), outermost first.</summary>
    internal (int Slot, int Occurrence)[] Depending { get; }

    public override string ToString() => $"{Name} @{Offset} {Codec}";
}
