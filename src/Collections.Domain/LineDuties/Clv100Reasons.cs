namespace Collections.Domain.LineDuties;

/// <summary>A reject or warning reason of CLV100: code, severity (E rejected, W warning) and the listing text.</summary>
public sealed record Clv100Reason(string Code, char Severity, string Text);

/// <summary>
/// CLV100's reason table (WS-REASON-TABLE), in the program's order. R = record level, H = entry header (entry
/// rejected with all its lines, which get L002), L = line, W = warning (processed), T = trailer (RC 8).
/// </summary>
public static class Clv100Reasons
{
    public const string RecordType = "R001", ShortRecord = "R002", AfterTrailer = "R003";
    public const string FilerCodeOrSerial = "H001", CheckDigit = "H002", EntrySequence = "H003", EntryType = "H004",
        EntryDate = "H005", ExportDate = "H006", PortCode = "H007", TransportMode = "H008", PaymentType = "H009",
        StatementDate = "H010", NoExchangeRate = "H011", ManualFlag = "H012", LineCount = "H013", NoFeeSchedule = "H014",
        ImporterMissing = "H015";
    public const string NoHeader = "L001", HeaderRejected = "L002", LineNumber = "L003", ForeignValue = "L004",
        QuantityOrKg = "L005", HtsNotOnTariff = "L006", SpiUnknown = "L007", UnitMismatch = "L008", Chapter99Count = "L009",
        Chapter99Invalid = "L010", AdcvdCaseUnknown = "L011", AdcvdCountry = "L012", AmountTooLarge = "L013";
    public const string AdcvdInactive = "W001", LineCountDisagrees = "W002";
    public const string TrailerMissing = "T001", TrailerRecordCount = "T002", TrailerEntryCount = "T003",
        TrailerHash = "T004", TrailerNotNumeric = "T005";

    public static readonly IReadOnlyList<Clv100Reason> All =
    [
        new("R001", 'E', "RECORD TYPE NOT H, L OR T"),
        new("R002", 'E', "SHORT RECORD - LENGTH LESS THAN 250"),
        new("R003", 'E', "RECORD FOLLOWS THE FILE TRAILER"),
        new("H001", 'E', "ENTRY NUMBER FILER CODE OR SERIAL INVALID"),
        new("H002", 'E', "ENTRY NUMBER CHECK DIGIT INVALID"),
        new("H003", 'E', "ENTRY NUMBER DUPLICATE OR OUT OF SEQUENCE"),
        new("H004", 'E', "ENTRY TYPE INVALID OR NOT COLLECTED BY ACS"),
        new("H005", 'E', "ENTRY DATE INVALID OR AFTER RUN DATE"),
        new("H006", 'E', "EXPORT DATE INVALID OR AFTER ENTRY DATE"),
        new("H007", 'E', "PORT CODE NOT NUMERIC"),
        new("H008", 'E', "MODE OF TRANSPORTATION INVALID"),
        new("H009", 'E', "PAYMENT TYPE INVALID"),
        new("H010", 'E', "STATEMENT DATE MISSING OR INVALID FOR PAYMENT TYPE 2"),
        new("H011", 'E', "NO CERTIFIED EXCHANGE RATE FOR CURRENCY/EXPORT DATE"),
        new("H012", 'E', "MANUAL ENTRY FLAG INVALID"),
        new("H013", 'E', "LINE COUNT NOT NUMERIC OR ZERO"),
        new("H014", 'E', "NO FEE SCHEDULE FOR ENTRY DATE"),
        new("H015", 'E', "IMPORTER NUMBER MISSING"),
        new("L001", 'E', "LINE HAS NO MATCHING ENTRY HEADER"),
        new("L002", 'E', "ENTRY HEADER REJECTED - LINE NOT PROCESSED"),
        new("L003", 'E', "LINE NUMBER INVALID OR OUT OF SEQUENCE"),
        new("L004", 'E', "FOREIGN VALUE NOT NUMERIC OR NOT POSITIVE"),
        new("L005", 'E', "NET QUANTITY OR NET KILOGRAMS NOT NUMERIC"),
        new("L006", 'E', "HTS NUMBER NOT ON TARIFF FILE FOR ENTRY DATE"),
        new("L007", 'E', "SPI CODE NOT ON SPECIAL PROGRAM FILE"),
        new("L008", 'E', "UNIT OF QUANTITY DOES NOT MATCH TARIFF"),
        new("L009", 'E', "CHAPTER 99 COUNT INVALID"),
        new("L010", 'E', "CHAPTER 99 NUMBER NOT VALID FOR ORIGIN AND ENTRY DATE"),
        new("L011", 'E', "AD/CVD CASE NOT ON CASE FILE"),
        new("L012", 'E', "AD/CVD CASE COUNTRY DOES NOT MATCH ORIGIN"),
        new("L013", 'E', "CALCULATED AMOUNT EXCEEDS FIELD SIZE"),
        new("W001", 'W', "AD/CVD CASE INACTIVE - NO CASH DEPOSIT"),
        new("W002", 'W', "LINE COUNT DOES NOT AGREE WITH HEADER"),
        new("T001", 'E', "FILE TRAILER MISSING"),
        new("T002", 'E', "TRAILER RECORD COUNT DOES NOT AGREE"),
        new("T003", 'E', "TRAILER ENTRY COUNT DOES NOT AGREE"),
        new("T004", 'E', "TRAILER VALUE HASH TOTAL DOES NOT AGREE"),
        new("T005", 'E', "TRAILER COUNTS NOT NUMERIC"),
    ];

    private static readonly Dictionary<string, Clv100Reason> ByCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>The reason for a code; an unknown code gives severity E and "UNDEFINED REASON CODE" (the table's AT END).</summary>
    public static Clv100Reason Get(string code) =>
        ByCode.TryGetValue(code, out var r) ? r : new Clv100Reason(code, 'E', "UNDEFINED REASON CODE");
}
