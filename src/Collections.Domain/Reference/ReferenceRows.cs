using Collections.Domain.Values;

namespace Collections.Domain.Reference;

// Reference data as the legacy tables hold it (ref/*.DAT, copybooks REF*.cpy). Codes are kept as the fixed-width
// text the legacy compares byte for byte (a tariff HTS is X(10), a country X(02), ...); dates that are only
// required to be numeric (an end date of 99999999 = open) are CCYYMMDD integers.

/// <summary>How a tariff line is dutiable (REFTARIF TRF-RATE-TYPE).</summary>
public enum TariffRateType
{
    /// <summary>F: free.</summary>
    Free = 'F',
    /// <summary>A: ad valorem, a rate of the U.S. value.</summary>
    AdValorem = 'A',
    /// <summary>S: specific, dollars per unit of quantity.</summary>
    Specific = 'S',
    /// <summary>C: compound, ad valorem plus specific.</summary>
    Compound = 'C',
}

/// <summary>
/// One tariff rate (REFTARIF, TARIFF.DAT): HTS number, effective period, rate form, unit of quantity ("X  " = no
/// quantity required), cotton fee flag and the special programs (up to 8 two-character SPI codes) under which the
/// line is free.
/// </summary>
public sealed record TariffRate(
    string HtsNumber, int EffectiveDate, int EndDate, TariffRateType RateType, AdValoremRate AdValoremRate,
    SpecificRate SpecificRate, string Unit, char CottonFlag, IReadOnlyList<string> SpiCodes, string Description)
{
    public bool InForceOn(int date) => EffectiveDate <= date && EndDate >= date;
    public bool CottonFeeApplies => CottonFlag == 'Y';
    /// <summary>True when the unit of quantity reported on a line need not match (unit "X").</summary>
    public bool AnyUnit => Unit == "X  ";
}

/// <summary>
/// A Chapter 99 heading (REFCH99, CH99.DAT): country of origin ("**" = any), effective period, ad valorem rate,
/// stacking group ("00" = cumulative, always applies; any other group is exclusive: only the highest priority, i.e.
/// lowest number, heading of the group on a line applies), priority and revenue class.
/// </summary>
public sealed record Chapter99Heading(
    string Heading, string Country, int EffectiveDate, int EndDate, AdValoremRate Rate, string StackGroup,
    int Priority, string RevenueClass, string Description)
{
    public const string AnyCountry = "**";
    public const string CumulativeGroup = "00";
    public bool InForceOn(int date) => EffectiveDate <= date && EndDate >= date;
    public bool AppliesTo(string origin) => Country == origin || Country == AnyCountry;
}

/// <summary>AD/CVD deposit basis (REFADCVD ADC-RATE-TYPE).</summary>
public enum AdcvdRateType
{
    /// <summary>V: a rate of the entered (U.S.) value.</summary>
    AdValorem = 'V',
    /// <summary>K: dollars per kilogram.</summary>
    PerKilogram = 'K',
}

/// <summary>
/// An antidumping (A...) or countervailing (C...) duty case (REFADCVD, ADCVD.DAT): country, deposit basis and rate,
/// status (A = active: cash deposit; anything else inactive) and effective date (text: the legacy never edits it).
/// </summary>
public sealed record AdcvdCase(
    string CaseNumber, string Country, AdcvdRateType RateType, SpecificRate DepositRate, char Status,
    string EffectiveDate, string Description)
{
    public bool IsActive => Status == 'A';
}

/// <summary>Certified rate kind (REFEXRT EXR-RATE-TYPE).</summary>
public enum CertifiedRateType
{
    /// <summary>Q: the quarterly rate, dated the first day of the calendar quarter.</summary>
    Quarterly = 'Q',
    /// <summary>D: the daily rate for its date.</summary>
    Daily = 'D',
}

/// <summary>A certified exchange rate (REFEXRT, EXRATE.DAT): foreign units per U.S. dollar.</summary>
public sealed record CertifiedRate(string Currency, CertifiedRateType RateType, int Date, ExchangeRate Rate, string Source);

/// <summary>A special program indicator (REFSPI, SPI.DAT) and whether lines claiming it are exempt from MPF.</summary>
public sealed record SpecialProgram(string Code, char MpfExempt, string Description)
{
    public bool IsMpfExempt => MpfExempt == 'Y';
}

/// <summary>Fee calculation kind (REFFEES FEE-CALC-TYPE).</summary>
public enum FeeCalcType
{
    /// <summary>R: rate of value with optional minimum and maximum.</summary>
    Rate = 'R',
    /// <summary>F: flat amount per entry.</summary>
    Flat = 'F',
    /// <summary>K: rate per kilogram.</summary>
    PerKilogram = 'K',
}

/// <summary>
/// A fee schedule row (REFFEES, FEES.DAT): revenue class (056 cotton, 311 informal, 499 MPF, 500 manual surcharge,
/// 501 HMF), effective period (formal MPF, informal and surcharge rows follow the fiscal year, Oct 1 - Sep 30),
/// calculation kind (kept as the character in the file: the legacy does not edit it), rate, minimum, maximum and
/// flat amount.
/// </summary>
public sealed record FeeScheduleEntry(
    string ClassCode, int EffectiveDate, int EndDate, char CalcType, AdValoremRate Rate, Money Minimum, Money Maximum,
    Money FlatAmount, string Description)
{
    public bool InForceOn(int date) => EffectiveDate <= date && EndDate >= date;
}

/// <summary>A port subject to the harbor maintenance fee (REFHMFP, HMFPORT.DAT). The code is kept as filed (4 chars).</summary>
public sealed record HmfPort(string PortCode, string Name);

/// <summary>A federal holiday as observed (REFHOLI, HOLIDAY.DAT). Date as filed (8 chars).</summary>
public sealed record FederalHoliday(string Date, string Name);

/// <summary>
/// Quarterly interest rates (REFINTR, INTRATE.DAT): annual percent with three decimals (PIC 99V999), held in
/// thousandths of a percent (7.000 % = 7000). Dates as filed (8 chars).
/// </summary>
public sealed record InterestRate(string EffectiveDate, string EndDate, string UnderpaymentRate, string OverpaymentRate, string Source);
