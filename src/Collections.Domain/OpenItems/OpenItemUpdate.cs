using Collections.Cobol.Intrinsics;
using Collections.Cobol.Numerics;

namespace Collections.Domain.OpenItems;

/// <summary>What the open item update produces, in the order the legacy produces it.</summary>
public interface IOpenItemSink
{
    /// <summary>8400-WRITE-LEDGER.</summary>
    void Post(LedgerPosting posting);

    /// <summary>8700-WRITE-SUSPENSE (the record; the posting of a positive amount follows through <see cref="Post"/>).</summary>
    void Suspend(SuspenseItem item);

    /// <summary>8100-WRITE-NEW-MASTER.</summary>
    void Write(OpenItem item);

    /// <summary>No interest rate covers <paramref name="date"/> (CLV8511E).</summary>
    void RateNotFound(int date);

    /// <summary>An old master item of an item type other than A and R was dropped (CLV4511W).</summary>
    void ItemTypeInvalid(OpenItem item);
}

/// <summary>
/// The open item update of one run (CLV400 2000-3810, 8100-8700): payments edited into suspense, then, reference by
/// reference, the old items loaded, today's receivables added, the payments applied with late interest, overpayments
/// turned into refund items, and the end-of-day checks (close at zero, bill past due). The caller feeds the
/// references in key order (<see cref="StartReference"/> ... <see cref="FinishReference"/>); results go to the
/// <see cref="IOpenItemSink"/> as they are produced. State that the legacy keeps for the whole run is kept here: the
/// totals, the ledger sequence number, the interest rate in use, the return code.
/// </summary>
public sealed class OpenItemUpdate
{
    private readonly IOpenItemSink _sink;
    private readonly OpenItemPolicies _policies;
    private readonly LateInterestCalculator _interest;
    private readonly int _runDateDays;
    private OpenItem? _receivable;   // WA-RECORD when WS-A-ITEM-SW = 'Y'
    private OpenItem? _refund;       // WR-RECORD when WS-R-ITEM-SW = 'Y'
    private int _ledgerSequence;

    /// <param name="runDate">the run date CCYYMMDD (a valid date)</param>
    public OpenItemUpdate(int runDate, IReadOnlyList<InterestRate> interestRates, IOpenItemSink sink, OpenItemPolicies? policies = null)
    {
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _policies = policies ?? OpenItemPolicies.Legacy;
        _interest = new LateInterestCalculator(interestRates, _policies);
        RunDate = DisplayNumber.FromValue(runDate, 8);
        _runDateDays = IntegerDate.IntegerOfDate(runDate);
    }

    /// <summary>WS-RUN-DATE.</summary>
    public DisplayNumber RunDate { get; }

    public OpenItemTotals Totals { get; } = new();

    /// <summary>The highest return code raised so far (8900-SET-RETURN-CODE): 4 suspense or dropped item, 8 missing rate.</summary>
    public int ReturnCode { get; private set; }

    /// <summary>The interest calculator, with the rate range in use.</summary>
    public LateInterestCalculator Interest => _interest;

    /// <summary>8900-SET-RETURN-CODE: keeps the highest code.</summary>
    public void RaiseReturnCode(int code)
    {
        if (code > ReturnCode) ReturnCode = code;
    }

    // ---- 2000: the payment edit (sort input procedure) ----

    /// <summary>
    /// 2000/2200/2300 for one payment read: counted (its amount added when numeric), edited, and either returned for
    /// the update (as the sort record) or placed in suspense with its reason (null returned).
    /// </summary>
    public Payment? EditPayment(PaymentInput payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        Totals.CountPaymentRead();
        if (payment.Amount.IsNumeric) Totals.AddPaymentReadAmount(payment.Amount);
        var reason = PaymentEdit.Reason(payment, RunDate);
        if (reason is null)
            return new Payment(payment.RefType, payment.Reference, payment.DateReceived, payment.PaymentId, payment.Method, payment.Amount);
        // 2300-REJECT-PAYMENT: the amount only when numeric and the record not short (MOVE ZERO otherwise)
        var amount = payment.Amount.IsNumeric && reason != SuspenseReasons.ShortRecord ? payment.Amount : PackedNumber.Zero(OpenItemPictures.Amount);
        WriteSuspense(payment.PaymentId, payment.Method, payment.RefType, payment.Reference, amount, Text(payment.DateReceived), reason);
        return null;
    }

    /// <summary>The ordering of the payment sort: REF TYPE, REFERENCE, DATE RECEIVED, PAYMENT ID ascending (ties keep arrival order).</summary>
    public static int ComparePayments(Payment a, Payment b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = string.CompareOrdinal(a.RefKey, b.RefKey);
        if (c != 0) return c;
        c = a.DateReceived.CompareTo(b.DateReceived);
        return c != 0 ? c : string.CompareOrdinal(a.PaymentId, b.PaymentId);
    }

    // ---- 3100: the old master as read ----

    /// <summary>3100: an old master record was read (counted whether in sequence or not).</summary>
    public void CountOldItemRead() => Totals.CountOldRead();

    /// <summary>3100: an old master item in sequence; its balance joins the old balance total.</summary>
    public void AcceptOldItem(OpenItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Totals.AddOldBalance(item.Balance);
    }

    // ---- 3500: one reference ----

    /// <summary>3500: a new reference (no receivable or refund item yet).</summary>
    public void StartReference()
    {
        _receivable = null;
        _refund = null;
    }

    /// <summary>The receivable item of the current reference, if any.</summary>
    public OpenItem? ReceivableItem => _receivable;

    /// <summary>The refund item of the current reference, if any.</summary>
    public OpenItem? RefundItem => _refund;

    /// <summary>
    /// 3510-LOAD-OLD-ITEM: a closed receivable is dropped (purged), an open one becomes the reference's receivable, a
    /// refund item its refund item; any other item type is dropped with a warning (RC 4).
    /// </summary>
    public void LoadOldItem(OpenItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.IsReceivable && item.IsClosed) Totals.CountClosedPurged();
        else if (item.IsReceivable) _receivable = item;
        else if (item.IsRefund) _refund = item;
        else
        {
            _sink.ItemTypeInvalid(item);
            RaiseReturnCode(4);
        }
    }

    /// <summary>3600-APPLY-RECEIVABLE: creates the receivable item or adds to it, and posts the assessment by revenue class.</summary>
    public void ApplyReceivable(Receivable receivable)
    {
        ArgumentNullException.ThrowIfNull(receivable);
        Totals.CountReceivable(receivable.TotalAmount);
        if (_receivable is not null) Totals.CountItemAddedTo();
        else
        {
            _receivable = NewItem(OpenItemCodes.Receivable, OpenItemCodes.Open, receivable.RefType, receivable.Reference,
                receivable.StatementType, receivable.FilerCode, receivable.ImporterNumber, receivable.Period);
            _receivable.StatementDate = receivable.StatementDate;
            _receivable.DueDate = receivable.DueDate;
            Totals.CountItemCreated();
        }
        var a = _receivable;
        a.EntryCount = a.EntryCount.AddInt(receivable.EntryCount.GetInt());
        a.AmountAssessed = Add(a.AmountAssessed, receivable.TotalAmount);
        a.Balance = Add(a.Balance, receivable.TotalAmount);
        a.LastActivityDate = RunDate;
        for (var i = 0; i < Receivable.CategoryCount; i++)
        {
            var amount = receivable.CategoryAmounts[i];
            if (amount.CompareToZero() != 0)
                Post(receivable.RefType, receivable.Reference, OpenItemCodes.Receivable, LedgerPosting.Assessment, Receivable.CategoryClasses[i],
                    'D', amount, ' ', Blank12, receivable.DueDate);
        }
    }

    /// <summary>3700-APPLY-PAYMENT: suspense when the reference has no receivable; else late interest, application, overpayment.</summary>
    public void ApplyPayment(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var a = _receivable;
        if (a is null)
        {
            WriteSuspense(payment.PaymentId, payment.Method, payment.RefType, payment.Reference, payment.Amount, Text(payment.DateReceived),
                SuspenseReasons.NoOpenItem);
            return;
        }
        Totals.CountPaymentApplied();
        var paid = payment.Amount;
        // PS-DATE-RECEIVED > WA-DUE-DATE compares the PIC 9(08) fields byte by byte
        if (payment.DateReceived > a.DueDate && a.Balance.CompareToZero() > 0) LatePaymentInterest(a, payment, paid);
        PackedNumber applied, excess;
        if (PackedNumber.Compare(paid, a.Balance) <= 0)
        {
            applied = paid;
            excess = PackedNumber.Zero(OpenItemPictures.Amount);
        }
        else
        {
            applied = a.Balance;   // MOVE WA-BALANCE: the field's bytes
            excess = PackedNumber.Store(paid.Value - a.Balance.Value, OpenItemPictures.Amount);
        }
        if (applied.CompareToZero() > 0)
        {
            a.Balance = Subtract(a.Balance, applied);
            a.AmountPaid = Add(a.AmountPaid, applied);
            Totals.AddPaymentAppliedAmount(applied);
            Post(a.RefType, a.Reference, OpenItemCodes.Receivable, LedgerPosting.PaymentApplied, "PAY", 'C', applied, payment.Method,
                payment.PaymentId, payment.DateReceived);
        }
        if (excess.CompareToZero() > 0) CreateRefund(a, payment, excess);
        a.LastPaymentDate = payment.DateReceived;
        a.LastActivityDate = RunDate;
        if (a.Balance.CompareToZero() == 0) Close(a);
        else if (!a.IsBilled) a.Status = OpenItemCodes.PartPaid;
    }

    /// <summary>3710: interest on the smaller of payment and balance, from the due date to the date received.</summary>
    private void LatePaymentInterest(OpenItem a, Payment payment, PackedNumber paid)
    {
        var principal = PackedNumber.Compare(paid, a.Balance) < 0 ? paid : a.Balance;
        var interest = _interest.Compute(principal, a.DueDate, payment.DateReceived, RateNotFound);
        if (interest.CompareToZero() <= 0) return;
        a.AmountInterest = Add(a.AmountInterest, interest);
        a.Balance = Add(a.Balance, interest);
        Totals.AddLateInterest(interest);
        Post(a.RefType, a.Reference, OpenItemCodes.Receivable, LedgerPosting.LateInterest, "INT", 'D', ToAmount(interest), ' ',
            payment.PaymentId, payment.DateReceived);
    }

    /// <summary>3750: the overpayment creates the reference's refund item or adds to it.</summary>
    private void CreateRefund(OpenItem a, Payment payment, PackedNumber excess)
    {
        if (_refund is null)
        {
            _refund = NewItem(OpenItemCodes.Refund, OpenItemCodes.RefundDue, a.RefType, a.Reference, a.StatementType, a.FilerCode,
                a.ImporterNumber, a.Period);
        }
        var r = _refund;
        Totals.CountRefund(excess);
        r.AmountRefund = Add(r.AmountRefund, excess);
        r.Balance = Subtract(r.Balance, excess);
        r.LastPaymentDate = payment.DateReceived;
        r.LastActivityDate = RunDate;
        Post(a.RefType, a.Reference, OpenItemCodes.Refund, LedgerPosting.RefundCode, "RFD", 'C', excess, payment.Method, payment.PaymentId,
            payment.DateReceived);
    }

    /// <summary>MOVE SPACES + INITIALIZE, then the key, type, status, the statement's identity and the open date (3600 / 3750).</summary>
    private OpenItem NewItem(char itemType, char status, char refType, string reference, DisplayNumber statementType, string filerCode,
        string importerNumber, DisplayNumber period) => new()
    {
        RefType = refType,
        Reference = reference,
        ItemType = itemType,
        Status = status,
        StatementType = statementType,
        FilerCode = filerCode,
        ImporterNumber = importerNumber,
        Period = period,
        OpenDate = RunDate,
    };

    /// <summary>3500 end: the end-of-day checks on the receivable, then the receivable and the refund item are written.</summary>
    public void FinishReference()
    {
        if (_receivable is { } a)
        {
            EndOfDayChecks(a);
            Write(a);
        }
        if (_refund is { } r) Write(r);
        _receivable = null;
        _refund = null;
    }

    /// <summary>3800: close at zero balance; bill an unbilled item more than 30 days past due.</summary>
    private void EndOfDayChecks(OpenItem a)
    {
        if (a.Balance.CompareToZero() == 0)
        {
            Close(a);
            return;
        }
        if (a.IsBilled) return;
        var daysPastDue = _runDateDays - IntegerDate.IntegerOfDate(a.DueDate.GetInt());   // PIC S9(07): never more digits
        if (daysPastDue > _policies.BillWhenDaysPastDueExceed) IssueBill(a);
    }

    /// <summary>3810: bill interest from the due date to the run date, status B, bill date, due again in 30 days.</summary>
    private void IssueBill(OpenItem a)
    {
        var interest = _interest.Compute(a.Balance, a.DueDate, RunDate, RateNotFound);
        if (interest.CompareToZero() > 0)
        {
            a.AmountInterest = Add(a.AmountInterest, interest);
            a.Balance = Add(a.Balance, interest);
            Totals.AddBillInterest(interest);
            Post(a.RefType, a.Reference, OpenItemCodes.Receivable, LedgerPosting.BillInterest, "INT", 'D', ToAmount(interest), ' ', Blank12, RunDate);
        }
        a.Status = OpenItemCodes.Billed;
        a.BillDate = RunDate;
        var dueDay = (_runDateDays + _policies.BillDueInDays) % 10_000_000;   // WS-DAY-INT PIC 9(07)
        a.DueDate = DisplayNumber.FromValue(IntegerDate.DateOfInteger(dueDay), 8);
        a.LastActivityDate = RunDate;
        Totals.CountBill();
    }

    private void Close(OpenItem a)
    {
        if (a.IsClosed) return;
        a.Status = OpenItemCodes.Closed;
        Totals.CountClosed();
    }

    private void Write(OpenItem item)
    {
        _sink.Write(item);
        Totals.CountWritten(item.Balance);
    }

    // ---- 8400 / 8700 ----

    private void Post(char refType, string reference, char itemType, string tranCode, string revenueClass, char debitCredit,
        PackedNumber amount, char payMethod, string sourceId, DisplayNumber effectiveDate)
    {
        _ledgerSequence = (_ledgerSequence + 1) % 10_000_000;   // WS-LEDGER-SEQ PIC 9(07)
        _sink.Post(new LedgerPosting(RunDate, _ledgerSequence, refType, reference, itemType, tranCode, revenueClass, debitCredit, amount,
            payMethod, sourceId, effectiveDate));
        Totals.CountLedger();
    }

    /// <summary>8700: the suspense record, its count and amount, a suspense posting for a positive amount, RC 4.</summary>
    private void WriteSuspense(string paymentId, char method, char refType, string reference, PackedNumber amount, string dateReceived, string reason)
    {
        var item = new SuspenseItem(RunDate, paymentId, method, refType, reference, amount, dateReceived, reason, SuspenseReasons.Message(reason));
        _sink.Suspend(item);
        Totals.CountSuspense(amount);
        if (amount.CompareToZero() > 0)
        {
            // SU-DATE-RECEIVED (PIC X(08)) when it is all digits, else the run date
            var effective = IsDigits(dateReceived) ? DisplayNumber.FromBytes(Latin1(dateReceived)) : RunDate;
            Post(refType, reference, ' ', LedgerPosting.SuspenseCode, "SUS", 'C', ToAmount(amount), method, paymentId, effective);
        }
        RaiseReturnCode(4);
    }

    private void RateNotFound(int date)
    {
        _sink.RateNotFound(date);
        RaiseReturnCode(8);
    }

    // ---- helpers ----

    private static readonly string Blank12 = OpenItemText.Blank(12);

    private static PackedNumber Add(PackedNumber field, PackedNumber addend) => PackedNumber.Store(field.Value + addend.Value, field.Pic);

    private static PackedNumber Subtract(PackedNumber field, PackedNumber subtrahend) => PackedNumber.Store(field.Value - subtrahend.Value, field.Pic);

    /// <summary>MOVE of an amount (interest S9(09)V99, or the suspense amount) to an S9(11)V99 packed field.</summary>
    private static PackedNumber ToAmount(PackedNumber value) =>
        PackedNumber.FromUnscaled(value.Unscaled, OpenItemPictures.Amount, negativeZero: value.SignNibble == 0x0D);

    private static string Text(DisplayNumber field) => System.Text.Encoding.Latin1.GetString(field.ToArray());

    private static byte[] Latin1(string text) => System.Text.Encoding.Latin1.GetBytes(text);

    private static bool IsDigits(string text)
    {
        foreach (var c in text) if (c is < '0' or > '9') return false;
        return text.Length > 0;
    }
}
