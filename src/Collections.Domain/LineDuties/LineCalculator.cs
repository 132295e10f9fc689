using Collections.Cobol.Codecs;
using Collections.Cobol.Numerics;
using Collections.Domain.Reference;
using Collections.Domain.Values;

namespace Collections.Domain.LineDuties;

/// <summary>
/// The fields of an entry summary line as filed (ENTRYREC L record), viewed in place: the text fields are the
/// record's bytes (fixed width, compared byte for byte as the legacy does); a packed amount that is not valid packed
/// decimal (the legacy's class test NUMERIC fails) is null; amounts are unscaled hundredths (PIC S9(11)V99 /
/// S9(09)V99). A ref struct over the record being processed: building one allocates nothing.
/// </summary>
public readonly ref struct EntryLineFields
{
    /// <summary>EL-ENTRY-NO, X(11).</summary>
    public ReadOnlySpan<byte> EntryNumber { get; init; }
    /// <summary>EL-LINE-NO, 9(03) as filed (checked NUMERIC by the edits).</summary>
    public ReadOnlySpan<byte> LineNumber { get; init; }
    /// <summary>EL-HTS-NO, X(10).</summary>
    public ReadOnlySpan<byte> HtsNumber { get; init; }
    /// <summary>EL-ORIGIN-COUNTRY, X(02).</summary>
    public ReadOnlySpan<byte> OriginCountry { get; init; }
    /// <summary>EL-SPI-CODE, X(02) ("  " = none).</summary>
    public ReadOnlySpan<byte> SpiCode { get; init; }
    public long? ForeignValue { get; init; }
    public long? NetQuantity { get; init; }
    /// <summary>EL-QUANTITY-UNIT, X(03).</summary>
    public ReadOnlySpan<byte> QuantityUnit { get; init; }
    public long? NetKilograms { get; init; }
    /// <summary>EL-CH99-COUNT, one byte ('0'-'3' valid).</summary>
    public byte Chapter99Count { get; init; }
    /// <summary>EL-CH99-NO OCCURS 3, X(10) each: 30 bytes.</summary>
    public ReadOnlySpan<byte> Chapter99Numbers { get; init; }
    /// <summary>EL-ADCVD-CASE-NO, X(10) (blank = none).</summary>
    public ReadOnlySpan<byte> AdcvdCaseNumber { get; init; }

    public ReadOnlySpan<byte> Chapter99Number(int index) => index is >= 0 and < 3
        ? Chapter99Numbers.Slice(index * 10, 10)
        : throw new ArgumentOutOfRangeException(nameof(index));
}

/// <summary>One Chapter 99 slot of a line's result (LC-CH99-DATA).</summary>
public struct Chapter99Result
{
    /// <summary>Revenue class of the heading found ("   " when none).</summary>
    public string RevenueClass;
    public AdValoremRate Rate;
    /// <summary>'Y' applied, 'N' excluded by a higher priority heading of its stacking group, ' ' not evaluated.</summary>
    public char Applied;
    public Money Amount;
}

/// <summary>
/// What CLV100 computes for one line of an accepted entry (the calculated part of LINECALC). Built step by step
/// like the legacy: when the line is rejected the amounts are zeroed (2395) but the rate fields already moved
/// (rate type and rates, SPI free flag, Chapter 99 revenue class and rate of the headings found, AD/CVD type)
/// stay as they were, exactly as in the legacy's record.
/// </summary>
public sealed class LineCalculation
{
    /// <summary>'A' assessed, 'W' assessed with warning, 'R' rejected.</summary>
    public char Status { get; internal set; }
    /// <summary>The reject reason (status R) or warning (status W), else null.</summary>
    public string? Reason { get; internal set; }
    /// <summary>The tariff rate type character (' ' when the tariff was not reached).</summary>
    public char RateType { get; internal set; } = ' ';
    public AdValoremRate AdValoremRate { get; internal set; }
    public SpecificRate SpecificRate { get; internal set; }
    /// <summary>'Y' when the line's SPI is in the tariff row's SPI list (duty free), else 'N'.</summary>
    public char SpiFree { get; internal set; } = 'N';
    /// <summary>The U.S. value in whole dollars (held with cents, always .00).</summary>
    public Money UsdValue { get; internal set; }
    public Money Duty { get; internal set; }
    public Chapter99Result[] Chapter99 { get; } = [Blank(), Blank(), Blank()];
    /// <summary>First character of the AD/CVD case number when the case was found (' ' otherwise).</summary>
    public char AdcvdType { get; internal set; } = ' ';
    public Money AdcvdDeposit { get; internal set; }
    /// <summary>Raw line MPF in units of 0.00001 dollar (PIC S9(09)V9(05)).</summary>
    public long RawMpf { get; internal set; }
    public Money CottonFee { get; internal set; }

    public bool IsAssessed => Status is 'A' or 'W';
    public Money Chapter99Total => Chapter99[0].Amount + Chapter99[1].Amount + Chapter99[2].Amount;

    private static Chapter99Result Blank() => new() { RevenueClass = "   ", Applied = ' ' };

    /// <summary>Back to the state before a line's calculation (the result object is reused line after line).</summary>
    public void Reset()
    {
        Status = '\0';
        Reason = null;
        RateType = ' ';
        AdValoremRate = default;
        SpecificRate = default;
        SpiFree = 'N';
        UsdValue = Duty = AdcvdDeposit = CottonFee = Money.Zero;
        AdcvdType = ' ';
        RawMpf = 0;
        for (var i = 0; i < 3; i++) Chapter99[i] = Blank();
    }
}

/// <summary>
/// CLV100's line step for a line of an accepted entry (2310): edits and look-ups (2330), U.S. value (2340), regular
/// duty (2350), Chapter 99 additional duties with stacking (2360), AD/CVD cash deposit (2370), raw MPF and cotton fee
/// (2380). Every COMPUTE uses GnuCOBOL's intermediate precision (<see cref="CobolArithmetic"/>) and stores into the
/// legacy's receiving picture with the rounding named in <see cref="Clv100RoundingPolicies"/>; an ON SIZE ERROR
/// rejects the line with L013.
/// </summary>
public sealed class LineCalculator
{
    public static readonly NumericPic UsdWholePicture = new(11, 0, true);     // WS-LN-USD-WHOLE  S9(11)
    public static readonly NumericPic AmountPicture = new(13, 2, true);       // S9(11)V99
    public static readonly NumericPic RawMpfPicture = new(14, 5, true);       // S9(09)V9(05)

    private readonly Clv100Reference _reference;
    private readonly Clv100RoundingPolicies _policies;

    public LineCalculator(Clv100Reference reference, Clv100RoundingPolicies? policies = null)
    {
        _reference = reference ?? throw new ArgumentNullException(nameof(reference));
        _policies = policies ?? Clv100RoundingPolicies.Legacy;
    }

    public Clv100RoundingPolicies Policies => _policies;

    /// <summary>
    /// Calculates one line into <paramref name="result"/> (reset first: one result object serves a whole run).
    /// <paramref name="lastLineNumber"/> is the entry's last line number seen (WS-CUR-LAST-LINE-NO), updated as the
    /// legacy does.
    /// </summary>
    public void Calculate(AcceptedEntry entry, in EntryLineFields line, ref int lastLineNumber, LineCalculation result)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(result);
        var lc = result;
        lc.Reset();
        var reason = Validate(entry, line, lc, ref lastLineNumber, out var tariff);
        string? warning = null;
        if (reason is null) reason = ConvertValue(entry, line, lc);
        if (reason is null) reason = ComputeDuty(line, lc, tariff!);
        if (reason is null) reason = ComputeChapter99(entry, line, lc);
        if (reason is null) reason = ComputeAdcvd(line, lc, out warning);
        if (reason is null) reason = ComputeLineFees(entry, line, lc, tariff!.Row);
        if (reason is null)
        {
            lc.Status = warning is null ? 'A' : 'W';
            lc.Reason = warning;
        }
        else
        {
            // 2395: a rejected line's amounts are not carried.
            lc.Status = 'R';
            lc.Reason = reason;
            lc.UsdValue = lc.Duty = lc.AdcvdDeposit = lc.CottonFee = Money.Zero;
            lc.RawMpf = 0;
            for (int i = 0; i < 3; i++)
            {
                lc.Chapter99[i].Amount = Money.Zero;
                lc.Chapter99[i].Applied = ' ';
            }
        }
    }

    /// <summary>Calculates one line into a new result (convenience for callers that keep results).</summary>
    public LineCalculation Calculate(AcceptedEntry entry, in EntryLineFields line, ref int lastLineNumber)
    {
        var lc = new LineCalculation();
        Calculate(entry, line, ref lastLineNumber, lc);
        return lc;
    }

    // 2330-VALIDATE-LINE
    private string? Validate(AcceptedEntry entry, in EntryLineFields line, LineCalculation lc, ref int last, out TariffEntry? tariff)
    {
        tariff = null;
        bool numericLineNo = CobolNumericClass.IsUnsignedDisplay(line.LineNumber);
        int lineNo = numericLineNo ? (int)CobolNumericClass.UnsignedDisplayValue(line.LineNumber) : -1;
        if (!numericLineNo || lineNo != last + 1)
        {
            if (numericLineNo && lineNo > last) last = lineNo;
            return Clv100Reasons.LineNumber;
        }
        last = lineNo;
        if (line.ForeignValue is not { } fv || fv <= 0) return Clv100Reasons.ForeignValue;
        if (line.NetQuantity is null || line.NetKilograms is null) return Clv100Reasons.QuantityOrKg;
        tariff = _reference.FindTariffEntry(line.HtsNumber, entry.EntryDate);
        if (tariff is null) return Clv100Reasons.HtsNotOnTariff;
        var row = tariff.Row;
        lc.RateType = (char)row.RateType;
        lc.AdValoremRate = row.AdValoremRate;
        lc.SpecificRate = row.SpecificRate;
        if (!FixedText.IsBlank(line.SpiCode) && _reference.FindSpecialProgram(line.SpiCode) is null) return Clv100Reasons.SpiUnknown;
        if (!tariff.UnitMatches(line.QuantityUnit)) return Clv100Reasons.UnitMismatch;
        if (line.Chapter99Count is < (byte)'0' or > (byte)'3') return Clv100Reasons.Chapter99Count;
        return null;
    }

    // 2340-CONVERT-VALUE: value in U.S. dollars, ROUNDED to whole dollars.
    private string? ConvertValue(AcceptedEntry entry, in EntryLineFields line, LineCalculation lc)
    {
        if (!LegacyStore.TryDivide(line.ForeignValue!.Value, 2, entry.ExchangeRate.Millionths, 6, UsdWholePicture, _policies.UsdValue, out var dollars))
            return Clv100Reasons.AmountTooLarge;
        lc.UsdValue = Money.FromDollars(dollars);
        return null;
    }

    // 2350-COMPUTE-DUTY: free by SPI, else ad valorem / specific / compound.
    private string? ComputeDuty(in EntryLineFields line, LineCalculation lc, TariffEntry tariffEntry)
    {
        var tariff = tariffEntry.Row;
        if (!FixedText.IsBlank(line.SpiCode) && tariffEntry.SpiFree(line.SpiCode)) lc.SpiFree = 'Y';
        if (lc.SpiFree == 'Y')
        {
            lc.Duty = Money.Zero;
            return null;
        }
        string? reason = null;
        long adval = 0, specific = 0;
        if (tariff.RateType is TariffRateType.AdValorem or TariffRateType.Compound)
        {
            // 2352: USD value × ad valorem rate, ROUNDED
            if (!Mul(lc.UsdValue.Cents, 2, tariff.AdValoremRate.Millionths, AmountPicture, _policies.AdValoremDuty, out adval)) reason = Clv100Reasons.AmountTooLarge;
        }
        if (tariff.RateType is TariffRateType.Specific or TariffRateType.Compound)
        {
            // 2354: net quantity × specific rate, truncated
            if (!Mul(line.NetQuantity!.Value, 2, tariff.SpecificRate.Millionths, AmountPicture, _policies.SpecificDuty, out specific)) reason = Clv100Reasons.AmountTooLarge;
        }
        // COMPUTE LC-DUTY-AMT = ad valorem + specific (ON SIZE ERROR): two S9(11)V99 values, same scale; the sum of
        // two values below 10^13 cannot overflow a long
        long duty = adval + specific;
        if (Math.Abs(duty) > 99_999_999_999_99) reason = Clv100Reasons.AmountTooLarge; else lc.Duty = Money.FromCents(duty);
        return reason;
    }

    // 2360-COMPUTE-CH99-DUTIES: each heading must be in force for origin and entry date; stacking groups.
    private string? ComputeChapter99(AcceptedEntry entry, in EntryLineFields line, LineCalculation lc)
    {
        int count = line.Chapter99Count - '0';
        Span<int> priority = stackalloc int[3];
        Span<ushort> groups = stackalloc ushort[3];
        Span<bool> cumulative = stackalloc bool[3];
        for (int i = 0; i < count; i++)
        {
            var heading = _reference.FindChapter99(line.Chapter99Number(i), line.OriginCountry, entry.EntryDate);
            if (heading is null) return Clv100Reasons.Chapter99Invalid;
            lc.Chapter99[i].RevenueClass = heading.RevenueClass;
            lc.Chapter99[i].Rate = heading.Rate;
            cumulative[i] = heading.StackGroup == Chapter99Heading.CumulativeGroup;
            groups[i] = FixedText.Key2(heading.StackGroup) ?? 0;   // the loader keeps X(02): always two chars
            priority[i] = heading.Priority;
        }
        string? reason = null;
        for (int i = 0; i < count; i++)
        {
            // 2366-APPLY-STACKING: group 00 always applies; in any other group only the highest priority (lowest
            // number) applies, the earlier slot winning a tie.
            lc.Chapter99[i].Applied = 'Y';
            if (!cumulative[i])
                for (int o = 0; o < count; o++)
                    if (o != i && groups[o] == groups[i] && (priority[o] < priority[i] || (priority[o] == priority[i] && o < i)))
                        lc.Chapter99[i].Applied = 'N';
            if (lc.Chapter99[i].Applied == 'Y')
            {
                if (!Mul(lc.UsdValue.Cents, 2, lc.Chapter99[i].Rate.Millionths, AmountPicture, _policies.Chapter99Duty, out var amount)) reason = Clv100Reasons.AmountTooLarge;
                else lc.Chapter99[i].Amount = Money.FromCents(amount);
            }
        }
        return reason;
    }

    // 2370-COMPUTE-ADCVD
    private string? ComputeAdcvd(in EntryLineFields line, LineCalculation lc, out string? warning)
    {
        warning = null;
        if (FixedText.IsBlank(line.AdcvdCaseNumber)) return null;
        var c = _reference.FindAdcvdCase(line.AdcvdCaseNumber);
        if (c is null) return Clv100Reasons.AdcvdCaseUnknown;
        lc.AdcvdType = (char)line.AdcvdCaseNumber[0];
        if (!FixedText.Equal(c.Country, line.OriginCountry)) return Clv100Reasons.AdcvdCountry;
        if (!c.IsActive)
        {
            warning = Clv100Reasons.AdcvdInactive;
            lc.AdcvdDeposit = Money.Zero;
            return null;
        }
        // 2372-CASH-DEPOSIT
        var ok = c.RateType == AdcvdRateType.PerKilogram
            ? Mul(line.NetKilograms!.Value, 2, c.DepositRate.Millionths, AmountPicture, _policies.AdcvdPerKilogram, out var deposit)
            : Mul(lc.UsdValue.Cents, 2, c.DepositRate.Millionths, AmountPicture, _policies.AdcvdAdValorem, out deposit);
        if (!ok) return Clv100Reasons.AmountTooLarge;
        lc.AdcvdDeposit = Money.FromCents(deposit);
        return null;
    }

    // 2380-COMPUTE-LINE-FEES: raw MPF (5 decimals) and cotton fee.
    private string? ComputeLineFees(AcceptedEntry entry, in EntryLineFields line, LineCalculation lc, TariffRate tariff)
    {
        string? reason = null;
        if (!Mul(lc.UsdValue.Cents, 2, entry.MpfRate.Millionths, RawMpfPicture, _policies.RawMpf, out var mpf)) reason = Clv100Reasons.AmountTooLarge;
        else lc.RawMpf = mpf;
        if (tariff.CottonFeeApplies)
        {
            if (!Mul(line.NetKilograms!.Value, 2, entry.CottonRate.Millionths, AmountPicture, _policies.CottonFee, out var cotton)) reason = Clv100Reasons.AmountTooLarge;
            else lc.CottonFee = Money.FromCents(cotton);
        }
        return reason;
    }

    /// <summary>COMPUTE receiver [ROUNDED] = a (PIC ...V99) × rate (PIC ...V9(6)) ON SIZE ERROR.</summary>
    private static bool Mul(long a, int aScale, long rateMillionths, NumericPic receiver, CobolRoundingMode mode, out long result) =>
        LegacyStore.TryMultiply(a, aScale, rateMillionths, 6, receiver, mode, out result);
}
