using Collections.Domain.Receivables;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv300;

/// <summary>
/// CLV300's SORT-RECORD (SD SORT-FILE), 181 bytes: the key SR-REF-TYPE X(01), SR-REFERENCE X(16), SR-ENTRY-NO X(11)
/// (28 bytes, ascending), then SR-STMT-TYPE 9(01), SR-FILER-CODE X(03), SR-IMPORTER-NO X(12), SR-PERIOD 9(06),
/// four dates 9(08), SR-ADJ-FLAG X(01), 13 × SR-CATEGORY-AMT and SR-ENTRY-TOTAL S9(11)V99 COMP-3.
/// </summary>
internal static class ReceivableSortRecord
{
    public const int RecordLength = 181;
    public const int KeyLength = 28;
    private const int RefType = 0, Reference = 1, EntryNo = 17, StatementType = 28, FilerCode = 29, ImporterNo = 32, Period = 44,
        EntryDate = 50, ScheduledDate = 58, StatementDate = 66, DueDate = 74, AdjustedFlag = 82, Categories = 83, EntryTotal = 174;
    private const int AmountDigits = StatementHeaderLayout.AmountDigits, AmountLength = StatementHeaderLayout.AmountLength;

    public static void Encode(ReceivableAssignment a, Span<byte> record)
    {
        RecordFields.PutChar(record, RefType, (char)a.ReferenceType);
        RecordFields.PutText(record, Reference, 16, a.Reference);
        RecordFields.PutText(record, EntryNo, 11, a.EntryNumber);
        RecordFields.PutDigits(record, StatementType, 1, a.StatementType);
        RecordFields.PutText(record, FilerCode, 3, a.FilerCode);
        RecordFields.PutText(record, ImporterNo, 12, a.ImporterNumber);
        RecordFields.PutDigits(record, Period, 6, a.Period);
        RecordFields.PutDigits(record, EntryDate, 8, a.EntryDate);
        RecordFields.PutDigits(record, ScheduledDate, 8, a.ScheduledStatementDate);
        RecordFields.PutDigits(record, StatementDate, 8, a.StatementDate);
        RecordFields.PutDigits(record, DueDate, 8, a.DueDate);
        record[AdjustedFlag] = a.StatementDateAdjusted ? (byte)'Y' : (byte)'N';
        var amounts = a.Categories.AsSpan();
        for (var i = 0; i < CategoryAmounts.Count; i++) RecordFields.PutPacked(record, Categories + (i * AmountLength), AmountDigits, amounts[i]);
        RecordFields.PutPacked(record, EntryTotal, AmountDigits, a.EntryTotalCents);
    }

    public static ReceivableAssignment Decode(ReadOnlySpan<byte> record)
    {
        Span<long> amounts = stackalloc long[CategoryAmounts.Count];
        for (var i = 0; i < CategoryAmounts.Count; i++) amounts[i] = RecordFields.Packed(record, Categories + (i * AmountLength), AmountDigits, "SR-CATEGORY-AMT");
        var statementType = RecordFields.Digits(record, StatementType, 1, "SR-STMT-TYPE");
        return new ReceivableAssignment
        {
            ReferenceType = (ReferenceType)record[RefType],
            Reference = RecordFields.Text(record, Reference, 16),
            EntryNumber = RecordFields.Text(record, EntryNo, 11),
            StatementType = statementType,
            FilerCode = RecordFields.Text(record, FilerCode, 3),
            ImporterNumber = RecordFields.Text(record, ImporterNo, 12),
            Period = RecordFields.Digits(record, Period, 6, "SR-PERIOD"),
            EntryDate = RecordFields.Digits(record, EntryDate, 8, "SR-ENTRY-DATE"),
            ScheduledStatementDate = RecordFields.Digits(record, ScheduledDate, 8, "SR-SCHED-DATE"),
            StatementDate = RecordFields.Digits(record, StatementDate, 8, "SR-STMT-DATE"),
            DueDate = RecordFields.Digits(record, DueDate, 8, "SR-DUE-DATE"),
            StatementDateAdjusted = record[AdjustedFlag] == (byte)'Y',
            Categories = CategoryAmounts.FromCents(amounts),
            EntryTotalCents = RecordFields.Packed(record, EntryTotal, AmountDigits, "SR-ENTRY-TOTAL"),
            Bucket = statementType switch
            {
                2 => PaymentTypeBucket.DailyStatement,
                6 => PaymentTypeBucket.PmsImporter,
                7 => PaymentTypeBucket.PmsFiler,
                _ => PaymentTypeBucket.SinglePay,
            },
        };
    }
}
