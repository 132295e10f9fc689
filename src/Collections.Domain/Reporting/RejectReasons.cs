namespace Collections.Domain.Reporting;

/// <summary>One line of section 6: a reason code with the severity and message of its first reject, and its count.</summary>
public readonly record struct RejectReasonTotal(string Reason, char Severity, string Message, long Count);

/// <summary>Where <see cref="RejectReasons.Add"/> counted a reject.</summary>
public enum ReasonTally
{
    /// <summary>The reason was in the table already.</summary>
    Existing,

    /// <summary>A new reason, inserted in reason-code order with this reject's severity and message.</summary>
    Inserted,

    /// <summary>A new reason, but the table was full: counted with the last reason of the table (no message is shown).</summary>
    CountedWithLastReason,
}

/// <summary>
/// Section 6, rejects and warnings by reason (CLV500 6000-REJECTS-SECTION, 6200-COUNT-REASON): a table of at most
/// <see cref="Capacity"/> reason codes in ascending code order (compared character by character). A reason keeps
/// the severity and message of the first reject that brought it; when the table is full a new reason is counted
/// with the last reason of the table, silently. Counts PIC S9(07) COMP-3.
/// </summary>
public sealed class RejectReasons
{
    /// <summary>WS-REASON-MAX: the table holds at most 100 reasons.</summary>
    public const int Capacity = 100;

    private readonly List<RejectReasonTotal> _reasons = [];

    /// <summary>Reject records read (WS-REJECTS-READ).</summary>
    public long RejectsRead { get; private set; }

    /// <summary>Counts one reject (reason code, severity E or W, message as in the reject record).</summary>
    public ReasonTally Add(string reasonCode, char severity, string message)
    {
        ArgumentNullException.ThrowIfNull(reasonCode);
        ArgumentNullException.ThrowIfNull(message);
        RejectsRead = Clv500Fields.Count(RejectsRead);
        var (at, slot) = CodeTable.Find(_reasons, r => r.Reason, reasonCode, Capacity, () => new RejectReasonTotal(reasonCode, severity, message, 0));
        var tally = slot switch
        {
            CodeSlot.Existing => ReasonTally.Existing,
            CodeSlot.Inserted => ReasonTally.Inserted,
            _ => ReasonTally.CountedWithLastReason,
        };
        _reasons[at] = _reasons[at] with { Count = Clv500Fields.Count(_reasons[at].Count) };
        return tally;
    }

    /// <summary>The reasons in ascending code order (empty: the report says NO REJECTS OR WARNINGS).</summary>
    public IReadOnlyList<RejectReasonTotal> Reasons => _reasons;
}
