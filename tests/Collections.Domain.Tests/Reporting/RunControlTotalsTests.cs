using Collections.Domain.Reporting;

namespace Collections.Domain.Tests.Reporting;

public class RunControlTotalsTests
{
    [Theory]
    [InlineData("01", true)]
    [InlineData("02", false)]
    [InlineData("1 ", false)]
    [InlineData(" 1", false)]
    [InlineData("00", false)]
    public void StartsStep_SequenceOne(string sequence, bool starts)
    {
        new ControlTotalLine("CLV100", sequence, "X", 0, 0).StartsStep.Should().Be(starts);
    }

    [Fact]
    public void Add_Lines_KeptInOrderWithTheirSteps()
    {
        var c = new RunControlTotals();

        c.Add(new ControlTotalLine("CLV100  ", "01", "A", 1, 2)).Should().BeTrue();
        c.Add(new ControlTotalLine("CLV100  ", "02", "B", 3, -4)).Should().BeFalse();
        c.Add(new ControlTotalLine("CLV200  ", "01", "C", 5, 6)).Should().BeTrue();
        c.Add(new ControlTotalLine("CLV100  ", "03", "D", 7, 8)).Should().BeFalse();

        c.Lines.Select(l => l.Description).Should().Equal("A", "B", "C", "D");
        c.Steps.Should().Equal("CLV100  ", "CLV200  ");
        c.Available.Should().BeTrue();
    }

    [Fact]
    public void Add_Null_Throws()
    {
        ((Action)(() => new RunControlTotals().Add(null!))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void MarkUnavailable_NotAvailable()
    {
        var c = new RunControlTotals();

        c.MarkUnavailable();

        c.Available.Should().BeFalse();
    }

    [Fact]
    public void DailyRevenueReport_AddEntry_FeedsSectionsOneAndTwo()
    {
        var r = new DailyRevenueReport();

        r.AddEntry(RevenueByClassTests.Entry("2704", duty: 5, total: 5)).Should().Be(PortTally.Inserted);
        r.AddEntry(RevenueByClassTests.Entry("2704", duty: 6, total: 6)).Should().Be(PortTally.Existing);

        r.RevenueByClass.EntriesReported.Should().Be(2);
        r.RevenueByClass.Classes[0].AmountCents.Should().Be(11);
        r.Ports.Ports.Should().ContainSingle().Which.TotalCents.Should().Be(11);
        r.Receivables.Total.Receivables.Should().Be(0);
        r.Collections.Assessments.Count.Should().Be(0);
        r.OpenItems.Total.Count.Should().Be(0);
        r.Rejects.Reasons.Should().BeEmpty();
        r.ControlTotals.Lines.Should().BeEmpty();
    }
}
