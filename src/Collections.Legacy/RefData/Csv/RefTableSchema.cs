namespace Collections.Legacy.RefData.Csv;

/// <summary>How a column of a reference table is shown in CSV.</summary>
public enum RefColumnKind
{
    /// <summary>PIC X(n): the text with trailing blanks removed (padded back on import).</summary>
    Text,

    /// <summary>PIC 9(n) code kept as its digits with leading zeros (e.g. port 0401).</summary>
    Code,

    /// <summary>PIC 9(8) date CCYYMMDD: a real calendar date, or 99999999 (open end).</summary>
    Date,

    /// <summary>PIC 9(i)V9(s): exact decimal text with all <see cref="RefColumn.Scale"/> decimals ("0.003464").</summary>
    Number,
}

/// <summary>One column: a field of the legacy record at <see cref="Offset"/> of <see cref="Length"/> bytes.</summary>
public sealed record RefColumn(string Name, int Offset, int Length, RefColumnKind Kind, int Scale = 0, bool IsKey = false);

/// <summary>
/// A legacy reference table (ref/*.DAT, line sequential, fixed columns separated by one blank) and its CSV form.
/// The columns follow the copybook; the blanks between them (FILLER) must stay blank.
/// </summary>
public sealed class RefTableSchema
{
    public RefTableSchema(string name, string datFile, string copybook, int recordLength, IReadOnlyList<RefColumn> columns)
    {
        Name = name;
        DatFile = datFile;
        Copybook = copybook;
        RecordLength = recordLength;
        Columns = columns;
        var end = 0;
        foreach (var c in columns)
        {
            if (c.Offset < end) throw new ArgumentException($"{name}: column {c.Name} overlaps the previous one");
            end = c.Offset + c.Length;
        }
        if (end > recordLength) throw new ArgumentException($"{name}: columns exceed the record length {recordLength}");
    }

    /// <summary>Table name as used by --table (e.g. FEES).</summary>
    public string Name { get; }

    /// <summary>File name in the reference library (e.g. FEES.DAT).</summary>
    public string DatFile { get; }

    /// <summary>File name of the CSV form (e.g. FEES.csv).</summary>
    public string CsvFile => Name + ".csv";

    public string Copybook { get; }
    public int RecordLength { get; }
    public IReadOnlyList<RefColumn> Columns { get; }

    /// <summary>Every table of the legacy reference library.</summary>
    public static IReadOnlyList<RefTableSchema> All { get; } = Build();

    public static RefTableSchema? Find(string name)
        => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)
                                   || string.Equals(t.DatFile, name, StringComparison.OrdinalIgnoreCase));

    private static RefColumn X(string name, int offset, int length, bool key = false) => new(name, offset, length, RefColumnKind.Text, 0, key);
    private static RefColumn D(string name, int offset, bool key = false) => new(name, offset, 8, RefColumnKind.Date, 0, key);
    private static RefColumn N(string name, int offset, int integerDigits, int scale) => new(name, offset, integerDigits + scale, RefColumnKind.Number, scale);

    private static List<RefTableSchema> Build()
    {
        var tariff = new List<RefColumn>
        {
            X("hts_number", 0, 10, key: true), D("effective_date", 11, key: true), D("end_date", 20), X("rate_type", 29, 1),
            N("ad_valorem_rate", 31, 1, 6), N("specific_rate", 39, 4, 6), X("unit", 50, 3), X("cotton_fee", 54, 1),
        };
        for (var i = 0; i < 8; i++) tariff.Add(X($"spi_{i + 1}", 56 + (2 * i), 2));
        tariff.Add(X("description", 73, 47));
        return
        [
            new RefTableSchema("TARIFF", "TARIFF.DAT", "REFTARIF", 120, tariff),
            new RefTableSchema("CH99", "CH99.DAT", "REFCH99", 90,
            [
                X("heading", 0, 10, key: true), X("country", 11, 2, key: true), D("effective_date", 14, key: true), D("end_date", 23),
                N("ad_valorem_rate", 32, 1, 6), X("stack_group", 40, 2), N("priority", 43, 2, 0), X("revenue_class", 46, 3),
                X("description", 50, 40),
            ]),
            new RefTableSchema("ADCVD", "ADCVD.DAT", "REFADCVD", 90,
            [
                X("case_number", 0, 10, key: true), X("country", 11, 2), X("rate_type", 14, 1), N("deposit_rate", 16, 4, 6),
                X("status", 27, 1), D("effective_date", 29), X("description", 38, 52),
            ]),
            new RefTableSchema("EXRATE", "EXRATE.DAT", "REFEXRT", 40,
            [
                X("currency", 0, 3, key: true), X("rate_type", 4, 1, key: true), D("rate_date", 6, key: true), N("rate", 15, 6, 6),
                X("source", 28, 12),
            ]),
            new RefTableSchema("SPI", "SPI.DAT", "REFSPI", 50,
            [
                X("spi_code", 0, 2, key: true), X("mpf_exempt", 3, 1), X("description", 5, 45),
            ]),
            new RefTableSchema("FEES", "FEES.DAT", "REFFEES", 80,
            [
                X("fee_class", 0, 3, key: true), D("effective_date", 4, key: true), D("end_date", 13), X("calc_type", 22, 1),
                N("rate", 24, 1, 6), N("minimum", 32, 5, 2), N("maximum", 40, 5, 2), N("flat_amount", 48, 5, 2),
                X("description", 56, 24),
            ]),
            new RefTableSchema("HMFPORT", "HMFPORT.DAT", "REFHMFP", 40,
            [
                new RefColumn("port_code", 0, 4, RefColumnKind.Code, 0, true), X("port_name", 5, 35),
            ]),
            new RefTableSchema("HOLIDAY", "HOLIDAY.DAT", "REFHOLI", 50,
            [
                D("holiday_date", 0, key: true), X("name", 9, 41),
            ]),
            new RefTableSchema("INTRATE", "INTRATE.DAT", "REFINTR", 40,
            [
                D("effective_date", 0, key: true), D("end_date", 9), N("underpayment_rate", 18, 2, 3), N("overpayment_rate", 24, 2, 3),
                X("source", 30, 10),
            ]),
        ];
    }
}
