using Collections.Testing;

namespace Collections.Legacy.Tests.Clv200Parity;

/// <summary>
/// Differential tests of CLV200's error paths: control card, reference tables, LINECALC sequence and length, fee
/// schedule gaps, missing files. Same messages, same outputs written (or not), same RC as the legacy program.
/// </summary>
public class Clv200ErrorPathTests
{
    private static CraftedLine Line(string entry, int line = 1, int date = 20260302) => new() { EntryNumber = entry, LineNumber = line, EntryDate = date };

    private static readonly byte[] TwoEntries = LinecalcBuilder.Build([Line("E0000000010"), Line("E0000000010", 2), Line("E0000000020")]);

    private static void Compare(string sysin, byte[] linecalc, Action<string>? editRef = null, Action<string>? editRunDir = null)
    {
        using var temp = new TempDir();
        var refDir = temp.Combine("ref");
        Directory.CreateDirectory(refDir);
        foreach (var f in Directory.GetFiles(Clv200Harness.LegacyRef)) File.Copy(f, Path.Combine(refDir, Path.GetFileName(f)));
        editRef?.Invoke(refDir);
        var (legacyDir, oursDir) = Clv200Harness.TwoRunDirs(temp, sysin, linecalc, "EARLIER STEP\n");
        editRunDir?.Invoke(legacyDir);
        editRunDir?.Invoke(oursDir);

        var legacy = Clv200Harness.RunLegacy(legacyDir, refDir);
        var ours = Clv200Harness.RunOurs(oursDir, refDir);

        ours.ShouldMatch(legacy);
    }

    [Theory]
    [InlineData("RUNDATE=19891231\n")]
    [InlineData("RUNDATE=2026030X\n")]
    [InlineData("RUNDATE 20260302\n")]
    [InlineData("")]
    [InlineData("RUNDATE=21000000 TRAILING TEXT ON THE CARD\n")]
    [InlineData("RUNDATE=2026030\r\n")]          // ACCEPT keeps the CR: it is the eighth date byte, and the message shows it
    [InlineData("RUNDATE=2026\r0302\n")]
    [InlineData("RUNDATE=20260302\r\n")]         // valid: the CR is after the date
    [InlineData("RUNDATE=2026\r\n")]
    [InlineData("RUNDATE=2026\tX\n")]
    public void Run_InvalidControlCard_Rc8LikeLegacy(string card) => Compare(card, TwoEntries);

    [Fact]
    public void Run_LinecalcOutOfSequence_StopsWithRc8LikeLegacy()
        => Compare("RUNDATE=20260302\n", LinecalcBuilder.Build([Line("E0000000020"), Line("E0000000020", 2), Line("E0000000010"), Line("E0000000030")]));

    [Fact]
    public void Run_DuplicateLineKey_StopsWithRc8LikeLegacy()
        => Compare("RUNDATE=20260302\n", LinecalcBuilder.Build([Line("E0000000010"), Line("E0000000020"), Line("E0000000020")]));

    [Theory]
    [InlineData(20220930)]
    [InlineData(19990101)]
    public void Run_NoFeeScheduleForEntryDate_StopsWithRc8LikeLegacy(int date)
        => Compare("RUNDATE=20260302\n", LinecalcBuilder.Build([Line("E0000000010"), Line("E0000000020", 1, date), Line("E0000000030")]));

    [Fact]
    public void Run_FeeClassMissingOnlyForHmf_StopsWithRc8LikeLegacy()
        => Compare("RUNDATE=20260302\n", TwoEntries, refDir =>
        {
            var fees = Path.Combine(refDir, "FEES.DAT");
            File.WriteAllLines(fees, File.ReadAllLines(fees).Where(l => !l.StartsWith("501", StringComparison.Ordinal)));
        });

    [Fact]
    public void Run_EmptyLinecalc_WritesZeroTotalsLikeLegacy() => Compare("RUNDATE=20260302\n", []);

    [Fact]
    public void Run_LinecalcWithPartialLastRecord_AbendsLikeLegacy()
        => Compare("RUNDATE=20260302\n", [.. TwoEntries, .. new byte[100]]);

    [Theory]
    [InlineData("FEES.DAT", "499 20261001 99999999 R 0003464 0003458 0067086 00000X0 MPF FORMAL ENTRY")]
    [InlineData("FEES.DAT", "000 20261001 99999999 R 0003464 0003458 0067086 0000000 OUT OF SEQUENCE")]
    [InlineData("FEES.DAT", "501 1991010 99999999 R 0001250 0000000 0000000 0000000 SHORT DATE")]
    [InlineData("SPI.DAT", "A  N OUT OF SEQUENCE")]
    [InlineData("HMFPORT.DAT", "12X4 NOT NUMERIC")]
    [InlineData("HMFPORT.DAT", "0401 DUPLICATE")]
    public void Run_BadReferenceRecord_Rc8LikeLegacy(string table, string appended)
        => Compare("RUNDATE=20260302\n", TwoEntries, refDir => File.AppendAllText(Path.Combine(refDir, table), appended + "\n"));

    [Theory]
    [InlineData("FEES.DAT")]
    [InlineData("SPI.DAT")]
    [InlineData("HMFPORT.DAT")]
    public void Run_EmptyReferenceTable_Rc8LikeLegacy(string table)
        => Compare("RUNDATE=20260302\n", TwoEntries, refDir => File.WriteAllBytes(Path.Combine(refDir, table), []));

    [Fact]
    public void Run_TooManyHmfPorts_TableFullLikeLegacy()
        => Compare("RUNDATE=20260302\n", TwoEntries, refDir =>
            File.WriteAllLines(Path.Combine(refDir, "HMFPORT.DAT"), Enumerable.Range(1000, 201).Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture) + " PORT")));

    [Fact]
    public void Run_AllThreeTablesBad_EveryTableReportsLikeLegacy()
        => Compare("RUNDATE=20260302\n", TwoEntries, refDir =>
        {
            File.AppendAllText(Path.Combine(refDir, "FEES.DAT"), "000 X\n");
            File.AppendAllText(Path.Combine(refDir, "SPI.DAT"), "AA Y\n");
            File.WriteAllBytes(Path.Combine(refDir, "HMFPORT.DAT"), []);
        });

    [Theory]
    [InlineData("HMFPORT.DAT")]
    [InlineData("SPI.DAT")]
    [InlineData("FEES.DAT")]
    public void Run_MissingReferenceFile_Rc16LikeLegacy(string table)
        => Compare("RUNDATE=20260302\n", TwoEntries, refDir => File.Delete(Path.Combine(refDir, table)));

    [Fact]
    public void Run_MissingLinecalc_Rc16LikeLegacy()
        => Compare("RUNDATE=20260302\n", TwoEntries, editRunDir: dir => File.Delete(Path.Combine(dir, "LINECALC")));

    [Fact]
    public void Run_NoCtltotsYet_CreatesItLikeLegacy()
        => Compare("RUNDATE=20260302\n", TwoEntries, editRunDir: dir => File.Delete(Path.Combine(dir, "CTLTOTS")));
}
