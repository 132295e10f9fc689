namespace Collections.Domain.Reporting;

/// <summary>An accounting (revenue) class of the daily report: its 3-character code and description.</summary>
public sealed record RevenueClass(string Code, string Description);

/// <summary>
/// The 13 revenue classes of CLV500 (WS-REVENUE-CLASS-DATA) in report order: the eight duty and deposit classes
/// of an entry total (regular duty, Section 301, Section 232, IEEPA, Section 122, other Chapter 99, AD, CVD), then
/// the five fee classes (499 MPF, 311 informal entry fee, 500 manual surcharge, 501 HMF, 056 cotton).
/// </summary>
public static class RevenueClasses
{
    /// <summary>Number of classes (OCCURS 13 TIMES).</summary>
    public const int Count = 13;

    /// <summary>Index of the first fee class (499): classes from here on are summed from the entry's fee table.</summary>
    public const int FirstFeeClass = 8;

    /// <summary>The classes in report order.</summary>
    public static IReadOnlyList<RevenueClass> All { get; } =
    [
        new("DTY", "REGULAR DUTY"),
        new("301", "SECTION 301 (CHINA)"),
        new("232", "SECTION 232 (STEEL AND ALUMINUM)"),
        new("IEP", "IEEPA RECIPROCAL"),
        new("122", "SECTION 122 SURCHARGE"),
        new("O99", "OTHER CHAPTER 99 DUTIES"),
        new("ADD", "ANTIDUMPING CASH DEPOSIT"),
        new("CVD", "COUNTERVAILING CASH DEPOSIT"),
        new("499", "MERCHANDISE PROCESSING FEE"),
        new("311", "INFORMAL ENTRY FEE"),
        new("500", "MANUAL ENTRY SURCHARGE"),
        new("501", "HARBOR MAINTENANCE FEE"),
        new("056", "COTTON FEE"),
    ];
}
