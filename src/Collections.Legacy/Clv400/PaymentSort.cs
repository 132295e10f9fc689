using Collections.Cobol.Numerics;
using Collections.Cobol.Sorting;
using Collections.Domain.OpenItems;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv400;

/// <summary>
/// The SORT of CLV400's payments (SD PAY-SORT-FILE): RELEASE in the input procedure, RETURN in key order in the output
/// procedure, WITH DUPLICATES IN ORDER (equal keys keep their release order).
/// </summary>
public interface IPaymentSort : IDisposable
{
    /// <summary>RELEASE a record.</summary>
    void Release(Payment payment);

    /// <summary>RETURN: the records in key order (<see cref="OpenItemUpdate.ComparePayments"/>), stable.</summary>
    IEnumerable<Payment> Return();
}

/// <summary>
/// PAY-SORT-RECORD (45 bytes): PS-KEY = PS-REF-TYPE X, PS-REFERENCE X(16), PS-DATE-RECEIVED 9(08), PS-PAYMENT-ID
/// X(12); then PS-METHOD X and PS-AMOUNT S9(11)V99 COMP-3. The MOVEs of 2000 copy the payment's bytes.
/// </summary>
public static class PaymentSortRecord
{
    public const int RecordLength = 45;

    /// <summary>The four ascending keys are contiguous: bytes 0-36, compared as bytes (the date is digits after the edit).</summary>
    public static readonly CobolSortKey Key = CobolSortKey.Ascending(0, 37);

    public static void Encode(Payment p, Span<byte> record)
    {
        ArgumentNullException.ThrowIfNull(p);
        record[0] = OpenItemRecord.Byte(p.RefType);
        OpenItemRecord.PutText(record.Slice(1, 16), p.Reference);
        p.DateReceived.CopyTo(record.Slice(17, 8));
        OpenItemRecord.PutText(record.Slice(25, 12), p.PaymentId);
        record[37] = OpenItemRecord.Byte(p.Method);
        p.Amount.CopyTo(record.Slice(38, 7));
    }

    public static Payment Decode(ReadOnlySpan<byte> record) => new(
        (char)record[0], LegacyNumeric.Text(record.Slice(1, 16)), DisplayNumber.FromBytes(record.Slice(17, 8)),
        LegacyNumeric.Text(record.Slice(25, 12)), (char)record[37], PackedNumber.FromBytes(record.Slice(38, 7), OpenItemPictures.Amount));
}

/// <summary>
/// The payment sort on <see cref="CobolSort"/> (Collections.Cobol.Sorting): records in memory up to the sort's memory
/// limit, then sorted runs in temporary files merged on RETURN, so a day of any size sorts in bounded memory.
/// </summary>
public sealed class CobolPaymentSort(CobolSortOptions? options = null) : IPaymentSort
{
    private readonly CobolSort _sort = CobolSort.Create(options ?? new CobolSortOptions
    {
        RecordLength = PaymentSortRecord.RecordLength, Keys = [PaymentSortRecord.Key],
    });

    private readonly byte[] _record = new byte[PaymentSortRecord.RecordLength];

    public void Release(Payment payment)
    {
        PaymentSortRecord.Encode(payment, _record);
        _sort.Release(_record);
    }

    public IEnumerable<Payment> Return()
    {
        while (_sort.Return(out var record)) yield return PaymentSortRecord.Decode(record.Span);
    }

    public void Dispose() => _sort.Dispose();
}
