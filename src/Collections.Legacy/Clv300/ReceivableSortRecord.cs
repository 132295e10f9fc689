using System.Buffers.Binary;
using Collections.Domain.Receivables;
using Collections.Domain.Values;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv300;

/// <summary>
/// CLV300's SORT-RECORD (SD SORT-FILE) as this port holds it, 177 bytes: the key exactly as the legacy's, SR-REF-TYPE
/// X(01), SR-REFERENCE X(16), SR-ENTRY-NO X(11) (28 bytes, ascending), then the other fields in the machine's form
/// (the sort file is the program's own work file, never seen outside it): SR-FILER-CODE X(03), SR-IMPORTER-NO X(12) and
/// SR-ADJ-FLAG X(01) as text, SR-STMT-TYPE as one byte, SR-PERIOD and the four dates as 32-bit integers, the 13
/// SR-CATEGORY-AMT and SR-ENTRY-TOTAL as 64-bit cents. Encoding checks that each value fits the legacy's picture
/// (9(01), 9(06), 9(08), S9(11)V99), so a record returns exactly what the legacy's MOVEs would have kept.
/// </summary>
internal static class ReceivableSortRecord
{
    public const int RecordLength = 177;
    public const int KeyLength = 28;
    private const int RefType = 0, Reference = 1, EntryNo = 17, FilerCode = 28, ImporterNo = 31, AdjustedFlag = 43, StatementType = 44,
        Period = 45, EntryDate = 49, ScheduledDate = 53, StatementDate = 57, DueDate = 61, Categories = 65, EntryTotal = 169;
    private const long MaxAmountCents = 9_999_999_999_999;   // S9(11)V99

    public static void Encode(ReceivableAssignment a, Span<byte> record)
    {
        RecordFields.PutChar(record, RefType, (char)a.ReferenceType);
        RecordFields.PutText(record, Reference, 16, a.Reference);
        RecordFields.PutText(record, EntryNo, 11, a.EntryNumber);
        RecordFields.PutText(record, FilerCode, 3, a.FilerCode);
        RecordFields.PutText(record, ImporterNo, 12, a.ImporterNumber);
        record[AdjustedFlag] = a.StatementDateAdjusted ? (byte)'Y' : (byte)'N';
        record[StatementType] = (byte)Fit(a.StatementType, 9, "SR-STMT-TYPE");
        PutInt(record, Period, Fit(a.Period, 999_999, "SR-PERIOD"));
        PutInt(record, EntryDate, Fit(a.EntryDate, 99_999_999, "SR-ENTRY-DATE"));
        PutInt(record, ScheduledDate, Fit(a.ScheduledStatementDate, 99_999_999, "SR-SCHED-DATE"));
        PutInt(record, StatementDate, Fit(a.StatementDate, 99_999_999, "SR-STMT-DATE"));
        PutInt(record, DueDate, Fit(a.DueDate, 99_999_999, "SR-DUE-DATE"));
        var amounts = a.Categories.AsSpan();
        for (var i = 0; i < CategoryAmounts.Count; i++) PutAmount(record, Categories + (i * sizeof(long)), amounts[i], "SR-CATEGORY-AMT");
        PutAmount(record, EntryTotal, a.EntryTotalCents, "SR-ENTRY-TOTAL");
    }

    private static int Fit(int value, int max, string field) =>
        value >= 0 && value <= max ? value : throw new ArgumentOutOfRangeException(field, value, $"does not fit the unsigned picture of {field}");

    private static void PutInt(Span<byte> record, int offset, int value) => BinaryPrimitives.WriteInt32LittleEndian(record[offset..], value);

    private static int Int(ReadOnlySpan<byte> record, int offset) => BinaryPrimitives.ReadInt32LittleEndian(record[offset..]);

    private static void PutAmount(Span<byte> record, int offset, long cents, string field)
    {
        if (cents is < -MaxAmountCents or > MaxAmountCents) throw new ArgumentOutOfRangeException(field, cents, $"does not fit {field} S9(11)V99");
        BinaryPrimitives.WriteInt64LittleEndian(record[offset..], cents);
    }

    private static long Amount(ReadOnlySpan<byte> record, int offset) => BinaryPrimitives.ReadInt64LittleEndian(record[offset..]);

    /// <summary>
    /// The assignment a sort record holds. Text fields equal to <paramref name="previous"/>'s (the record returned before:
    /// the same statement's reference, filer and importer) share its strings.
    /// </summary>
    public static ReceivableAssignment Decode(ReadOnlySpan<byte> record, ReceivableAssignment? previous = null)
    {
        Span<long> amounts = stackalloc long[CategoryAmounts.Count];
        for (var i = 0; i < CategoryAmounts.Count; i++) amounts[i] = Amount(record, Categories + (i * sizeof(long)));
        var statementType = (int)record[StatementType];
        return new ReceivableAssignment
        {
            ReferenceType = (ReferenceType)record[RefType],
            Reference = Text(record, Reference, 16, previous?.Reference),
            EntryNumber = RecordFields.Text(record, EntryNo, 11),
            StatementType = statementType,
            FilerCode = Text(record, FilerCode, 3, previous?.FilerCode),
            ImporterNumber = Text(record, ImporterNo, 12, previous?.ImporterNumber),
            Period = Int(record, Period),
            EntryDate = Int(record, EntryDate),
            ScheduledStatementDate = Int(record, ScheduledDate),
            StatementDate = Int(record, StatementDate),
            DueDate = Int(record, DueDate),
            StatementDateAdjusted = record[AdjustedFlag] == (byte)'Y',
            Categories = CategoryAmounts.FromCents(amounts),
            EntryTotalCents = Amount(record, EntryTotal),
            Bucket = statementType switch
            {
                2 => PaymentTypeBucket.DailyStatement,
                6 => PaymentTypeBucket.PmsImporter,
                7 => PaymentTypeBucket.PmsFiler,
                _ => PaymentTypeBucket.SinglePay,
            },
        };
    }

    private static string Text(ReadOnlySpan<byte> record, int offset, int length, string? previous) =>
        previous is not null && FixedText.Equal(previous, record.Slice(offset, length)) ? previous : RecordFields.Text(record, offset, length);
}
