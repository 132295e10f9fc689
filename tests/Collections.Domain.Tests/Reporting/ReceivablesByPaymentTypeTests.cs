using Collections.Domain.Reporting;

namespace Collections.Domain.Tests.Reporting;

public class ReceivablesByPaymentTypeTests
{
    [Theory]
    [InlineData(1, ReceivableKind.SinglePay)]
    [InlineData(2, ReceivableKind.DailyStatement)]
    [InlineData(6, ReceivableKind.PmsImporter)]
    [InlineData(7, ReceivableKind.PmsFiler)]
    [InlineData(0, ReceivableKind.SinglePay)]
    [InlineData(3, ReceivableKind.SinglePay)]
    [InlineData(5, ReceivableKind.SinglePay)]
    [InlineData(8, ReceivableKind.SinglePay)]
    [InlineData(-2, ReceivableKind.SinglePay)]
    public void KindOf_StatementType_LineOfTheReport(int type, ReceivableKind kind)
    {
        ReceivablesByPaymentType.KindOf(type).Should().Be(kind);
    }

    [Fact]
    public void Add_Receivables_CountedUnderTheirTypeAndInTheTotal()
    {
        var r = new ReceivablesByPaymentType();

        r.Add(1, 1, 100);
        r.Add(2, 3, 200);
        r.Add(2, 2, 50);
        r.Add(6, 4, 300);
        r.Add(7, 5, -400);
        r.Add(9, 1, 1);

        r.PaymentTypes.Should().Equal(
            new ReceivableTotal("SINGLE PAY (TYPE 1)", 2, 2, 101),
            new ReceivableTotal("DAILY STATEMENT (TYPE 2)", 2, 5, 250),
            new ReceivableTotal("PMS - IMPORTER (TYPE 6)", 1, 4, 300),
            new ReceivableTotal("PMS - FILER (TYPE 7)", 1, 5, -400));
        r.Total.Should().Be(new ReceivableTotal("TOTAL RECEIVABLES", 6, 16, 251));
    }

    [Fact]
    public void Total_AccumulatedReceivableByReceivable_NotFromTheLines()
    {
        var r = new ReceivablesByPaymentType();
        const long Big = 60_000_000_000_000_000;

        r.Add(1, 0, Big);
        r.Add(2, 0, Big);    // total 1.2e17 loses its high-order digit: 2e16
        r.Add(1, 0, -Big);   // total -4e16; the lines add up to 6e16

        r.PaymentTypes[0].AmountCents.Should().Be(0);
        r.PaymentTypes[1].AmountCents.Should().Be(Big);
        r.Total.AmountCents.Should().Be(-40_000_000_000_000_000);
    }

    [Fact]
    public void Add_EntryCountsBeyondS9_07_HighOrderDigitsLost()
    {
        var r = new ReceivablesByPaymentType();

        r.Add(2, 9_999_999, 0);
        r.Add(2, 3, 0);

        r.PaymentTypes[1].Entries.Should().Be(2);
        r.Total.Entries.Should().Be(2);
    }
}
