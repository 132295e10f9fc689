using System.Globalization;

namespace Collections.Parity.Generation;

/// <summary>CCYYMMDD integers as the legacy files carry them.</summary>
public static class LegacyDate
{
    public static DateOnly ToDate(int ccyymmdd) => new(ccyymmdd / 10000, ccyymmdd / 100 % 100, ccyymmdd % 100);

    public static int FromDate(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    public static int AddDays(int ccyymmdd, int days) => FromDate(ToDate(ccyymmdd).AddDays(days));

    public static bool TryParse(string? text, out int ccyymmdd)
    {
        ccyymmdd = 0;
        if (text is null || text.Length != 8) return false;
        if (!DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        ccyymmdd = FromDate(d);
        return true;
    }

    public static string Format(int ccyymmdd) => ccyymmdd.ToString("D8", CultureInfo.InvariantCulture);
}
