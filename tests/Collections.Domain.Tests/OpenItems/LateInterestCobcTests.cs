using System.Globalization;
using System.Text;
using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;
using Collections.Testing;

namespace Collections.Domain.Tests.OpenItems;

/// <summary>
/// <see cref="LateInterestCalculator"/> against GnuCOBOL: a generated program made of CLV400's own declarations
/// (WS-INTEREST-TABLE, WS-INTEREST-WORK, the switches and return codes) and its own paragraphs 8500, 8510 and 8900,
/// copied from the legacy source, computes many principals over many date spans (days, months, years, across rate
/// changes, before the table starts, dates that are not dates) one after the other, so the kept rate range flows
/// from case to case as in a run. Interest, factor, kept range and every CLV8511E message must agree.
/// </summary>
public class LateInterestCobcTests
{
    private static string LegacySource => Path.Combine(RepoPaths.LegacyHome, "src", "CLV400.cbl");

    private static string IntrateFile => Path.Combine(RepoPaths.LegacyHome, "ref", "INTRATE.DAT");

    /// <summary>The 01-level item <paramref name="name"/> of the legacy source with its subordinate lines.</summary>
    private static IEnumerable<string> Item(string[] lines, string name)
    {
        var start = Array.FindIndex(lines, l => l.Length > 7 && l[7..].TrimStart().StartsWith("01  " + name, StringComparison.Ordinal));
        if (start < 0) throw new InvalidOperationException(name + " not found in CLV400.cbl");
        yield return lines[start];
        for (var i = start + 1; i < lines.Length; i++)
        {
            var body = lines[i].Length > 7 ? lines[i][7..].TrimStart() : "";
            if (lines[i].Length > 6 && lines[i][6] == '*') yield break;
            if (body.StartsWith("01 ", StringComparison.Ordinal) || body.StartsWith("PROCEDURE", StringComparison.Ordinal)) yield break;
            yield return lines[i];
        }
    }

    /// <summary>The legacy's paragraphs from <paramref name="first"/> up to (not including) <paramref name="next"/>.</summary>
    private static IEnumerable<string> Paragraphs(string[] lines, string first, string next)
    {
        static bool Header(string l, string p) => l.Length > 7 && l[7..].StartsWith(p + ".", StringComparison.Ordinal);
        var start = Array.FindIndex(lines, l => Header(l, first));
        var end = Array.FindIndex(lines, start, l => Header(l, next));
        return lines[start..end].Where(l => l.Length < 7 || l[6] != '/');
    }

    private static string Program()
    {
        var src = File.ReadAllLines(LegacySource, Encoding.Latin1);
        var sb = new StringBuilder();
        void L(string s) => sb.Append("       ").Append(s).Append('\n');
        L("IDENTIFICATION DIVISION.");
        L("PROGRAM-ID. INTPROBE.");
        L("ENVIRONMENT DIVISION.");
        L("INPUT-OUTPUT SECTION.");
        L("FILE-CONTROL.");
        L("    SELECT CASE-FILE ASSIGN TO CASES");
        L("           ORGANIZATION LINE SEQUENTIAL.");
        L("    SELECT INTRATE-FILE ASSIGN TO INTRATE");
        L("           ORGANIZATION LINE SEQUENTIAL.");
        L("DATA DIVISION.");
        L("FILE SECTION.");
        L("FD  CASE-FILE.");
        L("01  CASE-REC.");
        L("    05  C-PRINCIPAL PIC S9(11)V99 SIGN LEADING SEPARATE.");
        L("    05  C-FROM      PIC 9(08).");
        L("    05  C-TO        PIC 9(08).");
        L("FD  INTRATE-FILE RECORD CONTAINS 40 CHARACTERS.");
        L("    COPY REFINTR.");
        L("WORKING-STORAGE SECTION.");
        L("01  EOF-SW                   PIC X VALUE 'N'.");
        L("01  OUT-AMT                  PIC S9(09)V99 SIGN LEADING SEPARATE.");
        foreach (var name in new[] { "WS-SWITCHES", "WS-RETURN-CODE", "WS-NEW-RC", "WS-INT-MAX", "WS-INT-COUNT", "WS-INTEREST-TABLE", "WS-INTEREST-WORK" })
            foreach (var line in Item(src, name)) sb.Append(line).Append('\n');
        L("PROCEDURE DIVISION.");
        L("    OPEN INPUT INTRATE-FILE");
        L("    PERFORM UNTIL EOF-SW = 'Y'");
        L("      READ INTRATE-FILE AT END MOVE 'Y' TO EOF-SW");
        L("      NOT AT END");
        L("        ADD 1 TO WS-INT-COUNT");
        L("        MOVE INT-EFF-DATE TO WS-INT-EFF-DATE (WS-INT-COUNT)");
        L("        MOVE INT-END-DATE TO WS-INT-END-DATE (WS-INT-COUNT)");
        L("        MOVE INT-UNDERPAY-RATE");
        L("          TO WS-INT-UNDER-RATE (WS-INT-COUNT)");
        L("      END-READ");
        L("    END-PERFORM");
        L("    CLOSE INTRATE-FILE");
        L("    MOVE 99999999 TO WS-INT-RATE-EFF");
        L("    MOVE ZERO     TO WS-INT-RATE-END");
        L("    MOVE 'N' TO EOF-SW");
        L("    OPEN INPUT CASE-FILE");
        L("    PERFORM UNTIL EOF-SW = 'Y'");
        L("      READ CASE-FILE AT END MOVE 'Y' TO EOF-SW");
        L("      NOT AT END");
        L("        MOVE C-PRINCIPAL TO WS-INT-PRINCIPAL");
        L("        MOVE C-FROM TO WS-INT-FROM-DATE");
        L("        MOVE C-TO TO WS-INT-TO-DATE");
        L("        PERFORM 8500-COMPUTE-INTEREST");
        L("        MOVE WS-INTEREST-AMT TO OUT-AMT");
        L("        DISPLAY 'I ' OUT-AMT ' ' WS-INT-FACTOR ' '");
        L("                WS-INT-RATE-EFF ' ' WS-INT-RATE-END ' '");
        L("                WS-INT-ANNUAL-RATE");
        L("      END-READ");
        L("    END-PERFORM");
        L("    CLOSE CASE-FILE");
        L("    MOVE WS-RETURN-CODE TO RETURN-CODE");
        L("    STOP RUN.");
        foreach (var line in Paragraphs(src, "8500-COMPUTE-INTEREST", "8600-WRITE-CONTROL-TOTAL")) sb.Append(line).Append('\n');
        foreach (var line in Paragraphs(src, "8900-SET-RETURN-CODE", "9000-TERMINATE")) sb.Append(line).Append('\n');
        return sb.ToString();
    }

    private static List<InterestRate> Table(string intrateFile) =>
        [.. File.ReadAllLines(intrateFile).Where(l => l.Length >= 23).Select(l => new InterestRate(
            int.Parse(l[..8], CultureInfo.InvariantCulture), int.Parse(l.Substring(9, 8), CultureInfo.InvariantCulture),
            int.Parse(l.Substring(18, 5), CultureInfo.InvariantCulture)))];

    private sealed record Case(long PrincipalCents, string From, string To);

    private static List<Case> Cases(int seed, int count)
    {
        var rng = new Random(seed);
        var cases = new List<Case>();
        var start = new DateOnly(2022, 6, 1);
        string D(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            long principal = rng.Next(6) switch
            {
                0 => rng.Next(1, 100),
                1 => rng.NextInt64(1, 100_000_00),
                2 => rng.NextInt64(1, 99_999_999_999_99),
                3 => -rng.NextInt64(1, 1_000_000_00),
                4 => 0,
                _ => rng.NextInt64(1, 10_000_000_00),
            };
            var from = start.AddDays(rng.Next(0, 2000));
            var span = rng.Next(5) switch { 0 => rng.Next(-3, 3), 1 => rng.Next(0, 40), 2 => rng.Next(30, 400), 3 => rng.Next(300, 1500), _ => rng.Next(0, 120) };
            cases.Add(new Case(principal, D(from), D(from.AddDays(span))));
        }
        cases.Add(new Case(1_000_00, "        ", "20260303"));
        cases.Add(new Case(1_000_00, "2026AB01", "20260303"));
        cases.Add(new Case(5_000_00, "20261231", "20300101"));
        cases.Add(new Case(5_000_00, "20221001", "20221001"));
        return cases;
    }

    private static string Point(string digits, int scale) => digits[..^scale] + "." + digits[^scale..];

    private static string CaseLine(Case c) =>
        (c.PrincipalCents < 0 ? "-" : "+") + Math.Abs(c.PrincipalCents).ToString("D13", CultureInfo.InvariantCulture) + c.From + c.To;

    [Theory]
    [InlineData(1, 120)]
    [InlineData(2, 120)]
    public void Compute_ManyPrincipalsAndSpans_EqualsCobc(int seed, int count) => CompareWithCobc(Cases(seed, count), IntrateFile, Table(IntrateFile));

    /// <summary>
    /// Rates at the ends of WS-INT-UNDER-RATE (00.000, 00.001, 99.999) and random ones, quarters with gaps, spans of up
    /// to 25 years (the factor passes 999.9999999999 and loses its high-order digits): the integer form of the daily
    /// multiplication and the decimal reference both against cobc.
    /// </summary>
    [Theory]
    [InlineData(3, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Compute_ExtremeRatesAndLongSpans_EqualsCobc(int seed, bool decimalReference)
    {
        using var temp = new TempDir();
        var rng = new Random(seed);
        var lines = new List<string>();
        var start = new DateOnly(2000, 1, 1);
        string D(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        for (var q = 0; q < 120; q++)
        {
            var end = start.AddMonths(3).AddDays(-1);
            var rate = rng.Next(6) switch { 0 => 99_999, 1 => 0, 2 => 1, _ => rng.Next(0, 100_000) };
            if (rng.Next(10) > 0)   // one quarter in ten left out: days without a rate
                lines.Add(FormattableString.Invariant($"{D(start)} {D(end)} {rate:D5} {rate:D5} TEST"));
            start = end.AddDays(1);
        }
        var intrate = temp.Combine("INTRATE.DAT");
        File.WriteAllText(intrate, string.Concat(lines.Select(l => l + "\n")), Encoding.Latin1);
        var cases = new List<Case>();
        for (var i = 0; i < 60; i++)
        {
            var from = new DateOnly(2000, 1, 1).AddDays(rng.Next(0, 4000));
            var span = rng.Next(3) switch { 0 => rng.Next(0, 100), 1 => rng.Next(1000, 4000), _ => rng.Next(6000, 9500) };
            long principal = rng.Next(3) switch { 0 => 99_999_999_999_99, 1 => rng.NextInt64(1, 10_000_000_00), _ => -rng.NextInt64(1, 99_999_999_999_99) };
            cases.Add(new Case(principal, D(from), D(from.AddDays(span))));
        }
        CompareWithCobc(cases, intrate, Table(intrate), decimalReference);
    }

    private static void CompareWithCobc(List<Case> cases, string intrateFile, List<InterestRate> table, bool decimalReference = false)
    {
        using var temp = new TempDir();
        var source = temp.Combine("INTPROBE.cbl");
        File.WriteAllText(source, Program(), Encoding.Latin1);
        var exe = Cobc.Compile(source, copybookDir: Path.Combine(RepoPaths.LegacyHome, "copybooks"));
        var casesFile = temp.Combine("CASES");
        File.WriteAllText(casesFile, string.Concat(cases.Select(c => CaseLine(c) + "\n")), Encoding.Latin1);
        var outFile = temp.Combine("out.txt");
        var env = new Dictionary<string, string> { ["DD_CASES"] = casesFile, ["DD_INTRATE"] = intrateFile, ["COB_LS_FIXED"] = "FALSE" };
        var r = Cobc.Run("sh", ["-c", $"\"{exe}\" > \"{outFile}\" 2>&1"], temp.Path, env);
        var expected = File.ReadAllText(outFile, Encoding.Latin1);

        var calc = new LateInterestCalculator(table) { DecimalReference = decimalReference };
        var ours = new StringBuilder();
        foreach (var c in cases)
        {
            var interest = calc.Compute(PackedNumber.FromUnscaled(c.PrincipalCents, OpenItemPictures.Amount),
                DisplayNumber.FromBytes(Encoding.Latin1.GetBytes(c.From)), DisplayNumber.FromBytes(Encoding.Latin1.GetBytes(c.To)),
                d => ours.Append("CLV8511E NO INTEREST RATE FOR ").Append(d.ToString("D8", CultureInfo.InvariantCulture)).Append('\n'));
            var v = interest.Unscaled;
            // DISPLAY shows the implied decimal point of a numeric field
            ours.Append("I ").Append(v < 0 ? '-' : '+').Append(Point(Math.Abs(v).ToString("D11", CultureInfo.InvariantCulture), 2)).Append(' ')
                .Append(Point(calc.Factor.Unscaled.ToString("D13", CultureInfo.InvariantCulture), 10)).Append(' ')
                .Append(calc.RateEffectiveDate.ToString("D8", CultureInfo.InvariantCulture)).Append(' ')
                .Append(calc.RateEndDate.ToString("D8", CultureInfo.InvariantCulture)).Append(' ')
                .Append(Point(calc.AnnualRateThousandths.ToString("D5", CultureInfo.InvariantCulture), 3)).Append('\n');
        }
        if (Environment.GetEnvironmentVariable("INTPROBE_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllText(dump + ".cobc", expected, Encoding.Latin1);
            File.WriteAllText(dump + ".ours", ours.ToString(), Encoding.Latin1);
        }
        ours.ToString().Should().Be(expected);
        r.ExitCode.Should().Be(expected.Contains("CLV8511E", StringComparison.Ordinal) ? 8 : 0);
    }
}
