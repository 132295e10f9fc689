using System.Text;
using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;

namespace Collections.Domain.Tests.OpenItems;

/// <summary>The rules of the per-reference update, one at a time (the full programs are compared with the legacy in Collections.Legacy.Tests).</summary>
public class OpenItemUpdateTests
{
    private const int RunDate = 20260303;

    private static readonly InterestRate[] Rates =
    [
        new(20251001, 20251231, 8000),
        new(20260101, 20260331, 7000),
    ];

    private sealed class Sink : IOpenItemSink
    {
        public List<LedgerPosting> Postings { get; } = [];
        public List<SuspenseItem> Suspense { get; } = [];
        public List<OpenItem> Written { get; } = [];
        public List<int> MissingRates { get; } = [];
        public List<OpenItem> Dropped { get; } = [];
        public void Post(LedgerPosting posting) => Postings.Add(posting);
        public void Suspend(SuspenseItem item) => Suspense.Add(item);
        public void Write(OpenItem item) => Written.Add(item.Clone());
        public void RateNotFound(int date) => MissingRates.Add(date);
        public void ItemTypeInvalid(OpenItem item) => Dropped.Add(item);
    }

    private static PackedNumber Cents(long cents) => PackedNumber.FromUnscaled(cents, OpenItemPictures.Amount);

    private static DisplayNumber Date(int d) => DisplayNumber.FromValue(d, 8);

    private static (OpenItemUpdate Update, Sink Sink) New(IReadOnlyList<InterestRate>? rates = null, OpenItemPolicies? policies = null)
    {
        var sink = new Sink();
        return (new OpenItemUpdate(RunDate, rates ?? Rates, sink, policies), sink);
    }

    private static Receivable Rcv(string reference, long duty, long mpf = 0, int due = 20260317, int entries = 2) => new()
    {
        RefType = 'S',
        Reference = reference.PadRight(16),
        StatementType = DisplayNumber.FromValue(2, 1),
        FilerCode = "F01",
        ImporterNumber = "IMP000000001",
        Period = DisplayNumber.FromValue(202603, 6),
        StatementDate = Date(RunDate),
        DueDate = Date(due),
        RunDate = Date(RunDate),
        EntryCount = DisplayNumber.FromValue(entries, 5),
        CategoryAmounts = [.. Enumerable.Range(0, 13).Select(i => Cents(i == 0 ? duty : i == 8 ? mpf : 0))],
        TotalAmount = Cents(duty + mpf),
    };

    private static OpenItem Old(string reference, char type, char status, long balance, int due = 20260317, long assessed = 0) => new()
    {
        RefType = 'S',
        Reference = reference.PadRight(16),
        ItemType = type,
        Status = status,
        DueDate = Date(due),
        AmountAssessed = Cents(assessed),
        Balance = Cents(balance),
    };

    private static Payment Pay(string reference, long cents, int received = 20260302, string id = "P1", char method = 'K') =>
        new('S', reference.PadRight(16), Date(received), id.PadRight(12), method, Cents(cents));

    [Fact]
    public void ApplyReceivable_NewReference_CreatesTheOpenItemAndPostsEachNonZeroCategory()
    {
        var (u, sink) = New();
        u.StartReference();
        u.ApplyReceivable(Rcv("S1", 1_000_00, mpf: 31_67));
        var a = u.ReceivableItem!;
        a.ItemType.Should().Be('A');
        a.Status.Should().Be('O');
        a.OpenDate.Should().Be(Date(RunDate));
        a.DueDate.Should().Be(Date(20260317));
        a.StatementDate.Should().Be(Date(RunDate));
        a.Period.Should().Be(DisplayNumber.FromValue(202603, 6));
        a.FilerCode.Should().Be("F01");
        a.ImporterNumber.Should().Be("IMP000000001");
        a.StatementType.Should().Be(DisplayNumber.FromValue(2, 1));
        a.EntryCount.Should().Be(DisplayNumber.FromValue(2, 5));
        a.AmountAssessed.Unscaled.Should().Be(1_031_67);
        a.Balance.Unscaled.Should().Be(1_031_67);
        a.LastActivityDate.Should().Be(Date(RunDate));
        sink.Postings.Select(p => (p.TranCode, p.RevenueClass, p.DebitCredit, p.Amount.Unscaled, p.ItemType, p.Sequence))
            .Should().Equal(("AS", "DTY", 'D', 1_000_00L, 'A', 1), ("AS", "499", 'D', 31_67L, 'A', 2));
        sink.Postings.Should().OnlyContain(p => p.EffectiveDate == Date(20260317) && p.PayMethod == ' ' && p.SourceId == "            ");
        u.Totals.ItemsCreated.Should().Be(1);
        u.Totals.ItemsAddedTo.Should().Be(0);
        u.Totals.ReceivablesRead.Should().Be(1);
        u.Totals.Receivables.Unscaled.Should().Be(1_031_67);
    }

    [Fact]
    public void ApplyReceivable_ExistingItem_AddsAmountsAndEntries()
    {
        var (u, _) = New();
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'P', 400_00, assessed: 1_000_00));
        u.ApplyReceivable(Rcv("S1", 250_00, entries: 3));
        var a = u.ReceivableItem!;
        a.Status.Should().Be('P');
        a.AmountAssessed.Unscaled.Should().Be(1_250_00);
        a.Balance.Unscaled.Should().Be(650_00);
        a.EntryCount.Should().Be(DisplayNumber.FromValue(3, 5));
        u.Totals.ItemsAddedTo.Should().Be(1);
        u.Totals.ItemsCreated.Should().Be(0);
    }

    [Fact]
    public void LoadOldItem_ClosedReceivableIsPurged_RefundKept_OtherTypesDroppedWithRc4()
    {
        var (u, sink) = New();
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'C', 0));
        u.ReceivableItem.Should().BeNull();
        u.Totals.ClosedPurged.Should().Be(1);
        u.ReturnCode.Should().Be(0);
        var r = Old("S1", 'R', 'C', -5_00);
        u.LoadOldItem(r);
        u.RefundItem.Should().BeSameAs(r);
        u.LoadOldItem(Old("S1", 'X', 'O', 1));
        sink.Dropped.Should().ContainSingle();
        u.ReturnCode.Should().Be(4);
        u.FinishReference();
        sink.Written.Should().ContainSingle().Which.ItemType.Should().Be('R');
    }

    [Fact]
    public void ApplyPayment_NoReceivable_GoesToSuspenseWithAPosting()
    {
        var (u, sink) = New();
        u.StartReference();
        u.ApplyPayment(Pay("S9", 12_00, method: 'C'));
        var s = sink.Suspense.Should().ContainSingle().Subject;
        (s.ReasonCode, s.Message, s.Amount.Unscaled, s.DateReceived, s.Method).Should().Be(("S001", "NO OPEN ITEM FOR REFERENCE", 12_00L, "20260302", 'C'));
        var p = sink.Postings.Should().ContainSingle().Subject;
        (p.TranCode, p.RevenueClass, p.DebitCredit, p.ItemType, p.Amount.Unscaled, p.EffectiveDate).Should().Be(("SU", "SUS", 'C', ' ', 12_00L, Date(20260302)));
        u.ReturnCode.Should().Be(4);
        u.Totals.PaymentsToSuspense.Should().Be(1);
        u.Totals.SuspenseAmount.Unscaled.Should().Be(12_00);
        u.Totals.PaymentsApplied.Should().Be(0);
    }

    [Fact]
    public void ApplyPayment_Partial_LeavesABalanceAndStatusP()
    {
        var (u, sink) = New();
        u.StartReference();
        u.ApplyReceivable(Rcv("S1", 100_00));
        u.ApplyPayment(Pay("S1", 40_00));
        var a = u.ReceivableItem!;
        a.Balance.Unscaled.Should().Be(60_00);
        a.AmountPaid.Unscaled.Should().Be(40_00);
        a.Status.Should().Be('P');
        a.LastPaymentDate.Should().Be(Date(20260302));
        var py = sink.Postings.Last();
        (py.TranCode, py.RevenueClass, py.DebitCredit, py.PayMethod, py.SourceId.TrimEnd(), py.Amount.Unscaled, py.EffectiveDate)
            .Should().Be(("PY", "PAY", 'C', 'K', "P1", 40_00L, Date(20260302)));
        u.Totals.PaymentsApplied.Should().Be(1);
        u.Totals.PaymentsAppliedAmount.Unscaled.Should().Be(40_00);
        u.Totals.ClosedCount.Should().Be(0);
    }

    [Fact]
    public void ApplyPayment_Exact_ClosesTheItemOnce()
    {
        var (u, _) = New();
        u.StartReference();
        u.ApplyReceivable(Rcv("S1", 100_00));
        u.ApplyPayment(Pay("S1", 100_00));
        u.ReceivableItem!.Status.Should().Be('C');
        u.Totals.ClosedCount.Should().Be(1);
        u.FinishReference();
        u.Totals.ClosedCount.Should().Be(1);
        u.RefundItem.Should().BeNull();
    }

    [Fact]
    public void ApplyPayment_Over_CreatesThenAddsToTheRefundItem()
    {
        var (u, sink) = New();
        u.StartReference();
        u.ApplyReceivable(Rcv("S1", 100_00));
        u.ApplyPayment(Pay("S1", 130_00, id: "P1"));
        u.ApplyPayment(Pay("S1", 5_00, received: 20260303, id: "P2", method: 'D'));
        var r = u.RefundItem!;
        (r.ItemType, r.Status).Should().Be(('R', 'R'));
        r.AmountRefund.Unscaled.Should().Be(35_00);
        r.Balance.Unscaled.Should().Be(-35_00);
        r.OpenDate.Should().Be(Date(RunDate));
        r.LastPaymentDate.Should().Be(Date(20260303));
        r.FilerCode.Should().Be("F01");
        r.DueDate.Should().Be(Date(0));
        sink.Postings.Where(p => p.TranCode == "RF").Select(p => (p.ItemType, p.RevenueClass, p.DebitCredit, p.Amount.Unscaled, p.PayMethod))
            .Should().Equal(('R', "RFD", 'C', 30_00L, 'K'), ('R', "RFD", 'C', 5_00L, 'D'));
        sink.Postings.Count(p => p.TranCode == "PY").Should().Be(1, "the second payment finds a zero balance: nothing applied");
        u.Totals.RefundCount.Should().Be(2);
        u.Totals.RefundAmount.Unscaled.Should().Be(35_00);
        u.FinishReference();
        sink.Written.Select(i => i.ItemType).Should().Equal('A', 'R');
        u.Totals.NewWritten.Should().Be(2);
        u.Totals.NewBalance.Unscaled.Should().Be(-35_00);
    }

    [Fact]
    public void ApplyPayment_BilledItem_StaysBilled()
    {
        var (u, _) = New();
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'B', 100_00, due: 20260320));
        u.ApplyPayment(Pay("S1", 10_00));
        u.ReceivableItem!.Status.Should().Be('B');
    }

    [Fact]
    public void ApplyPayment_Late_AccruesInterestOnTheSmallerOfPaymentAndBalance()
    {
        var (u, sink) = New();
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'O', 500_000_00, due: 20260301));
        u.ApplyPayment(Pay("S1", 100_000_00, received: 20260302));   // one day late at 7 %
        var li = sink.Postings.Single(p => p.TranCode == "LI");
        li.Amount.Unscaled.Should().Be(19_17);                        // 100,000.00 * 0.0001917808, truncated
        (li.RevenueClass, li.DebitCredit, li.PayMethod, li.SourceId.TrimEnd(), li.EffectiveDate).Should().Be(("INT", 'D', ' ', "P1", Date(20260302)));
        var a = u.ReceivableItem!;
        a.AmountInterest.Unscaled.Should().Be(19_17);
        a.Balance.Unscaled.Should().Be(500_000_00 + 19_17 - 100_000_00);
        u.Totals.LateCount.Should().Be(1);
        u.Totals.LateInterest.Unscaled.Should().Be(19_17);
        sink.Postings.Select(p => p.TranCode).Should().Equal("LI", "PY");
    }

    [Fact]
    public void ApplyPayment_Late_InterestOnTheBalanceWhenThePaymentIsLarger()
    {
        var (u, sink) = New();
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'O', 100_000_00, due: 20260301));
        u.ApplyPayment(Pay("S1", 900_000_00, received: 20260302));
        sink.Postings.Single(p => p.TranCode == "LI").Amount.Unscaled.Should().Be(19_17);
        u.RefundItem!.AmountRefund.Unscaled.Should().Be(900_000_00 - 100_000_00 - 19_17);
    }

    [Fact]
    public void ApplyPayment_OnTheDueDate_NoInterest()
    {
        var (u, sink) = New();
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'O', 100_00, due: 20260302));
        u.ApplyPayment(Pay("S1", 50_00, received: 20260302));
        sink.Postings.Should().NotContain(p => p.TranCode == "LI");
        u.Totals.LateCount.Should().Be(0);
    }

    [Fact]
    public void ApplyPayment_LateButNoBalance_NoInterest()
    {
        var (u, sink) = New();
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'C', 0, due: 20260101));
        u.LoadOldItem(Old("S1", 'A', 'P', 0, due: 20260101));
        u.ApplyPayment(Pay("S1", 50_00, received: 20260302));
        sink.Postings.Should().NotContain(p => p.TranCode == "LI");
    }

    [Theory]
    [InlineData(20260201, false)]   // 30 days past due
    [InlineData(20260131, true)]    // 31 days
    public void FinishReference_BillsAfterThirtyDaysPastDue(int due, bool billed)
    {
        var (u, sink) = New();
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'O', 1_000_00, due: due));
        u.FinishReference();
        var a = sink.Written.Single();
        a.Status.Should().Be(billed ? 'B' : 'O');
        u.Totals.BillCount.Should().Be(billed ? 1 : 0);
        if (!billed) return;
        a.BillDate.Should().Be(Date(RunDate));
        a.DueDate.Should().Be(Date(20260402));
        a.LastActivityDate.Should().Be(Date(RunDate));
        var bi = sink.Postings.Single();
        (bi.TranCode, bi.RevenueClass, bi.DebitCredit, bi.EffectiveDate, bi.SourceId).Should().Be(("BI", "INT", 'D', Date(RunDate), "            "));
        bi.Amount.Unscaled.Should().BeGreaterThan(0);
        a.AmountInterest.Should().Be(bi.Amount);
        u.Totals.BillInterest.Unscaled.Should().Be(bi.Amount.Unscaled);
    }

    [Fact]
    public void FinishReference_AlreadyBilled_IsNotBilledAgain()
    {
        var (u, sink) = New();
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'B', 1_000_00, due: 20251001));
        u.FinishReference();
        sink.Postings.Should().BeEmpty();
        u.Totals.BillCount.Should().Be(0);
    }

    [Fact]
    public void FinishReference_NegativeBalance_BilledWithoutInterestPosting()
    {
        var (u, sink) = New();
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'O', -3_00, due: 20260101));
        u.FinishReference();
        sink.Postings.Should().BeEmpty();
        sink.Written.Single().Status.Should().Be('B');
        u.Totals.BillCount.Should().Be(1);
    }

    [Fact]
    public void FinishReference_ZeroBalance_ClosesAnOpenItem()
    {
        var (u, sink) = New();
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'B', 0, due: 20250101));
        u.FinishReference();
        sink.Written.Single().Status.Should().Be('C');
        u.Totals.ClosedCount.Should().Be(1);
        u.ReceivableItem.Should().BeNull();
    }

    [Fact]
    public void BillPolicy_ChangesTheThreshold()
    {
        var (u, sink) = New(policies: OpenItemPolicies.Legacy with { BillWhenDaysPastDueExceed = 10, BillDueInDays = 15 });
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'O', 1_000_00, due: 20260220));
        u.FinishReference();
        sink.Written.Single().DueDate.Should().Be(Date(20260318));
    }

    [Fact]
    public void MissingRate_IsReportedWithRc8()
    {
        var (u, sink) = New(rates: [new(20260301, 20260331, 7000)]);
        u.StartReference();
        u.LoadOldItem(Old("S1", 'A', 'O', 1_000_00, due: 20260226));
        u.ApplyPayment(Pay("S1", 100_00, received: 20260302));
        sink.MissingRates.Should().Equal(20260227, 20260228);
        u.ReturnCode.Should().Be(8);
    }

    [Fact]
    public void EditPayment_CountsEveryPaymentAndItsNumericAmount()
    {
        var (u, sink) = New();
        var valid = u.EditPayment(PaymentEditTests.Valid(cents: 5_00));
        valid.Should().NotBeNull();
        valid!.Amount.Unscaled.Should().Be(5_00);
        valid.RefKey.Should().Be("S" + "S26030300001".PadRight(16));
        var rejected = u.EditPayment(PaymentEditTests.Valid(cents: 7_00, method: 'Q'));
        rejected.Should().BeNull();
        u.Totals.PaymentsRead.Should().Be(2);
        u.Totals.PaymentsReadAmount.Unscaled.Should().Be(12_00);
        var s = sink.Suspense.Single();
        (s.ReasonCode, s.Amount.Unscaled).Should().Be(("S003", 7_00L));
        sink.Postings.Single().EffectiveDate.Should().Be(Date(20260302));
    }

    [Fact]
    public void EditPayment_ShortRecord_SuspendsAZeroAmountWithoutPosting()
    {
        var (u, sink) = New();
        u.EditPayment(PaymentEditTests.Valid(cents: 7_00, isShort: true)).Should().BeNull();
        sink.Suspense.Single().Amount.Unscaled.Should().Be(0);
        sink.Postings.Should().BeEmpty();
        u.Totals.PaymentsReadAmount.Unscaled.Should().Be(7_00);
    }

    [Fact]
    public void EditPayment_DateNotDigits_PostsSuspenseAtTheRunDate()
    {
        var (u, sink) = New();
        u.EditPayment(PaymentEditTests.Valid(date: "2026 302"));
        sink.Postings.Single().EffectiveDate.Should().Be(Date(RunDate));
        sink.Suspense.Single().DateReceived.Should().Be("2026 302");
    }

    [Fact]
    public void EditPayment_NegativeAmount_SuspendedWithoutPosting()
    {
        var (u, sink) = New();
        u.EditPayment(PaymentEditTests.Valid(cents: -5_00));
        sink.Suspense.Single().Amount.Unscaled.Should().Be(-5_00);
        sink.Postings.Should().BeEmpty();
        u.Totals.SuspenseAmount.Unscaled.Should().Be(-5_00);
    }

    [Fact]
    public void ComparePayments_ByReferenceDateThenId()
    {
        var a = Pay("S1", 1, 20260301, "P2");
        var b = Pay("S1", 1, 20260302, "P1");
        var c = Pay("S2", 1, 20260101, "P0");
        OpenItemUpdate.ComparePayments(a, b).Should().BeNegative();
        OpenItemUpdate.ComparePayments(b, c).Should().BeNegative();
        OpenItemUpdate.ComparePayments(Pay("S1", 1, 20260301, "P1"), a).Should().BeNegative();
        OpenItemUpdate.ComparePayments(a, Pay("S1", 999, 20260301, "P2")).Should().Be(0);
    }

    [Fact]
    public void Postings_AreNumberedInSequence()
    {
        var (u, sink) = New();
        u.StartReference();
        u.ApplyReceivable(Rcv("S1", 100_00, mpf: 1_00));
        u.ApplyPayment(Pay("S1", 200_00));
        sink.Postings.Select(p => p.Sequence).Should().Equal(1, 2, 3, 4);
        u.Totals.LedgerWritten.Should().Be(4);
        sink.Postings.Should().OnlyContain(p => p.PostDate == Date(RunDate));
    }

    [Fact]
    public void ControlTotals_InTheLegacysOrder()
    {
        var (u, _) = New();
        u.Totals.ControlTotals().Select(t => t.Description).Should().Equal(
            "OLD MASTER READ - BALANCE", "CLOSED ITEMS DROPPED", "RECEIVABLES READ", "OPEN ITEMS CREATED", "OPEN ITEMS ADDED TO",
            "PAYMENTS READ", "PAYMENTS APPLIED", "PAYMENTS TO SUSPENSE", "OVERPAYMENTS TO REFUND", "LATE PAYMENT INTEREST",
            "BILLS ISSUED - INTEREST", "ITEMS CLOSED", "NEW MASTER WRITTEN - BALANCE", "LEDGER POSTINGS WRITTEN");
    }

    [Fact]
    public void OldItems_AreCountedAndTheirBalancesTotalled()
    {
        var (u, _) = New();
        u.CountOldItemRead();
        u.CountOldItemRead();
        u.AcceptOldItem(Old("S1", 'A', 'O', 12_34));
        u.Totals.OldRead.Should().Be(2);
        u.Totals.OldBalance.Unscaled.Should().Be(12_34);
    }

    [Fact]
    public void DamagedBalance_IsReadLenientlyAndItsBytesApplied()
    {
        var (u, sink) = New();
        u.StartReference();
        var item = Old("S1", 'A', 'O', 0, due: 20260320);
        var raw = Convert.FromHexString("0000000000A00C");   // nibble A at the hundreds: 10.00 as libcob reads it
        item.Balance = PackedNumber.FromBytes(raw, OpenItemPictures.Amount);
        u.LoadOldItem(item);
        u.ApplyPayment(Pay("S1", 50_00));
        var py = sink.Postings.Single(p => p.TranCode == "PY");
        py.Amount.ToArray().Should().Equal(raw, "MOVE WA-BALANCE TO WS-APPLIED-AMT copies the bytes");
        u.ReceivableItem!.Balance.Unscaled.Should().Be(0);
        u.RefundItem!.AmountRefund.Unscaled.Should().Be(40_00);
    }

    [Fact]
    public void RaiseReturnCode_KeepsTheHighest()
    {
        var (u, _) = New();
        u.RaiseReturnCode(8);
        u.RaiseReturnCode(4);
        u.ReturnCode.Should().Be(8);
    }

    [Fact]
    public void DamagedEntryCount_ZeroAddendLeavesItsBytes()
    {
        var (u, _) = New();
        u.StartReference();
        var item = Old("S1", 'A', 'O', 10_00);
        item.EntryCount = DisplayNumber.FromBytes(Encoding.Latin1.GetBytes("  1A "));
        u.LoadOldItem(item);
        u.ApplyReceivable(Rcv("S1", 1_00, entries: 0));
        u.ReceivableItem!.EntryCount.ToArray().Should().Equal(Encoding.Latin1.GetBytes("  1A "));
    }
}
