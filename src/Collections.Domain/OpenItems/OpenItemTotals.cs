using Collections.Cobol.Numerics;

namespace Collections.Domain.OpenItems;

/// <summary>
/// The run's counters and control totals (WS-COUNTERS): counts are PIC S9(07) COMP-3 (they wrap after 9,999,999),
/// amounts PIC S9(15)V99 COMP-3 added to with GnuCOBOL's ADD (the lenient value of the addend, high-order digits
/// dropped).
/// </summary>
public sealed class OpenItemTotals
{
    private const int CounterModulus = 10_000_000;

    public int OldRead { get; private set; }
    public int ClosedPurged { get; private set; }
    public int ReceivablesRead { get; private set; }
    public int ItemsCreated { get; private set; }
    public int ItemsAddedTo { get; private set; }
    public int PaymentsRead { get; private set; }
    public int PaymentsApplied { get; private set; }
    public int PaymentsToSuspense { get; private set; }
    public int RefundCount { get; private set; }
    public int LateCount { get; private set; }
    public int BillCount { get; private set; }
    public int ClosedCount { get; private set; }
    public int NewWritten { get; private set; }
    public int LedgerWritten { get; private set; }

    public PackedNumber OldBalance { get; private set; } = Zero;
    public PackedNumber Receivables { get; private set; } = Zero;
    public PackedNumber PaymentsReadAmount { get; private set; } = Zero;
    public PackedNumber PaymentsAppliedAmount { get; private set; } = Zero;
    public PackedNumber SuspenseAmount { get; private set; } = Zero;
    public PackedNumber RefundAmount { get; private set; } = Zero;
    public PackedNumber LateInterest { get; private set; } = Zero;
    public PackedNumber BillInterest { get; private set; } = Zero;
    public PackedNumber NewBalance { get; private set; } = Zero;

    private static PackedNumber Zero => PackedNumber.Zero(OpenItemPictures.Total);

    private static int Next(int counter) => (counter + 1) % CounterModulus;

    /// <summary>ADD addend TO total: the lenient values summed at their common scale (no CobolDecimal when the scales agree).</summary>
    private static PackedNumber Add(PackedNumber total, PackedNumber addend) => total.Pic.Scale == addend.Pic.Scale
        ? PackedNumber.Store(CobolDecimal.FromUnscaled(total.Unscaled + addend.Unscaled, total.Pic.Scale), OpenItemPictures.Total)
        : PackedNumber.Store(total.Value + addend.Value, OpenItemPictures.Total);

    internal void CountOldRead() => OldRead = Next(OldRead);
    internal void AddOldBalance(PackedNumber balance) => OldBalance = Add(OldBalance, balance);
    internal void CountClosedPurged() => ClosedPurged = Next(ClosedPurged);
    internal void CountReceivable(PackedNumber total)
    {
        ReceivablesRead = Next(ReceivablesRead);
        Receivables = Add(Receivables, total);
    }
    internal void CountItemCreated() => ItemsCreated = Next(ItemsCreated);
    internal void CountItemAddedTo() => ItemsAddedTo = Next(ItemsAddedTo);
    internal void CountPaymentRead() => PaymentsRead = Next(PaymentsRead);
    internal void AddPaymentReadAmount(PackedNumber amount) => PaymentsReadAmount = Add(PaymentsReadAmount, amount);
    internal void CountPaymentApplied() => PaymentsApplied = Next(PaymentsApplied);
    internal void AddPaymentAppliedAmount(PackedNumber amount) => PaymentsAppliedAmount = Add(PaymentsAppliedAmount, amount);
    internal void CountSuspense(PackedNumber amount)
    {
        PaymentsToSuspense = Next(PaymentsToSuspense);
        SuspenseAmount = Add(SuspenseAmount, amount);
    }
    internal void CountRefund(PackedNumber excess)
    {
        RefundCount = Next(RefundCount);
        RefundAmount = Add(RefundAmount, excess);
    }
    internal void AddLateInterest(PackedNumber interest)
    {
        LateInterest = Add(LateInterest, interest);
        LateCount = Next(LateCount);
    }
    internal void AddBillInterest(PackedNumber interest) => BillInterest = Add(BillInterest, interest);
    internal void CountBill() => BillCount = Next(BillCount);
    internal void CountClosed() => ClosedCount = Next(ClosedCount);
    internal void CountWritten(PackedNumber balance)
    {
        NewWritten = Next(NewWritten);
        NewBalance = Add(NewBalance, balance);
    }
    internal void CountLedger() => LedgerWritten = Next(LedgerWritten);

    /// <summary>The lines of 9100-WRITE-CONTROL-TOTALS, in order: description, count, amount.</summary>
    public IReadOnlyList<(string Description, int Count, PackedNumber Amount)> ControlTotals() =>
    [
        ("OLD MASTER READ - BALANCE", OldRead, OldBalance),
        ("CLOSED ITEMS DROPPED", ClosedPurged, Zero),
        ("RECEIVABLES READ", ReceivablesRead, Receivables),
        ("OPEN ITEMS CREATED", ItemsCreated, Zero),
        ("OPEN ITEMS ADDED TO", ItemsAddedTo, Zero),
        ("PAYMENTS READ", PaymentsRead, PaymentsReadAmount),
        ("PAYMENTS APPLIED", PaymentsApplied, PaymentsAppliedAmount),
        ("PAYMENTS TO SUSPENSE", PaymentsToSuspense, SuspenseAmount),
        ("OVERPAYMENTS TO REFUND", RefundCount, RefundAmount),
        ("LATE PAYMENT INTEREST", LateCount, LateInterest),
        ("BILLS ISSUED - INTEREST", BillCount, BillInterest),
        ("ITEMS CLOSED", ClosedCount, Zero),
        ("NEW MASTER WRITTEN - BALANCE", NewWritten, NewBalance),
        ("LEDGER POSTINGS WRITTEN", LedgerWritten, Zero),
    ];
}
