namespace Collections.Testing;

/// <summary>Reading the CSV the product writes, independently of its writer (CsvHelper), in the tests' assertions.</summary>
public static class CsvText
{
    /// <summary>A CSV record split as RFC 4180 (quoted fields may hold commas and doubled quotes).</summary>
    public static string[] SplitRecord(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return [.. fields];
    }
}
