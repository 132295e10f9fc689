namespace Collections.Domain.Reporting;

/// <summary>
/// One control total a step of the cycle recorded (a CTLTOTS line): step, sequence within the step (2 characters
/// as recorded), description, count and amount in cents. The legacy shows a count or amount that is not a valid
/// number as zero.
/// </summary>
public sealed record ControlTotalLine(string StepId, string Sequence, string Description, long Count, long AmountCents)
{
    /// <summary>Sequence "01": the first total of a step (the report leaves a blank line before it).</summary>
    public bool StartsStep => string.Equals(Sequence, "01", StringComparison.Ordinal);
}

/// <summary>
/// Section 7, run control totals (CLV500 7000-CONTROL-TOTALS-SECTION): every control total of every step of the
/// cycle, in the order the steps recorded them. <see cref="Available"/> is false when the control totals file was
/// missing (the report says so and the step ends with RC 4).
/// </summary>
public sealed class RunControlTotals
{
    private readonly List<ControlTotalLine> _lines = [];
    private readonly List<string> _steps = [];

    /// <summary>False when there are no control totals to report (CTLTOTS not found).</summary>
    public bool Available { get; private set; } = true;

    /// <summary>Records that the control totals file is missing.</summary>
    public void MarkUnavailable() => Available = false;

    /// <summary>Adds one control total; true when it starts a step (sequence 01).</summary>
    public bool Add(ControlTotalLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _lines.Add(line);
        if (!_steps.Contains(line.StepId, StringComparer.Ordinal)) _steps.Add(line.StepId);
        return line.StartsStep;
    }

    /// <summary>The control totals in file order.</summary>
    public IReadOnlyList<ControlTotalLine> Lines => _lines;

    /// <summary>The steps that recorded totals, in order of their first total.</summary>
    public IReadOnlyList<string> Steps => _steps;
}
