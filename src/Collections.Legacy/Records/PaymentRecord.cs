using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;

namespace Collections.Legacy.Records;

/// <summary>PAYREC: payments received (DD PAYMENTS), RECFM=F LRECL=50, arrival order. 0-based offsets.</summary>
public static class PaymentLayout
{
    public const int RecordLength = 50;

    public const int PaymentId = 0, Method = 12, RefType = 13, Reference = 14, Amount = 30, DateReceived = 37, Filler = 45, FillerLength = 5;
}

/// <summary>Converts between PAYREC records and <see cref="PaymentInput"/> (lossless for every field; FILLER not kept).</summary>
public static class PaymentRecord
{
    /// <summary>The payment held by a 50-byte record area.</summary>
    public static PaymentInput Decode(ReadOnlySpan<byte> record, bool isShortRecord = false)
    {
        if (record.Length != PaymentLayout.RecordLength) throw new ArgumentException("a PAYREC record area is 50 bytes", nameof(record));
        return new PaymentInput
        {
            PaymentId = LegacyNumeric.Text(record.Slice(PaymentLayout.PaymentId, 12)),
            Method = (char)record[PaymentLayout.Method],
            RefType = (char)record[PaymentLayout.RefType],
            Reference = LegacyNumeric.Text(record.Slice(PaymentLayout.Reference, 16)),
            Amount = PackedNumber.FromBytes(record.Slice(PaymentLayout.Amount, 7), OpenItemPictures.Amount),
            DateReceived = DisplayNumber.FromBytes(record.Slice(PaymentLayout.DateReceived, 8)),
            IsShortRecord = isShortRecord,
        };
    }

    /// <summary>Fills a 50-byte record (FILLER spaces).</summary>
    public static void Encode(PaymentInput payment, Span<byte> record)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (record.Length != PaymentLayout.RecordLength) throw new ArgumentException("a PAYREC record is 50 bytes", nameof(record));
        record.Fill((byte)' ');
        OpenItemRecord.PutText(record.Slice(PaymentLayout.PaymentId, 12), payment.PaymentId);
        record[PaymentLayout.Method] = OpenItemRecord.Byte(payment.Method);
        record[PaymentLayout.RefType] = OpenItemRecord.Byte(payment.RefType);
        OpenItemRecord.PutText(record.Slice(PaymentLayout.Reference, 16), payment.Reference);
        payment.Amount.CopyTo(record.Slice(PaymentLayout.Amount, 7));
        payment.DateReceived.CopyTo(record.Slice(PaymentLayout.DateReceived, 8));
    }
}
