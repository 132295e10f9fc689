using Collections.Domain.EntryFees;

namespace Collections.Domain.Tests.EntryFees;

/// <summary>Fee schedule rows as published (domain.md, ref/FEES.DAT) for FY2025 and FY2026, and helpers.</summary>
internal static class EntryFeeTestData
{
    public const int Fy2025Day = 20250930;
    public const int Fy2026Day = 20251001;

    public static readonly FeeScheduleRow[] Rows =
    [
        new("056", 20151101, 20260228, 12013, 0, 0, 0),
        new("311", 20241001, 20250930, 0, 0, 0, 262),
        new("311", 20251001, 20260930, 0, 0, 0, 269),
        new("499", 20241001, 20250930, 3464, 32_71, 634_62, 0),
        new("499", 20251001, 20260930, 3464, 33_58, 651_50, 0),
        new("500", 20241001, 20250930, 0, 0, 0, 393),
        new("500", 20251001, 20260930, 0, 0, 0, 403),
        new("501", 19910101, 99999999, 1250, 0, 0, 0),
    ];

    public static EntryFeeReference FeeReference(IEnumerable<FeeScheduleRow>? rows = null) => new(
        new FeeSchedule(rows ?? Rows),
        [new("A ", false), new("JO", false), new("S ", true), new("P+", true)],
        ["1001", "2704"]);

    public static EntryFeeHeader Formal(int date = 20260302, string port = "3901", int mode = 40, bool manual = false, string type = "01")
        => new("T0100000010", type, port, date, mode, manual);

    public static EntryFeeLine Line(int no, long usdCents, long? rawMpfE5 = null, string spi = "  ", string hts = "8471300100",
        long duty = 0, long cotton = 0, bool assessable = true)
        => new(no, assessable, hts, spi, usdCents, duty, default, default, default, false, 0, rawMpfE5 ?? (usdCents * 3464 / 1000), cotton);

    public static EntryFeeResult Run(EntryFeeHeader header, params EntryFeeLine[] lines) => Run(new EntryFeeCalculator(FeeReference()), header, lines);

    public static EntryFeeResult Run(EntryFeeCalculator calc, EntryFeeHeader header, params EntryFeeLine[] lines)
    {
        calc.StartEntry(header);
        foreach (var l in lines) calc.AddLine(l);
        return calc.CompleteEntry();
    }
}
