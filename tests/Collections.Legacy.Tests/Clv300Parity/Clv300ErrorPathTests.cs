using System.Globalization;
using Collections.Legacy.Clv300;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv300Parity;

/// <summary>
/// Differential tests of CLV300's error paths: control card, holiday table (empty, invalid, out of sequence, full,
/// ending early), missing or unwritable files, damaged ENTCALC. Same messages, same outputs, same RC as the legacy.
/// </summary>
public class Clv300ErrorPathTests
{
    private static readonly byte[] Day = EntcalcBuilder.Build(
    [
        new CraftedEntry { EntryNumber = "31600000011", PaymentType = 1, EntryDate = 20260227 },
        new CraftedEntry { EntryNumber = "31600000021", PaymentType = 2, EntryDate = 20260227, StatementDate = 20260320 },
        new CraftedEntry { EntryNumber = "31600000031", PaymentType = 6, EntryDate = 20261228 },
        new CraftedEntry { EntryNumber = "31600000041", PaymentType = 7, EntryDate = 20270105 },
    ]);

    private static void Compare(string sysin, byte[] entcalc, Action<string>? editRef = null, Action<string>? editRunDir = null,
        Func<string, Dictionary<string, string>>? legacyDds = null, Func<Clv300Files, Clv300Files>? ourFiles = null, bool outputsToo = true)
    {
        using var temp = new TempDir("clv300-err");
        var refDir = temp.Combine("ref");
        Directory.CreateDirectory(refDir);
        foreach (var f in Directory.GetFiles(Clv300Harness.LegacyRef)) File.Copy(f, Path.Combine(refDir, Path.GetFileName(f)));
        editRef?.Invoke(refDir);
        var (legacyDir, oursDir) = Clv300Harness.TwoRunDirs(temp, sysin, entcalc, "EARLIER STEP\n");
        editRunDir?.Invoke(legacyDir);
        editRunDir?.Invoke(oursDir);

        var legacy = Clv300Harness.RunLegacy(legacyDir, refDir, legacyDds?.Invoke(legacyDir));
        var ours = Clv300Harness.RunOurs(oursDir, refDir, edit: ourFiles);

        if (outputsToo) ours.ShouldMatch(legacy);
        else
        {
            ours.Sysout.Should().Be(legacy.Sysout);
            ours.ReturnCode.Should().Be(legacy.ReturnCode);
        }
    }

    [Theory]
    [InlineData("RUNDATE=19900000\n")]
    [InlineData("RUNDATE=21000000\n")]
    [InlineData("RUNDATE=2026030X\n")]
    [InlineData("RUNDATE 20260302\n")]
    [InlineData("rundate=20260302\n")]
    [InlineData("")]
    [InlineData("RUNDATE=2026\r\n")]
    [InlineData("RUNDATE=20260302\r\n")]
    [InlineData("RUNDATE=2026\tX\n")]
    [InlineData("\nRUNDATE=20260302\n")]
    [InlineData("RUNDATE=20991231 AND A LONG TAIL ON THE CARD THAT GOES BEYOND EIGHTY CHARACTERS OF THE CONTROL CARD\n")]
    public void Run_ControlCard_MatchesLegacy(string card) => Compare(card, Day);

    [Theory]
    [InlineData("")]                                                  // empty
    [InlineData("\n")]                                                // a blank record, then empty
    [InlineData("20240101 NEW YEARS DAY\n2024011X BAD DATE\n")]       // not numeric
    [InlineData("20240101 A\n20240101 DUPLICATE\n")]                  // not ascending
    [InlineData("20240102 A\n20240101 DESCENDING\n")]
    [InlineData("00000000 ZERO\n")]                                   // not later than 0
    [InlineData("20240101 A VERY LONG HOLIDAY NAME THAT RUNS FAR BEYOND THE FIFTY BYTES OF THE RECORD\n2024010\n")]
    [InlineData("20240101 CRLF\r\n20240102 CRLF\r\n")]
    [InlineData("20260101 ONLY 2026\n20260703 INDEPENDENCE DAY\n")]   // table ends in 2026: 2027 dates warn
    public void Run_HolidayTable_MatchesLegacy(string table)
        => Compare("RUNDATE=20260302\n", Day, refDir => File.WriteAllText(Path.Combine(refDir, "HOLIDAY.DAT"), table));

    private static string Dates(int count, int first = 0) => string.Concat(Enumerable.Range(first, count)
        .Select(i => new DateTime(2020, 1, 1).AddDays(i).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + " DAY\n"));

    [Theory]
    [InlineData(300)]   // the most it holds
    [InlineData(301)]   // CLV3303E
    public void Run_HolidayTableCapacity_MatchesLegacy(int count)
        => Compare("RUNDATE=20260302\n", Day, refDir => File.WriteAllText(Path.Combine(refDir, "HOLIDAY.DAT"), Dates(count, first: 2200)));

    [Fact]
    public void Run_HolidayTableFullAndOutOfSequenceAt301_ReportsSequenceFirstLikeLegacy()
        => Compare("RUNDATE=20260302\n", Day, refDir => File.WriteAllText(Path.Combine(refDir, "HOLIDAY.DAT"), Dates(300, first: 2200) + "20200101 EARLY\n"));

    [Fact]
    public void Run_MissingEntcalc_Rc16LikeLegacy()
        => Compare("RUNDATE=20260302\n", Day, editRunDir: dir => File.Delete(Path.Combine(dir, "ENTCALC")));

    [Fact]
    public void Run_MissingHolidayTable_Rc16LikeLegacy()
        => Compare("RUNDATE=20260302\n", Day, refDir => File.Delete(Path.Combine(refDir, "HOLIDAY.DAT")));

    [Fact]
    public void Run_BadCardAndMissingEntcalc_Rc16LikeLegacy()
        => Compare("RUNDATE=X\n", Day, editRunDir: dir => File.Delete(Path.Combine(dir, "ENTCALC")));

    [Theory]
    [InlineData("STMTOUT")]
    [InlineData("STMTDTL")]
    [InlineData("CTLTOTS")]
    public void Run_OutputInMissingFolder_Rc16LikeLegacy(string dd)
        => Compare("RUNDATE=20260302\n", Day,
            legacyDds: dir => new() { [dd] = Path.Combine(dir, "missing", dd) },
            ourFiles: f => dd switch
            {
                "STMTOUT" => f with { Stmtout = Path.Combine(Path.GetDirectoryName(f.Stmtout)!, "missing", dd) },
                "STMTDTL" => f with { Stmtdtl = Path.Combine(Path.GetDirectoryName(f.Stmtdtl)!, "missing", dd) },
                _ => f with { Ctltots = Path.Combine(Path.GetDirectoryName(f.Ctltots)!, "missing", dd) },
            });

    /// <summary>
    /// A full device: libcob reports the first WRITE of STMTDTL or STMTOUT (status 34, RC 16); CTLTOTS (line
    /// sequential, buffered) fails only at CLOSE, which CLV300 does not check (RC 0). The partial outputs differ
    /// (the port buffers its records, see docs/deviations.md), so only the messages and RC are compared.
    /// </summary>
    [Theory]
    [InlineData("STMTDTL")]
    [InlineData("STMTOUT")]
    [InlineData("CTLTOTS")]
    public void Run_OutputOnFullDevice_SameMessagesAndRc(string dd)
    {
        if (!File.Exists("/dev/full")) return;
        Compare("RUNDATE=20260302\n", Day,
            legacyDds: _ => new() { [dd] = "/dev/full" },
            ourFiles: f => dd switch
            {
                "STMTOUT" => f with { Stmtout = "/dev/full" },
                "STMTDTL" => f with { Stmtdtl = "/dev/full" },
                _ => f with { Ctltots = "/dev/full" },
            },
            outputsToo: false);
    }

    [Theory]
    [InlineData(1)]     // one byte of a length prefix: status 30
    [InlineData(3)]     // three bytes: status 30
    [InlineData(4)]     // a prefix without its record: status 04
    [InlineData(40)]    // part of a record: status 04
    public void Run_EntcalcCutShort_Rc16LikeLegacy(int extraBytes)
    {
        var next = EntcalcBuilder.Build([new CraftedEntry { EntryNumber = "31600000099" }]);
        Compare("RUNDATE=20260302\n", [.. Day, .. next.AsSpan(0, extraBytes)]);
    }

    [Fact]
    public void Run_InvalidPackedAmountInEntcalc_StopsWithRc16NamingTheField()
    {
        var bad = (byte[])Day.Clone();
        bad[4 + 70 + 6] = 0x0A;   // the sign nibble of ECT-DUTY-AMT of the first E record
        using var temp = new TempDir("clv300-bad");
        var (_, ours) = Clv300Harness.TwoRunDirs(temp, "RUNDATE=20260302\n", bad);
        var diagnostics = new StringWriter();
        var sysout = new StringWriter();
        var rc = new Clv300Step().Run(Clv300Files.ForCycle(ours, Clv300Harness.LegacyRef), sysout, diagnostics);
        rc.Should().Be(16);
        sysout.ToString().Should().Contain("CLV9901E FILE ERROR DD=ENTCALC  OPERATION=READ     STATUS=34\n");
        diagnostics.ToString().Should().Contain("ECT-DUTY-AMT").And.Contain("record 1");
    }

    [Fact]
    public void Run_PeriodicEntryWithMonth13_StopsWithRc16NamingTheDate()
    {
        using var temp = new TempDir("clv300-bad");
        var (_, ours) = Clv300Harness.TwoRunDirs(temp, "RUNDATE=20260302\n",
            EntcalcBuilder.Build([new CraftedEntry { EntryNumber = "31600000011", PaymentType = 7, EntryDate = 20261301 }]));
        var diagnostics = new StringWriter();
        var rc = new Clv300Step().Run(Clv300Files.ForCycle(ours, Clv300Harness.LegacyRef), new StringWriter(), diagnostics);
        rc.Should().Be(16);
        diagnostics.ToString().Should().Contain("20261301");
    }
}
