using System.Globalization;
using Collections.Domain.Reporting;

namespace Collections.Domain.Tests.Reporting;

public class RejectReasonsTests
{
    [Fact]
    public void Add_Reasons_InCodeOrderWithTheFirstSeverityAndMessage()
    {
        var r = new RejectReasons();

        r.Add("W001", 'W', "FIRST W001").Should().Be(ReasonTally.Inserted);
        r.Add("L006", 'E', "FIRST L006").Should().Be(ReasonTally.Inserted);
        r.Add("W001", 'E', "SECOND W001").Should().Be(ReasonTally.Existing);
        r.Add("H001", 'E', "FIRST H001").Should().Be(ReasonTally.Inserted);
        r.Add("L006", 'W', "SECOND L006").Should().Be(ReasonTally.Existing);

        r.Reasons.Should().Equal(
            new RejectReasonTotal("H001", 'E', "FIRST H001", 1),
            new RejectReasonTotal("L006", 'E', "FIRST L006", 2),
            new RejectReasonTotal("W001", 'W', "FIRST W001", 2));
        r.RejectsRead.Should().Be(5);
    }

    [Fact]
    public void Add_CodesComparedCharacterByCharacter()
    {
        var r = new RejectReasons();

        foreach (var c in new[] { "L010", "L01 ", "l010", "L0A0", "    " }) r.Add(c, 'E', c);

        r.Reasons.Select(x => x.Reason).Should().Equal("    ", "L01 ", "L010", "L0A0", "l010");
    }

    [Fact]
    public void Add_TableFull_NewReasonCountedWithTheLastReason()
    {
        var r = new RejectReasons();
        for (var i = RejectReasons.Capacity; i >= 1; i--) r.Add("R" + (i * 2).ToString("D3", CultureInfo.InvariantCulture), 'E', "M" + i);

        var lower = r.Add("A000", 'W', "NEW LOWER");
        var between = r.Add("R003", 'W', "NEW BETWEEN");
        var existing = r.Add("R002", 'W', "AGAIN");

        (lower, between, existing).Should().Be((ReasonTally.CountedWithLastReason, ReasonTally.CountedWithLastReason, ReasonTally.Existing));
        r.Reasons.Should().HaveCount(100);
        r.Reasons[0].Should().Be(new RejectReasonTotal("R002", 'E', "M1", 2));
        r.Reasons[^1].Should().Be(new RejectReasonTotal("R200", 'E', "M100", 3));
        r.RejectsRead.Should().Be(103);
    }

    [Fact]
    public void Add_TableOneShortOfFull_StillInserted()
    {
        var r = new RejectReasons();
        for (var i = 1; i < RejectReasons.Capacity; i++) r.Add("R" + i.ToString("D3", CultureInfo.InvariantCulture), 'E', "");

        r.Add("A000", 'E', "").Should().Be(ReasonTally.Inserted);
        r.Reasons[0].Reason.Should().Be("A000");
    }

    [Fact]
    public void Add_Nulls_Throw()
    {
        var r = new RejectReasons();

        ((Action)(() => r.Add(null!, 'E', ""))).Should().Throw<ArgumentNullException>();
        ((Action)(() => r.Add("L001", 'E', null!))).Should().Throw<ArgumentNullException>();
    }
}
