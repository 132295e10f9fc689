namespace Collections.Domain.EntryFees;

/// <summary>Revenue class of a Chapter 99 duty, as CLV200 totals them (LC-CH99-REV-CLASS).</summary>
public enum Chapter99Class : byte
{
    /// <summary>Any class other than the four below ("OTH99").</summary>
    Other,
    Section301,
    Section232,
    Ieepa,
    Section122,
}

/// <summary>One of the three Chapter 99 slots of a line. Default: not applied, zero.</summary>
public readonly record struct Chapter99Charge(bool Applied, Chapter99Class RevenueClass, long AmountCents)
{
    /// <summary>Maps the 3-character revenue class of the line record (301, 232, IEP, 122, anything else).</summary>
    public static Chapter99Class ClassOf(ReadOnlySpan<char> revenueClass) => revenueClass switch
    {
        "301" => Chapter99Class.Section301,
        "232" => Chapter99Class.Section232,
        "IEP" => Chapter99Class.Ieepa,
        "122" => Chapter99Class.Section122,
        _ => Chapter99Class.Other,
    };

    /// <summary>The same mapping on the 3 bytes of LC-CH99-REV-CLASS.</summary>
    public static Chapter99Class ClassOf(ReadOnlySpan<byte> revenueClass) => revenueClass switch
    {
        [(byte)'3', (byte)'0', (byte)'1'] => Chapter99Class.Section301,
        [(byte)'2', (byte)'3', (byte)'2'] => Chapter99Class.Section232,
        [(byte)'I', (byte)'E', (byte)'P'] => Chapter99Class.Ieepa,
        [(byte)'1', (byte)'2', (byte)'2'] => Chapter99Class.Section122,
        _ => Chapter99Class.Other,
    };
}

/// <summary>
/// Entry data CLV200 takes from the first line of the entry (2200-START-ENTRY). Dates are CCYYMMDD integers.
/// </summary>
/// <param name="EntryType">entry type (2 characters); 11 and 12 are informal</param>
/// <param name="PortCode">port of entry (4 characters, Schedule D)</param>
/// <param name="EntryDate">entry date CCYYMMDD (selects the fee schedule)</param>
/// <param name="TransportMode">mode of transportation; 10 and 11 are vessel</param>
/// <param name="IsManual">manual entry flag = Y</param>
public readonly record struct EntryFeeHeader(FixedCode EntryNumber, FixedCode EntryType, FixedCode PortCode, int EntryDate, int TransportMode, bool IsManual)
{
    private static readonly FixedCode Informal11 = "11", Informal12 = "12";

    /// <summary>88 WS-CUR-INFORMAL VALUE '11' '12'.</summary>
    public bool IsInformal => EntryType == Informal11 || EntryType == Informal12;

    public bool IsVessel => TransportMode is 10 or 11;
}

/// <summary>
/// One line of an entry as CLV100 computed it (LINECALC). Money in cents; <see cref="RawMpfE5"/> in units of
/// 0.00001 dollar (PIC S9(09)V9(05)).
/// </summary>
public readonly record struct EntryFeeLine(
    int LineNumber,
    bool IsAssessable,
    FixedCode HtsNumber,
    FixedCode SpiCode,
    long UsdValueCents,
    long DutyCents,
    Chapter99Charge Chapter99First,
    Chapter99Charge Chapter99Second,
    Chapter99Charge Chapter99Third,
    bool AdCvdIsCountervailing,
    long AdCvdCents,
    long RawMpfE5,
    long CottonFeeCents);
