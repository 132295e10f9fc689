using System.Globalization;
using Collections.Domain.Reference;
using Collections.Domain.Values;
using Collections.Legacy.Records;

namespace Collections.Legacy.RefData;

/// <summary>
/// The reference tables' text records (copybooks REF*.cpy; ref/*.DAT, line sequential, fixed columns): parse a
/// record into the domain row and format a row back into the record, byte for byte (trailing blanks are removed on
/// write, as GnuCOBOL line sequential files are). Parsing assumes the numeric fields were checked (see
/// <see cref="Clv100Tables"/> for the legacy's checks).
/// </summary>
public static class ReferenceTableRecords
{
    public const int TariffLength = 120, Chapter99Length = 90, AdcvdLength = 90, ExchangeRateLength = 40, SpiLength = 50,
        FeeLength = 80, HmfPortLength = 40, HolidayLength = 50, InterestRateLength = 40;

    private static string T(ReadOnlySpan<byte> r, int o, int n) => LegacyNumeric.Text(r.Slice(o, n));
    private static int D(ReadOnlySpan<byte> r, int o, int n) => (int)LegacyNumeric.Digits(r.Slice(o, n));
    private static long L(ReadOnlySpan<byte> r, int o, int n) => LegacyNumeric.IsDigits(r.Slice(o, n)) ? LegacyNumeric.Digits(r.Slice(o, n)) : 0;

    public static TariffRate ParseTariff(ReadOnlySpan<byte> r)
    {
        var spi = new string[8];
        for (int i = 0; i < 8; i++) spi[i] = T(r, 56 + 2 * i, 2);
        return new TariffRate(T(r, 0, 10), D(r, 11, 8), D(r, 20, 8), (TariffRateType)r[29],
            AdValoremRate.FromMillionths(D(r, 31, 7)), SpecificRate.FromMillionths(LegacyNumeric.Digits(r.Slice(39, 10))),
            T(r, 50, 3), (char)r[54], spi, T(r, 73, 47));
    }

    public static string Format(TariffRate t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Line(TariffLength,
            (0, t.HtsNumber), (11, D8(t.EffectiveDate)), (20, D8(t.EndDate)), (29, ((char)t.RateType).ToString()),
            (31, Digits(t.AdValoremRate.Millionths, 7)), (39, Digits(t.SpecificRate.Millionths, 10)), (50, t.Unit),
            (54, t.CottonFlag.ToString()), (56, string.Concat(t.SpiCodes)), (73, t.Description));
    }

    public static Chapter99Heading ParseChapter99(ReadOnlySpan<byte> r) => new(
        T(r, 0, 10), T(r, 11, 2), D(r, 14, 8), D(r, 23, 8), AdValoremRate.FromMillionths(D(r, 32, 7)), T(r, 40, 2),
        D(r, 43, 2), T(r, 46, 3), T(r, 50, 40));

    public static string Format(Chapter99Heading c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Line(Chapter99Length, (0, c.Heading), (11, c.Country), (14, D8(c.EffectiveDate)), (23, D8(c.EndDate)),
            (32, Digits(c.Rate.Millionths, 7)), (40, c.StackGroup), (43, Digits(c.Priority, 2)), (46, c.RevenueClass), (50, c.Description));
    }

    public static AdcvdCase ParseAdcvd(ReadOnlySpan<byte> r) => new(
        T(r, 0, 10), T(r, 11, 2), (AdcvdRateType)r[14], SpecificRate.FromMillionths(LegacyNumeric.Digits(r.Slice(16, 10))),
        (char)r[27], T(r, 29, 8), T(r, 38, 52));

    public static string Format(AdcvdCase a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Line(AdcvdLength, (0, a.CaseNumber), (11, a.Country), (14, ((char)a.RateType).ToString()),
            (16, Digits(a.DepositRate.Millionths, 10)), (27, a.Status.ToString()), (29, a.EffectiveDate), (38, a.Description));
    }

    public static CertifiedRate ParseExchangeRate(ReadOnlySpan<byte> r) => new(
        T(r, 0, 3), (CertifiedRateType)r[4], D(r, 6, 8), ExchangeRate.FromMillionths(LegacyNumeric.Digits(r.Slice(15, 12))), T(r, 28, 12));

    public static string Format(CertifiedRate x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Line(ExchangeRateLength, (0, x.Currency), (4, ((char)x.RateType).ToString()), (6, D8(x.Date)),
            (15, Digits(x.Rate.Millionths, 12)), (28, x.Source));
    }

    public static SpecialProgram ParseSpi(ReadOnlySpan<byte> r) => new(T(r, 0, 2), (char)r[3], T(r, 5, 45));

    public static string Format(SpecialProgram s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Line(SpiLength, (0, s.Code), (3, s.MpfExempt.ToString()), (5, s.Description));
    }

    /// <summary>A fee row. Minimum, maximum and flat amount are not edited by CLV100 (CLV200 edits them): non-numeric → 0.</summary>
    public static FeeScheduleEntry ParseFee(ReadOnlySpan<byte> r) => new(
        T(r, 0, 3), D(r, 4, 8), D(r, 13, 8), (char)r[22], AdValoremRate.FromMillionths(D(r, 24, 7)),
        Money.FromCents(L(r, 32, 7)), Money.FromCents(L(r, 40, 7)), Money.FromCents(L(r, 48, 7)), T(r, 56, 24));

    public static string Format(FeeScheduleEntry f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Line(FeeLength, (0, f.ClassCode), (4, D8(f.EffectiveDate)), (13, D8(f.EndDate)), (22, f.CalcType.ToString()),
            (24, Digits(f.Rate.Millionths, 7)), (32, Digits(f.Minimum.Cents, 7)), (40, Digits(f.Maximum.Cents, 7)),
            (48, Digits(f.FlatAmount.Cents, 7)), (56, f.Description));
    }

    public static HmfPort ParseHmfPort(ReadOnlySpan<byte> r) => new(T(r, 0, 4), T(r, 5, 35));
    public static string Format(HmfPort p) => Line(HmfPortLength, (0, p?.PortCode ?? ""), (5, p?.Name ?? ""));

    public static FederalHoliday ParseHoliday(ReadOnlySpan<byte> r) => new(T(r, 0, 8), T(r, 9, 41));
    public static string Format(FederalHoliday h) => Line(HolidayLength, (0, h?.Date ?? ""), (9, h?.Name ?? ""));

    public static InterestRate ParseInterestRate(ReadOnlySpan<byte> r) => new(T(r, 0, 8), T(r, 9, 8), T(r, 18, 5), T(r, 24, 5), T(r, 30, 10));

    public static string Format(InterestRate i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return Line(InterestRateLength, (0, i.EffectiveDate), (9, i.EndDate), (18, i.UnderpaymentRate), (24, i.OverpaymentRate), (30, i.Source));
    }

    private static string D8(int v) => v.ToString("D8", CultureInfo.InvariantCulture);
    private static string Digits(long v, int n) => v.ToString("D" + n.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Line(int length, params (int Offset, string Text)[] fields)
    {
        var chars = new char[length];
        Array.Fill(chars, ' ');
        foreach (var (o, t) in fields)
            for (int i = 0; i < t.Length && o + i < length; i++) chars[o + i] = t[i];
        return new string(chars).TrimEnd(' ');
    }
}
