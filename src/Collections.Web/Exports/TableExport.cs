using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace Collections.Web.Exports;

/// <summary>A table written as CSV (CsvHelper, invariant culture, a header row, cents as dollars) or XLSX (ClosedXML).</summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The formats a table can be downloaded in.</summary>
    public static bool IsFormat(string? format) => format is "csv" or "xlsx";

    public static byte[] Csv(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var ms = new MemoryStream();
        using (var writer = new StreamWriter(ms, new UTF8Encoding(false), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions
               {
                   // as `collections export csv`: negative amounts keep their sign (no injection escaping of '-')
                   Mode = CsvMode.Rfc4180, Separator = ',', NewLine = "\n", Quoting = CsvQuoting.WhenNeededOrWhitespace,
                   Injection = CsvInjection.None, FormatProvider = CultureInfo.InvariantCulture,
               }, leaveOpen: true))
        {
            foreach (var c in table.Columns) csv.WriteField(c.Name.AsSpan());
            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < row.Length; i++) csv.WriteField(ReportTable.Format(row[i].Value, table.Columns[i].Kind).AsSpan());
                csv.EndRecord();
            }
        }
        return ms.ToArray();
    }

    public static byte[] Xlsx(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(SheetName(table.Name));
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            cell.Value = table.Columns[c].Name;
            cell.Style.Font.Bold = true;
        }
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                var kind = table.Columns[c].Kind;
                switch (row[c].Value)
                {
                    case null:
                        break;
                    case long cents when kind == ColumnKind.Cents:
                        cell.Value = cents / 100m; // decimal, exact
                        cell.Style.NumberFormat.Format = "#,##0.00";
                        break;
                    case long n:
                        cell.Value = n;
                        break;
                    case DateOnly d:
                        cell.Value = d.ToDateTime(TimeOnly.MinValue);
                        cell.Style.NumberFormat.Format = "yyyy-mm-dd";
                        break;
                    case DateTime t:
                        cell.Value = t;
                        cell.Style.NumberFormat.Format = "yyyy-mm-dd hh:mm:ss";
                        break;
                    default:
                        // text stays text (entry numbers, codes with leading zeros)
                        cell.SetValue(ReportTable.Format(row[c].Value, kind));
                        cell.DataType = XLDataType.Text;
                        break;
                }
            }
        }
        sheet.SheetView.FreezeRows(1);
        using var ms = new MemoryStream();
        book.SaveAs(ms);
        return ms.ToArray();
    }

    /// <summary>A file name for the download: the table's name, a qualifier (date, entry) and the extension.</summary>
    public static string FileName(ReportTable table, string? qualifier, string format)
    {
        ArgumentNullException.ThrowIfNull(table);
        var q = string.IsNullOrEmpty(qualifier) ? "" : "-" + new string([.. qualifier.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')]);
        return table.Name + q + "." + format;
    }

    private static string SheetName(string name) => name.Length <= 31 ? name : name[..31];
}
