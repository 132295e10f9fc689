using System.Globalization;
using System.CommandLine;
using Collections.Parity.Runs;

namespace Collections.Cli.Commands;

/// <summary>
/// <c>collections parity run</c> (captured fixture sets vs the modern pipeline) and <c>collections parity live</c>
/// (the legacy and the modern pipeline side by side). Exit codes: 0 every difference is covered by the
/// known-difference register, 1 some difference is not, 2 usage or environment error.
/// </summary>
internal static class ParityRunCommands
{
    public static void AddTo(Command parity)
    {
        ArgumentNullException.ThrowIfNull(parity);
        parity.Subcommands.Add(CreateRun());
        parity.Subcommands.Add(CreateLive());
    }

    private static readonly string[] PortedPrograms = ["CLV100", "CLV200"];

    private static Command CreateRun()
    {
        var fixtures = new Option<string>("--fixtures") { Description = "A fixture set, a folder of sets, or a chain (sets naming their prior)", Required = true };
        var report = new Option<string?>("--report") { Description = "Report folder (default out/parity)" };
        var common = Common();
        var capturedOnly = new Option<bool>("--captured-only") { Description = "Report the captured outputs without running the modern side" };
        var modern = new Option<string?>("--modern")
        {
            Description = "the modern side: files (default: `legacy run`, the ported cycle on files) or database (`run-day` on a database, then "
                          + "`export legacy`; a fresh SQLite file per chain unless --provider/--connection name one)",
        };
        var command = new Command("run", "Compare captured legacy outputs with the modern pipeline run on the same inputs.");
        command.Options.Add(fixtures);
        command.Options.Add(report);
        foreach (var o in common.All) command.Options.Add(o);
        command.Options.Add(capturedOnly);
        command.Options.Add(modern);
        var db = DbOptions.AddTo(command);
        command.SetAction(r =>
        {
            var kind = r.GetValue(modern) ?? "files";
            if (kind is not ("files" or "database"))
            {
                Console.Error.WriteLine($"collections parity run: --modern '{kind}': use files or database");
                return 2;
            }
            Func<IModernEngine?> engine = kind == "database"
                ? () => DatabaseEngine(r.GetValue(db.Provider) is null && r.GetValue(db.Connection) is null ? null : db.Resolve(r))
                : ModernEngine;
            try
            {
                return ParityCommand.RunFixtures(
                    common.Args(r) with { Fixtures = r.GetValue(fixtures), ReportDir = r.GetValue(report), CapturedOnly = r.GetValue(capturedOnly) },
                    engine, Console.Out, Console.Error);
            }
            finally
            {
                DeleteTemporaryDatabases();
            }
        });
        return command;
    }

    private static Command CreateLive()
    {
        var home = new Option<string>("--legacy-home") { Description = "Legacy suite (src/, copybooks/, ref/); built in a temp copy when needed", Required = true };
        var input = new Option<string[]>("--input") { Description = "Input folder (ENTRYIN, PAYMENTS, SYSIN); repeat for a chain", Required = true };
        var rundate = new Option<string[]>("--rundate") { Description = "Run date CCYYMMDD; one per --input", Required = true };
        var prior = new Option<string?>("--prior") { Description = "Prior OUTDIR for the first day (its OPENITEM is the old master)" };
        var report = new Option<string?>("--report") { Description = "Report folder (default out/parity)" };
        var common = Common();
        var command = new Command("live", "Run the legacy and the modern pipeline side by side on the same inputs and compare.");
        command.Options.Add(home);
        command.Options.Add(input);
        command.Options.Add(rundate);
        command.Options.Add(prior);
        command.Options.Add(report);
        foreach (var o in common.All) command.Options.Add(o);
        command.SetAction(r => ParityCommand.RunLive(
            common.Args(r) with
            {
                LegacyHome = r.GetValue(home), Inputs = r.GetValue(input) ?? [], RunDates = r.GetValue(rundate) ?? [],
                Prior = r.GetValue(prior), ReportDir = r.GetValue(report),
            },
            ModernEngine, Console.Out, Console.Error));
        return command;
    }

    private sealed record CommonOptions(Option<string?> Config, Option<string?> Register, Option<string?> Ref, Option<string[]> Copybooks, Option<bool> RequireAll)
    {
        public Option[] All => [Config, Register, Ref, Copybooks, RequireAll];

        public ParityCommandArgs Args(ParseResult r) => new()
        {
            ConfigPath = r.GetValue(Config), RegisterPath = r.GetValue(Register), RefDir = r.GetValue(Ref),
            CopybookDirs = r.GetValue(Copybooks) ?? [], RequireAll = r.GetValue(RequireAll),
        };
    }

    private static CommonOptions Common() => new(
        new Option<string?>("--config") { Description = "File-spec registry (default legacy-fixtures/parity-config.json, else the embedded copy)" },
        new Option<string?>("--register") { Description = "Known-difference register (default legacy-fixtures/register/known-differences.json)" },
        new Option<string?>("--ref") { Description = "Reference tables for the modern side when a fixture has no ref/ (default: the legacy's ref/)" },
        new Option<string[]>("--copybooks") { Description = "Copybook folder(s) (default: the embedded copies of the legacy's copybooks)" },
        new Option<bool>("--require-all") { Description = "Fail (exit 1) when a data set the legacy wrote is not produced by the modern side (all steps ported)" });

    /// <summary>
    /// The modern side on a database: each day through <c>run-day</c> (the database cycle), then <c>export legacy</c>
    /// into the day's OUTDIR. The previous posted day of the database is the day's old master, so a chain runs on one
    /// database: a day without a prior starts a fresh SQLite file (when no database is named). The fixture's reference
    /// tables are loaded as a version effective from its run date when they differ from the ones in force.
    /// </summary>
    private static IModernEngine DatabaseEngine(Persistence.DatabaseOptions? named)
    {
        var databaseOf = new Dictionary<string, Persistence.DatabaseOptions>(StringComparer.Ordinal);   // OUTDIR of a day -> its database
        return new DelegateModernEngine("collections run-day + export legacy (database)", ["CLV100", "CLV200", "CLV300", "CLV400", "CLV500"], r =>
        {
            // the day after a day of this run continues on its database; else a fresh one, seeded with the captured prior master
            var continues = r.Prior is not null && databaseOf.ContainsKey(Path.GetFullPath(r.Prior));
            var options = named ?? (continues ? databaseOf[Path.GetFullPath(r.Prior!)] : NewTemporaryDatabase());
            databaseOf[Path.GetFullPath(r.OutDir)] = options;
            var log = new StringWriter();
            int Invoke(params string[] args)
            {
                var (rc, output) = InvokeCaptured([.. args, "--provider", options.ProviderName, "--connection", options.ConnectionString]);
                log.Write(output);
                return rc;
            }
            if (!DateOnly.TryParseExact(r.RunDate, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return new ModernRun(new Dictionary<string, int>(), 16, $"run date {r.RunDate} is not a date: run-day cannot run it");
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Invoke("db", "migrate");
            if (r.Prior is not null && !continues && File.Exists(Path.Combine(r.Prior, "OPENITEM")))
                Invoke("db", "seed-master", "--date", day.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--file", Path.Combine(r.Prior, "OPENITEM"));
            Invoke("db", "load-ref", "--ref", r.RefDir, "--effective", date);
            var cycleRc = Invoke("run-day", "--date", date, "--input", r.InDir);
            Directory.CreateDirectory(r.OutDir);
            var steps = new Dictionary<string, int>(StringComparer.Ordinal);
            using (var ctx = options.CreateContext())
            {
                var run = ctx.Runs.Where(x => x.BusinessDate == day).OrderByDescending(x => x.Id).FirstOrDefault();
                if (run is not null)
                    foreach (var s in ctx.Steps.Where(x => x.RunId == run.Id && x.ReturnCode != null).ToList())
                        if (Batch.Cycle.CycleSteps.LegacyStepOf(s.StepName) is { } legacy) steps[legacy.Program] = s.ReturnCode!.Value;
                if (ctx.PostedDays.Any(p => p.BusinessDate == day)) Invoke("export", "legacy", "--date", date, "--out", r.OutDir);
            }
            return new ModernRun(steps, cycleRc, log.ToString());
        });
    }

    /// <summary>The folders of the SQLite files <see cref="NewTemporaryDatabase"/> made in this process (deleted after the run).</summary>
    private static readonly List<string> TemporaryDatabaseFolders = [];

    private static Persistence.DatabaseOptions NewTemporaryDatabase()
    {
        var dir = Path.Combine(Path.GetTempPath(), "collections-parity-db-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        lock (TemporaryDatabaseFolders) TemporaryDatabaseFolders.Add(dir);
        return new Persistence.DatabaseOptions(Persistence.DatabaseProvider.Sqlite, "Data Source=" + Path.Combine(dir, "collections.db"));
    }

    /// <summary>Deletes the temporary databases of <c>parity run --modern database</c> (pooled connections closed first).</summary>
    private static void DeleteTemporaryDatabases()
    {
        string[] folders;
        lock (TemporaryDatabaseFolders)
        {
            folders = [.. TemporaryDatabaseFolders];
            TemporaryDatabaseFolders.Clear();
        }
        if (folders.Length == 0) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var dir in folders)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"collections parity run: temporary database {dir} not deleted: {e.Message}");
            }
        }
    }

    /// <summary>
    /// The modern side: the ported cycle behind <c>collections legacy run RUNDATE INDIR OUTDIR [PRIOR] --ref DIR</c>,
    /// invoked in-process. Null when this build has no such command yet.
    /// </summary>
    private static IModernEngine? ModernEngine()
    {
        var root = Program.BuildRoot();
        var legacy = root.Subcommands.FirstOrDefault(c => c.Name == "legacy");
        if (legacy?.Subcommands.Any(c => c.Name == "run") != true) return null;
        // The programs the pipeline has ported (discovered steps); the configured CLV100/CLV200 when none is registered.
        var discovered = Collections.Legacy.Pipeline.LegacySteps.Discover().Select(s => s.Program).ToList();
        IReadOnlyCollection<string> programs = discovered.Count > 0 ? discovered : PortedPrograms;
        return new DelegateModernEngine("collections legacy run (in-process)", programs, r =>
        {
            var args = new List<string> { "legacy", "run", r.RunDate, r.InDir, r.OutDir };
            if (r.Prior is not null) args.Add(r.Prior);
            args.Add("--ref");
            args.Add(r.RefDir);
            var (rc, log) = InvokeCaptured(args);
            var steps = FixtureDay.ParseCycleLog(log).ToDictionary(x => x.Program, x => x.Rc, StringComparer.Ordinal);
            return new ModernRun(steps, rc, log);
        });
    }

    /// <summary>A `collections` command in this process, its standard output and error captured (output first).</summary>
    private static (int Rc, string Output) InvokeCaptured(IReadOnlyList<string> args)
    {
        var so = new StringWriter();
        var se = new StringWriter();
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        int rc;
        try
        {
            Console.SetOut(so);
            Console.SetError(se);
            rc = Program.BuildRoot().Parse(args).Invoke();
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
        return (rc, so + se.ToString());
    }
}
