using Collections.Cobol.Codecs;
using Collections.Domain.Receivables;

namespace Collections.Legacy.Records;

/// <summary>STMTHDR (data set STMTOUT): RECFM=F LRECL=200. 0-based offsets.</summary>
public static class StatementHeaderLayout
{
    public const int RecordLength = 200;
    public const int RefType = 0, Reference = 1, StatementType = 17, FilerCode = 18, ImporterNo = 21, Period = 33,
        StatementDate = 39, DueDate = 47, RunDate = 55, EntryCount = 63, Categories = 68, Total = 159, Filler = 166;

    /// <summary>One SH-CATEGORY-AMT: PIC S9(11)V99 COMP-3, 7 bytes.</summary>
    public const int AmountLength = 7;

    /// <summary>Digit positions of every amount of the record (S9(11)V99).</summary>
    public const int AmountDigits = 13;

    public const int FillerLength = 34;
}

/// <summary>STMTDTL (data set STMTDTL): RECFM=F LRECL=80. 0-based offsets.</summary>
public static class StatementDetailLayout
{
    public const int RecordLength = 80;
    public const int RefType = 0, Reference = 1, EntryNo = 17, StatementType = 28, EntryDate = 29, ScheduledDate = 37,
        StatementDate = 45, DueDate = 53, DateAdjustedFlag = 61, EntryTotal = 62, Filler = 69;

    public const int FillerLength = 11;
}

/// <summary>
/// STMTHDR: one receivable (a single-pay entry or a statement) created or added to in the run, as CLV300
/// 3200-START-STATEMENT / 3400-WRITE-STATEMENT-HEADER write it. Text fields hold their full width (one char per
/// byte, trailing spaces kept); display numerics their value; amounts in cents. The FILLER is written as spaces
/// (MOVE SPACES TO STMT-HEADER-RECORD) and not read.
/// </summary>
public sealed record StatementHeaderRecord : IFixedRecord<StatementHeaderRecord>
{
    public static int RecordLength => StatementHeaderLayout.RecordLength;

    /// <summary>SH-REF-TYPE: 'E' single pay entry, 'S' statement.</summary>
    public required char RefType { get; init; }

    /// <summary>SH-REFERENCE X(16): the entry number (E) or the statement number D..., P..., B... (S).</summary>
    public required string Reference { get; init; }

    /// <summary>SH-STMT-TYPE 9(01): 1 single pay, 2 daily statement, 6 PMS per importer, 7 PMS per filer.</summary>
    public required int StatementType { get; init; }

    /// <summary>SH-FILER-CODE X(03).</summary>
    public required string FilerCode { get; init; }

    /// <summary>SH-IMPORTER-NO X(12).</summary>
    public required string ImporterNumber { get; init; }

    /// <summary>SH-PERIOD 9(06): CCYYMM of a periodic monthly statement, else 0.</summary>
    public required int Period { get; init; }

    /// <summary>SH-STMT-DATE 9(08).</summary>
    public required int StatementDate { get; init; }

    /// <summary>SH-DUE-DATE 9(08).</summary>
    public required int DueDate { get; init; }

    /// <summary>SH-RUN-DATE 9(08).</summary>
    public required int RunDate { get; init; }

    /// <summary>SH-ENTRY-COUNT 9(05).</summary>
    public required int EntryCount { get; init; }

    /// <summary>SH-CATEGORY-AMT (1..13), S9(11)V99 COMP-3 each.</summary>
    public CategoryAmounts Categories { get; init; }

    /// <summary>SH-TOTAL-AMT S9(11)V99 COMP-3, cents.</summary>
    public long TotalCents { get; init; }

    /// <summary>Bit of <see cref="NegativeZeroMask"/> for SH-TOTAL-AMT (bits 0-12 are SH-CATEGORY-AMT (1..13)).</summary>
    public const int TotalBit = CategoryAmounts.Count;

    /// <summary>
    /// The amounts that hold a packed negative zero (zero digits, sign nibble D), which CLV300 writes when a negative
    /// sum loses all its digits to high-order truncation: bit i = SH-CATEGORY-AMT (i + 1), bit <see cref="TotalBit"/> =
    /// SH-TOTAL-AMT. Default 0 (every zero is +0, sign C).
    /// </summary>
    public int NegativeZeroMask { get; init; }

    /// <summary>Decodes a 200-byte STMTHDR record (strict: non-digits in display numerics or invalid packed data throw).</summary>
    public static StatementHeaderRecord Decode(ReadOnlySpan<byte> record)
    {
        RecordFields.CheckLength(record, StatementHeaderLayout.RecordLength, "STMTHDR");
        Span<long> amounts = stackalloc long[CategoryAmounts.Count];
        var negativeZeros = 0;
        for (var i = 0; i < CategoryAmounts.Count; i++)
        {
            var at = StatementHeaderLayout.Categories + (i * StatementHeaderLayout.AmountLength);
            amounts[i] = RecordFields.Packed(record, at, StatementHeaderLayout.AmountDigits, CategoryFieldNames[i]);
            if (RecordFields.IsNegativeZero(record, at, StatementHeaderLayout.AmountDigits, amounts[i])) negativeZeros |= 1 << i;
        }
        var total = RecordFields.Packed(record, StatementHeaderLayout.Total, StatementHeaderLayout.AmountDigits, "SH-TOTAL-AMT");
        if (RecordFields.IsNegativeZero(record, StatementHeaderLayout.Total, StatementHeaderLayout.AmountDigits, total)) negativeZeros |= 1 << TotalBit;
        return new StatementHeaderRecord
        {
            RefType = (char)record[StatementHeaderLayout.RefType],
            Reference = RecordFields.Text(record, StatementHeaderLayout.Reference, 16),
            StatementType = RecordFields.Digits(record, StatementHeaderLayout.StatementType, 1, "SH-STMT-TYPE"),
            FilerCode = RecordFields.Text(record, StatementHeaderLayout.FilerCode, 3),
            ImporterNumber = RecordFields.Text(record, StatementHeaderLayout.ImporterNo, 12),
            Period = RecordFields.Digits(record, StatementHeaderLayout.Period, 6, "SH-PERIOD"),
            StatementDate = RecordFields.Digits(record, StatementHeaderLayout.StatementDate, 8, "SH-STMT-DATE"),
            DueDate = RecordFields.Digits(record, StatementHeaderLayout.DueDate, 8, "SH-DUE-DATE"),
            RunDate = RecordFields.Digits(record, StatementHeaderLayout.RunDate, 8, "SH-RUN-DATE"),
            EntryCount = RecordFields.Digits(record, StatementHeaderLayout.EntryCount, 5, "SH-ENTRY-COUNT"),
            Categories = CategoryAmounts.FromCents(amounts),
            TotalCents = total,
            NegativeZeroMask = negativeZeros,
        };
    }

    /// <summary>
    /// Writes the 200 bytes. Text wider than its field, a display number with more digits than its PIC or an amount
    /// beyond S9(11)V99 is a bug of the caller and throws (the legacy's stores have already truncated).
    /// </summary>
    public void Encode(Span<byte> record)
    {
        RecordFields.CheckLength(record, StatementHeaderLayout.RecordLength, "STMTHDR");
        record.Fill((byte)' ');
        RecordFields.PutChar(record, StatementHeaderLayout.RefType, RefType);
        RecordFields.PutText(record, StatementHeaderLayout.Reference, 16, Reference);
        RecordFields.PutDigits(record, StatementHeaderLayout.StatementType, 1, StatementType);
        RecordFields.PutText(record, StatementHeaderLayout.FilerCode, 3, FilerCode);
        RecordFields.PutText(record, StatementHeaderLayout.ImporterNo, 12, ImporterNumber);
        RecordFields.PutDigits(record, StatementHeaderLayout.Period, 6, Period);
        RecordFields.PutDigits(record, StatementHeaderLayout.StatementDate, 8, StatementDate);
        RecordFields.PutDigits(record, StatementHeaderLayout.DueDate, 8, DueDate);
        RecordFields.PutDigits(record, StatementHeaderLayout.RunDate, 8, RunDate);
        RecordFields.PutDigits(record, StatementHeaderLayout.EntryCount, 5, EntryCount);
        var amounts = Categories.AsSpan();
        for (var i = 0; i < CategoryAmounts.Count; i++)
            RecordFields.PutPacked(record, StatementHeaderLayout.Categories + (i * StatementHeaderLayout.AmountLength), StatementHeaderLayout.AmountDigits,
                amounts[i], (NegativeZeroMask & (1 << i)) != 0);
        RecordFields.PutPacked(record, StatementHeaderLayout.Total, StatementHeaderLayout.AmountDigits, TotalCents, (NegativeZeroMask & (1 << TotalBit)) != 0);
    }

    private static readonly string[] CategoryFieldNames =
    [
        "SH-DUTY-AMT", "SH-S301-AMT", "SH-S232-AMT", "SH-IEEPA-AMT", "SH-S122-AMT", "SH-OTH99-AMT", "SH-ADD-AMT",
        "SH-CVD-AMT", "SH-MPF-AMT", "SH-INFORMAL-FEE-AMT", "SH-MANUAL-FEE-AMT", "SH-HMF-AMT", "SH-COTTON-FEE-AMT",
    ];
}

/// <summary>
/// STMTDTL: the cross reference of one entry to its receivable, as CLV300 3300-ADD-ENTRY writes it. Text fields hold
/// their full width; display numerics their value; the amount in cents. The FILLER is written as spaces and not read.
/// </summary>
public sealed record StatementDetailRecord : IFixedRecord<StatementDetailRecord>
{
    public static int RecordLength => StatementDetailLayout.RecordLength;

    /// <summary>SD-REF-TYPE: 'E' or 'S'.</summary>
    public required char RefType { get; init; }

    /// <summary>SD-REFERENCE X(16).</summary>
    public required string Reference { get; init; }

    /// <summary>SD-ENTRY-NO X(11).</summary>
    public required string EntryNumber { get; init; }

    /// <summary>SD-STMT-TYPE 9(01).</summary>
    public required int StatementType { get; init; }

    /// <summary>SD-ENTRY-DATE 9(08).</summary>
    public required int EntryDate { get; init; }

    /// <summary>SD-SCHED-STMT-DATE 9(08): the statement date the filer scheduled (ECT-STMT-DATE).</summary>
    public required int ScheduledStatementDate { get; init; }

    /// <summary>SD-STMT-DATE 9(08).</summary>
    public required int StatementDate { get; init; }

    /// <summary>SD-DUE-DATE 9(08).</summary>
    public required int DueDate { get; init; }

    /// <summary>SD-DATE-ADJ-FLAG: 'Y' when the daily statement date was moved back to the 10th working day, else 'N'.</summary>
    public required char DateAdjustedFlag { get; init; }

    /// <summary>SD-ENTRY-TOTAL S9(11)V99 COMP-3, cents.</summary>
    public long EntryTotalCents { get; init; }

    /// <summary>Decodes an 80-byte STMTDTL record (strict).</summary>
    public static StatementDetailRecord Decode(ReadOnlySpan<byte> record)
    {
        RecordFields.CheckLength(record, StatementDetailLayout.RecordLength, "STMTDTL");
        return new StatementDetailRecord
        {
            RefType = (char)record[StatementDetailLayout.RefType],
            Reference = RecordFields.Text(record, StatementDetailLayout.Reference, 16),
            EntryNumber = RecordFields.Text(record, StatementDetailLayout.EntryNo, 11),
            StatementType = RecordFields.Digits(record, StatementDetailLayout.StatementType, 1, "SD-STMT-TYPE"),
            EntryDate = RecordFields.Digits(record, StatementDetailLayout.EntryDate, 8, "SD-ENTRY-DATE"),
            ScheduledStatementDate = RecordFields.Digits(record, StatementDetailLayout.ScheduledDate, 8, "SD-SCHED-STMT-DATE"),
            StatementDate = RecordFields.Digits(record, StatementDetailLayout.StatementDate, 8, "SD-STMT-DATE"),
            DueDate = RecordFields.Digits(record, StatementDetailLayout.DueDate, 8, "SD-DUE-DATE"),
            DateAdjustedFlag = (char)record[StatementDetailLayout.DateAdjustedFlag],
            EntryTotalCents = RecordFields.Packed(record, StatementDetailLayout.EntryTotal, StatementHeaderLayout.AmountDigits, "SD-ENTRY-TOTAL"),
        };
    }

    /// <summary>Writes the 80 bytes (values that do not fit their field throw, as for <see cref="StatementHeaderRecord.Encode"/>).</summary>
    public void Encode(Span<byte> record)
    {
        RecordFields.CheckLength(record, StatementDetailLayout.RecordLength, "STMTDTL");
        record.Fill((byte)' ');
        RecordFields.PutChar(record, StatementDetailLayout.RefType, RefType);
        RecordFields.PutText(record, StatementDetailLayout.Reference, 16, Reference);
        RecordFields.PutText(record, StatementDetailLayout.EntryNo, 11, EntryNumber);
        RecordFields.PutDigits(record, StatementDetailLayout.StatementType, 1, StatementType);
        RecordFields.PutDigits(record, StatementDetailLayout.EntryDate, 8, EntryDate);
        RecordFields.PutDigits(record, StatementDetailLayout.ScheduledDate, 8, ScheduledStatementDate);
        RecordFields.PutDigits(record, StatementDetailLayout.StatementDate, 8, StatementDate);
        RecordFields.PutDigits(record, StatementDetailLayout.DueDate, 8, DueDate);
        RecordFields.PutChar(record, StatementDetailLayout.DateAdjustedFlag, DateAdjustedFlag);
        RecordFields.PutPacked(record, StatementDetailLayout.EntryTotal, StatementHeaderLayout.AmountDigits, EntryTotalCents);
    }
}

/// <summary>
/// Field codecs of the typed legacy records: the Collections.Cobol codecs (through <see cref="LegacyNumeric"/> where the
/// ports share them), plus the strict checks and the packed negative zero these records need.
/// </summary>
internal static class RecordFields
{
    public static void CheckLength(ReadOnlySpan<byte> record, int length, string name)
    {
        if (record.Length != length) throw new ArgumentException($"a {name} record is {length} bytes, got {record.Length}", nameof(record));
    }

    public static string Text(ReadOnlySpan<byte> record, int offset, int length) => LegacyNumeric.Text(record.Slice(offset, length));

    /// <summary>Unsigned display numeric PIC 9(n): every byte a digit, else a <see cref="CobolDataException"/> naming the field.</summary>
    public static int Digits(ReadOnlySpan<byte> record, int offset, int length, string fieldName) => LegacyNumeric.Digits(record, offset, length, fieldName);

    /// <summary>A signed COMP-3 field; invalid data throws naming the field and offset.</summary>
    public static long Packed(ReadOnlySpan<byte> record, int offset, int digits, string fieldName) => LegacyNumeric.Packed(record, offset, digits, fieldName);

    public static void PutChar(Span<byte> record, int offset, char value)
    {
        if (value > 0xFF) throw new ArgumentOutOfRangeException(nameof(value), value, "not a Latin-1 character");
        record[offset] = OpenItemRecord.Byte(value);
    }

    /// <summary>Text into a PIC X(n) field, padded with spaces; longer text or a char above U+00FF throws.</summary>
    public static void PutText(Span<byte> record, int offset, int length, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
            if (c > 0xFF) throw new ArgumentOutOfRangeException(nameof(value), value, "not Latin-1 text");
        if (value.Length > length) throw new ArgumentOutOfRangeException(nameof(value), value, $"longer than {length}");
        LegacyNumeric.PutText(record.Slice(offset, length), value);
    }

    /// <summary>An unsigned display number into PIC 9(n); a negative value or one with more digits throws.</summary>
    public static void PutDigits(Span<byte> record, int offset, int length, long value) => ZonedDecimal.Encode(value, record.Slice(offset, length), length, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters);

    /// <summary>
    /// A signed COMP-3 field (sign C or D as GnuCOBOL writes it); a value with more digits throws. A zero with
    /// <paramref name="negativeZero"/> gets the sign nibble D (a negative zero).
    /// </summary>
    public static void PutPacked(Span<byte> record, int offset, int digits, long value, bool negativeZero = false)
    {
        PackedDecimal.Encode(value, record.Slice(offset, PackedDecimal.ByteLength(digits)), digits, signed: true);
        if (negativeZero && value == 0)
        {
            ref var last = ref record[offset + PackedDecimal.ByteLength(digits) - 1];
            last = (byte)((last & 0xF0) | 0x0D);
        }
    }

    /// <summary>True when a packed field that decoded to <paramref name="value"/> is a negative zero (sign nibble D).</summary>
    public static bool IsNegativeZero(ReadOnlySpan<byte> record, int offset, int digits, long value) =>
        value == 0 && (record[offset + PackedDecimal.ByteLength(digits) - 1] & 0x0F) == 0x0D;
}
