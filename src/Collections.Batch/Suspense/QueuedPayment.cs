using System.Globalization;
using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;
using Collections.Legacy.Records;

namespace Collections.Batch.Suspense;

/// <summary>
/// A payment taken out of suspense and re-applied to a statement, as a PAYREC record (the legacy's PAYMENTS format,
/// 50 bytes) for the next business day's input: same payment id, method, amount and date received; reference type S and
/// the statement number. Appended to that day's PAYMENTS, it is applied by the next cycle (the legacy's, in a parallel
/// run, too) like any payment.
/// </summary>
public static class QueuedPayment
{
    /// <summary>PAYREC's length: a PAYMENTS data set is a whole number of such records (else it ends with a short one).</summary>
    public const int RecordLength = PaymentLayout.RecordLength;

    /// <summary>The record, or why the payment cannot be re-applied as it is (the cycle would put it in suspense again).</summary>
    public static (byte[]? Record, string? Refusal) Reapply(string paymentId, string method, long amountCents, string dateReceived, string statement)
    {
        ArgumentNullException.ThrowIfNull(paymentId);
        ArgumentNullException.ThrowIfNull(statement);
        if (method is not ("D" or "C" or "K")) return (null, $"payment method '{method}' is not D, C or K (S003): it would go to suspense again");
        if (amountCents <= 0) return (null, "the payment amount is not positive (S004/S006): nothing to re-apply");
        if (!int.TryParse(dateReceived, NumberStyles.None, CultureInfo.InvariantCulture, out var date)
            || !DateOnly.TryParseExact(dateReceived, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return (null, $"date received '{dateReceived}' is not a valid date (S005)");
        var reference = statement.Trim();
        if (reference.Length == 0 || reference.Length > 16) return (null, "the statement number must have 1 to 16 characters");
        var record = new byte[PaymentLayout.RecordLength];
        PaymentRecord.Encode(new PaymentInput
        {
            PaymentId = paymentId.PadRight(12)[..12], Method = method[0], RefType = 'S', Reference = reference.PadRight(16),
            Amount = PackedNumber.FromUnscaled(amountCents, OpenItemPictures.Amount), DateReceived = DisplayNumber.FromValue(date, 8),
        }, record);
        return (record, null);
    }
}
