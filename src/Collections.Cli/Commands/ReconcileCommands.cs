using System.CommandLine;
using Collections.Batch.Reconciliation;
using Collections.Persistence;

namespace Collections.Cli.Commands;

/// <summary>
/// <c>reconcile --date D [--to D2] [--csv FILE] [--json FILE]</c>: the posted days' revenue by class, port and payment
/// method, assessed vs collected, open receivables, bills, refunds, interest, suspense, and every control total that
/// must tie, each named with pass / fail and its amounts (<see cref="ReconciliationService"/>). Exit codes: 0 every
/// check passes, 1 a check fails (or no day of the period is posted), 8/12/16 as the other database commands.
/// </summary>
internal static class ReconcileCommands
{
    public const int CheckFailed = 1;

    public static Command Create()
    {
        var date = new Option<string>("--date") { Description = "business date YYYY-MM-DD (the first day of the period with --to)", Required = true };
        var to = new Option<string?>("--to") { Description = "last business date of the period (default: --date)" };
        var csv = new Option<string?>("--csv") { Description = "also write the figures and checks as CSV (invariant culture, amounts in dollars)" };
        var json = new Option<string?>("--json") { Description = "also write the reconciliation as JSON (amounts in cents)" };
        var command = new Command("reconcile", "Reconcile posted days: revenue, collections, receivables and every control total that must tie (exit 1 when one does not).");
        command.Options.Add(date);
        command.Options.Add(to);
        command.Options.Add(csv);
        command.Options.Add(json);
        var db = DbOptions.AddTo(command);
        command.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            var from = CycleCommands.ParseDate(parse.GetValue(date)!, "--date");
            var until = parse.GetValue(to) is { } t ? CycleCommands.ParseDate(t, "--to") : from;
            if (until < from) throw new ArgumentException($"--to {until:yyyy-MM-dd} is before --date {from:yyyy-MM-dd}");
            await Database.EnsureReadyAsync(options).ConfigureAwait(false);
            var report = await new ReconciliationService(options).ReconcileAsync(from, until).ConfigureAwait(false);
            ReconciliationWriter.WriteText(report, Console.Out);
            if (parse.GetValue(csv) is { } csvPath) ReconciliationWriter.WriteCsv(report, csvPath);
            if (parse.GetValue(json) is { } jsonPath) await File.WriteAllTextAsync(jsonPath, ReconciliationWriter.ToJson(report)).ConfigureAwait(false);
            if (report.AllPassed) return DbExit.Ok;
            foreach (var c in report.Failed)
            {
                var counts = c.ExpectedCount != c.ActualCount ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", count {c.ExpectedCount} vs {c.ActualCount}") : "";
                Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"collections reconcile: {c.Date:yyyy-MM-dd} {c.Name} FAILS: {c.Description}: {c.ExpectedCents} vs {c.ActualCents} cents (difference {c.DifferenceCents}){counts}"));
            }
            return CheckFailed;
        }));
        return command;
    }
}
