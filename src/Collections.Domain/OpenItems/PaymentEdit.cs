using Collections.Cobol.Numerics;
using Collections.Domain.Values;

namespace Collections.Domain.OpenItems;

/// <summary>The suspense reason codes of CLV400 and their messages (8700-WRITE-SUSPENSE).</summary>
public static class SuspenseReasons
{
    public const string NoOpenItem = "S001", ReferenceType = "S002", PaymentMethod = "S003", Amount = "S004", DateReceived = "S005",
        ShortRecord = "S006", ReferenceMissing = "S007";

    /// <summary>The message written with a reason code (40 characters at most); "UNDEFINED REASON" for any other code.</summary>
    public static string Message(string reasonCode) => reasonCode switch
    {
        NoOpenItem => "NO OPEN ITEM FOR REFERENCE",
        ReferenceType => "REFERENCE TYPE NOT E OR S",
        PaymentMethod => "PAYMENT METHOD NOT D, C OR K",
        Amount => "PAYMENT AMOUNT INVALID",
        DateReceived => "DATE RECEIVED INVALID",
        ShortRecord => "SHORT PAYMENT RECORD",
        ReferenceMissing => "REFERENCE MISSING",
        _ => "UNDEFINED REASON",
    };
}

/// <summary>
/// 2200-EDIT-PAYMENT: the first failing check gives the payment's suspense reason, in the legacy's order: short
/// record (S006), method not D/C/K (S003), reference type not S/E (S002), reference blank (S007), amount not numeric
/// or not greater than zero (S004), date received not a valid date (8800) or later than the run date (S005).
/// </summary>
public static class PaymentEdit
{
    /// <summary>The suspense reason of <paramref name="payment"/>, or null when it goes to the update.</summary>
    public static string? Reason(PaymentInput payment, DisplayNumber runDate)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.IsShortRecord) return SuspenseReasons.ShortRecord;
        if (payment.Method is not ('D' or 'C' or 'K')) return SuspenseReasons.PaymentMethod;
        if (payment.RefType is not ('S' or 'E')) return SuspenseReasons.ReferenceType;
        if (OpenItemText.IsBlank(payment.Reference)) return SuspenseReasons.ReferenceMissing;
        if (!payment.Amount.IsNumeric || payment.Amount.CompareToZero() <= 0) return SuspenseReasons.Amount;
        // PAY-DATE-RECEIVED > WS-RUN-DATE compares the two PIC 9(08) fields byte by byte
        if (!IsValidDate(payment.DateReceived) || payment.DateReceived > runDate) return SuspenseReasons.DateReceived;
        return null;
    }

    /// <summary>8800-VALIDATE-DATE: eight digits, year 1990-2099, month 01-12, day 01 to the month's last (Gregorian leap years).</summary>
    public static bool IsValidDate(DisplayNumber date) => date.Length == 8 && date.IsNumeric && CobolDate.IsValid(date.GetInt());
}
