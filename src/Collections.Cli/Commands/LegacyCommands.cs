using System.CommandLine;
using Collections.Legacy.Pipeline;
using Collections.Legacy.RefData;

namespace Collections.Cli.Commands;

/// <summary>
/// <c>collections legacy run RUNDATE INDIR OUTDIR [PRIOR_OUTDIR] [--ref DIR] [--no-overlap] [--through STEP]</c>: the legacy daily cycle
/// with the ported steps, same contract as run-cycle.sh. STEP020 runs concurrently with STEP010 (reading LINECALC
/// from an in-memory pipe) unless --no-overlap; the outputs are the same either way. --through STEP020 runs the steps up
/// to that one (the later ones NOT RUN), to measure a part of the cycle. Exit code = highest step return code: 0 normal, 4 records rejected
/// or warnings, 8 control card / reference table / trailer / sequence error, 16 a file could not be opened, read or
/// written (or the cycle could not start).
/// </summary>
internal static class LegacyCommands
{
    public static Command Create()
    {
        var command = new Command("legacy", "The legacy daily cycle, ported (same inputs, outputs and return codes as run-cycle.sh).");
        command.Subcommands.Add(CreateRun());
        return command;
    }

    private static Command CreateRun()
    {
        var runDate = new Argument<string>("RUNDATE") { Description = "business date CCYYMMDD" };
        var inDir = new Argument<string>("INDIR") { Description = "ENTRYIN, PAYMENTS (optional), SYSIN (optional)" };
        var outDir = new Argument<string>("OUTDIR") { Description = "receives every data set of the cycle and sysout/" };
        var prior = new Argument<string?>("PRIOR_OUTDIR") { Description = "previous cycle's OUTDIR (its OPENITEM is the old master)", Arity = ArgumentArity.ZeroOrOne };
        var refDir = new Option<string?>("--ref") { Description = "reference table directory (default: ACS_REFLIB, else the copy shipped with the tool)" };
        var noOverlap = new Option<bool>("--no-overlap")
        {
            Description = "run STEP020 after STEP010 instead of concurrently with it (same outputs; for comparison and diagnosis)",
        };
        var through = new Option<string?>("--through")
        {
            Description = "run the cycle up to this step only (STEP010 ... STEP050; the later steps are reported NOT RUN), e.g. to measure STEP010+STEP020",
        };
        var run = new Command("run", "Run one daily cycle (STEP010 CLV100 ...); prints the step return codes as run-cycle.sh; exit code = highest RC.");
        run.Arguments.Add(runDate);
        run.Arguments.Add(inDir);
        run.Arguments.Add(outDir);
        run.Arguments.Add(prior);
        run.Options.Add(refDir);
        run.Options.Add(noOverlap);
        run.Options.Add(through);
        run.SetAction(parse =>
        {
            var refPath = ShippedReferenceLibrary.Resolve(parse.GetValue(refDir));
            var last = parse.GetValue(through);
            if (last is not null && !LegacySteps.Cycle.Any(s => string.Equals(s.Step, last, StringComparison.Ordinal)))
            {
                Console.Error.WriteLine("legacy run: --through must name a step of the cycle (STEP010 ... STEP050), not '" + last + "'");
                return 2;
            }
            var cycle = new LegacyCycle(LegacySteps.Discover()) { Overlap = !parse.GetValue(noOverlap), LastStep = last };
            var result = cycle.Run(parse.GetValue(runDate)!, parse.GetValue(inDir)!, parse.GetValue(outDir)!, parse.GetValue(prior), refPath,
                Console.Out, Console.Error);
            Console.Out.Flush();
            return result.MaxReturnCode;
        });
        return run;
    }
}
