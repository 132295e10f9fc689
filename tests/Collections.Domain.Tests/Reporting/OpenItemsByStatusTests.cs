using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;
using Collections.Domain.Reporting;

namespace Collections.Domain.Tests.Reporting;

public class OpenItemsByStatusTests
{
    [Theory]
    [InlineData('O', 0)]
    [InlineData('P', 1)]
    [InlineData('B', 2)]
    [InlineData('C', 3)]
    [InlineData('R', 4)]
    [InlineData('o', -1)]
    [InlineData(' ', -1)]
    [InlineData('X', -1)]
    [InlineData('\0', -1)]
    public void StatusIndex_Status_LineOrUnknown(char status, int index)
    {
        OpenItemsByStatus.StatusIndex(status).Should().Be(index);
    }

    [Fact]
    public void Add_KnownStatuses_UnderTheirStatusAndInTheTotal()
    {
        var o = new OpenItemsByStatus();

        o.Add('O', 100);
        o.Add('O', 50);
        o.Add('P', 20);
        o.Add('B', 30);
        o.Add('C', 0);
        o.Add('R', -40);

        o.ByStatus.Should().Equal(
            new ActivityTotal("OPEN", 2, 150), new ActivityTotal("PARTIALLY PAID", 1, 20), new ActivityTotal("BILLED", 1, 30),
            new ActivityTotal("CLOSED TODAY", 1, 0), new ActivityTotal("REFUND DUE TO PAYER", 1, -40));
        o.Total.Should().Be(new ActivityTotal("TOTAL OPEN ITEM MASTER", 6, 160));
        o.Unknown.Should().Be(new ActivityTotal("UNKNOWN STATUS", 0, 0));
        OpenItemsByStatus.StatusCodes.Should().Equal('O', 'P', 'B', 'C', 'R');
    }

    [Fact]
    public void Add_UnknownStatus_CountedInTheTotalOnly()
    {
        var o = new OpenItemsByStatus();

        o.Add('X', 700);
        o.Add(' ', 5);
        o.Add('O', 1);

        o.ByStatus.Sum(s => s.Count).Should().Be(1);
        o.Total.Should().Be(new ActivityTotal("TOTAL OPEN ITEM MASTER", 3, 706));
        o.Unknown.Should().Be(new ActivityTotal("UNKNOWN STATUS", 2, 705));
    }

    [Fact]
    public void Add_TenMillionItems_CountLosesItsHighOrderDigit()
    {
        var o = new OpenItemsByStatus();

        for (var i = 0; i < 10_000_001; i++) o.Add('O', 0);

        o.ByStatus[0].Count.Should().Be(1);
        o.Total.Count.Should().Be(1);
    }

    [Fact]
    public void Add_OpenItem_StatusAndTheBalanceAsGnuCobolAddsIt()
    {
        var o = new OpenItemsByStatus();

        o.Add(new OpenItem { Status = 'B', Balance = PackedNumber.FromBytes([0, 0, 0, 0, 0, 0x1F, 0xAD], OpenItemPictures.Amount) });
        o.Add(new OpenItem { Status = 'Z', Balance = PackedNumber.FromUnscaled(5, OpenItemPictures.Amount) });

        // nibbles 1, F(15), A(10) and sign D: -(1*100 + 15*10 + 10) = -260
        o.ByStatus[2].Should().Be(new ActivityTotal("BILLED", 1, -260));
        o.Total.Should().Be(new ActivityTotal("TOTAL OPEN ITEM MASTER", 2, -255));
        ((Action)(() => o.Add(null!))).Should().Throw<ArgumentNullException>();
    }
}
