using System.Globalization;
using System.Text;
using Collections.Legacy.Clv200;

namespace Collections.Parity.Invariants;

/// <summary>
/// CLV500.RPT read back (ASA control character in column 1, page headings repeated) and its totals checked against
/// CTLTOTS and the data sets they summarise. Edited fields are parsed as printed: '$' and ',' dropped, a trailing
/// '-' or 'CR' negative. A total wider than its print field is compared on the digits the field holds.
/// </summary>
internal static class ReportCheck
{
    /// <summary>Integer digits of the print fields (CLV500's WS-Sn-DETAIL pictures).</summary>
    private const int CountDigits = 6, S1Amount = 12, S1TotalAmount = 11, S2Count = 5, S2Value = 12, S2Duties = 12, S2Fees = 11, S2Total = 12,
        S3Count = 6, S3Amount = 11, S4Count = 6, S4Amount = 11, S7Count = 9, S7Amount = 15;

    private static readonly string[] S4Descriptions =
    [
        "ASSESSMENT POSTINGS", "PAYMENTS APPLIED - ACH DEBIT", "PAYMENTS APPLIED - ACH CREDIT", "PAYMENTS APPLIED - CHECK",
        "TOTAL PAYMENTS APPLIED", "LATE PAYMENT INTEREST ASSESSED", "INTEREST ASSESSED ON BILLS ISSUED",
        "OVERPAYMENTS TRANSFERRED TO REFUND", "PAYMENTS HELD IN SUSPENSE",
    ];

    private static readonly (char Code, string Text)[] Statuses =
        [('O', "OPEN"), ('P', "PARTIALLY PAID"), ('B', "BILLED"), ('C', "CLOSED TODAY"), ('R', "REFUND DUE TO PAYER")];

    public static InvariantResult Check(CycleFolder f)
    {
        const string id = CycleInvariants.ReportTotals;
        var rpt = f.Out("CLV500.RPT");
        if (!File.Exists(rpt))
            return new InvariantResult(id, InvariantOutcome.NotApplicable,
                File.Exists(Path.Combine(f.OutDir, "sysout", "STEP050.CLV500")) ? "CLV500 ended without a report" : "CLV500 did not run");
        var sections = Sections(rpt);
        var parts = new CycleInvariants.Parts();
        var ct = CycleFiles.ControlTotals(f.Out("CTLTOTS"));
        ControlTotal? Ct(string step, string seq) => ct.LastOrDefault(c => c.Step == step && c.Seq == seq);

        // sections 1 and 2: ENTCALC
        var entries = ReadEntries(f.Out("ENTCALC"));
        var s1 = Section(sections, 1);
        for (var k = 0; k < CycleInvariants.RevenueClasses.Count; k++)
        {
            var cls = CycleInvariants.RevenueClasses[k];
            var line = s1.FirstOrDefault(l => Tokens(l).FirstOrDefault() == cls);
            if (line is null) { parts.Check($"S1 line for class {cls}", 0, 1); continue; }
            var t = Tokens(line);
            var amounts = entries.Select(e => ClassAmount(e, k)).Where(a => a != 0).ToList();
            Printed(parts, $"S1 {cls} entries", t[^2], amounts.Count, CountDigits);
            Printed(parts, $"S1 {cls} amount", t[^1], amounts.Sum(), S1Amount, cents: true);
        }
        var total = s1.FirstOrDefault(l => l.TrimStart().StartsWith("TOTAL ASSESSED", StringComparison.Ordinal));
        if (total is null) parts.Check("S1 TOTAL ASSESSED line", 0, 1);
        else
        {
            var t = Tokens(total);
            Printed(parts, "S1 total entries = ENTCALC E records", t[^2], entries.Count, CountDigits);
            var classSum = entries.Sum(e => Enumerable.Range(0, 13).Sum(k => ClassAmount(e, k)));
            Printed(parts, "S1 total amount = ENTCALC class amounts", t[^1], classSum, S1TotalAmount, cents: true);
            if (Ct("CLV200", "04") is { } c04) parts.Check("CLV200 04 count = ENTCALC E records", c04.Count, entries.Count);
        }
        var all = Section(sections, 2).FirstOrDefault(l => Tokens(l).FirstOrDefault() == "ALL");
        if (all is null) parts.Check("S2 ALL line", 0, 1);
        else
        {
            var t = Tokens(all);
            Printed(parts, "S2 ALL entries", t[1], entries.Count, S2Count);
            Printed(parts, "S2 ALL lines", t[2], entries.Sum(e => (long)e.LinesAccepted), S2Count);
            Printed(parts, "S2 ALL entered value", t[3], entries.Sum(e => e.EnteredValueCents) / 100, S2Value);
            Printed(parts, "S2 ALL duties and deposits", t[4], entries.Sum(e => e.TotalAssessedCents - e.FeeTotalCents), S2Duties, cents: true);
            Printed(parts, "S2 ALL fees", t[5], entries.Sum(e => e.FeeTotalCents), S2Fees, cents: true);
            Printed(parts, "S2 ALL total", t[6], entries.Sum(e => e.TotalAssessedCents), S2Total, cents: true);
            if (Ct("CLV200", "04") is { } c04) Printed(parts, "S2 ALL total = CLV200 04", t[6], c04.AmountCents, S2Total, cents: true);
        }

        // section 3: STMTOUT and CLV300's totals
        var receivables = CycleFiles.Receivables(f.Out("STMTOUT"));
        var s3 = Section(sections, 3);
        string[] s3Names = ["SINGLE PAY (TYPE 1)", "DAILY STATEMENT (TYPE 2)", "PMS - IMPORTER (TYPE 6)", "PMS - FILER (TYPE 7)"];
        int[] types = [1, 2, 6, 7];
        for (var i = 0; i < 4; i++)
        {
            var line = s3.FirstOrDefault(l => l.TrimStart().StartsWith(s3Names[i], StringComparison.Ordinal));
            if (line is null) { parts.Check($"S3 line {s3Names[i]}", 0, 1); continue; }
            var t = Tokens(line);
            // CLV500 puts every statement type other than 2, 6, 7 under type 1
            var mine = receivables.Where(r => types[i] == 1 ? r.StatementType is not (2 or 6 or 7) : r.StatementType == types[i]).ToList();
            Printed(parts, $"S3 {s3Names[i]} receivables", t[^3], mine.Count, S3Count);
            Printed(parts, $"S3 {s3Names[i]} entries", t[^2], mine.Sum(r => (long)r.EntryCount), S3Count);
            Printed(parts, $"S3 {s3Names[i]} amount", t[^1], mine.Sum(r => r.TotalCents), S3Amount, cents: true);
            if (Ct("CLV300", $"0{i + 3}") is { } c) Printed(parts, $"S3 {s3Names[i]} amount = CLV300 0{i + 3}", t[^1], c.AmountCents, S3Amount, cents: true);
        }
        var s3Total = s3.FirstOrDefault(l => l.TrimStart().StartsWith("TOTAL RECEIVABLES", StringComparison.Ordinal));
        if (s3Total is null) parts.Check("S3 TOTAL RECEIVABLES line", 0, 1);
        else
        {
            var t = Tokens(s3Total);
            Printed(parts, "S3 total receivables", t[^3], receivables.Count, S3Count);
            Printed(parts, "S3 total entries", t[^2], receivables.Sum(r => (long)r.EntryCount), S3Count);
            Printed(parts, "S3 total amount", t[^1], receivables.Sum(r => r.TotalCents), S3Amount, cents: true);
            if (Ct("CLV300", "09") is { } c09)
            {
                Printed(parts, "S3 total receivables = CLV300 09 count", t[^3], c09.Count, S3Count);
                Printed(parts, "S3 total amount = CLV300 09", t[^1], c09.AmountCents, S3Amount, cents: true);
            }
            if (Ct("CLV300", "08") is { } c08) Printed(parts, "S3 total entries = CLV300 08 (STMTDTL records)", t[^2], c08.Count, S3Count);
        }

        // section 4: LEDGER, SUSPENSE, CLV400's totals
        var ledger = CycleFiles.Ledger(f.Out("LEDGER"));
        var suspense = CycleFiles.Suspense(f.Out("SUSPENSE"));
        var s4 = Section(sections, 4).Where(l => S4Descriptions.Any(d => l.TrimStart().StartsWith(d, StringComparison.Ordinal))).ToList();
        (long Count, long Amount) Postings(Func<LedgerPosting, bool> p) => (ledger.Count(p), ledger.Where(p).Sum(l => l.AmountCents));
        var expected4 = new Dictionary<string, (long Count, long Amount)>(StringComparer.Ordinal)
        {
            ["ASSESSMENT POSTINGS"] = Postings(l => l.TranCode == "AS"),
            ["PAYMENTS APPLIED - ACH DEBIT"] = Postings(l => l.TranCode == "PY" && l.PayMethod == 'D'),
            ["PAYMENTS APPLIED - ACH CREDIT"] = Postings(l => l.TranCode == "PY" && l.PayMethod == 'C'),
            ["PAYMENTS APPLIED - CHECK"] = Postings(l => l.TranCode == "PY" && l.PayMethod is not ('D' or 'C')),
            ["TOTAL PAYMENTS APPLIED"] = Postings(l => l.TranCode == "PY"),
            ["LATE PAYMENT INTEREST ASSESSED"] = Postings(l => l.TranCode == "LI"),
            ["INTEREST ASSESSED ON BILLS ISSUED"] = Postings(l => l.TranCode == "BI"),
            ["OVERPAYMENTS TRANSFERRED TO REFUND"] = Postings(l => l.TranCode == "RF"),
            ["PAYMENTS HELD IN SUSPENSE"] = (suspense.Count, suspense.Sum(s => s.AmountCents)),
        };
        foreach (var d in S4Descriptions)
        {
            var line = s4.FirstOrDefault(l => l.TrimStart().StartsWith(d, StringComparison.Ordinal));
            if (line is null) { parts.Check($"S4 line {d}", 0, 1); continue; }
            var t = Tokens(line);
            Printed(parts, $"S4 {d} count", t[^2], expected4[d].Count, S4Count);
            Printed(parts, $"S4 {d} amount", t[^1], expected4[d].Amount, S4Amount, cents: true);
        }
        foreach (var (seq, d) in new[] { ("07", "TOTAL PAYMENTS APPLIED"), ("10", "LATE PAYMENT INTEREST ASSESSED"), ("11", "INTEREST ASSESSED ON BILLS ISSUED"),
                     ("09", "OVERPAYMENTS TRANSFERRED TO REFUND"), ("08", "PAYMENTS HELD IN SUSPENSE") })
        {
            if (Ct("CLV400", seq) is not { } c || s4.FirstOrDefault(l => l.TrimStart().StartsWith(d, StringComparison.Ordinal)) is not { } line) continue;
            Printed(parts, $"S4 {d} amount = CLV400 {seq}", Tokens(line)[^1], c.AmountCents, S4Amount, cents: true);
        }
        if (Ct("CLV400", "03") is { } c03)
            parts.Check("S4 assessment postings amount = CLV400 03 (receivables read)", expected4["ASSESSMENT POSTINGS"].Amount, c03.AmountCents);
        var suspenseDetail = Section(sections, 4).Count(l => l.StartsWith("        ", StringComparison.Ordinal) && l.Trim().Length > 0
                                                                   && !S4Descriptions.Any(d => l.TrimStart().StartsWith(d, StringComparison.Ordinal)));
        parts.Check("S4 one detail line per SUSPENSE record", suspenseDetail, suspense.Count);

        // section 5: OPENITEM by status and CLV400 13
        var master = CycleFiles.Master(f.Out("OPENITEM"));
        var s5 = Section(sections, 5);
        foreach (var (code, text) in Statuses)
        {
            var line = s5.FirstOrDefault(l => l.TrimStart().StartsWith(text, StringComparison.Ordinal));
            if (line is null) { parts.Check($"S5 line {text}", 0, 1); continue; }
            var t = Tokens(line);
            Printed(parts, $"S5 {text} count", t[^2], master.Count(m => m.Status == code), S4Count);
            Printed(parts, $"S5 {text} balance", t[^1], master.Where(m => m.Status == code).Sum(m => m.BalanceCents), S4Amount, cents: true);
        }
        var s5Total = s5.FirstOrDefault(l => l.TrimStart().StartsWith("TOTAL OPEN ITEM MASTER", StringComparison.Ordinal));
        if (s5Total is null) parts.Check("S5 TOTAL OPEN ITEM MASTER line", 0, 1);
        else
        {
            var t = Tokens(s5Total);
            Printed(parts, "S5 total count = OPENITEM records", t[^2], master.Count, S4Count);
            Printed(parts, "S5 total balance = OPENITEM balances", t[^1], master.Sum(m => m.BalanceCents), S4Amount, cents: true);
            if (Ct("CLV400", "13") is { } c13)
            {
                Printed(parts, "S5 total count = CLV400 13", t[^2], c13.Count, S4Count);
                Printed(parts, "S5 total balance = CLV400 13", t[^1], c13.AmountCents, S4Amount, cents: true);
            }
        }

        // section 6: REJECTS by reason
        var rejects = File.Exists(f.Out("REJECTS"))
            ? CycleFiles.TextRecords(f.Out("REJECTS"), 100).GroupBy(r => Encoding.Latin1.GetString(r, 35, 4), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal)
            : [];
        var s6 = Section(sections, 6);
        if (rejects.Count == 0) parts.Check("S6 NO REJECTS OR WARNINGS", s6.Any(l => l.Contains("NO REJECTS OR WARNINGS", StringComparison.Ordinal)) ? 1 : 0, 1);
        else if (rejects.Count <= 100)
        {
            var printed = s6.Where(l => l.Length > 10 && l.Trim().Length > 0 && !l.TrimStart().StartsWith("REASON", StringComparison.Ordinal))
                .Select(l => (Code: l.Substring(6, 4), Count: Tokens(l)[^1])).ToList();
            parts.Check("S6 one line per reason", printed.Count, rejects.Count);
            foreach (var (code, count) in printed)
                Printed(parts, $"S6 {code}", count, rejects.GetValueOrDefault(code), CountDigits);
        }

        // section 7: every CTLTOTS record, in order
        var s7 = Section(sections, 7).Where(l => l.Length > 20 && !l.TrimStart().StartsWith("STEP ", StringComparison.Ordinal)
                                                   && !l.Contains("CONTROL TOTALS FILE NOT AVAILABLE", StringComparison.Ordinal)).ToList();
        parts.Check("S7 one line per CTLTOTS record", s7.Count, ct.Count);
        for (var i = 0; i < Math.Min(s7.Count, ct.Count); i++)
        {
            var t = Tokens(s7[i]);
            parts.Check($"S7 line {i + 1} step/seq", string.Equals(s7[i].Substring(6, 8).TrimEnd() + "/" + s7[i].Substring(16, 2), ct[i].Step + "/" + ct[i].Seq, StringComparison.Ordinal) ? 0 : 1, 0);
            Printed(parts, $"S7 line {i + 1} count", t[^2], ct[i].Count, S7Count);
            Printed(parts, $"S7 line {i + 1} amount", t[^1], ct[i].AmountCents, S7Amount, cents: true);
        }
        return parts.Result(id);
    }

    /// <summary>Print lines (without the ASA character) by section number; page headings and repeated titles dropped.</summary>
    private static Dictionary<int, List<string>> Sections(string path)
    {
        var result = new Dictionary<int, List<string>>();
        var current = 0;
        string? columns = null;
        foreach (var raw in File.ReadAllLines(path, Encoding.Latin1))
        {
            if (raw.Length == 0) continue;
            var text = raw[1..];
            if (raw[0] == '1' && text.StartsWith("CLV500", StringComparison.Ordinal)) continue;
            if (text.StartsWith("RCL-0500", StringComparison.Ordinal)) continue;
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith("SECTION ", StringComparison.Ordinal) && int.TryParse(trimmed.AsSpan(8, 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                current = n;
                columns = null;
                if (!result.ContainsKey(n)) result[n] = [];
                continue;
            }
            if (current == 0) continue;
            if (columns is null && raw[0] == '0') { columns = text; continue; }   // the column headings after the title
            if (columns is not null && text == columns) continue;                  // repeated on a new page
            if (trimmed.StartsWith("-----", StringComparison.Ordinal) || trimmed.StartsWith("*** END", StringComparison.Ordinal)) continue;
            result[current].Add(text);
        }
        return result;
    }

    private static List<string> Section(Dictionary<int, List<string>> s, int n) => s.TryGetValue(n, out var l) ? l : [];

    private static string[] Tokens(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Compares a printed number with the expected value on the digits its field holds.</summary>
    private static void Printed(CycleInvariants.Parts parts, string what, string printed, long expected, int integerDigits, bool cents = false)
    {
        var text = printed.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        var negative = false;
        if (text.EndsWith("CR", StringComparison.Ordinal)) { negative = true; text = text[..^2]; }
        else if (text.EndsWith('-')) { negative = true; text = text[..^1]; }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
        {
            parts.Check($"{what}: '{printed}' is a number", 0, 1);
            return;
        }
        var value = (long)(v * (cents ? 100 : 1)) * (negative ? -1 : 1);
        var capacity = (long)Math.Pow(10, integerDigits + (cents ? 2 : 0));
        // the edited field keeps the low-order digits and the sign
        var held = Math.Sign(expected) * (Math.Abs(expected) % capacity);
        parts.Check(what, value, held);
    }

    private static List<EntcalcEntryTotal> ReadEntries(string path)
    {
        if (!File.Exists(path)) return [];
        using var s = File.OpenRead(path);
        using var r = EntcalcReader.Create(s);
        try
        {
            return [.. r.ReadAll().Where(x => x.EntryTotal is not null).Select(x => x.EntryTotal!)];
        }
        catch (EntcalcFormatException e)
        {
            throw new UndecodableFieldException(e.Message);
        }
    }

    /// <summary>CLV500 2200: the entry's amount in revenue class k (categories 1-8 from the header, 9-13 from the fee table).</summary>
    private static long ClassAmount(EntcalcEntryTotal e, int k) => k switch
    {
        0 => e.DutyCents, 1 => e.Section301Cents, 2 => e.Section232Cents, 3 => e.IeepaCents, 4 => e.Section122Cents,
        5 => e.OtherChapter99Cents, 6 => e.AntidumpingCents, 7 => e.CountervailingCents,
        _ => e.Fees.Where(x => x.FeeClass == CycleInvariants.RevenueClasses[k]).Sum(x => x.AmountCents),
    };
}
