using System.Text.Json;

namespace Collections.Cobol.Decoding;

/// <summary>A node of a decoded record: a value, a group (object) or an OCCURS table (array).</summary>
public abstract class DecodedNode
{
    internal abstract void Write(Utf8JsonWriter writer);
}

/// <summary>An elementary value: numeric text (exact decimal at the PIC scale) or character text; null when the field failed to decode.</summary>
public sealed class DecodedValue : DecodedNode
{
    public DecodedValue(string? text, bool isNumeric)
    {
        Text = text;
        IsNumeric = isNumeric;
    }

    public string? Text { get; }

    public bool IsNumeric { get; }

    internal override void Write(Utf8JsonWriter writer)
    {
        if (Text is null) writer.WriteNullValue();
        else writer.WriteStringValue(Text);
    }

    public override string ToString() => Text ?? "null";
}

/// <summary>A group: its members in copybook order, keyed by COBOL name.</summary>
public sealed class DecodedGroup : DecodedNode
{
    public List<KeyValuePair<string, DecodedNode>> Members { get; } = [];

    public DecodedNode? this[string name] => Members.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.Ordinal)).Value;

    internal override void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (k, v) in Members)
        {
            writer.WritePropertyName(k);
            v.Write(writer);
        }
        writer.WriteEndObject();
    }
}

/// <summary>An OCCURS table: one node per occurrence (the DEPENDING ON count for variable tables); null items when the count failed to decode.</summary>
public sealed class DecodedArray : DecodedNode
{
    public List<DecodedNode> Items { get; } = [];

    internal override void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var i in Items) i.Write(writer);
        writer.WriteEndArray();
    }
}

/// <summary>A field that could not be decoded: name (with subscripts), 0-based offset in the record, raw bytes in hex, reason.</summary>
public sealed record FieldError(string Field, int Offset, string Hex, string Reason);

/// <summary>One decoded record: the level-01 record(s) read (name → group) and the field errors.</summary>
public sealed class DecodedRecord
{
    public DecodedGroup Root { get; } = new();

    public List<FieldError> Errors { get; } = [];

    /// <summary>Writes the record as one JSON object: <c>{"RECORD-NAME":{...}}</c>, plus <c>"errors":[...]</c> when a field failed.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var (k, v) in Root.Members)
        {
            writer.WritePropertyName(k);
            v.Write(writer);
        }
        if (Errors.Count > 0) WriteErrors(writer, Errors);
        writer.WriteEndObject();
    }

    /// <summary>The <c>"errors":[...]</c> member (as <see cref="RecordJsonWriter"/> writes it too).</summary>
    internal static void WriteErrors(Utf8JsonWriter writer, IEnumerable<FieldError> errors)
    {
        writer.WritePropertyName("errors");
        writer.WriteStartArray();
        foreach (var e in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("field", e.Field);
            writer.WriteNumber("offset", e.Offset);
            writer.WriteString("hex", e.Hex);
            writer.WriteString("reason", e.Reason);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
