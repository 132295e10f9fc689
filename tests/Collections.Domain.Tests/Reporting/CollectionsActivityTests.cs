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
}
