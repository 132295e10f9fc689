using Collections.Testing;

namespace Collections.Legacy.Tests.Clv200Parity;

/// <summary>
/// Differential tests: crafted LINECALC days that reach every branch of CLV200, run through the real legacy
/// program and through our step; ENTCALC, the CTLTOTS lines, the sysout and the RC must be identical.
/// </summary>
public class Clv200CraftedDayTests
{
    private const string Card = "RUNDATE=20260302\n";
    private static int _seq;

    private static string NextEntry() => "T01" + Interlocked.Increment(ref _seq).ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + "0";

    /// <summary>One entry per scenario; every entry's lines share its entry number and header.</summary>
    private static IEnumerable<CraftedLine> Entry(CraftedLine header, params CraftedLine[] lines)
    {
        var entry = NextEntry();
        if (lines.Length == 0) lines = [header];
        for (var i = 0; i < lines.Length; i++)
        {
            yield return lines[i] with
            {
                EntryNumber = entry,
                LineNumber = i + 1,
                EntryType = header.EntryType,
                Port = header.Port,
                EntryDate = header.EntryDate,
                TransportMode = header.TransportMode,
                Manual = header.Manual,
            };
        }
    }

    private static CraftedLine L(long usd = 1_000_000, long? raw = null) => new() { EntryNumber = "", UsdValue = usd, RawMpf = raw };

    /// <summary>MPF at, under and over the fiscal-year minimum and maximum, both sides of Oct 1.</summary>
    public static IEnumerable<CraftedLine> MpfLimitDay()
    {
        var fy26 = L() with { EntryDate = 20260302 };
        var fy25 = L() with { EntryDate = 20250930 };
        var oct1 = L() with { EntryDate = 20251001 };
        long[] fy26Raws = [3357499, 3357500, 3358499, 3358500, 65149499, 65149500, 65150499, 65150500, 0, 1];
        long[] fy25Raws = [3270499, 3270500, 3271500, 63462499, 63462500, 63462501, 63463000, 3300000];
        foreach (var raw in fy26Raws) foreach (var l in Entry(fy26, L(raw: raw))) yield return l;
        foreach (var raw in fy25Raws) foreach (var l in Entry(fy25, L(raw: raw))) yield return l;
        foreach (var raw in new long[] { 3300000, 3357500, 3270500 }) foreach (var l in Entry(oct1, L(raw: raw))) yield return l;
        // several lines: the rounded sum, not the sum of rounded lines
        foreach (var l in Entry(fy26, L(raw: 1000004), L(raw: 1000004), L(raw: 1357492))) yield return l;
    }

    /// <summary>Proration: remainder to the last liable line; exempt lines in between; zero liable value.</summary>
    public static IEnumerable<CraftedLine> ProrationDay()
    {
        var h = L();
        IEnumerable<CraftedLine>[] entries =
        [
            Entry(h, L(10_000), L(20_000), L(30_001)),
            Entry(h, L(33_333_333), L(33_333_333), L(33_333_334)),
            Entry(h, L(1), L(99_999_999), L(7)),
            Entry(h, L(123_456_78), L(9_876_54) with { Spi = "S " }, L(555_555_55), L(3_00) with { Hts = "9801001000" }),
            Entry(h, L(500_000_00), L(1_00), L(2_00), L(3_00), L(4_00), L(5_00), L(6_00)),
            // zero liable value: the share is a zero divide (WS-AL-AMOUNT keeps the previous value)
            Entry(h, L(0), L(0), L(0)),
            Entry(h, L(0)),
            Entry(h, L(0), L(0)),
        ];
        return entries.SelectMany(e => e);
    }

    /// <summary>MPF liability: exempt and non-exempt SPIs, unknown SPI, Chapter 98 headings, informal and manual entries.</summary>
    public static IEnumerable<CraftedLine> LiabilityDay()
    {
        var h = L();
        IEnumerable<CraftedLine>[] entries =
        [
            Entry(h, L() with { Spi = "S " }, L() with { Spi = "A " }, L() with { Spi = "JO" }, L() with { Spi = "ZZ" }, L() with { Spi = "A+" }),
            Entry(h, L() with { Spi = "S " }, L() with { Spi = "CA" }),
            Entry(h, L() with { Hts = "9801001000" }, L() with { Hts = "9802006000" }, L() with { Hts = "9802008000" }, L() with { Hts = "9802004000" }),
            Entry(h, L() with { Spi = "P+" }),
            Entry(h with { EntryType = "11" }),
            Entry(h with { EntryType = "12", Manual = 'Y' }, L(), L()),
            Entry(h with { Manual = 'Y' }),
            Entry(h with { EntryType = "11", EntryDate = 20250930 }),
            Entry(h with { EntryType = "02", Manual = 'Y', EntryDate = 20250930 }),
            Entry(h with { EntryType = "11", Manual = 'Y', EntryDate = 20261001 }),
            Entry(h, L() with { Status = 'W' }, L() with { Status = 'R' }),
            Entry(h, L() with { Status = 'R' }, L() with { Status = 'R' }),
            Entry(h, L() with { Status = 'X' }),
        ];
        return entries.SelectMany(e => e);
    }

    /// <summary>HMF: vessel at HMF and non-HMF ports, non-vessel, the $3 rule at 2.99/3.00/3.005/3.01 with and without other amounts.</summary>
    public static IEnumerable<CraftedLine> HmfDay()
    {
        var vessel = L() with { TransportMode = 10, Port = "1001" };
        var noDuty = new List<IEnumerable<CraftedLine>>
        {
            Entry(vessel, L(1_000_000_00)),
            Entry(vessel with { TransportMode = 11 }, L(1_000_000_00)),
            Entry(vessel with { Port = "3901" }, L(1_000_000_00)),
            Entry(vessel with { TransportMode = 40 }, L(1_000_000_00)),
            Entry(vessel with { TransportMode = 12 }, L(1_000_000_00)),
        };
        foreach (var usd in new long[] { 2_392_00, 2_396_00, 2_400_00, 2_403_99, 2_404_00, 2_408_00, 1_00, 0 })
        {
            noDuty.Add(Entry(vessel, L(usd)));
            noDuty.Add(Entry(vessel, L(usd) with { Duty = 1 }));
            noDuty.Add(Entry(vessel, L(usd) with { Cotton = 1 }));
            noDuty.Add(Entry(vessel, L(usd) with { AdcvdType = 'A', Adcvd = 5 }));
            noDuty.Add(Entry(vessel, L(usd) with { AdcvdType = 'C', Adcvd = 5 }));
            noDuty.Add(Entry(vessel, L(usd) with { Chapter99 = [("IEP", 'Y', 7)] }));
            noDuty.Add(Entry(vessel, L(usd) with { Chapter99 = [("IEP", 'N', 7)] }));
            noDuty.Add(Entry(vessel with { Manual = 'Y' }, L(usd)));
            noDuty.Add(Entry(vessel with { EntryType = "11" }, L(usd)));
            noDuty.Add(Entry(vessel, L(usd) with { Spi = "S " }));
        }
        noDuty.Add(Entry(vessel, L(1_200_00), L(1_200_00)));
        return noDuty.SelectMany(e => e);
    }

    /// <summary>Totals by category: duty, every Chapter 99 class, AD/CVD, cotton; several fees in one record.</summary>
    public static IEnumerable<CraftedLine> TotalsDay()
    {
        var h = L() with { TransportMode = 11, Port = "2704", Manual = 'Y' };
        IEnumerable<CraftedLine>[] entries =
        [
            Entry(h,
                L(1_234_567_89) with { Duty = 12_345_67, Chapter99 = [("301", 'Y', 1_000_00), ("232", 'Y', 2_000_00), ("IEP", 'Y', 3_000_00)], Cotton = 12_34 },
                L(2_345_67) with { Chapter99 = [("122", 'Y', 4_00), ("9XX", 'Y', 5_00), ("301", 'N', 6_00)], AdcvdType = 'A', Adcvd = 7_00 },
                L(3_456_78) with { AdcvdType = 'C', Adcvd = 8_00, Cotton = 1_00 },
                L(4_567_89) with { AdcvdType = ' ', Adcvd = 9_00, Spi = "S " }),
            Entry(h with { EntryType = "11" }, L(2_000_00) with { Cotton = 5_55, Duty = 1_11 }),
            Entry(h, L(99_999_999_999_99) with { Duty = 99_999_999_999_99 }, L(99_999_999_999_99) with { Duty = 99_999_999_999_99 }),
        ];
        return entries.SelectMany(e => e);
    }

    public static TheoryData<string> Days => new() { nameof(MpfLimitDay), nameof(ProrationDay), nameof(LiabilityDay), nameof(HmfDay), nameof(TotalsDay) };

    private static IEnumerable<CraftedLine> DayByName(string name) => name switch
    {
        nameof(MpfLimitDay) => MpfLimitDay(),
        nameof(ProrationDay) => ProrationDay(),
        nameof(LiabilityDay) => LiabilityDay(),
        nameof(HmfDay) => HmfDay(),
        nameof(TotalsDay) => TotalsDay(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void Run_CraftedDay_MatchesLegacy(string day)
    {
        using var temp = new TempDir();
        var (legacyDir, oursDir) = Clv200Harness.TwoRunDirs(temp, Card, LinecalcBuilder.Build(DayByName(day)), "PRIOR STEP LINE\n");

        var legacy = Clv200Harness.RunLegacy(legacyDir, Clv200Harness.LegacyRef);
        var ours = Clv200Harness.RunOurs(oursDir, Clv200Harness.LegacyRef);

        legacy.Entcalc.Should().NotBeNull();
        ours.ShouldMatch(legacy);
    }
}
