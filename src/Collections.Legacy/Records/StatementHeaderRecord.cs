using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;

namespace Collections.Legacy.Records;

/// <summary>STMTHDR: receivable / statement headers (DD STMTOUT), RECFM=F LRECL=200, REF TYPE + REFERENCE ascending. 0-based offsets.</summary>
public static class ReceivableLayout
{
    public const int RecordLength = 200;

    public const int KeyLength = 17;

    public const int RefType = 0, Reference = 1, StatementType = 17, FilerCode = 18, ImporterNo = 21, Period = 33, StatementDate = 39,
        DueDate = 47, RunDate = 55, EntryCount = 63, Categories = 68, TotalAmount = 159, Filler = 166, FillerLength = 34;
}

/// <summary>Converts between STMTHDR records and <see cref="Receivable"/> (lossless for every field; FILLER spaces on write).</summary>
public static class ReceivableRecord
{
    /// <summary>The receivable held by a 200-byte record.</summary>
    public static Receivable Decode(ReadOnlySpan<byte> record)
    {
        if (record.Length != ReceivableLayout.RecordLength) throw new ArgumentException("a STMTHDR record is 200 bytes", nameof(record));
        var categories = new PackedNumber[Receivable.CategoryCount];
        for (var i = 0; i < categories.Length; i++)
            categories[i] = PackedNumber.FromBytes(record.Slice(ReceivableLayout.Categories + (7 * i), 7), OpenItemPictures.Amount);
        return new Receivable
        {
            RefType = (char)record[ReceivableLayout.RefType],
            Reference = LegacyNumeric.Text(record.Slice(ReceivableLayout.Reference, 16)),
            StatementType = DisplayNumber.FromBytes(record.Slice(ReceivableLayout.StatementType, 1)),
            FilerCode = LegacyNumeric.Text(record.Slice(ReceivableLayout.FilerCode, 3)),
            ImporterNumber = LegacyNumeric.Text(record.Slice(ReceivableLayout.ImporterNo, 12)),
            Period = DisplayNumber.FromBytes(record.Slice(ReceivableLayout.Period, 6)),
            StatementDate = DisplayNumber.FromBytes(record.Slice(ReceivableLayout.StatementDate, 8)),
            DueDate = DisplayNumber.FromBytes(record.Slice(ReceivableLayout.DueDate, 8)),
            RunDate = DisplayNumber.FromBytes(record.Slice(ReceivableLayout.RunDate, 8)),
            EntryCount = DisplayNumber.FromBytes(record.Slice(ReceivableLayout.EntryCount, 5)),
            CategoryAmounts = categories,
            TotalAmount = PackedNumber.FromBytes(record.Slice(ReceivableLayout.TotalAmount, 7), OpenItemPictures.Amount),
        };
    }

    /// <summary>Fills a 200-byte record (FILLER spaces).</summary>
    public static void Encode(Receivable receivable, Span<byte> record)
    {
        ArgumentNullException.ThrowIfNull(receivable);
        if (record.Length != ReceivableLayout.RecordLength) throw new ArgumentException("a STMTHDR record is 200 bytes", nameof(record));
        if (receivable.CategoryAmounts.Count != Receivable.CategoryCount) throw new ArgumentException("13 category amounts expected", nameof(receivable));
        record.Fill((byte)' ');
        record[ReceivableLayout.RefType] = OpenItemRecord.Byte(receivable.RefType);
        OpenItemRecord.PutText(record.Slice(ReceivableLayout.Reference, 16), receivable.Reference);
        receivable.StatementType.CopyTo(record.Slice(ReceivableLayout.StatementType, 1));
        OpenItemRecord.PutText(record.Slice(ReceivableLayout.FilerCode, 3), receivable.FilerCode);
        OpenItemRecord.PutText(record.Slice(ReceivableLayout.ImporterNo, 12), receivable.ImporterNumber);
        receivable.Period.CopyTo(record.Slice(ReceivableLayout.Period, 6));
        receivable.StatementDate.CopyTo(record.Slice(ReceivableLayout.StatementDate, 8));
        receivable.DueDate.CopyTo(record.Slice(ReceivableLayout.DueDate, 8));
        receivable.RunDate.CopyTo(record.Slice(ReceivableLayout.RunDate, 8));
        receivable.EntryCount.CopyTo(record.Slice(ReceivableLayout.EntryCount, 5));
        for (var i = 0; i < Receivable.CategoryCount; i++)
            receivable.CategoryAmounts[i].CopyTo(record.Slice(ReceivableLayout.Categories + (7 * i), 7));
        receivable.TotalAmount.CopyTo(record.Slice(ReceivableLayout.TotalAmount, 7));
    }
}
