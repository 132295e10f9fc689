namespace Collections.Parity.Generation;

/// <summary>
/// A deliberate defect the generator plants in an otherwise valid record, named by the CLV100 reason code it must
/// produce. Header defects reject the entry (its lines then get L002); line defects reject the line; W001/W002 are
/// warnings (processed). None of these stops the run; the run-stopping defects are <see cref="TrailerError"/>.
/// </summary>
public enum Corruption
{
    R001RecordType,
    H001FilerInvalid,
    H001SerialNotNumeric,
    H002CheckDigit,
    H003Duplicate,
    H004EntryType,
    H005EntryDateAfterRun,
    H005EntryDateInvalid,
    H006ExportAfterEntry,
    H006ExportDateInvalid,
    H007PortNotNumeric,
    H008Mode,
    H009PaymentType,
    H010StatementDate,
    H011NoRate,
    H012ManualFlag,
    H013LineCount,
    H014NoFeeSchedule,
    H015ImporterMissing,
    L001Orphan,
    L003LineNumber,
    L004ValueBlank,
    L004ValueBadNibble,
    L004ValueNotPositive,
    L005QuantityBadNibble,
    L005KgBlank,
    L006UnknownHts,
    L007UnknownSpi,
    L008Unit,
    L009Ch99Count,
    L010Ch99NotValid,
    L011UnknownCase,
    L012CaseCountry,
    L013Overflow,
    W001InactiveCase,
    W002LineCount,
}

/// <summary>Defects that stop CLV100 with return code 8 (the file as a whole is out of balance or damaged).</summary>
public enum TrailerError
{
    None,
    /// <summary>T002: trailer record count one too many.</summary>
    Count,
    /// <summary>T003: trailer entry count one too many.</summary>
    Entries,
    /// <summary>T004: trailer value hash off by 1.00.</summary>
    Hash,
    /// <summary>T005: trailer counts not numeric.</summary>
    NonNumeric,
    /// <summary>T001: no trailer record.</summary>
    Missing,
    /// <summary>R002 + T001: the trailer is cut to 120 bytes.</summary>
    ShortLast,
    /// <summary>R003: a line record follows the trailer.</summary>
    AfterTrailer,
}

public static class CorruptionCodes
{
    public static string ReasonCode(this Corruption c) => c.ToString()[..4];

    public static bool IsHeader(this Corruption c) => c.ToString()[0] == 'H';

    public static bool IsLine(this Corruption c) => c.ToString()[0] is 'L' or 'W' && c != Corruption.W002LineCount && c != Corruption.L001Orphan;

    /// <summary>Reason codes written to REJECTS for a trailer error (besides any record-level ones).</summary>
    public static IReadOnlyList<string> ReasonCodes(this TrailerError e) => e switch
    {
        TrailerError.Count => ["T002"],
        TrailerError.Entries => ["T003"],
        TrailerError.Hash => ["T004"],
        TrailerError.NonNumeric => ["T005"],
        TrailerError.Missing => ["T001"],
        TrailerError.ShortLast => ["R002", "T001"],
        TrailerError.AfterTrailer => ["R003"],
        _ => [],
    };

    public static TrailerError ParseTrailerError(string text) => text switch
    {
        "none" => TrailerError.None,
        "count" => TrailerError.Count,
        "entries" => TrailerError.Entries,
        "hash" => TrailerError.Hash,
        "non-numeric" => TrailerError.NonNumeric,
        "missing" => TrailerError.Missing,
        "short-last" => TrailerError.ShortLast,
        "after-trailer" => TrailerError.AfterTrailer,
        _ => throw new ArgumentException($"unknown trailer error '{text}' (none|count|entries|hash|non-numeric|missing|short-last|after-trailer)"),
    };
}
