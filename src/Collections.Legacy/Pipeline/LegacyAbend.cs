namespace Collections.Legacy.Pipeline;

/// <summary>
/// 9900-IO-ERROR of a legacy program: an unrecoverable file error. The program displays CLV9901E and CLV9902E and
/// ends with STOP RUN, RC 16; the GnuCOBOL runtime then closes the files still open, newest first, each with a
/// warning on stderr (which run-cycle.sh sends to the same sysout).
/// </summary>
internal sealed class LegacyAbend(string ddName, string operation, string status, string? detail = null)
    : Exception($"{ddName} {operation} {status}")
{
    /// <summary>WS-IO-DDNAME.</summary>
    public string DdName { get; } = ddName;

    /// <summary>WS-IO-OPERATION: OPEN, READ, WRITE.</summary>
    public string Operation { get; } = operation;

    /// <summary>WS-IO-STATUS: the file status.</summary>
    public string Status { get; } = status;

    /// <summary>What the legacy cannot say (record number, field, bytes), for the diagnostics writer.</summary>
    public string? Detail { get; } = detail;

    /// <summary>
    /// Writes what the legacy prints: CLV9901E, CLV9902E, then "libcob: warning: implicit CLOSE of FD ('DD')" for each
    /// file opened so far, newest first; the detail goes to <paramref name="diagnostics"/>. Returns 16.
    /// </summary>
    public int Report(string program, TextWriter sysout, IEnumerable<(string Fd, string Dd)> openedFiles, TextWriter diagnostics)
    {
        ArgumentNullException.ThrowIfNull(sysout);
        ArgumentNullException.ThrowIfNull(openedFiles);
        ArgumentNullException.ThrowIfNull(diagnostics);
        sysout.Write("CLV9901E FILE ERROR DD=" + DdName.PadRight(8) + " OPERATION=" + Operation.PadRight(8) + " STATUS=" + Status + "\n");
        sysout.Write("CLV9902E " + program + " ABENDING WITH RETURN CODE 16\n");
        foreach (var (fd, dd) in openedFiles.Reverse()) sysout.Write($"libcob: warning: implicit CLOSE of {fd} ('{dd}')\n");
        if (Detail is not null) diagnostics.WriteLine(program + " " + Detail);
        return 16;
    }

    /// <summary>
    /// OPEN of a data set as GnuCOBOL reports a failure: status 35 (an input file not found), 37 (permission denied),
    /// 30 (other, an output file in a folder that does not exist included).
    /// </summary>
    public static FileStream Open(string path, FileMode mode, FileAccess access, string ddName)
    {
        try
        {
            return new FileStream(path, mode, access, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LegacyAbend(ddName, "OPEN", access == FileAccess.Read ? "35" : "30");
        }
        catch (UnauthorizedAccessException)
        {
            throw new LegacyAbend(ddName, "OPEN", "37");
        }
        catch (IOException)
        {
            throw new LegacyAbend(ddName, "OPEN", "30");
        }
    }

    /// <summary>A failed WRITE: status 34 when the device is full (ENOSPC), else 30.</summary>
    public static LegacyAbend WriteFailed(string ddName, IOException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var full = e.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027)
                   || e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);
        return new LegacyAbend(ddName, "WRITE", full ? "34" : "30", e.Message);
    }
}
