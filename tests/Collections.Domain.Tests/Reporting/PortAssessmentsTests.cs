using System.Globalization;
using Collections.Domain.Reporting;
using static Collections.Domain.Tests.Reporting.RevenueByClassTests;

namespace Collections.Domain.Tests.Reporting;

public class PortAssessmentsTests
{
    private static string Port(int i) => i.ToString("D4", CultureInfo.InvariantCulture);

    [Fact]
    public void Add_PortsInAnyOrder_KeptInPortCodeOrder()
    {
        var p = new PortAssessments();

        p.Add(Entry("2704")).Should().Be(PortTally.Inserted);
        p.Add(Entry("1001")).Should().Be(PortTally.Inserted);
        p.Add(Entry("5301")).Should().Be(PortTally.Inserted);
        p.Add(Entry("2002")).Should().Be(PortTally.Inserted);
        p.Add(Entry("2704")).Should().Be(PortTally.Existing);
        p.Add(Entry("1001")).Should().Be(PortTally.Existing);

        p.Ports.Select(x => x.Port).Should().Equal("1001", "2002", "2704", "5301");
        p.Ports.Select(x => x.Entries).Should().Equal(2, 1, 2, 1);
    }

    [Fact]
    public void Add_PortCodesComparedCharacterByCharacter()
    {
        var p = new PortAssessments();

        foreach (var code in new[] { "10A0", "1000", "100 ", "1A00", "0999" }) p.Add(Entry(code));

        p.Ports.Select(x => x.Port).Should().Equal("0999", "100 ", "1000", "10A0", "1A00");
    }

    [Fact]
    public void Add_Entries_AccumulatesEveryColumnAndDutiesAreTotalLessFees()
    {
        var p = new PortAssessments();

        p.Add(Entry("2704", lines: 3, value: 1_000_00, feeTotal: 40_00, total: 140_00));
        p.Add(Entry("2704", lines: 4, value: 2_000_00, feeTotal: 60_00, total: 50_00));

        p.Ports.Should().Equal(new PortAssessment("2704", 2, 7, 3_000_00, 90_00, 100_00, 190_00));
    }

    [Fact]
    public void Add_TableFull_NewPortCountedWithTheLastPort()
    {
        var p = new PortAssessments();
        for (var i = PortAssessments.Capacity; i >= 1; i--) p.Add(Entry(Port(i * 2)));
        p.Ports.Should().HaveCount(300);

        var lower = p.Add(Entry("0001", lines: 5, total: 7));
        var middle = p.Add(Entry("0003", lines: 1, total: 1));
        var higher = p.Add(Entry("9999", lines: 2, total: 2));
        var existing = p.Add(Entry("0002"));

        (lower, middle, higher, existing).Should().Be((PortTally.CountedWithLastPort, PortTally.CountedWithLastPort, PortTally.CountedWithLastPort, PortTally.Existing));
        p.Ports.Should().HaveCount(300);
        p.Ports[0].Should().Be(new PortAssessment("0002", 2, 2, 0, 0, 0, 0));
        p.Ports[^1].Should().Be(new PortAssessment("0600", 4, 9, 0, 10, 0, 10));
    }

    [Fact]
    public void Add_TableOneShortOfFull_LastPortStillInserted()
    {
        var p = new PortAssessments();
        for (var i = 1; i < PortAssessments.Capacity; i++) p.Add(Entry(Port(i)));

        p.Add(Entry("0000")).Should().Be(PortTally.Inserted);

        p.Ports.Should().HaveCount(PortAssessments.Capacity);
        p.Ports[0].Port.Should().Be("0000");
    }

    [Fact]
    public void AllPorts_SumsThePortLines()
    {
        var p = new PortAssessments();

        p.Add(Entry("2704", lines: 3, value: 10, feeTotal: 2, total: 12));
        p.Add(Entry("1001", lines: 4, value: -20, feeTotal: 3, total: -1));

        p.AllPorts.Should().Be(new PortAssessment("ALL ", 2, 7, -10, 6, 5, 11));
    }

    [Fact]
    public void AllPorts_NoPorts_Zeros()
    {
        new PortAssessments().AllPorts.Should().Be(new PortAssessment("ALL ", 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void Add_TotalsBeyondTheirPictures_HighOrderDigitsLost()
    {
        var p = new PortAssessments();

        // lines: PIC S9(07); amounts: S9(15)V99; entry duties: S9(13)V99
        p.Add(Entry("2704", lines: 9_999_999, value: 99_999_999_999_999_999, feeTotal: 1, total: 1_000_000_000_000_001));
        p.Add(Entry("2704", lines: 2, value: 3, feeTotal: 99_999_999_999_999_999, total: 99_999_999_999_999_999));

        p.Ports[0].Should().Be(new PortAssessment("2704", 2, 1, 2, 0, 0, 1_000_000_000_000_000));
        p.AllPorts.Lines.Should().Be(1);
    }

    [Fact]
    public void AllPorts_GrandTotalsBeyondTheirPictures_HighOrderDigitsLost()
    {
        var p = new PortAssessments();

        p.Add(Entry("1001", lines: 6_000_000, value: 60_000_000_000_000_000, feeTotal: 60_000_000_000_000_000, total: 60_000_000_000_000_000));
        p.Add(Entry("2002", lines: 6_000_000, value: 60_000_000_000_000_000, feeTotal: 60_000_000_000_000_000, total: 60_000_000_000_000_000));

        p.AllPorts.Should().Be(new PortAssessment("ALL ", 2, 2_000_000, 20_000_000_000_000_000, 0, 20_000_000_000_000_000, 20_000_000_000_000_000));
    }

    [Fact]
    public void Add_Null_Throws()
    {
        var act = () => new PortAssessments().Add(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
