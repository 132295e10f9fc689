using Collections.Domain.OpenItems;

namespace Collections.Domain.Reporting;

/// <summary>One line of sections 4 and 5: a description, a count and an amount (or balance).</summary>
public readonly record struct ActivityTotal(string Description, long Count, long AmountCents)
{
    internal ActivityTotal Plus(long cents) => this with
    {
        Count = Clv500Fields.Count(Count), AmountCents = Clv500Fields.AddAmount(AmountCents, cents),
    };
}

/// <summary>
/// Section 4, collections, interest, refunds and suspense (CLV500 4000-COLLECTIONS-SECTION, 4200-SUSPENSE-ITEMS):
/// ledger postings by transaction code — AS assessments, PY payments applied (by method: D ACH debit, C ACH credit,
/// anything else check; each also in the payments total), LI late payment interest, BI interest on bills, RF
/// overpayments to refund; other codes (SU included) are not reported — and the payments held in suspense, counted
/// from the suspense file. Counters PIC S9(07) COMP-3, amounts S9(15)V99, high-order digits lost on overflow.
/// </summary>
public sealed class CollectionsActivity
{
    private readonly ActivityTotal[] _byMethod =
    [
        new("PAYMENTS APPLIED - ACH DEBIT", 0, 0), new("PAYMENTS APPLIED - ACH CREDIT", 0, 0), new("PAYMENTS APPLIED - CHECK", 0, 0),
    ];

    public ActivityTotal Assessments { get; private set; } = new("ASSESSMENT POSTINGS", 0, 0);

    /// <summary>Payments applied by method: ACH debit, ACH credit, check.</summary>
    public IReadOnlyList<ActivityTotal> PaymentsByMethod => _byMethod;

    public ActivityTotal PaymentsApplied { get; private set; } = new("TOTAL PAYMENTS APPLIED", 0, 0);
    public ActivityTotal LateInterest { get; private set; } = new("LATE PAYMENT INTEREST ASSESSED", 0, 0);
    public ActivityTotal BillInterest { get; private set; } = new("INTEREST ASSESSED ON BILLS ISSUED", 0, 0);
    public ActivityTotal Refunds { get; private set; } = new("OVERPAYMENTS TRANSFERRED TO REFUND", 0, 0);
    public ActivityTotal Suspense { get; private set; } = new("PAYMENTS HELD IN SUSPENSE", 0, 0);

    /// <summary>Index into <see cref="PaymentsByMethod"/> of a payment method: D = 0 (ACH debit), C = 1 (ACH credit), other = 2 (check).</summary>
    public static int MethodIndex(char paymentMethod) => paymentMethod switch
    {
        'D' => 0,
        'C' => 1,
        _ => 2,
    };

    /// <summary>Adds one ledger posting (transaction code as the 2 characters of the record).</summary>
    public void AddPosting(string transactionCode, char paymentMethod, long amountCents)
    {
        switch (transactionCode)
        {
            case "AS":
                Assessments = Assessments.Plus(amountCents);
                break;
            case "PY":
                var m = MethodIndex(paymentMethod);
                _byMethod[m] = _byMethod[m].Plus(amountCents);
                PaymentsApplied = PaymentsApplied.Plus(amountCents);
                break;
            case "LI":
                LateInterest = LateInterest.Plus(amountCents);
                break;
            case "BI":
                BillInterest = BillInterest.Plus(amountCents);
                break;
            case "RF":
                Refunds = Refunds.Plus(amountCents);
                break;
        }
    }

    /// <summary>Adds one ledger posting: its code, method and amount as GnuCOBOL adds it (the lenient value of damaged bytes).</summary>
    public void AddPosting(LedgerPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        AddPosting(posting.TranCode, posting.PayMethod, posting.Amount.Unscaled);
    }

    /// <summary>Adds one payment held in suspense.</summary>
    public void AddSuspense(long amountCents) => Suspense = Suspense.Plus(amountCents);

    /// <summary>Adds one payment held in suspense (its amount: zero when the record's was not numeric).</summary>
    public void AddSuspense(SuspenseItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        AddSuspense(item.Amount.Unscaled);
    }
}
