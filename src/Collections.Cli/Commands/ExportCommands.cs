using System.CommandLine;
using System.Globalization;
using Collections.Batch.Export;
using Collections.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collections.Cli.Commands;

/// <summary>
/// <c>export legacy --date D --out DIR</c>: a posted day's data sets in the legacy formats (byte-identical to the
/// legacy run); <c>export csv --date D --what entries|lines|payments|ledger|open-items --out FILE</c> for analysts. Exit codes: 0 done, 8 no
/// posted run for the date, 12 database unreachable, 16 usage.
/// </summary>
internal static class ExportCommands
{
    public static Command Create()
    {
        var command = new Command("export", "Write a posted day's data from the database: legacy data sets or CSV.");
        command.Subcommands.Add(CreateLegacy());
        command.Subcommands.Add(CreateCsv());
        return command;
    }

    private static async Task<long?> PostedRunAsync(DatabaseOptions options, DateOnly day)
    {
        await using var db = options.CreateContext();
        return await db.PostedDays.AsNoTracking().Where(p => p.BusinessDate == day).Select(p => (long?)p.RunId).FirstOrDefaultAsync().ConfigureAwait(false);
    }

    private static Command CreateLegacy()
    {
        var date = new Option<string>("--date") { Description = "business date YYYY-MM-DD", Required = true };
        var output = new Option<string>("--out") { Description = "folder that receives the data sets (and sysout/)", Required = true };
        var command = new Command("legacy", "The day's data sets in the legacy formats: SYSIN, LINECALC, REJECTS, ENTCALC, STMTOUT, STMTDTL, OPENITEM, LEDGER, SUSPENSE, CTLTOTS, CLV500.RPT and sysout/ of every step.");
        command.Options.Add(date);
        command.Options.Add(output);
        var db = DbOptions.AddTo(command);
        command.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            var day = CycleCommands.ParseDate(parse.GetValue(date)!, "--date");
            await Database.EnsureReadyAsync(options).ConfigureAwait(false);
            if (await PostedRunAsync(options, day).ConfigureAwait(false) is not { } runId)
            {
                Console.Error.WriteLine($"collections export: business day {day:yyyy-MM-dd} is not posted (see `collections status --date {day:yyyy-MM-dd}`)");
                return DbExit.Failed;
            }
            var outDir = parse.GetValue(output)!;
            foreach (var name in await LegacyExport.WriteAsync(options, runId, outDir).ConfigureAwait(false))
                Console.Out.WriteLine(Path.Combine(outDir, name));
            return DbExit.Ok;
        }));
        return command;
    }

    private static Command CreateCsv()
    {
        var date = new Option<string>("--date") { Description = "business date YYYY-MM-DD", Required = true };
        var what = new Option<string>("--what") { Description = "entries, lines, payments, ledger or open-items", Required = true };
        var output = new Option<string>("--out") { Description = "CSV file to write", Required = true };
        var command = new Command("csv", "CSV for analysts (invariant culture, header row, cents as decimal dollars).");
        command.Options.Add(date);
        command.Options.Add(what);
        command.Options.Add(output);
        var db = DbOptions.AddTo(command);
        command.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            var day = CycleCommands.ParseDate(parse.GetValue(date)!, "--date");
            var kind = parse.GetValue(what)!.ToLowerInvariant();
            if (!CsvExport.Kinds.Contains(kind)) throw new ArgumentException($"--what '{kind}': use " + string.Join(", ", CsvExport.Kinds));
            await Database.EnsureReadyAsync(options).ConfigureAwait(false);
            if (await PostedRunAsync(options, day).ConfigureAwait(false) is not { } runId)
            {
                Console.Error.WriteLine($"collections export: business day {day:yyyy-MM-dd} is not posted");
                return DbExit.Failed;
            }
            var rows = await CsvExport.WriteAsync(options, runId, kind, parse.GetValue(output)!).ConfigureAwait(false);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} rows -> {parse.GetValue(output)}"));
            return DbExit.Ok;
        }));
        return command;
    }
}
