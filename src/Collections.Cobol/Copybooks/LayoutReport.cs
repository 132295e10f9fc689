using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Collections.Cobol.Copybooks;

/// <summary>
/// Prints a layout: a text table (one line per item, invariant, offsets 0-based from the start of the 01 record,
/// LENGTH of one occurrence) or JSON. Level-88 conditions are not listed; level-66 items are.
/// </summary>
public static class LayoutReport
{
    private static readonly string[] Headers = ["LVL", "NAME", "OFFSET", "LENGTH", "PIC", "USAGE", "OCCURS", "NOTES"];

    public static void WriteTable(CopybookLayout layout, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(output);
        var rows = new List<string[]>();
        foreach (var f in layout.Fields)
        {
            int depth = 0;
            for (var p = f.Parent; p is not null; p = p.Parent) depth++;
            if (f.IsRenames) depth = 1;
            rows.Add([
                f.Level.ToString("00", CultureInfo.InvariantCulture),
                new string(' ', depth * 2) + f.DisplayName,
                f.Offset.ToString(CultureInfo.InvariantCulture),
                f.Length.ToString(CultureInfo.InvariantCulture),
                f.Picture?.Text ?? "",
                f.UsageText,
                Occurs(f),
                Notes(f),
            ]);
        }
        var widths = new int[Headers.Length];
        for (int c = 0; c < Headers.Length; c++) widths[c] = Math.Max(Headers[c].Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length));
        var sb = new StringBuilder();
        void Line(string[] cells)
        {
            sb.Clear();
            for (int c = 0; c < cells.Length; c++)
            {
                bool right = c is 2 or 3;
                if (c > 0) sb.Append("  ");
                sb.Append(right ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
            }
            output.Write(sb.ToString().TrimEnd());
            output.Write('\n');
        }
        Line(Headers);
        foreach (var r in rows) Line(r);
    }

    public static void WriteJson(CopybookLayout layout, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("copybook", layout.Copybook.FileName);
        writer.WriteString("binarySize", layout.Options.BinarySize == BinarySize.TwoFourEight ? "2-4-8" : "1-2-4-8");
        writer.WritePropertyName("fields");
        writer.WriteStartArray();
        foreach (var f in layout.Fields)
        {
            writer.WriteStartObject();
            writer.WriteNumber("level", f.Level);
            writer.WriteString("name", f.DisplayName);
            writer.WriteString("record", f.Record.DisplayName);
            if (f.Parent is not null) writer.WriteString("parent", f.Parent.DisplayName);
            writer.WriteNumber("offset", f.Offset);
            writer.WriteNumber("length", f.Length);
            writer.WriteNumber("storageLength", f.StorageLength);
            if (f.Picture is { } pic)
            {
                writer.WriteString("pic", pic.Text);
                writer.WriteString("category", pic.Category.ToString());
                if (pic.IsNumeric)
                {
                    writer.WriteNumber("digits", pic.Digits);
                    writer.WriteNumber("scale", pic.Scale);
                    writer.WriteBoolean("signed", pic.Signed);
                }
            }
            if (!f.IsGroup && !f.IsRenames) writer.WriteString("usage", f.UsageText);
            if (f.Sign != CopybookSign.None) writer.WriteString("sign", f.Sign.ToString());
            if (f.Occurs is { } o)
            {
                writer.WriteNumber("occursMin", o.Min);
                writer.WriteNumber("occursMax", o.Max);
                if (o.DependingOn is not null) writer.WriteString("dependingOn", o.DependingOn);
            }
            if (f.Redefines is not null) writer.WriteString("redefines", f.Redefines.DisplayName);
            if (f.IsRenames)
            {
                writer.WriteString("renames", f.RenamesFrom!.DisplayName);
                if (f.RenamesThrough is not null) writer.WriteString("renamesThru", f.RenamesThrough.DisplayName);
            }
            if (f.Item.Synchronized) writer.WriteBoolean("synchronized", true);
            if (f.Item.Justified) writer.WriteBoolean("justified", true);
            if (f.Item.BlankWhenZero) writer.WriteBoolean("blankWhenZero", true);
            if (f.Item.Value is not null) writer.WriteString("value", f.Item.Value);
            if (f.Conditions.Count > 0)
            {
                writer.WritePropertyName("conditions");
                writer.WriteStartArray();
                foreach (var c in f.Conditions)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", c.Name);
                    writer.WritePropertyName("values");
                    writer.WriteStartArray();
                    foreach (var v in c.Values) writer.WriteStringValue(v.Through is null ? v.Value : v.Value + " THRU " + v.Through);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Occurs(LayoutField f)
    {
        if (f.Occurs is not { } o) return "";
        if (o.DependingOn is null) return o.Max.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{o.Min} TO {o.Max} DEPENDING ON {o.DependingOn}");
    }

    private static string Notes(LayoutField f)
    {
        var notes = new List<string>();
        if (f.Redefines is not null) notes.Add("REDEFINES " + f.Redefines.DisplayName);
        if (f.IsRenames) notes.Add("RENAMES " + f.RenamesFrom!.DisplayName + (f.RenamesThrough is null ? "" : " THRU " + f.RenamesThrough.DisplayName));
        switch (f.Sign)
        {
            case CopybookSign.LeadingOverpunch: notes.Add("SIGN LEADING"); break;
            case CopybookSign.LeadingSeparate: notes.Add("SIGN LEADING SEPARATE"); break;
            case CopybookSign.TrailingSeparate: notes.Add("SIGN TRAILING SEPARATE"); break;
        }
        if (f.Item.Synchronized) notes.Add("SYNC");
        if (f.Item.Justified) notes.Add("JUSTIFIED");
        if (f.Item.BlankWhenZero) notes.Add("BLANK WHEN ZERO");
        if (f.Conditions.Count > 0) notes.Add("88: " + string.Join(" ", f.Conditions.Select(c => c.Name)));
        return string.Join("; ", notes);
    }
}
