using System.Globalization;
using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Text;

namespace Collections.Cobol.Records;

/// <summary>Builds <see cref="RecordColumn"/>s from a copybook layout (the copybook parser's <see cref="CopybookLayout"/>).</summary>
public static class RecordColumns
{
    /// <summary>
    /// One column per elementary, non-FILLER item (of the record named <paramref name="recordName"/>, or of every record),
    /// OCCURS expanded with subscripts ("EL-CH99-NO(2)"). Items of REDEFINES groups are all included (they overlap);
    /// restrict them to their record type with <see cref="RecordColumn.When"/>. A name used twice is qualified
    /// ("NAME OF PARENT"). OCCURS DEPENDING ON tables are not supported here (their offsets vary by record): use
    /// the layout-driven <c>RecordDecoder</c> for those. COMP-1 / COMP-2 columns are doubles, in
    /// <paramref name="floatFormat"/> (default: IBM hexadecimal for an EBCDIC code page, else IEEE 754) and the
    /// <paramref name="nativeBigEndian"/> byte order (as COMP-5).
    /// </summary>
    public static IReadOnlyList<RecordColumn> FromLayout(CopybookLayout layout, CodePage codePage, OverpunchStyle overpunch,
        string? recordName = null, PackedSignPolicy packedSigns = PackedSignPolicy.Strict, bool nativeBigEndian = false,
        FloatFormat? floatFormat = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(codePage);
        var floats = floatFormat ?? (codePage.IsEbcdic ? FloatFormat.IbmHexadecimal : FloatFormat.Ieee754);
        var fields = layout.Fields.Where(f =>
            !f.IsGroup && !f.IsRenames && !f.IsFiller && (f.Picture is not null || f.IsFloat) &&
            (recordName is null || string.Equals(f.Record.Name, recordName, StringComparison.OrdinalIgnoreCase))).ToList();
        if (recordName is not null && fields.Count == 0)
            throw new ArgumentException($"no elementary fields in a record named {recordName}", nameof(recordName));
        var duplicates = fields.GroupBy(f => f.Name!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var columns = new List<RecordColumn>();
        foreach (var f in fields)
        {
            var path = f.OccursPath;
            var variable = path.FirstOrDefault(o => o.Occurs?.IsVariable == true) ?? (f.Occurs?.IsVariable == true ? f : null);
            if (variable is not null)
                throw new NotSupportedException($"{f.Name} is in OCCURS DEPENDING ON table {variable.Name}: use RecordDecoder");
            var name = duplicates.Contains(f.Name!) && f.Parent?.Name is { } parent ? $"{f.Name} OF {parent}" : f.Name!;
            var codec = f.IsFloat ? LayoutCodecs.Float(f, floats, nativeBigEndian) : Codec(f, codePage, overpunch, packedSigns, nativeBigEndian);
            // every combination of subscripts of the enclosing OCCURS items (outermost first), and the item's own OCCURS
            var dims = path.Select(o => (o.OccursMax, o.Length)).ToList();
            if (f.Occurs is not null && !path.Contains(f)) dims.Add((f.OccursMax, f.Length));
            foreach (var (subscripts, offset) in Expand(dims, f.Offset))
            {
                var columnName = subscripts.Length == 0
                    ? name
                    : string.Create(CultureInfo.InvariantCulture, $"{name}({string.Join(",", subscripts)})");
                columns.Add(codec is FieldCodec c
                    ? new RecordColumn(columnName, offset, c)
                    : new RecordColumn(columnName, offset, f.Length, typeof(decimal), EditedDecoder(f.Picture!.Text, codePage)));
            }
        }
        return columns;
    }

    private static IEnumerable<(int[] Subscripts, int Offset)> Expand(List<(int Count, int Stride)> dims, int baseOffset)
    {
        if (dims.Count == 0)
        {
            yield return ([], baseOffset);
            yield break;
        }
        var index = new int[dims.Count];
        while (true)
        {
            var offset = baseOffset;
            for (var k = 0; k < dims.Count; k++) offset += index[k] * dims[k].Stride;
            yield return (index.Select(i => i + 1).ToArray(), offset);
            var d = dims.Count - 1;
            while (d >= 0 && ++index[d] == dims[d].Count) index[d--] = 0;
            if (d < 0) yield break;
        }
    }

    private static object Codec(LayoutField f, CodePage codePage, OverpunchStyle overpunch, PackedSignPolicy packedSigns, bool nativeBigEndian)
    {
        var pic = f.Picture!;
        if (pic.Category == PictureCategory.NumericEdited) return pic; // handled by an edited decoder
        if (!pic.IsNumeric) return FieldCodec.Alphanumeric(f.Length, codePage);
        return LayoutCodecs.Numeric(f, overpunch, packedSigns, nativeBigEndian);
    }

    private static FieldDecoder EditedDecoder(string picture, CodePage codePage)
    {
        var edited = new EditedPicture(picture);
        var scale = edited.Scale;
        return field =>
        {
            var text = codePage.Decode(field);
            if (!edited.TryDeEdit(text, out var unscaled))
                throw new CobolDataException($"text '{text}' is not a value of edited picture {picture}", field);
            return FixedPoint.ToDecimal(unscaled, scale);
        };
    }
}
