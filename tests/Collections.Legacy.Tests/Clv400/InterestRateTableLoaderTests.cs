using System.Text;
using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;
using Collections.Legacy.Clv400;

namespace Collections.Legacy.Tests.Clv400;

public class InterestRateTableLoaderTests
{
    private static (bool Ok, List<InterestRate> Table, List<string> Messages) Load(params string[] lines)
    {
        var table = new List<InterestRate>();
        var messages = new List<string>();
        var records = lines.Select(l => Encoding.Latin1.GetBytes(l.PadRight(40)[..40]));
        var ok = InterestRateTableLoader.Load(records, table, messages.Add);
        return (ok, table, messages);
    }

    [Fact]
    public void Load_ShippedTable_LoadsEveryQuarter()
    {
        var lines = File.ReadAllLines(Path.Combine(Testing.RepoPaths.LegacyHome, "ref", "INTRATE.DAT"));
        var (ok, table, messages) = Load(lines);
        ok.Should().BeTrue();
        messages.Should().BeEmpty();
        table.Should().HaveCount(lines.Length);
        table[0].Should().Be(new InterestRate(20221001, 20221231, 6000));
    }

    [Fact]
    public void Load_InvalidRecord_StopsWithCLV4301E()
    {
        var (ok, table, messages) = Load("20260101 20260331 07000 07000 X", "20260401 2026063X 07000 07000 X", "20260701 20260930 07000 07000 X");
        ok.Should().BeFalse();
        table.Should().HaveCount(1);
        messages.Should().Equal("CLV4301E INTEREST RECORD INVALID: " + "20260401 2026063X 07000 07000 X".PadRight(40), "CLV4901E REFERENCE DATA ERROR - RUN STOPPED");
    }

    [Theory]
    [InlineData("20260101 20260331 07000 07000 X", "20260101 20260630 07000 07000 X")]
    [InlineData("20260101 20260331 07000 07000 X", "20251001 20251231 07000 07000 X")]
    public void Load_NotAfterThePrevious_CLV4302E(string first, string second)
    {
        var (ok, _, messages) = Load(first, second);
        ok.Should().BeFalse();
        messages[0].Should().Be("CLV4302E INTEREST RATES OUT OF ORDER AT " + second[..8]);
    }

    [Fact]
    public void Load_Empty_CLV4304E()
    {
        var (ok, _, messages) = Load();
        ok.Should().BeFalse();
        messages.Should().Equal("CLV4304E INTEREST RATE TABLE IS EMPTY", "CLV4901E REFERENCE DATA ERROR - RUN STOPPED");
    }

    [Fact]
    public void Load_ZeroEffectiveDate_IsNotAfterTheInitialZero()
    {
        var (ok, _, messages) = Load("00000000 20260331 07000 07000 X");
        ok.Should().BeFalse();
        messages[0].Should().StartWith("CLV4302E");
        messages.Should().Contain("CLV4304E INTEREST RATE TABLE IS EMPTY");
    }

    [Fact]
    public void Load_MoreThan200_CLV4303E()
    {
        var lines = Enumerable.Range(0, 201).Select(i => $"{20000101 + i:D8} {20000101 + i:D8} 07000 07000 X").ToArray();
        var (ok, table, messages) = Load(lines);
        ok.Should().BeFalse();
        table.Should().HaveCount(InterestRateTableLoader.MaxEntries);
        messages[0].Should().Be("CLV4303E INTEREST TABLE FULL");
    }

    [Fact]
    public void Load_OverpaymentRateIsNotChecked()
    {
        var (ok, table, _) = Load("20260101 20260331 07000 XXXXX X");
        ok.Should().BeTrue();
        table.Single().UnderpaymentRateThousandths.Should().Be(7000);
    }
}

public class CobolPaymentSortTests
{
    private static Payment P(string reference, int date, string id, long cents) =>
        new('S', reference.PadRight(16), DisplayNumber.FromValue(date, 8), id.PadRight(12), 'D', PackedNumber.FromUnscaled(cents, OpenItemPictures.Amount));

    [Fact]
    public void Return_InKeyOrder_DuplicatesInReleaseOrder()
    {
        using var sort = new CobolPaymentSort();
        var released = new[] { P("B", 20260301, "X", 1), P("A", 20260302, "Y", 2), P("A", 20260302, "Y", 3), P("A", 20260301, "Z", 4), P("A", 20260302, "Y", 5) };
        foreach (var p in released) sort.Release(p);
        sort.Return().Select(p => p.Amount.Unscaled).Should().Equal(4, 2, 3, 5, 1);
    }

    [Fact]
    public void Return_SpillingToRuns_EqualsTheDomainOrderStable()
    {
        var rng = new Random(5);
        var released = Enumerable.Range(0, 5000).Select(i => P("R" + rng.Next(300), 20260301 + rng.Next(3), "P" + rng.Next(20), i)).ToList();
        using var sort = new CobolPaymentSort(new Cobol.Sorting.CobolSortOptions
        {
            RecordLength = PaymentSortRecord.RecordLength, Keys = [PaymentSortRecord.Key], MemoryLimitBytes = 45 * 300, MergeFanIn = 4,
        });
        foreach (var p in released) sort.Release(p);
        var expected = released.Select((p, i) => (p, i)).OrderBy(x => x.p, Comparer<Payment>.Create(OpenItemUpdate.ComparePayments)).ThenBy(x => x.i).Select(x => x.p);
        sort.Return().Should().Equal(expected);
    }
}
