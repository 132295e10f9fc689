namespace Collections.Persistence.Entities;

/// <summary>
/// One run of the daily cycle for a business date over one set of inputs. Identity: business date + SHA-256 of the
/// inputs (unique). A run that ended is never run again: the same inputs find it (already posted, or failed with its
/// message), different inputs for a posted day are refused (<see cref="PostedDay"/>).
/// </summary>
public sealed class BatchRun
{
    public long Id { get; set; }
    public DateOnly BusinessDate { get; set; }
    /// <summary>SHA-256 (lower-case hex) over the input data sets (ENTRYIN, PAYMENTS, SYSIN) as <see cref="InputHash"/> computes it.</summary>
    public string InputHash { get; set; } = "";
    public string InputDirectory { get; set; } = "";
    /// <summary>Lines per chunk of the chunked steps (a chunk holds whole entries, about this many lines).</summary>
    public int ChunkLines { get; set; }
    /// <summary>submitted, running, done, failed (<see cref="RunStatus"/>).</summary>
    public string Status { get; set; } = RunStatus.Submitted;
    /// <summary>The highest step return code so far (0, 4, 8, 16), as the legacy cycle's exit status.</summary>
    public int ReturnCode { get; set; }
    /// <summary>Why the run failed and what to do (failed runs), else null.</summary>
    public string? Message { get; set; }
    public DateTime SubmittedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
}

public static class RunStatus
{
    public const string Submitted = "submitted", Running = "running", Done = "done", Failed = "failed";
}

/// <summary>The business day a run posted: one row per date, so a day can never post twice (primary key).</summary>
public sealed class PostedDay
{
    public DateOnly BusinessDate { get; set; }
    public long RunId { get; set; }
    public DateTime PostedUtc { get; set; }
}

/// <summary>A step of a run (ingest, line-duties, entry-fees, ...), with its return code once finished.</summary>
public sealed class BatchStep
{
    public long RunId { get; set; }
    public string StepName { get; set; } = "";
    public int Ordinal { get; set; }
    /// <summary>pending, running, done, failed (<see cref="StepStatus"/>).</summary>
    public string Status { get; set; } = StepStatus.Pending;
    public int? ReturnCode { get; set; }
    /// <summary>Number of chunks planned for a chunked step (0 until planned; 1 for a step that runs whole).</summary>
    public int ChunkCount { get; set; }
    public string? Message { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
}

public static class StepStatus
{
    public const string Pending = "pending", Running = "running", Done = "done", Failed = "failed";
}

/// <summary>
/// One unit of work of a step: a range of input records (whole entries). Claimed by one worker at a time (a lease);
/// done when its checkpoint is committed.
/// </summary>
public sealed class BatchChunk
{
    public long RunId { get; set; }
    public string StepName { get; set; } = "";
    public int ChunkNo { get; set; }
    public long FirstRecordNo { get; set; }
    public long LastRecordNo { get; set; }
    /// <summary>pending, running, done (<see cref="StepStatus"/>).</summary>
    public string Status { get; set; } = StepStatus.Pending;
    /// <summary>host:pid:instance of the worker holding the chunk.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    /// <summary>How many times a worker started the chunk (1 in an undisturbed run).</summary>
    public int Attempts { get; set; }
    public long Rows { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
}

/// <summary>
/// The commit marker of a chunk (or of a whole step, chunk 0): written in the same transaction as the business rows
/// it covers, so a chunk is either done with all its rows or not done at all.
/// </summary>
public sealed class BatchCheckpoint
{
    public long RunId { get; set; }
    public string StepName { get; set; } = "";
    public int ChunkNo { get; set; }
    public long RowsWritten { get; set; }
    public string Worker { get; set; } = "";
    public DateTime CommittedUtc { get; set; }
}

/// <summary>The reference table versions a run uses (pinned when the run is submitted, so a resumed run sees the same tables).</summary>
public sealed class RunReferenceTable
{
    public long RunId { get; set; }
    public string TableName { get; set; } = "";
    public long VersionId { get; set; }
}
