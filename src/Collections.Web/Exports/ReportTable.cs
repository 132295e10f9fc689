using System.Globalization;

namespace Collections.Web.Exports;

/// <summary>How a column's values are shown and exported.</summary>
public enum ColumnKind
{
    Text,
    /// <summary>A whole number (counts, ids).</summary>
    Integer,
    /// <summary>Money in integer cents: shown and exported as dollars with two decimals (never through a double).</summary>
    Cents,
    Date,
    DateTime,
}

public sealed record Column(string Name, ColumnKind Kind = ColumnKind.Text);

/// <summary>A cell: its value (string, long, DateOnly, DateTime or null) and an optional link for the page.</summary>
public readonly record struct Cell(object? Value, string? Link = null)
{
    public static implicit operator Cell(string? s) => new(s);
    public static implicit operator Cell(long v) => new(v);
    public static implicit operator Cell(int v) => new((long)v);
    public static implicit operator Cell(DateOnly d) => new(d);
    public static implicit operator Cell(DateTime d) => new(d);
}

/// <summary>
/// A table shown on a page, and exported as is (CSV, XLSX) from the same rows: what the user sees is what the file
/// holds. <see cref="Name"/> identifies it in the export link (<c>?handler=export&amp;table=NAME&amp;format=csv</c>).
/// </summary>
public sealed class ReportTable(string name, string title, params Column[] columns)
{
    public string Name { get; } = name;
    public string Title { get; } = title;
    public IReadOnlyList<Column> Columns { get; } = columns;
    public List<Cell[]> Rows { get; } = [];
    /// <summary>A note under the title (what the figures are, where they come from).</summary>
    public string? Note { get; init; }
    /// <summary>Rows left out of the page (the export holds them all).</summary>
    public long Omitted { get; set; }

    public ReportTable Add(params Cell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count) throw new ArgumentException($"table {Name}: {cells.Length} cells for {Columns.Count} columns");
        Rows.Add(cells);
        return this;
    }

    /// <summary>Invariant text of a value: dollars for cents, ISO dates.</summary>
    public static string Format(object? value, ColumnKind kind) => value switch
    {
        null => "",
        long cents when kind == ColumnKind.Cents => Dollars(cents),
        long n => n.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (t.Kind == DateTimeKind.Utc ? "Z" : ""),
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Cents as dollars with two decimals, exactly (-12345 -> "-123.45").</summary>
    public static string Dollars(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Cents as dollars with thousands separators, for pages ("1,234.56").</summary>
    public static string DollarsGrouped(long cents) => (cents / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
