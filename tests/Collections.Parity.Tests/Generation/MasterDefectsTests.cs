using System.Text;
using Collections.Parity.Generation;
using Collections.Testing;

namespace Collections.Parity.Tests.Generation;

/// <summary>The damaged old masters (collections damage-master) change exactly what they say, deterministically.</summary>
public sealed class MasterDefectsTests
{
    private static byte[] Master() => File.ReadAllBytes(Path.Combine(RepoPaths.LegacyFixtures, "chain-fy-2-20250929", "output", "OPENITEM"));

    private static HashSet<string> Paid() =>
        MasterDefects.PaidReferences(Path.Combine(RepoPaths.LegacyFixtures, "garbage-M03-MASTER-ITEM-TYPE", "input", "PAYMENTS"));

    private static List<int> ChangedRecords(byte[] a, byte[] b) =>
        Enumerable.Range(0, Math.Min(a.Length, b.Length) / 150).Where(i => !a.AsSpan(i * 150, 150).SequenceEqual(b.AsSpan(i * 150, 150))).ToList();

    [Fact]
    public void Truncated_LastRecordFortyBytesShort()
    {
        var m = Master();
        var (d, what) = MasterDefects.Apply(m, MasterDefect.Truncated, Paid());
        d.Length.Should().Be(m.Length - 40);
        d.Should().Equal(m[..^40]);
        what.Should().Contain("cut to 110 bytes");
    }

    [Fact]
    public void OutOfSequence_TwoNeighboursSwapped()
    {
        var m = Master();
        var (d, _) = MasterDefects.Apply(m, MasterDefect.OutOfSequence, Paid());
        var changed = ChangedRecords(m, d);
        changed.Should().HaveCount(2);
        (changed[1] - changed[0]).Should().Be(1);
        d.AsSpan(changed[0] * 150, 150).SequenceEqual(m.AsSpan(changed[1] * 150, 150)).Should().BeTrue();
    }

    [Theory]
    [InlineData(MasterDefect.ItemType, 1)]
    [InlineData(MasterDefect.BadPacked, 2)]
    [InlineData(MasterDefect.BadDates, 2)]
    [InlineData(MasterDefect.DueBeforeRateTable, 1)]
    public void FieldDefects_ChangeOnlyTheRecordsNamed(MasterDefect defect, int records)
    {
        var m = Master();
        var paid = Paid();
        var (d, what) = MasterDefects.Apply(m, defect, paid);
        d.Length.Should().Be(m.Length);
        var changed = ChangedRecords(m, d);
        changed.Should().HaveCount(records);
        foreach (var i in changed) what.Should().Contain($"record {i + 1} (");
        MasterDefects.Apply(m, defect, paid).Master.Should().Equal(d, "the same master and payments give the same damage");
        var items = changed.Select(i => MasterItem.Parse(d.AsSpan(i * 150, 150))).ToList();
        switch (defect)
        {
            case MasterDefect.ItemType:
                items[0].ItemType.Should().Be('X');
                paid.Should().Contain(items[0].RefKey, "the dropped item is one today's payments look for");
                break;
            case MasterDefect.BadPacked:
                items.Should().OnlyContain(x => paid.Contains(x.RefKey));
                Convert.ToHexString(d, (changed[0] * 150) + 122, 7).Should().Be("12345ABCDEF01F");
                Encoding.ASCII.GetString(d, (changed[1] * 150) + 108, 7).Should().Be("       ");
                break;
            case MasterDefect.BadDates:
                items.Should().OnlyContain(x => !paid.Contains(x.RefKey), "nobody pays them: no interest is computed on the bad due date");
                Encoding.ASCII.GetString(d, (changed[1] * 150) + 57, 8).Should().Be("20261399");
                items[1].Status.Should().Be('B');
                break;
            case MasterDefect.DueBeforeRateTable:
                items[0].DueDate.Should().Be(20220901);
                break;
        }
    }

    [Fact]
    public void Apply_MasterOfTwoRecords_Refused()
    {
        var act = () => MasterDefects.Apply(Master()[..300], MasterDefect.OutOfSequence, new HashSet<string>());
        act.Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData("truncated", MasterDefect.Truncated)]
    [InlineData("out-of-sequence", MasterDefect.OutOfSequence)]
    [InlineData("item-type", MasterDefect.ItemType)]
    [InlineData("bad-packed", MasterDefect.BadPacked)]
    [InlineData("bad-dates", MasterDefect.BadDates)]
    [InlineData("due-before-rate-table", MasterDefect.DueBeforeRateTable)]
    public void Parse_EveryName(string name, MasterDefect kind) => MasterDefects.Parse(name).Should().Be(kind);

    [Fact]
    public void Parse_UnknownName_Throws() => ((Action)(() => MasterDefects.Parse("nope"))).Should().Throw<ArgumentException>();
}
