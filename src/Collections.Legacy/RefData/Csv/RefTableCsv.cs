using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;
using CsvHelper;

namespace Collections.Legacy.RefData.Csv;

/// <summary>
/// Bad reference data met while converting between a legacy table and CSV: names the file, line, column and the
/// raw text.
/// </summary>
public sealed class RefDataCsvException(string file, long line, string column, string raw, string reason)
    : Exception($"{file} line {line}, column {column}: {reason} (raw \"{raw}\")")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Column { get; } = column;
    public string Raw { get; } = raw;
    public string Reason { get; } = reason;
}

/// <summary>
/// Converts one legacy reference table (line sequential, fixed columns) to CSV and back. Round trip is exact:
/// exporting a table and importing the CSV gives the same bytes. CSV: header of the column names, invariant
/// culture, comma separated, LF line ends; numbers as exact decimal text with every decimal of the PICTURE,
/// dates as CCYYMMDD (99999999 = open end), text without its trailing blanks.
/// </summary>
public static class RefTableCsv
{
    private static CsvWriterOptions WriterOptions() => new()
    {
        Mode = CsvMode.Rfc4180,
        Separator = ',',
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static CsvReaderOptions ReaderOptions() => new()
    {
        Mode = CsvMode.Rfc4180,
        Separator = ',',
        HasHeader = true,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        TrackLineNumbers = true,
        SkipEmptyLines = false,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Writes the rows of the legacy table read from <paramref name="dat"/> as CSV to <paramref name="csv"/>.</summary>
    public static int Export(RefTableSchema schema, Stream dat, TextWriter csv, string datName)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var writer = CsvWriter.Create(csv, WriterOptions(), leaveOpen: true);
        foreach (var c in schema.Columns) writer.WriteField(c.Name.AsSpan());
        writer.EndRecord();
        var lineNo = 0;
        foreach (var line in ReadLines(dat))
        {
            lineNo++;
            if (line.Length > schema.RecordLength)
                throw new RefDataCsvException(datName, lineNo, "(record)", Encoding.Latin1.GetString(line), $"line longer than the record length {schema.RecordLength}");
            if (line.Length > 0 && line[^1] == (byte)' ')
                throw new RefDataCsvException(datName, lineNo, "(record)", Encoding.Latin1.GetString(line), "line ends with a blank (a legacy text file has none)");
            var record = new byte[schema.RecordLength];
            record.AsSpan().Fill((byte)' ');
            line.CopyTo(record, 0);
            CheckFillers(schema, record, datName, lineNo);
            foreach (var c in schema.Columns) writer.WriteField(ToCsv(c, record.AsSpan(c.Offset, c.Length), datName, lineNo).AsSpan());
            writer.EndRecord();
        }
        writer.Flush();
        return lineNo;
    }

    /// <summary>
    /// Reads the CSV form of a table and writes the legacy table to <paramref name="dat"/>, after validating every
    /// value (format, width, dates, key sequence). Throws <see cref="RefDataCsvException"/> on the first bad value.
    /// </summary>
    public static int Import(RefTableSchema schema, TextReader csv, Stream dat, string csvName)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(dat);
        using var reader = CsvReader.Create(csv, ReaderOptions(), leaveOpen: true);
        IReadOnlyList<string> header;
        try
        {
            header = reader.Headers;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or CsvFormatException)
        {
            throw new RefDataCsvException(csvName, 1, "(header)", string.Empty, "no valid header line: " + e.Message);
        }
        var expected = schema.Columns.Select(c => c.Name).ToArray();
        if (!header.SequenceEqual(expected, StringComparer.Ordinal))
            throw new RefDataCsvException(csvName, 1, "(header)", string.Join(',', header), "header must be: " + string.Join(',', expected));
        string? prevKey = null;
        var rows = 0;
        var record = new byte[schema.RecordLength];
        while (Next(reader, csvName))
        {
            var line = reader.LineNumber;
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
            if (fields.Length != expected.Length)
                throw new RefDataCsvException(csvName, line, "(record)", Encoding.UTF8.GetString(reader.RawRecord),
                    $"{fields.Length} columns, expected {expected.Length}");
            record.AsSpan().Fill((byte)' ');
            var key = new StringBuilder();
            for (var i = 0; i < fields.Length; i++)
            {
                var c = schema.Columns[i];
                FromCsv(c, fields[i], record.AsSpan(c.Offset, c.Length), csvName, line);
                if (c.IsKey) key.Append(Encoding.Latin1.GetString(record, c.Offset, c.Length));
            }
            var k = key.ToString();
            if (prevKey is not null && string.CompareOrdinal(k, prevKey) <= 0)
                throw new RefDataCsvException(csvName, line, string.Join('+', schema.Columns.Where(c => c.IsKey).Select(c => c.Name)), k.TrimEnd(),
                    $"key out of sequence (must ascend; previous key \"{prevKey.TrimEnd()}\")");
            prevKey = k;
            var end = record.Length;
            while (end > 0 && record[end - 1] == (byte)' ') end--;
            dat.Write(record, 0, end);
            dat.WriteByte((byte)'\n');
            rows++;
        }
        return rows;
    }

    private static bool Next(CsvReader reader, string csvName)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw new RefDataCsvException(csvName, reader.LineNumber, "(record)", string.Empty, "malformed CSV: " + e.Message);
        }
    }

    private static void CheckFillers(RefTableSchema schema, byte[] record, string datName, int lineNo)
    {
        var pos = 0;
        foreach (var c in schema.Columns.Append(new RefColumn("(end)", schema.RecordLength, 0, RefColumnKind.Text)))
        {
            for (var i = pos; i < c.Offset; i++)
            {
                if (record[i] != (byte)' ')
                    throw new RefDataCsvException(datName, lineNo, $"(filler at offset {i})", Encoding.Latin1.GetString(record, i, 1),
                        "a separator between columns is not blank");
            }
            pos = c.Offset + c.Length;
        }
    }

    private static string ToCsv(RefColumn c, ReadOnlySpan<byte> field, string file, long line)
    {
        var text = Encoding.Latin1.GetString(field);
        switch (c.Kind)
        {
            case RefColumnKind.Text:
                if (text.Any(ch => ch is < ' ' or > '~')) throw new RefDataCsvException(file, line, c.Name, text, "not printable ASCII");
                return text.TrimEnd(' ');
            case RefColumnKind.Code:
                if (!IsDigits(text)) throw new RefDataCsvException(file, line, c.Name, text, $"not {c.Length} digits");
                return text;
            case RefColumnKind.Date:
                if (!IsValidDate(text)) throw new RefDataCsvException(file, line, c.Name, text, "not a date CCYYMMDD (or 99999999)");
                return text;
            case RefColumnKind.Number:
                if (!IsDigits(text)) throw new RefDataCsvException(file, line, c.Name, text, $"not {c.Length} digits");
                return FixedPoint.Format(long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture), c.Scale);
            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Kind, null);
        }
    }

    private static void FromCsv(RefColumn c, string value, Span<byte> field, string file, long line)
    {
        switch (c.Kind)
        {
            case RefColumnKind.Text:
                if (value.Length > c.Length) throw new RefDataCsvException(file, line, c.Name, value, $"longer than {c.Length} characters");
                if (value.Any(ch => ch is < ' ' or > '~')) throw new RefDataCsvException(file, line, c.Name, value, "not printable ASCII");
                Encoding.Latin1.GetBytes(value, field);
                return;
            case RefColumnKind.Code:
                if (value.Length != c.Length || !IsDigits(value)) throw new RefDataCsvException(file, line, c.Name, value, $"not {c.Length} digits");
                Encoding.Latin1.GetBytes(value, field);
                return;
            case RefColumnKind.Date:
                if (value.Length != 8 || !IsValidDate(value)) throw new RefDataCsvException(file, line, c.Name, value, "not a date CCYYMMDD (or 99999999)");
                Encoding.Latin1.GetBytes(value, field);
                return;
            case RefColumnKind.Number:
                if (value.Length == 0 || value[0] is '-' or '+' || !FixedPoint.TryParse(value, c.Scale, out var unscaled) || unscaled < 0)
                    throw new RefDataCsvException(file, line, c.Name, value, $"not an unsigned number with at most {c.Scale} decimals");
                var digits = unscaled.ToString(CultureInfo.InvariantCulture);
                if (digits.Length > c.Length)
                    throw new RefDataCsvException(file, line, c.Name, value, $"does not fit PIC 9({c.Length - c.Scale})V9({c.Scale})");
                Encoding.Latin1.GetBytes(digits.PadLeft(c.Length, '0'), field);
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Kind, null);
        }
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(ch => ch is >= '0' and <= '9');

    private static bool IsValidDate(string s)
        => IsDigits(s) && s.Length == 8
           && (s == "99999999" || DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    private static IEnumerable<byte[]> ReadLines(Stream stream)
    {
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        var all = ms.ToArray();
        var start = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i] != (byte)'\n') continue;
            yield return all[start..i];
            start = i + 1;
        }
        if (start < all.Length) yield return all[start..];
    }
}

/// <summary>Directory-level export/import of the reference library (one CSV per table).</summary>
public static class RefDataCsvConverter
{
    /// <summary>Exports the tables of <paramref name="refDir"/> (all, or one) to <paramref name="csvDir"/>. Returns (table, rows).</summary>
    public static IReadOnlyList<(RefTableSchema Table, int Rows)> ExportDirectory(string refDir, string csvDir, string? table = null)
    {
        var tables = SelectTables(table);
        Directory.CreateDirectory(csvDir);
        var done = new List<(RefTableSchema, int)>();
        foreach (var t in tables)
        {
            var datPath = Path.Combine(refDir, t.DatFile);
            if (!File.Exists(datPath))
            {
                if (table is null) continue;
                throw new FileNotFoundException($"{datPath} not found", datPath);
            }
            using var dat = File.OpenRead(datPath);
            using var csv = new StreamWriter(Path.Combine(csvDir, t.CsvFile), append: false, new UTF8Encoding(false)) { NewLine = "\n" };
            done.Add((t, RefTableCsv.Export(t, dat, csv, datPath)));
        }
        return done;
    }

    /// <summary>
    /// Imports every table CSV found in <paramref name="csvDir"/> into <paramref name="refDir"/>. All CSVs are
    /// validated before any .DAT is written.
    /// </summary>
    public static IReadOnlyList<(RefTableSchema Table, int Rows)> ImportDirectory(string csvDir, string refDir)
    {
        if (!Directory.Exists(csvDir)) throw new DirectoryNotFoundException($"{csvDir} not found");
        var converted = new List<(RefTableSchema Table, int Rows, byte[] Bytes)>();
        foreach (var t in RefTableSchema.All)
        {
            var csvPath = Path.Combine(csvDir, t.CsvFile);
            if (!File.Exists(csvPath)) continue;
            using var csv = new StreamReader(csvPath, new UTF8Encoding(false));
            using var dat = new MemoryStream();
            var rows = RefTableCsv.Import(t, csv, dat, csvPath);
            converted.Add((t, rows, dat.ToArray()));
        }
        if (converted.Count == 0)
            throw new FileNotFoundException($"no table CSV ({string.Join(", ", RefTableSchema.All.Select(t => t.CsvFile))}) in {csvDir}");
        Directory.CreateDirectory(refDir);
        foreach (var (t, _, bytes) in converted) File.WriteAllBytes(Path.Combine(refDir, t.DatFile), bytes);
        return converted.Select(c => (c.Table, c.Rows)).ToList();
    }

    private static IReadOnlyList<RefTableSchema> SelectTables(string? table)
    {
        if (table is null) return RefTableSchema.All;
        var t = RefTableSchema.Find(table)
                ?? throw new ArgumentException($"unknown table {table}; known: {string.Join(", ", RefTableSchema.All.Select(s => s.Name))}", nameof(table));
        return [t];
    }
}
