namespace Collections.Legacy.Pipeline;

/// <summary>
/// GnuCOBOL 3.1.2's ACCEPT from standard input (libcob termio.c, cob_accept) reads the line character by character
/// and raises SIGINT on a byte X'03' (ETX, ^C) among the first 8191 characters: libcob's signal handler prints
/// "caught signal (signal SIGINT)" on stderr (run-cycle.sh sends it to the step's sysout) and the program ends with
/// exit status 2, before it opens any file. Every program of the cycle ACCEPTs its control card this way, so a SYSIN
/// whose first line holds X'03' makes every step end with RC 2 (the cycle goes on: 2 &lt; 8).
/// Thrown by <see cref="Records.ControlCard.Accept"/>; each step's Run reports it with <see cref="Report"/>.
/// </summary>
internal sealed class AcceptInterrupt() : Exception("ACCEPT read X'03': libcob raised SIGINT")
{
    /// <summary>COB_MEDIUM_MAX: cob_accept reads at most this many characters of the line.</summary>
    public const int MaxCharacters = 8191;

    /// <summary>The exit status libcob's handler ends the program with (the signal number of SIGINT).</summary>
    public const int ReturnCode = 2;

    /// <summary>Writes libcob's message after what the step displayed so far; returns <see cref="ReturnCode"/>.</summary>
    public static int Report(string program, TextWriter sysout, TextWriter diagnostics)
    {
        ArgumentNullException.ThrowIfNull(sysout);
        ArgumentNullException.ThrowIfNull(diagnostics);
        sysout.Write("\ncaught signal (signal SIGINT)\n\n");
        diagnostics.WriteLine(program + " SYSIN: the control card line holds X'03' (ETX), on which GnuCOBOL's ACCEPT raises SIGINT: ended with RC 2 as the legacy does");
        return ReturnCode;
    }
}
