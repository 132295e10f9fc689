namespace Collections.Parity.Model;

/// <summary>What explains a difference.</summary>
public enum DiffClass
{
    /// <summary>One side truncates where the other rounds (differ by less than one unit of the last place).</summary>
    Truncation,
    /// <summary>Both round, in different modes (half-up vs half-even vs away from zero).</summary>
    RoundingMode,
    /// <summary>Round-then-sum vs sum-then-round.</summary>
    RoundingStage,
    /// <summary>Differ by a multiple of the PIC's capacity: an overflow lost the high-order digits.</summary>
    HighOrderTruncation,
    /// <summary>The difference is the sum of differences already reported on the fields or lines it is built from.</summary>
    Propagated,
    /// <summary>Amounts moved between sibling lines; their parent total is unchanged.</summary>
    Reallocation,
    /// <summary>No rule explains it.</summary>
    Unexplained,
    /// <summary>A non-numeric field differs.</summary>
    Text,
    /// <summary>A field does not decode on one side.</summary>
    InvalidData,
    /// <summary>A record only the legacy has.</summary>
    MissingRecord,
    /// <summary>A record only the modern side has.</summary>
    ExtraRecord,
    /// <summary>Same records, another order.</summary>
    RecordOrder,
    /// <summary>A control total or balance identity that does not hold.</summary>
    Gate,
    /// <summary>Return codes differ.</summary>
    ReturnCode,
}

/// <summary>Per-file verdict.</summary>
public enum FileStatus
{
    /// <summary>Identical bytes.</summary>
    Identical,
    /// <summary>Same records field by field once masked fields are ignored; bytes differ only there.</summary>
    Equivalent,
    /// <summary>Same records in another order.</summary>
    Reordered,
    /// <summary>Records differ.</summary>
    Different,
    /// <summary>The legacy wrote it; the modern side does not produce it yet (step not ported).</summary>
    NotProduced,
    /// <summary>Neither side has it.</summary>
    Absent,
    /// <summary>The modern side wrote a file the legacy did not.</summary>
    LegacyMissing,
}

/// <summary>
/// One difference: a field of a matched record, a whole record present on one side only, a gate, a return code
/// or a file's record order. The register matches on these.
/// </summary>
public sealed class Difference
{
    public string Day { get; set; } = "";
    public string File { get; init; } = "";
    public string RecordType { get; init; } = "";
    public string Key { get; init; } = "";
    public string Field { get; init; } = "";
    public string Legacy { get; set; } = "";
    public string Modern { get; set; } = "";
    public string LegacyHex { get; init; } = "";
    public string ModernHex { get; init; } = "";
    public bool Numeric { get; init; }
    public long? LegacyUnscaled { get; init; }
    public long? ModernUnscaled { get; init; }
    public int Scale { get; init; }
    public int Digits { get; init; }

    /// <summary>Modern minus legacy, unscaled.</summary>
    public long Delta { get; init; }
    public bool IsMoney { get; init; }

    /// <summary>Signed impact in cents (modern minus legacy) when a money field or a record's money.</summary>
    public long Cents { get; set; }
    public DiffClass Class { get; set; } = DiffClass.Unexplained;
    public string Explanation { get; set; } = "";
    public string? RuleId { get; set; }
    public bool Covered => RuleId is not null;
    public long LegacyRecordNo { get; init; }
    public long ModernRecordNo { get; init; }
    public int Occurrence { get; init; }
    public Dictionary<string, string> Attributes { get; init; } = [];

    /// <summary>Higher-precision source on each side (same record) and its scale, when configured.</summary>
    public long? PreciseLegacy { get; init; }
    public long? PreciseModern { get; init; }
    public int PreciseScale { get; init; }

    /// <summary>For a parent total: the child differences it was traced to ("file key field Δ").</summary>
    public List<string> Trace { get; init; } = [];

    /// <summary>Roll-up id → the parent key this record belongs to (or is, for a parent record).</summary>
    public Dictionary<string, string> RollupKeys { get; init; } = [];
}

/// <summary>One record that differs, with its field differences.</summary>
public sealed class RecordDiff
{
    public string File { get; init; } = "";
    public string RecordType { get; init; } = "";
    public string Key { get; init; } = "";

    /// <summary>modified | only-legacy | only-modern</summary>
    public string Kind { get; init; } = "modified";
    public long LegacyRecordNo { get; init; }
    public long ModernRecordNo { get; init; }
    public string LegacyHex { get; init; } = "";
    public string ModernHex { get; init; } = "";
    public List<Difference> Fields { get; init; } = [];
}

public sealed class FileResult
{
    public string Name { get; init; } = "";
    public FileStatus Status { get; set; }
    public string Step { get; init; } = "";
    public long LegacyRecords { get; set; }
    public long ModernRecords { get; set; }
    public long Equal { get; set; }
    public long Modified { get; set; }
    public long OnlyLegacy { get; set; }
    public long OnlyModern { get; set; }

    /// <summary>Legacy records written by steps the modern side does not run yet (files several steps write).</summary>
    public long NotProducedRecords { get; set; }
    public SortedDictionary<string, long> NotProducedTypeCounts { get; init; } = new(StringComparer.Ordinal);
    public long MaskedFieldDifferences { get; set; }
    public long FieldDifferences { get; set; }
    public string? LegacySha256 { get; set; }
    public string? ModernSha256 { get; set; }
    public long LegacyBytes { get; set; }
    public long ModernBytes { get; set; }
    public string ByteVerdict { get; set; } = "";
    public SortedDictionary<string, long> LegacyTypeCounts { get; init; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> ModernTypeCounts { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Differing records (capped at the detail limit; the counts above are always complete).</summary>
    public List<RecordDiff> Records { get; init; } = [];
    public bool DetailTruncated { get; set; }
    public List<string> Errors { get; init; } = [];
    public Impact Impact { get; set; } = new();
}

/// <summary>Dollar impact of a set of differences, in cents.</summary>
public sealed class Impact
{
    public long AbsoluteCents { get; set; }
    public long NetCents { get; set; }
    public long LargestCents { get; set; }
    public long Count { get; set; }

    /// <summary>Histogram of |difference| in cents: bucket label → count.</summary>
    public SortedDictionary<int, long> Histogram { get; init; } = [];

    public static readonly (int Upper, string Label)[] Buckets =
        [(1, "1¢"), (2, "2¢"), (5, "3–5¢"), (10, "6–10¢"), (100, "11¢–$1"), (1000, "$1–$10"), (10000, "$10–$100"), (int.MaxValue, "> $100")];

    public void Add(long cents)
    {
        if (cents == 0) return;
        var abs = Math.Abs(cents);
        AbsoluteCents += abs;
        NetCents += cents;
        LargestCents = Math.Max(LargestCents, abs);
        Count++;
        for (var i = 0; i < Buckets.Length; i++)
        {
            if (abs <= Buckets[i].Upper)
            {
                Histogram[i] = Histogram.GetValueOrDefault(i) + 1;
                break;
            }
        }
    }

    public void Add(Impact other)
    {
        AbsoluteCents += other.AbsoluteCents;
        NetCents += other.NetCents;
        LargestCents = Math.Max(LargestCents, other.LargestCents);
        Count += other.Count;
        foreach (var (k, v) in other.Histogram) Histogram[k] = Histogram.GetValueOrDefault(k) + v;
    }
}

public sealed class GateResult
{
    public string Id { get; init; } = "";
    public string Description { get; init; } = "";

    /// <summary>legacy | modern | both (per-side identities) or "compare" (legacy vs modern).</summary>
    public string Side { get; init; } = "";
    public bool? Holds { get; set; }
    public string Detail { get; set; } = "";
}

public sealed class ReturnCodeResult
{
    public string Step { get; init; } = "";
    public int? Legacy { get; init; }
    public int? Modern { get; init; }
    public bool Compared { get; init; }
    public bool Equal => !Compared || Legacy == Modern;
}

/// <summary>A known-difference rule's use in a run.</summary>
public sealed class RuleUse
{
    public string Id { get; init; } = "";
    public string Owner { get; init; } = "";
    public string Reason { get; init; } = "";
    public string Expires { get; init; } = "";
    public bool Expired { get; init; }
    public long Records { get; set; }
    public long Cents { get; set; }

    /// <summary>Differences the rule would match but does not cover because it expired.</summary>
    public long ExpiredMatches { get; set; }
    public bool MatchedNothing => Records == 0 && ExpiredMatches == 0;
}

/// <summary>One compared day.</summary>
public sealed class DayResult
{
    public string Name { get; init; } = "";
    public string RunDate { get; init; } = "";
    public string Mode { get; init; } = "";
    public List<FileResult> Files { get; init; } = [];
    public List<GateResult> Gates { get; init; } = [];
    public List<ReturnCodeResult> ReturnCodes { get; init; } = [];
    public List<Difference> Differences { get; init; } = [];
    public Impact Impact { get; set; } = new();
    public Impact HeadlineImpact { get; set; } = new();
    public List<string> Notes { get; init; } = [];
}

/// <summary>The whole run (one day or a chain).</summary>
public sealed class RunResult
{
    public string StartedUtc { get; init; } = "";
    public string Mode { get; init; } = "";
    public string ConfigSha256 { get; set; } = "";
    public string RegisterSha256 { get; set; } = "";
    public string RegisterPath { get; set; } = "";
    public List<DayResult> Days { get; init; } = [];
    public List<RuleUse> Rules { get; init; } = [];
    public long Uncovered { get; set; }
    public long Covered { get; set; }
    public Impact Impact { get; set; } = new();

    /// <summary>
    /// Data sets the legacy wrote and the modern side did not produce (steps not ported), on at least one day, with
    /// the CTLTOTS-style files whose records of unported steps were left out of the comparison. Not empty: the run
    /// compared only part of the cycle, and <see cref="Verdict"/> never reads plain PARITY.
    /// </summary>
    public SortedSet<string> NotProduced { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Set by <c>--require-all</c>: a data set not produced by the modern side fails the run (exit 1).</summary>
    public bool RequireAll { get; set; }

    /// <summary>True when every configured data set the legacy wrote was compared on every day.</summary>
    public bool Complete => NotProduced.Count == 0;

    /// <summary>0 = every difference covered (and, with <see cref="RequireAll"/>, every data set produced), 1 = not.</summary>
    public int ExitCode => Uncovered == 0 && (Complete || !RequireAll) ? 0 : 1;

    public string Verdict =>
        Uncovered > 0 ? "DIFFERENCES"
        : !Complete ? (Covered == 0 ? "PARITY ON PORTED STEPS ONLY" : "PARITY ON PORTED STEPS ONLY (known differences only)")
                      + " - not produced by the modern side: " + string.Join(", ", NotProduced)
                      + (RequireAll ? " (required: FAIL)" : "")
        : Covered == 0 ? "PARITY" : "PARITY (known differences only)";
}
