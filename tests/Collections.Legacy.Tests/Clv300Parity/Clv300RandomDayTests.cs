using Collections.Domain.EntryFees;
using Collections.Legacy.Clv300;
using Collections.Legacy.Records;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv300Parity;

/// <summary>
/// Random ENTCALC days (every payment type 0-9, dates 2024-2030 including impossible days and dates beyond the
/// holiday table, known and unknown fee classes, duplicate entry numbers, negative and large amounts) through the
/// real CLV300 and ours; and a day whose single statement has more than 99,999 entries (SH-ENTRY-COUNT PIC 9(05)),
/// sorted by ours through spilled runs.
/// </summary>
public class Clv300RandomDayTests
{
    private static readonly string[] Classes = [FeeClasses.Mpf, FeeClasses.InformalFee, FeeClasses.ManualSurcharge,
        FeeClasses.Hmf, FeeClasses.Cotton, "999", "   ", "49 "];
    private static readonly string[] Filers = ["316", "1A2", "ABC", "W56"];
    private static readonly string[] Importers = ["22-014590000", "98-765432100", "12-345678900", "XX-ABCDEFGHI"];

    private static List<CraftedEntry> RandomEntries(int seed, int count)
    {
        var rng = new Random(seed);
        var entries = new List<CraftedEntry>();
        for (var i = 0; i < count; i++)
        {
            var year = rng.Next(2024, 2031);
            var month = rng.Next(1, 13);
            var day = rng.Next(1, 100) < 5 ? rng.Next(29, 32) : rng.Next(1, 29);   // now and then a day the month does not have
            var date = (year * 10000) + (month * 100) + day;
            var type = rng.Next(100) switch { < 25 => 1, < 50 => 2, < 70 => 6, < 90 => 7, _ => rng.Next(10) };
            var fees = Enumerable.Range(0, rng.Next(1, 5)).Select(_ => new EntryFee(Classes[rng.Next(rng.Next(100) < 95 ? 5 : Classes.Length)],
                rng.Next(-100, 1_000_000))).ToArray();
            var entryNo = rng.Next(100) < 3 && entries.Count > 0
                ? entries[rng.Next(entries.Count)].EntryNumber                       // a duplicate entry number
                : Filers[rng.Next(Filers.Length)] + rng.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + "1";
            entries.Add(new CraftedEntry
            {
                EntryNumber = entryNo,
                Importer = Importers[rng.Next(Importers.Length)],
                EntryDate = date,
                PaymentType = type,
                StatementDate = type == 2 ? date + rng.Next(0, 40) : (rng.Next(10) == 0 ? 20260101 : 0),
                Duty = rng.NextInt64(-1_000, 50_000_000_000_00),
                S301 = rng.Next(3) == 0 ? rng.NextInt64(0, 1_000_000_00) : 0,
                S232 = rng.Next(5) == 0 ? rng.NextInt64(0, 1_000_000_00) : 0,
                Ieepa = rng.Next(4) == 0 ? rng.NextInt64(0, 1_000_000_00) : 0,
                S122 = rng.Next(8) == 0 ? rng.NextInt64(0, 1_000_000_00) : 0,
                Oth99 = rng.Next(8) == 0 ? rng.NextInt64(0, 1_000_000_00) : 0,
                Add = rng.Next(10) == 0 ? rng.NextInt64(0, 1_000_000_00) : 0,
                Cvd = rng.Next(10) == 0 ? rng.NextInt64(-1_000_000_00, 1_000_000_00) : 0,
                Fees = fees,
                Total = rng.NextInt64(-1_000_000, 99_999_999_999_99),
                Allocations = rng.Next(0, 3),
            });
        }
        return entries;
    }

    [Theory]
    [InlineData(1, 20260302)]
    [InlineData(2, 20281229)]
    [InlineData(3, 20300101)]
    [InlineData(4, 20240105)]
    public void Run_RandomDay_MatchesLegacy(int seed, int runDate)
        => Clv300Harness.Compare("RUNDATE=" + runDate.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n",
            EntcalcBuilder.Build(RandomEntries(seed, 600)));

    [Fact]
    public void Run_StatementOfMoreThan99999Entries_CountWrapsAndSpilledSortMatchesLegacy()
    {
        const int count = 100_003;
        var entries = Enumerable.Range(0, count).Select(i => new CraftedEntry
        {
            EntryNumber = "316" + (count - i).ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + "1",   // released in descending order
            EntryDate = 20260302,
            PaymentType = 7,
            Duty = 1_000_000_000 + i,
            Allocations = 0,
        });
        var entcalc = EntcalcBuilder.Build(entries);
        using var temp = new TempDir("clv300-big");
        var (legacyDir, oursDir) = Clv300Harness.TwoRunDirs(temp, "RUNDATE=20260302\n", entcalc);
        var legacy = Clv300Harness.RunLegacy(legacyDir, Clv300Harness.LegacyRef);
        var sortTemp = temp.Combine("sortwork");
        Directory.CreateDirectory(sortTemp);
        var ours = Clv300Harness.RunOurs(oursDir, Clv300Harness.LegacyRef, new Clv300Step { SortMemoryLimitBytes = 1 << 20, SortTempDirectory = sortTemp });

        ours.ShouldMatch(legacy);
        StatementHeaderRecord.Decode(legacy.Stmtout).EntryCount.Should().Be(count % 100_000, "SH-ENTRY-COUNT is PIC 9(05)");
        Directory.GetFiles(sortTemp).Should().BeEmpty("the sort's runs are deleted");
    }
}
