using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;

namespace Collections.Legacy.Records;

/// <summary>LEDGER (copybook LEDGER): collections ledger postings, RECFM=F LRECL=80, in posting sequence. 0-based offsets.</summary>
public static class LedgerLayout
{
    public const int RecordLength = 80;

    public const int PostDate = 0, SequenceNo = 8, RefType = 15, Reference = 16, ItemType = 32, TranCode = 33, RevenueClass = 35,
        DebitCredit = 38, Amount = 39, PayMethod = 46, SourceId = 47, EffectiveDate = 59, Filler = 67, FillerLength = 13;
}

/// <summary>
/// Converts between LEDGER records and <see cref="LedgerPosting"/>: MOVE SPACES TO LEDGER-RECORD then the fields
/// (8400-WRITE-LEDGER). Decoding is lossless for every field (bytes kept as stored); the FILLER is spaces on write.
/// </summary>
public static class LedgerRecord
{
    /// <summary>Fills an 80-byte record.</summary>
    public static void Encode(LedgerPosting posting, Span<byte> record)
    {
        ArgumentNullException.ThrowIfNull(posting);
        if (record.Length != LedgerLayout.RecordLength) throw new ArgumentException("a LEDGER record is 80 bytes", nameof(record));
        record.Fill((byte)' ');
        posting.PostDate.CopyTo(record.Slice(LedgerLayout.PostDate, 8));
        LegacyNumeric.PutDigits(record.Slice(LedgerLayout.SequenceNo, 7), posting.Sequence);
        record[LedgerLayout.RefType] = OpenItemRecord.Byte(posting.RefType);
        OpenItemRecord.PutText(record.Slice(LedgerLayout.Reference, 16), posting.Reference);
        record[LedgerLayout.ItemType] = OpenItemRecord.Byte(posting.ItemType);
        OpenItemRecord.PutText(record.Slice(LedgerLayout.TranCode, 2), posting.TranCode);
        OpenItemRecord.PutText(record.Slice(LedgerLayout.RevenueClass, 3), posting.RevenueClass);
        record[LedgerLayout.DebitCredit] = OpenItemRecord.Byte(posting.DebitCredit);
        posting.Amount.CopyTo(record.Slice(LedgerLayout.Amount, 7));
        record[LedgerLayout.PayMethod] = OpenItemRecord.Byte(posting.PayMethod);
        OpenItemRecord.PutText(record.Slice(LedgerLayout.SourceId, 12), posting.SourceId);
        posting.EffectiveDate.CopyTo(record.Slice(LedgerLayout.EffectiveDate, 8));
    }

    /// <summary>The posting held by an 80-byte record. A sequence number that is not digits reads as cob_get_int takes it.</summary>
    public static LedgerPosting Decode(ReadOnlySpan<byte> record)
    {
        if (record.Length != LedgerLayout.RecordLength) throw new ArgumentException("a LEDGER record is 80 bytes", nameof(record));
        return new LedgerPosting(
            DisplayNumber.FromBytes(record.Slice(LedgerLayout.PostDate, 8)),
            LenientNumeric.UnsignedDisplayGetInt(record.Slice(LedgerLayout.SequenceNo, 7)),
            (char)record[LedgerLayout.RefType],
            LegacyNumeric.Text(record.Slice(LedgerLayout.Reference, 16)),
            (char)record[LedgerLayout.ItemType],
            LegacyNumeric.Text(record.Slice(LedgerLayout.TranCode, 2)),
            LegacyNumeric.Text(record.Slice(LedgerLayout.RevenueClass, 3)),
            (char)record[LedgerLayout.DebitCredit],
            PackedNumber.FromBytes(record.Slice(LedgerLayout.Amount, 7), OpenItemPictures.Amount),
            (char)record[LedgerLayout.PayMethod],
            LegacyNumeric.Text(record.Slice(LedgerLayout.SourceId, 12)),
            DisplayNumber.FromBytes(record.Slice(LedgerLayout.EffectiveDate, 8)));
    }
}
