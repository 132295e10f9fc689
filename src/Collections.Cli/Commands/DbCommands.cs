using System.CommandLine;
using System.Globalization;
using Collections.Batch.Cycle;
using Collections.Persistence;

namespace Collections.Cli.Commands;

/// <summary>
/// <c>collections db migrate</c> (apply the schema migrations of this version), <c>db status</c> (applied and pending
/// migrations), <c>db load-ref</c> (load reference tables as a new version effective from a date).
/// Exit codes: 0 done, 8 failed, 12 database unreachable, 16 usage.
/// </summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var command = new Command("db", "The database: schema migrations and reference tables.");
        command.Subcommands.Add(CreateMigrate());
        command.Subcommands.Add(CreateState());
        command.Subcommands.Add(CreateLoadRef());
        command.Subcommands.Add(CreateSeedMaster());
        return command;
    }

    private static Command CreateMigrate()
    {
        var migrate = new Command("migrate", "Apply every pending migration of this version to the database (creates it if needed).");
        var db = DbOptions.AddTo(migrate);
        migrate.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            var applied = await Database.MigrateAsync(options).ConfigureAwait(false);
            Console.Out.WriteLine(applied.Count == 0
                ? $"{options.Describe()}: schema is current"
                : $"{options.Describe()}: applied {string.Join(", ", applied)}");
            return DbExit.Ok;
        }));
        return migrate;
    }

    private static Command CreateState()
    {
        var state = new Command("status", "Show the migrations applied to the database and those pending.");
        var db = DbOptions.AddTo(state);
        state.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            var s = await Database.StateAsync(options).ConfigureAwait(false);
            foreach (var m in s.Applied) Console.Out.WriteLine("applied  " + m);
            foreach (var m in s.Pending) Console.Out.WriteLine("pending  " + m);
            return s.IsCurrent ? DbExit.Ok : DbExit.Warnings;
        }));
        return state;
    }

    private static Command CreateSeedMaster()
    {
        var date = new Option<string>("--date") { Description = "business date YYYY-MM-DD of the master (the day before the first day to run)", Required = true };
        var file = new Option<string>("--file") { Description = "the legacy's OPENITEM data set (RECFM=F 150)", Required = true };
        var command = new Command("seed-master", "Cut-over: store the legacy's open item master as the posted master of a day; the next day's run reads it as its old master.");
        command.Options.Add(date);
        command.Options.Add(file);
        var db = DbOptions.AddTo(command);
        command.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            var day = CycleCommands.ParseDate(parse.GetValue(date)!, "--date");
            await Database.EnsureReadyAsync(options).ConfigureAwait(false);
            try
            {
                var run = await Batch.Cycle.MasterSeed.SeedAsync(options, day, parse.GetValue(file)!).ConfigureAwait(false);
                Console.Out.WriteLine($"{day:yyyy-MM-dd}: {run.Message} (run {run.Id})");
                return DbExit.Ok;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine("collections db seed-master: " + e.Message);
                return DbExit.Failed;
            }
        }));
        return command;
    }

    private static Command CreateLoadRef()
    {
        var refDir = new Option<string?>("--ref") { Description = "reference library folder (*.DAT); default: the copy shipped with the tool" };
        var csv = new Option<string?>("--csv") { Description = "a folder of table CSVs (as `refdata export` writes them) instead of --ref" };
        var effective = new Option<string?>("--effective") { Description = "first business date the tables apply to, YYYY-MM-DD (default 0001-01-01)" };
        var load = new Command("load-ref", "Load the reference tables as versions effective from a date (a table equal to the one in force is skipped).");
        load.Options.Add(refDir);
        load.Options.Add(csv);
        load.Options.Add(effective);
        var db = DbOptions.AddTo(load);
        load.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            await Database.EnsureReadyAsync(options).ConfigureAwait(false);
            var from = DateOnly.MinValue;
            if (parse.GetValue(effective) is { } e && !DateOnly.TryParseExact(e, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
                throw new ArgumentException($"--effective '{e}' is not a date YYYY-MM-DD");
            var dir = parse.GetValue(refDir);
            string? temp = null;
            if (parse.GetValue(csv) is { } csvDir)
            {
                temp = Path.Combine(Path.GetTempPath(), "collections-ref-" + Guid.NewGuid().ToString("N"));
                Legacy.RefData.Csv.RefDataCsvConverter.ImportDirectory(csvDir, temp);
                dir = temp;
            }
            try
            {
                foreach (var (table, loaded) in await ReferenceLibrary.LoadAsync(options, dir, from, TimeProvider.System).ConfigureAwait(false))
                    Console.Out.WriteLine($"{table}\t{(loaded ? "loaded" : "unchanged")}\teffective {from:yyyy-MM-dd}");
            }
            finally
            {
                if (temp is not null) Directory.Delete(temp, recursive: true);
            }
            return DbExit.Ok;
        }));
        return load;
    }
}
