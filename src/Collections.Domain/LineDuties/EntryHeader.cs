using Collections.Cobol.Numerics;
using Collections.Domain.Reference;
using Collections.Domain.Values;

namespace Collections.Domain.LineDuties;

/// <summary>
/// The fields of an entry summary header as filed (ENTRYREC H record), as fixed-width text (one char per byte).
/// Nothing is validated here: <see cref="EntryHeaderEdits"/> performs the legacy's edits.
/// </summary>
public sealed record EntryHeaderFields(
    string EntryNumber, string EntryType, string ImporterNumber, string PortCode, string EntryDate, string ExportDate,
    string TransportMode, string PaymentType, string StatementDate, string CurrencyCode, char ManualFlag, string LineCount);

/// <summary>How the entry's exchange rate was chosen (LC-RATE-SOURCE).</summary>
public enum RateSource
{
    /// <summary>U: U.S. dollars (or blank currency), rate 1.</summary>
    UsDollar = 'U',
    /// <summary>Q: the certified quarterly rate.</summary>
    Quarterly = 'Q',
    /// <summary>D: the daily rate, because it varied from the quarterly rate by 5 percent or more.</summary>
    Daily = 'D',
}

/// <summary>The outcome of the certified-rate selection for an entry.</summary>
/// <param name="Found">false: no quarterly rate for the currency and the export date's quarter (H011).</param>
/// <param name="Variance">the daily-vs-quarterly variance in percent as the legacy stored it (PIC S9(03)V99), when a daily rate exists.</param>
public readonly record struct RateSelection(bool Found, ExchangeRate Rate, RateSource Source, CobolDecimal? Variance);

/// <summary>
/// 19 CFR 159.34 as CLV100 2250/2255 applies it: USD or blank currency → 1 (U). Otherwise the quarterly rate of the
/// export date's calendar quarter must exist (else H011); if a daily rate exists for the export date and
/// (daily − quarterly) × 100 / quarterly, ROUNDED to PIC S9(03)V99 (high-order digits lost: no ON SIZE ERROR), is
/// ≥ 5.00 or ≤ −5.00, the daily rate applies (D); else the quarterly (Q).
/// </summary>
public static class ExchangeRateSelector
{
    /// <summary>PIC S9(03)V99 of WS-RATE-VARIANCE.</summary>
    public static readonly NumericPic VariancePicture = new(5, 2, true);
    private static readonly CobolDecimal Five = CobolDecimal.FromUnscaled(500, 2);
    private static readonly CobolDecimal Hundred = CobolDecimal.FromInt64(100);

    public static RateSelection Select(Clv100Reference reference, string currencyCode, int exportDate, Clv100RoundingPolicies policies)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(policies);
        if (currencyCode == "USD" || currencyCode == "   ")
            return new RateSelection(true, ExchangeRate.UsDollar, RateSource.UsDollar, null);
        int quarter = QuarterStart(exportDate);
        var q = reference.FindExchangeRate(currencyCode, CertifiedRateType.Quarterly, quarter);
        if (q is null) return new RateSelection(false, default, RateSource.Quarterly, null);
        var d = reference.FindExchangeRate(currencyCode, CertifiedRateType.Daily, exportDate);
        if (d is null) return new RateSelection(true, q.Rate, RateSource.Quarterly, null);
        var variance = Variance(d.Rate, q.Rate, policies.RateVariance);
        return variance >= Five || variance <= -Five
            ? new RateSelection(true, d.Rate, RateSource.Daily, variance)
            : new RateSelection(true, q.Rate, RateSource.Quarterly, variance);
    }

    /// <summary>COMPUTE WS-RATE-VARIANCE ROUNDED = (daily − quarterly) × 100 / quarterly (no ON SIZE ERROR).</summary>
    public static CobolDecimal Variance(ExchangeRate daily, ExchangeRate quarterly, CobolRoundingMode mode)
    {
        if (mode is CobolRoundingMode.Truncation or CobolRoundingMode.NearestAwayFromZero && !quarterly.IsZero)
        {
            // exact: (d − q) × 100 / q at scale 2 = (d − q) × 10^4 / q (both in millionths); then high-order truncation to 5 digits
            Int128 num = ((Int128)daily.Millionths - quarterly.Millionths) * 10_000;
            Int128 den = quarterly.Millionths;
            var v = num / den;
            var rem = num % den;
            if (mode == CobolRoundingMode.NearestAwayFromZero && rem != 0 && Int128.Abs(rem) * 2 >= den) v += num < 0 ? -1 : 1;
            return CobolDecimal.FromUnscaled((long)(v % 100_000), 2);
        }
        var quotient = CobolArithmetic.Divide((daily.Value - quarterly.Value) * Hundred, quarterly.Value);
        return CobolArithmetic.Store(quotient, VariancePicture, mode).Value;
    }

    /// <summary>
    /// The legacy's quarter start: month − 1 (PIC 99), / 3 (PIC 9, truncated), × 3 + 1, day 01. Works on any
    /// eight-digit number (the export date has been validated before).
    /// </summary>
    public static int QuarterStart(int ccyymmdd)
    {
        int year = ccyymmdd / 10000, month = ccyymmdd / 100 % 100;
        int offset = (month - 1 + 100) % 100;        // SUBTRACT 1 FROM MM GIVING PIC 99: unsigned, two digits
        int q = offset / 3 % 10;                       // DIVIDE BY 3 GIVING PIC 9: truncated
        int qm = (q * 3 + 1) % 100;
        return year * 10000 + qm * 100 + 1;
    }
}

/// <summary>
/// An accepted entry header with what CLV100 saves for its lines (2280-SAVE-HEADER) and the rates found for it.
/// Text fields keep the legacy's fixed widths.
/// </summary>
public sealed record AcceptedEntry(
    string EntryNumber, string EntryType, string ImporterNumber, string PortCode, int EntryDate, int ExportDate,
    string TransportMode, char PaymentType, int StatementDate, char ManualFlag, string CurrencyCode, int LineCount,
    ExchangeRate ExchangeRate, RateSource RateSource, AdValoremRate MpfRate, AdValoremRate CottonRate);

/// <summary>The outcome of the header edits: the accepted entry, or the reason it is rejected.</summary>
public readonly record struct HeaderOutcome(AcceptedEntry? Entry, string? Reason)
{
    public bool Accepted => Entry is not null;
}

/// <summary>
/// CLV100's header edits (2210, first error found is reported) followed by the rate look-ups (2250 exchange rate,
/// 2260 MPF and cotton fee rates for the entry date).
/// </summary>
public static class EntryHeaderEdits
{
    private static readonly HashSet<string> EntryTypes = new(StringComparer.Ordinal) { "01", "02", "03", "06", "07", "11", "12", "31", "32", "34", "38" };
    private static readonly HashSet<int> TransportModes = [10, 11, 12, 20, 21, 30, 31, 32, 33, 34, 40, 41, 50, 60, 70];

    /// <summary>LOW-VALUES: the "previous entry number" before the first header.</summary>
    public static readonly string NoPreviousEntry = new('\0', 11);

    public static HeaderOutcome Evaluate(EntryHeaderFields h, int runDate, string previousEntryNumber, Clv100Reference reference, Clv100RoundingPolicies policies)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(reference);
        var reason = Validate(h, runDate, previousEntryNumber);
        if (reason is not null) return new HeaderOutcome(null, reason);
        int entryDate = Digits(h.EntryDate), exportDate = Digits(h.ExportDate);
        var rate = ExchangeRateSelector.Select(reference, h.CurrencyCode, exportDate, policies);
        if (!rate.Found) return new HeaderOutcome(null, Clv100Reasons.NoExchangeRate);
        var mpf = reference.FindFee("499", entryDate);
        if (mpf is null) return new HeaderOutcome(null, Clv100Reasons.NoFeeSchedule);
        var cotton = reference.FindFee("056", entryDate);
        if (cotton is null) return new HeaderOutcome(null, Clv100Reasons.NoFeeSchedule);
        char pay = h.PaymentType[0];
        var entry = new AcceptedEntry(
            h.EntryNumber, h.EntryType, h.ImporterNumber, h.PortCode, entryDate, exportDate, h.TransportMode, pay,
            pay == '2' ? Digits(h.StatementDate) : 0,
            h.ManualFlag == 'Y' ? 'Y' : 'N',
            h.CurrencyCode == "   " ? "USD" : h.CurrencyCode,
            Digits(h.LineCount), rate.Rate, rate.Source, mpf.Rate, cotton.Rate);
        return new HeaderOutcome(entry, null);
    }

    /// <summary>2210-VALIDATE-HEADER: the first failing edit's reason code, or null.</summary>
    public static string? Validate(EntryHeaderFields h, int runDate, string previousEntryNumber)
    {
        ArgumentNullException.ThrowIfNull(h);
        var no = h.EntryNumber;
        var charsValid = EntryNumber.ComputeCheckDigit(no.AsSpan(0, 10), out var expected);
        if (no.AsSpan(0, 3).SequenceEqual("   ")) charsValid = false;
        if (!charsValid || !IsDigits(no.AsSpan(3, 7))) return Clv100Reasons.FilerCodeOrSerial;
        if (!IsDigits(no.AsSpan(10, 1)) || no[10] - '0' != expected) return Clv100Reasons.CheckDigit;
        if (string.CompareOrdinal(no, previousEntryNumber) <= 0) return Clv100Reasons.EntrySequence;
        if (!EntryTypes.Contains(h.EntryType)) return Clv100Reasons.EntryType;
        if (IsBlank(h.ImporterNumber)) return Clv100Reasons.ImporterMissing;
        if (!IsDigits(h.PortCode)) return Clv100Reasons.PortCode;
        if (!CobolDate.TryParse(h.EntryDate, out var entryDate) || entryDate.Value > runDate) return Clv100Reasons.EntryDate;
        if (!CobolDate.TryParse(h.ExportDate, out var exportDate) || exportDate > entryDate) return Clv100Reasons.ExportDate;
        if (!IsDigits(h.TransportMode) || !TransportModes.Contains(Digits(h.TransportMode))) return Clv100Reasons.TransportMode;
        if (!IsDigits(h.PaymentType) || h.PaymentType[0] is not ('1' or '2' or '6' or '7')) return Clv100Reasons.PaymentType;
        if (h.PaymentType[0] == '2' && !CobolDate.TryParse(h.StatementDate, out _)) return Clv100Reasons.StatementDate;
        if (h.ManualFlag is not ('Y' or 'N' or ' ')) return Clv100Reasons.ManualFlag;
        if (!IsDigits(h.LineCount) || Digits(h.LineCount) == 0) return Clv100Reasons.LineCount;
        return null;
    }

    internal static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return true;
    }

    internal static bool IsBlank(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (c != ' ') return false;
        return true;
    }

    internal static int Digits(ReadOnlySpan<char> s)
    {
        int v = 0;
        foreach (var c in s) v = v * 10 + (c - '0');
        return v;
    }
}
