using System.Text;

namespace Collections.Legacy.Pipeline;

/// <summary>One run of a legacy program's port: its main line, the files it has opened so far, and their closing.</summary>
internal interface ILegacyProgramRun
{
    /// <summary>0000-MAIN: the run's return code (a file error throws <see cref="LegacyAbend"/>).</summary>
    int Execute();

    /// <summary>The files opened so far (FD name, DD name), in opening order: libcob's implicit CLOSE list.</summary>
    IReadOnlyList<(string Fd, string Dd)> OpenedFiles { get; }

    /// <summary>Closes every file still open (flushing what was written).</summary>
    void CloseAll();
}

/// <summary>What every ported step does around its program: the sysout file and the STOP RUN of an abend.</summary>
internal static class LegacyProgram
{
    /// <summary>OUTDIR/sysout/STEPnnn.PROGRAM of <paramref name="step"/> (run-cycle.sh's redirection), created anew, LF line ends.</summary>
    public static StreamWriter OpenSysout(StepContext context, ILegacyStep step)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = string.IsNullOrEmpty(context.SysoutPath) ? context.SysoutPathOf(step) : context.SysoutPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new StreamWriter(path, append: false, Encoding.Latin1) { NewLine = "\n" };
    }

    /// <summary>
    /// Runs <paramref name="run"/>: its RC, or after a file error the legacy's abend messages and 16
    /// (<see cref="LegacyAbend.Report"/>), or after a X'03' in the control card libcob's SIGINT and 2
    /// (<see cref="AcceptInterrupt.Report"/>); its files are closed and the sysout flushed in every case.
    /// </summary>
    public static int Run(string program, ILegacyProgramRun run, TextWriter sysout, TextWriter diagnostics)
    {
        try
        {
            return run.Execute();
        }
        catch (LegacyAbend abend)
        {
            // STOP RUN with files open: the GnuCOBOL runtime closes them, newest first, with a warning on stderr
            // (which run-cycle.sh sends to the same sysout).
            return abend.Report(program, sysout, run.OpenedFiles, diagnostics);
        }
        catch (AcceptInterrupt)
        {
            return AcceptInterrupt.Report(program, sysout, diagnostics);
        }
        finally
        {
            run.CloseAll();
            sysout.Flush();
        }
    }
}
