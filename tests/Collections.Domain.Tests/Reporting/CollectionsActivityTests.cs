using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;
using Collections.Domain.Reporting;

namespace Collections.Domain.Tests.Reporting;

public class CollectionsActivityTests
{
    [Theory]
    [InlineData('D', 0)]
    [InlineData('C', 1)]
    [InlineData('K', 2)]
    [InlineData(' ', 2)]
    [InlineData('d', 2)]
    public void MethodIndex_PaymentMethod_LineOfTheReport(char method, int index)
    {
        CollectionsActivity.MethodIndex(method).Should().Be(index);
    }

    [Fact]
    public void AddPosting_EachTransactionCode_OnItsLine()
    {
        var a = new CollectionsActivity();

        a.AddPosting("AS", ' ', 1000);
        a.AddPosting("AS", 'D', 500);
        a.AddPosting("PY", 'D', 100);
        a.AddPosting("PY", 'C', 200);
        a.AddPosting("PY", 'K', 300);
        a.AddPosting("PY", ' ', 5);
        a.AddPosting("LI", ' ', 7);
        a.AddPosting("BI", ' ', 11);
        a.AddPosting("RF", ' ', -13);

        a.Assessments.Should().Be(new ActivityTotal("ASSESSMENT POSTINGS", 2, 1500));
        a.PaymentsByMethod.Should().Equal(
            new ActivityTotal("PAYMENTS APPLIED - ACH DEBIT", 1, 100),
            new ActivityTotal("PAYMENTS APPLIED - ACH CREDIT", 1, 200),
            new ActivityTotal("PAYMENTS APPLIED - CHECK", 2, 305));
        a.PaymentsApplied.Should().Be(new ActivityTotal("TOTAL PAYMENTS APPLIED", 4, 605));
        a.LateInterest.Should().Be(new ActivityTotal("LATE PAYMENT INTEREST ASSESSED", 1, 7));
        a.BillInterest.Should().Be(new ActivityTotal("INTEREST ASSESSED ON BILLS ISSUED", 1, 11));
        a.Refunds.Should().Be(new ActivityTotal("OVERPAYMENTS TRANSFERRED TO REFUND", 1, -13));
        a.Suspense.Should().Be(new ActivityTotal("PAYMENTS HELD IN SUSPENSE", 0, 0));
    }

    [Theory]
    [InlineData("SU")]
    [InlineData("as")]
    [InlineData("  ")]
    [InlineData("XX")]
    public void AddPosting_OtherCodes_NotReported(string code)
    {
        var a = new CollectionsActivity();

        a.AddPosting(code, 'D', 1000);

        new[] { a.Assessments, a.PaymentsApplied, a.LateInterest, a.BillInterest, a.Refunds, a.Suspense }.Concat(a.PaymentsByMethod)
            .Should().OnlyContain(t => t.Count == 0 && t.AmountCents == 0);
    }

    [Fact]
    public void AddSuspense_CountsAndAdds()
    {
        var a = new CollectionsActivity();

        a.AddSuspense(250);
        a.AddSuspense(-50);
        a.AddSuspense(0);

        a.Suspense.Should().Be(new ActivityTotal("PAYMENTS HELD IN SUSPENSE", 3, 200));
    }

    [Fact]
    public void AddPosting_AmountsBeyondS9_15_V99_HighOrderDigitsLost()
    {
        var a = new CollectionsActivity();

        a.AddPosting("PY", 'D', 99_999_999_999_999_999);
        a.AddPosting("PY", 'D', 2);

        a.PaymentsByMethod[0].AmountCents.Should().Be(1);
        a.PaymentsApplied.AmountCents.Should().Be(1);
    }

    [Fact]
    public void AddPosting_LedgerPosting_CodeMethodAndTheAmountAsGnuCobolAddsIt()
    {
        var a = new CollectionsActivity();
        static LedgerPosting Posting(string code, char method, byte[] amount) => new(DisplayNumber.FromValue(20260302, 8), 1, 'S',
            "D000000001      ", 'A', code, "PAY", 'C', PackedNumber.FromBytes(amount, OpenItemPictures.Amount), method, "P00000000001",
            DisplayNumber.FromValue(20260302, 8));

        a.AddPosting(Posting("PY", 'C', [0, 0, 0, 0, 0, 0x12, 0x3D]));
        a.AddPosting(Posting("PY", 'C', [0, 0, 0, 0, 0, 0x1A, 0x0B]));   // damaged: a nibble of 10, sign B (positive)

        a.PaymentsByMethod[1].Should().Be(new ActivityTotal("PAYMENTS APPLIED - ACH CREDIT", 2, -123 + 200));
    }

    [Fact]
    public void AddSuspense_SuspenseItem_ItsAmount()
    {
        var a = new CollectionsActivity();

        a.AddSuspense(new SuspenseItem(DisplayNumber.FromValue(20260302, 8), "P00000000001", 'D', 'S', "D000000009      ",
            PackedNumber.FromUnscaled(-12_34, OpenItemPictures.Amount), "20260302", "S004", "X"));

        a.Suspense.Should().Be(new ActivityTotal("PAYMENTS HELD IN SUSPENSE", 1, -12_34));
    }

    [Fact]
    public void Overloads_Null_Throw()
    {
        var a = new CollectionsActivity();

        ((Action)(() => a.AddPosting(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => a.AddSuspense(null!))).Should().Throw<ArgumentNullException>();
    }
}
