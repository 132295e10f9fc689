using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;

namespace Collections.Legacy.Records;

/// <summary>
/// Converts between STMTHDR records (STMTOUT, <see cref="StatementHeaderLayout"/>) and the open item update's
/// <see cref="Receivable"/>: lossless for every field, whatever its bytes (CLV400 reads STMTOUT as GnuCOBOL does, never
/// rejecting a field); FILLER spaces on write. <see cref="StatementHeaderRecord"/> is the strict typed record of CLV300.
/// </summary>
public static class ReceivableRecord
{
    /// <summary>The receivable held by a 200-byte record.</summary>
    public static Receivable Decode(ReadOnlySpan<byte> record)
    {
        if (record.Length != StatementHeaderLayout.RecordLength) throw new ArgumentException("a STMTHDR record is 200 bytes", nameof(record));
        var categories = new PackedNumber[Receivable.CategoryCount];
        for (var i = 0; i < categories.Length; i++)
            categories[i] = PackedNumber.FromBytes(record.Slice(StatementHeaderLayout.Categories + (7 * i), 7), OpenItemPictures.Amount);
        return new Receivable
        {
            RefType = (char)record[StatementHeaderLayout.RefType],
            Reference = LegacyNumeric.Text(record.Slice(StatementHeaderLayout.Reference, 16)),
            StatementType = DisplayNumber.FromBytes(record.Slice(StatementHeaderLayout.StatementType, 1)),
            FilerCode = OpenItemRecord.Text(record.Slice(StatementHeaderLayout.FilerCode, 3)),
            ImporterNumber = OpenItemRecord.Text(record.Slice(StatementHeaderLayout.ImporterNo, 12)),
            Period = DisplayNumber.FromBytes(record.Slice(StatementHeaderLayout.Period, 6)),
            StatementDate = DisplayNumber.FromBytes(record.Slice(StatementHeaderLayout.StatementDate, 8)),
            DueDate = DisplayNumber.FromBytes(record.Slice(StatementHeaderLayout.DueDate, 8)),
            RunDate = DisplayNumber.FromBytes(record.Slice(StatementHeaderLayout.RunDate, 8)),
            EntryCount = DisplayNumber.FromBytes(record.Slice(StatementHeaderLayout.EntryCount, 5)),
            CategoryAmounts = categories,
            TotalAmount = PackedNumber.FromBytes(record.Slice(StatementHeaderLayout.Total, 7), OpenItemPictures.Amount),
        };
    }

    /// <summary>Fills a 200-byte record (FILLER spaces).</summary>
    public static void Encode(Receivable receivable, Span<byte> record)
    {
        ArgumentNullException.ThrowIfNull(receivable);
        if (record.Length != StatementHeaderLayout.RecordLength) throw new ArgumentException("a STMTHDR record is 200 bytes", nameof(record));
        if (receivable.CategoryAmounts.Count != Receivable.CategoryCount) throw new ArgumentException("13 category amounts expected", nameof(receivable));
        record.Fill((byte)' ');
        record[StatementHeaderLayout.RefType] = OpenItemRecord.Byte(receivable.RefType);
        OpenItemRecord.PutText(record.Slice(StatementHeaderLayout.Reference, 16), receivable.Reference);
        receivable.StatementType.CopyTo(record.Slice(StatementHeaderLayout.StatementType, 1));
        OpenItemRecord.PutText(record.Slice(StatementHeaderLayout.FilerCode, 3), receivable.FilerCode);
        OpenItemRecord.PutText(record.Slice(StatementHeaderLayout.ImporterNo, 12), receivable.ImporterNumber);
        receivable.Period.CopyTo(record.Slice(StatementHeaderLayout.Period, 6));
        receivable.StatementDate.CopyTo(record.Slice(StatementHeaderLayout.StatementDate, 8));
        receivable.DueDate.CopyTo(record.Slice(StatementHeaderLayout.DueDate, 8));
        receivable.RunDate.CopyTo(record.Slice(StatementHeaderLayout.RunDate, 8));
        receivable.EntryCount.CopyTo(record.Slice(StatementHeaderLayout.EntryCount, 5));
        for (var i = 0; i < Receivable.CategoryCount; i++)
            receivable.CategoryAmounts[i].CopyTo(record.Slice(StatementHeaderLayout.Categories + (7 * i), 7));
        receivable.TotalAmount.CopyTo(record.Slice(StatementHeaderLayout.Total, 7));
    }
}
