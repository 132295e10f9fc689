namespace Collections.Cobol.Copybooks;

/// <summary>
/// A copybook that cannot be read, tokenized, parsed or laid out: unsupported syntax, a missing COPY member,
/// an inconsistent data description. The message names the file and the line.
/// </summary>
public sealed class CopybookException : Exception
{
    public CopybookException(string fileName, int lineNumber, string reason)
        : base(FormattableString.Invariant($"{fileName}:{lineNumber}: {reason}"))
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The copybook (or COPY member) file the error is in, as it was given or resolved.</summary>
    public string FileName { get; }

    /// <summary>1-based line number in <see cref="FileName"/> (0 when the error concerns the whole file).</summary>
    public int LineNumber { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }
}
