using System.Globalization;
using System.Text;
using Collections.Cobol.Intrinsics;
using Collections.Domain.Calendar;
using Collections.Testing;

namespace Collections.Domain.Tests.Calendar;

/// <summary>
/// <see cref="WorkingDayCalendar.AddWorkingDays"/> against the legacy's own paragraphs: 8200-ADD-WORKING-DAYS,
/// 8210-CHECK-WORKING-DAY and 8900-SET-RETURN-CODE are taken from CLV300.cbl as they are, with CLV300's working
/// storage and holiday-table load, compiled by cobc with the legacy's flags and run for thousands of (from-date,
/// count) pairs: random dates, every holiday and the days around it, weekends, impossible dates and the limits of
/// INTEGER-OF-DATE, counts 0-999. The warning switch is reset before each case, so each case reports its own first
/// date beyond the holiday table.
/// </summary>
public sealed class WorkingDayCalendarCobcTests
{
    private static string LegacySource => Path.Combine(RepoPaths.LegacyHome, "src", "CLV300.cbl");

    /// <summary>The paragraphs <paramref name="names"/> of CLV300.cbl, each up to the next paragraph or comment block.</summary>
    private static string Paragraphs(params string[] names)
    {
        var lines = File.ReadAllLines(LegacySource);
        var text = new StringBuilder();
        foreach (var name in names)
        {
            var start = Array.FindIndex(lines, l => l.Length > 7 && l[7..].StartsWith(name + ".", StringComparison.Ordinal));
            start.Should().BeGreaterThan(0, name + " is a paragraph of CLV300");
            for (var i = start; i < lines.Length; i++)
            {
                if (i > start && lines[i].Length > 7 && (lines[i][6] == '*' || lines[i][6] == '/' || (lines[i][7] != ' ' && lines[i][7..].TrimEnd().EndsWith('.')))) break;
                text.Append(lines[i]).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Program => """
               IDENTIFICATION DIVISION.
               PROGRAM-ID. WDPROBE.
               ENVIRONMENT DIVISION.
               INPUT-OUTPUT SECTION.
               FILE-CONTROL.
                   SELECT HOLIDAY-FILE ASSIGN TO HOLIDAY
                          ORGANIZATION IS LINE SEQUENTIAL
                          FILE STATUS IS WS-HOLIDAY-STATUS.
                   SELECT CASE-FILE ASSIGN TO CASES
                          ORGANIZATION IS LINE SEQUENTIAL
                          FILE STATUS IS WS-CASE-STATUS.
               DATA DIVISION.
               FILE SECTION.
               FD  HOLIDAY-FILE RECORD CONTAINS 50 CHARACTERS.
               01  HOLIDAY-RECORD.
                   05  HOL-DATE                PIC 9(08).
                   05  FILLER                  PIC X(42).
               FD  CASE-FILE RECORD CONTAINS 12 CHARACTERS.
               01  CASE-RECORD.
                   05  CASE-FROM               PIC 9(08).
                   05  FILLER                  PIC X(01).
                   05  CASE-COUNT              PIC 9(03).
               WORKING-STORAGE SECTION.
               01  WS-HOLIDAY-STATUS           PIC X(02).
                   88  WS-HOLIDAY-EOF                    VALUE '10'.
               01  WS-CASE-STATUS              PIC X(02).
                   88  WS-CASE-EOF                       VALUE '10'.
               01  WS-SWITCHES.
                   05  WS-WORKING-DAY-SW       PIC X(01) VALUE 'N'.
                       88  WS-IS-WORKING-DAY             VALUE 'Y'.
                       88  WS-NOT-WORKING-DAY            VALUE 'N'.
                   05  WS-HOL-RANGE-SW         PIC X(01) VALUE 'N'.
                       88  WS-HOL-RANGE-WARNED           VALUE 'Y'.
               01  WS-RETURN-CODE              PIC S9(04) COMP VALUE ZERO.
               01  WS-NEW-RC                   PIC S9(04) COMP VALUE ZERO.
               01  WS-HOL-COUNT                PIC S9(04) COMP VALUE 0.
               01  WS-PREV-HOL-DATE            PIC 9(08) VALUE ZERO.
               01  WS-HOL-LAST-YEAR            PIC 9(04) VALUE ZERO.
               01  WS-HOLIDAY-TABLE.
                   05  WS-HOL-ENTRY            OCCURS 1 TO 300 TIMES
                                               DEPENDING ON WS-HOL-COUNT
                                               ASCENDING KEY IS WS-HOL-DATE
                                               INDEXED BY HOL-IX.
                       10  WS-HOL-DATE         PIC 9(08).
               01  WS-WORKDAY-WORK.
                   05  WS-WD-FROM-DATE         PIC 9(08).
                   05  WS-WD-COUNT             PIC 9(03).
                   05  WS-WD-FOUND             PIC 9(03).
                   05  WS-WD-DAY-INT           PIC 9(07).
                   05  WS-WD-WEEKS             PIC 9(07).
                   05  WS-WD-DOW               PIC 9(01).
                   05  WS-WD-CHECK-DATE        PIC 9(08).
                   05  WS-WD-CHECK-DATE-R REDEFINES WS-WD-CHECK-DATE.
                       10  WS-WD-CHECK-YYYY    PIC 9(04).
                       10  FILLER              PIC 9(04).
                   05  WS-WD-RESULT-DATE       PIC 9(08).
               PROCEDURE DIVISION.
               0000-MAIN.
                   OPEN INPUT HOLIDAY-FILE
                   READ HOLIDAY-FILE
                   PERFORM UNTIL WS-HOLIDAY-EOF
                       MOVE HOL-DATE TO WS-PREV-HOL-DATE
                       ADD 1 TO WS-HOL-COUNT
                       MOVE HOL-DATE TO WS-HOL-DATE (WS-HOL-COUNT)
                       READ HOLIDAY-FILE
                   END-PERFORM
                   CLOSE HOLIDAY-FILE
                   MOVE WS-PREV-HOL-DATE(1:4) TO WS-HOL-LAST-YEAR
                   OPEN INPUT CASE-FILE
                   READ CASE-FILE
                   PERFORM UNTIL WS-CASE-EOF
                       MOVE 'N' TO WS-HOL-RANGE-SW
                       MOVE CASE-FROM TO WS-WD-FROM-DATE
                       MOVE CASE-COUNT TO WS-WD-COUNT
                       PERFORM 8200-ADD-WORKING-DAYS
                       DISPLAY 'R ' WS-WD-RESULT-DATE
                       READ CASE-FILE
                   END-PERFORM
                   CLOSE CASE-FILE
                   STOP RUN.

        """ + Paragraphs("8200-ADD-WORKING-DAYS", "8210-CHECK-WORKING-DAY", "8900-SET-RETURN-CODE");

    private static List<(int From, int Count)> Cases(WorkingDayCalendar calendar, int seed)
    {
        var rng = new Random(seed);
        var cases = new List<(int, int)>();
        static int Date(DateTime d) => (d.Year * 10000) + (d.Month * 100) + d.Day;
        foreach (var h in calendar.Holidays)
        {
            var d = new DateTime(h / 10000, h / 100 % 100, h % 100);
            for (var k = -16; k <= 2; k++) cases.Add((Date(d.AddDays(k)), rng.Next(0, 16)));
        }
        for (var i = 0; i < 1500; i++)
        {
            var d = new DateTime(2023, 1, 1).AddDays(rng.Next(0, 365 * 8));
            cases.Add((Date(d), rng.Next(100) < 90 ? rng.Next(0, 20) : rng.Next(0, 1000)));
        }
        int[] odd = [0, 1, 16010101, 16010102, 16001231, 20260230, 20250229, 20240229, 20261301, 20260001, 20260100, 99991231, 99991220, 99999999, 21000228, 20991231];
        foreach (var o in odd)
            foreach (var c in new[] { 0, 1, 5, 10, 11, 15, 999 }) cases.Add((o, c));
        return cases;
    }

    [Theory]
    [InlineData("legacy", 1)]
    [InlineData("short", 2)]
    public void AddWorkingDays_ManyDatesAndCounts_EqualLegacyParagraphs(string table, int seed)
    {
        if (!Cobc.IsAvailable) return;
        using var _ = HostileCulture.Enter();
        using var dir = new TempDir("wdcal");
        var holidayFile = dir.Combine("HOLIDAY.DAT");
        if (table == "legacy") File.Copy(Path.Combine(RepoPaths.LegacyHome, "ref", "HOLIDAY.DAT"), holidayFile);
        else File.WriteAllText(holidayFile, "20240704 X\n20250101 X\n20251225 X\n");   // ends in 2025: every later weekday is beyond the table
        var calendar = HolidayTableBuilder.Create(File.ReadAllLines(holidayFile).Select(l => int.Parse(l[..8], CultureInfo.InvariantCulture)));
        var cases = Cases(calendar, seed);
        File.WriteAllText(dir.Combine("CASES"), string.Concat(cases.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.From:D8} {c.Count:D3}\n"))));
        File.WriteAllText(dir.Combine("WDPROBE.cbl"), Program);
        var exe = Cobc.Compile(dir.Combine("WDPROBE.cbl"));
        var run = Cobc.Run(exe, [], dir.Path, new Dictionary<string, string> { ["DD_HOLIDAY"] = holidayFile, ["DD_CASES"] = dir.Combine("CASES"), ["COB_LS_NULLS"] = "FALSE" });
        run.ExitCode.Should().Be(0, run.StdErr);

        var expected = new StringBuilder();
        foreach (var (from, count) in cases)
        {
            var r = calendar.AddWorkingDays(from, count);
            if (r.WentBeyondHolidayTable) expected.Append(CultureInfo.InvariantCulture, $"CLV8211W DATE {r.FirstDateBeyondHolidayTable:D8} IS BEYOND THE HOLIDAY TABLE\n");
            expected.Append(CultureInfo.InvariantCulture, $"R {r.Date:D8}\n");
        }
        run.StdOut.Should().Be(expected.ToString());
        cases.Should().Contain(c => IntegerDate.IntegerOfDate(c.From) == 0, "impossible dates are among the cases");
    }
}
