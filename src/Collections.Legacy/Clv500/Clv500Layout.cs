using Collections.Cobol.Codecs;
using Collections.Domain.OpenItems;
using Collections.Domain.Reporting;
using Collections.Legacy.Printing;

namespace Collections.Legacy.Clv500;

/// <summary>
/// The print lines of CLV500.RPT, one method per WORKING-STORAGE print group (WS-HEAD-1, WS-S1-DETAIL, ...): the
/// text after the ASA character, built field by field with the legacy's widths and edited pictures.
/// </summary>
public static class Clv500Layout
{
    /// <summary>PIC ZZZ9 (page number).</summary>
    public static readonly EditedPicture PageNumber = new("ZZZ9");

    /// <summary>PIC ZZZ,ZZ9 (counts of sections 1, 3, 4, 5, 6 and the sysout counts).</summary>
    public static readonly EditedPicture Count6 = new("ZZZ,ZZ9");

    /// <summary>PIC ZZ,ZZ9 (section 2 entries and lines).</summary>
    public static readonly EditedPicture Count5 = new("ZZ,ZZ9");

    /// <summary>PIC ZZZ,ZZZ,ZZ9 (section 7 count).</summary>
    public static readonly EditedPicture Count9 = new("ZZZ,ZZZ,ZZ9");

    /// <summary>PIC ZZZ,ZZZ,ZZZ,ZZ9 (section 2 entered value: whole dollars).</summary>
    public static readonly EditedPicture Dollars12 = new("ZZZ,ZZZ,ZZZ,ZZ9");

    /// <summary>PIC ZZZ,ZZZ,ZZZ,ZZ9.99- (section 1 class amounts, section 2 duties and total).</summary>
    public static readonly EditedPicture Amount12 = new("ZZZ,ZZZ,ZZZ,ZZ9.99-");

    /// <summary>PIC ZZ,ZZZ,ZZZ,ZZ9.99- (section 2 fees).</summary>
    public static readonly EditedPicture Amount11 = new("ZZ,ZZZ,ZZZ,ZZ9.99-");

    /// <summary>PIC ZZZ,ZZZ,ZZ9.99- (section 4 suspense item amount).</summary>
    public static readonly EditedPicture Amount9 = new("ZZZ,ZZZ,ZZ9.99-");

    /// <summary>PIC ZZZ,ZZZ,ZZZ,ZZZ,ZZ9.99- (section 7 amount).</summary>
    public static readonly EditedPicture Amount15 = new("ZZZ,ZZZ,ZZZ,ZZZ,ZZ9.99-");

    /// <summary>PIC $$$,$$$,$$$,$$9.99CR (section 1 total, sections 3, 4 and 5 amounts).</summary>
    public static readonly EditedPicture Currency = new("$$$,$$$,$$$,$$9.99CR");

    private static PrintLineBuilder Line() => new();

    /// <summary>WS-HEAD-1 after its '1': program, title, run date (CCYY-MM-DD) and page number.</summary>
    public static string Heading1(string runDate, int page) => Line()
        .Text("CLV500", 8).Spaces(24).Text("ACS COLLECTIONS - DAILY REVENUE AND CONTROL REPORT", 50).Spaces(20)
        .Text("RUN DATE ", 9).Text(runDate, 10).Spaces(2).Text("PAGE ", 5).Edited(PageNumber, page).ToString();

    /// <summary>WS-HEAD-2 after its ' '.</summary>
    public static string Heading2 { get; } = Line()
        .Text("RCL-0500", 8).Spaces(32).Text("U.S. CUSTOMS AND BORDER PROTECTION", 34).Spaces(58).ToString();

    /// <summary>The page heading lines of page <paramref name="page"/> (8200-PAGE-HEADING).</summary>
    public static IReadOnlyList<PrintLine> PageHeading(string runDate, int page) =>
        [new(AsaControl.NewPage, Heading1(runDate, page)), new(AsaControl.Single, Heading2)];

    /// <summary>WS-TITLE-LINE: a space, the section (X(10)) and its title (X(60)).</summary>
    public static string Title(string section, string title) => Line().Spaces(1).Text(section, 10).Text(title, 60).ToString();

    /// <summary>WS-RULE-LINE: 6 spaces and 100 dashes.</summary>
    public static string Rule { get; } = Line().Spaces(6).Literal(new string('-', 100)).ToString();

    /// <summary>WS-MESSAGE-LINE: 6 spaces and the message (X(80)).</summary>
    public static string Message(string text) => Line().Spaces(6).Text(text, 80).ToString();

    /// <summary>WS-END-LINE.</summary>
    public static string EndLine { get; } = Line().Spaces(45).Text("*** END OF DAILY REVENUE REPORT ***", 40).ToString();

    // ---- section 1 ----

    public static string RevenueTitle { get; } = Title("SECTION 1", "REVENUE ASSESSED BY REVENUE CLASS");

    /// <summary>WS-S1-COLUMNS.</summary>
    public static string RevenueColumns { get; } = Line()
        .Spaces(6).Text("CLASS", 7).Text("DESCRIPTION", 36).Text(" ENTRIES", 10).Text("         AMOUNT ASSESSED", 24).ToString();

    /// <summary>WS-S1-DETAIL.</summary>
    public static string RevenueDetail(RevenueClassTotal c) => Line()
        .Spaces(6).Text(c.Class.Code, 3).Spaces(4).Text(c.Class.Description, 34).Spaces(2).Edited(Count6, c.Entries)
        .Spaces(4).Edited(Amount12, c.AmountCents, 2).ToString();

    /// <summary>WS-S1-TOTAL.</summary>
    public static string RevenueTotal(long entries, long amountCents) => Line()
        .Spaces(6).Text("TOTAL ASSESSED", 41).Edited(Count6, entries).Spaces(3).Edited(Currency, amountCents, 2).ToString();

    // ---- section 2 ----

    public static string PortTitle { get; } = Title("SECTION 2", "ASSESSMENTS BY PORT OF ENTRY");

    /// <summary>WS-S2-COLUMNS.</summary>
    public static string PortColumns { get; } = Line()
        .Spaces(6).Text("PORT", 6).Text(" ENTRIES", 9).Text("  LINES", 7).Text("       ENTERED VALUE", 20)
        .Text("     DUTIES AND DEPOSITS", 24).Text("                FEES", 20).Text("          TOTAL ASSESSED", 24).ToString();

    /// <summary>WS-S2-DETAIL (a port, or the ALL line).</summary>
    public static string PortDetail(PortAssessment p) => Line()
        .Spaces(6).Text(p.Port, 4).Spaces(3).Edited(Count5, p.Entries).Spaces(1).Edited(Count5, p.Lines).Spaces(4)
        .Edited(Dollars12, p.EnteredValueCents, 2).Spaces(5).Edited(Amount12, p.DutiesCents, 2).Spaces(1)
        .Edited(Amount11, p.FeesCents, 2).Spaces(5).Edited(Amount12, p.TotalCents, 2).ToString();

    // ---- section 3 ----

    public static string ReceivablesTitle { get; } = Title("SECTION 3", "RECEIVABLES CREATED OR ADDED TO BY PAYMENT TYPE");

    /// <summary>WS-S3-COLUMNS.</summary>
    public static string ReceivablesColumns { get; } = Line()
        .Spaces(6).Text("PAYMENT TYPE", 34).Text(" RECEIVABLES", 13).Text("   ENTRIES", 10).Text("               AMOUNT", 21).ToString();

    /// <summary>WS-S3-DETAIL.</summary>
    public static string ReceivablesDetail(ReceivableTotal r) => Line()
        .Spaces(6).Text(r.Description, 34).Spaces(4).Edited(Count6, r.Receivables).Spaces(3).Edited(Count6, r.Entries)
        .Spaces(2).Edited(Currency, r.AmountCents, 2).ToString();

    // ---- section 4 ----

    public static string CollectionsTitle { get; } = Title("SECTION 4", "COLLECTIONS, INTEREST, REFUNDS AND SUSPENSE");

    /// <summary>WS-S4-COLUMNS.</summary>
    public static string CollectionsColumns { get; } = Line()
        .Spaces(6).Text("ACTIVITY", 47).Text("  COUNT", 7).Text("                  AMOUNT", 24).ToString();

    /// <summary>WS-S4-DETAIL (sections 4 and 5).</summary>
    public static string ActivityDetail(ActivityTotal a) => Line()
        .Spaces(6).Text(a.Description, 44).Spaces(2).Edited(Count6, a.Count).Spaces(4).Edited(Currency, a.AmountCents, 2).ToString();

    /// <summary>WS-S4-SUSP-DETAIL: one payment held in suspense (text fields as in the suspense record).</summary>
    public static string SuspenseDetail(SuspenseItem s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Line()
            .Spaces(8).Text(s.PaymentId, 12).Spaces(2).Text(s.Method.ToString(), 1).Spaces(2).Text(s.RefType.ToString(), 1).Spaces(1)
            .Text(s.Reference, 16).Spaces(2).Edited(Amount9, s.Amount.Unscaled, 2).Spaces(2).Text(s.ReasonCode, 4).Spaces(1)
            .Text(s.Message, 40).ToString();
    }

    // ---- section 5 ----

    public static string OpenItemsTitle { get; } = Title("SECTION 5", "OPEN ITEM MASTER BY STATUS");

    /// <summary>WS-S4-COLUMNS with 'ITEM STATUS' at column 7 and 'BALANCE' at column 78 (reference modification).</summary>
    public static string OpenItemsColumns { get; } = Overlay(Overlay(CollectionsColumns, 7, "ITEM STATUS"), 78, "BALANCE");

    // ---- section 6 ----

    public static string RejectsTitle { get; } = Title("SECTION 6", "REJECTS AND WARNINGS BY REASON");

    /// <summary>WS-S6-COLUMNS.</summary>
    public static string RejectsColumns { get; } = Line()
        .Spaces(6).Text("REASON", 8).Text("SEV", 5).Text("MESSAGE", 62).Text("  COUNT", 7).ToString();

    /// <summary>WS-S6-DETAIL.</summary>
    public static string RejectsDetail(RejectReasonTotal r) => Line()
        .Spaces(6).Text(r.Reason, 4).Spaces(5).Text(r.Severity.ToString(), 1).Spaces(3).Text(r.Message, 60).Spaces(2)
        .Edited(Count6, r.Count).ToString();

    // ---- section 7 ----

    public static string ControlTotalsTitle { get; } = Title("SECTION 7", "RUN CONTROL TOTALS");

    /// <summary>WS-S7-COLUMNS.</summary>
    public static string ControlTotalsColumns { get; } = Line()
        .Spaces(6).Text("STEP", 10).Text("SEQ", 5).Text("DESCRIPTION", 32).Text("      COUNT", 11)
        .Text("                      AMOUNT", 28).ToString();

    /// <summary>WS-S7-DETAIL.</summary>
    public static string ControlTotalsDetail(ControlTotalLine c) => Line()
        .Spaces(6).Text(c.StepId, 8).Spaces(2).Text(c.Sequence, 2).Spaces(3).Text(c.Description, 30).Spaces(2)
        .Edited(Count9, c.Count).Spaces(3).Edited(Amount15, c.AmountCents, 2).ToString();

    /// <summary>MOVE text TO field(column:length) on a copy of <paramref name="line"/> (1-based column).</summary>
    private static string Overlay(string line, int column, string text)
    {
        var chars = line.PadRight(column - 1 + text.Length).ToCharArray();
        text.CopyTo(0, chars, column - 1, text.Length);
        return new string(chars);
    }
}
