using System.CommandLine;
using System.Globalization;
using Collections.Batch.Cycle;
using Collections.Batch.Jobs;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Collections.Cli.Commands;

/// <summary>
/// The daily cycle on the database: <c>run-day</c>, <c>status</c>, <c>worker</c>.
/// run-day exit codes: 0 done; 4 done with rejected records or warnings; 8 failed or refused (the message says why
/// and what to do); 12 database unreachable (run the same command again to resume); 16 usage.
/// </summary>
internal static class CycleCommands
{
    public static Command CreateRunDay()
    {
        var date = new Option<string>("--date") { Description = "business date YYYY-MM-DD", Required = true };
        var input = new Option<string>("--input") { Description = "folder with ENTRYIN, PAYMENTS and SYSIN in the legacy formats", Required = true };
        var enqueue = new Option<bool>("--enqueue") { Description = "only submit the day to the shared job storage (postgres, sqlserver) for `collections worker` processes" };
        var workers = new Option<int>("--workers") { Description = "job workers in this process (default: processor count)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var chunkLines = new Option<int>("--chunk-lines") { Description = "lines per chunk of the chunked steps (a new run only)", DefaultValueFactory = _ => CycleEngine.DefaultChunkLines };
        var command = new Command("run-day", "Run one business day on the database: ingest, line duties (CLV100), entry fees (CLV200), post. Resumes a crashed run; a posted day is not run again.");
        command.Options.Add(date);
        command.Options.Add(input);
        command.Options.Add(enqueue);
        command.Options.Add(workers);
        command.Options.Add(chunkLines);
        var db = DbOptions.AddTo(command);
        command.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            var day = ParseDate(parse.GetValue(date)!, "--date");
            await Database.EnsureReadyAsync(options).ConfigureAwait(false);
            var engine = new CycleEngine(options);
            var submitted = await engine.SubmitAsync(day, parse.GetValue(input)!, parse.GetValue(chunkLines)).ConfigureAwait(false);
            if (submitted.Kind == SubmitKind.Refused)
            {
                Console.Error.WriteLine($"collections run-day: refused: {submitted.Message}");
                return DbExit.Failed;
            }
            var run = submitted.Run!;
            if (submitted.Kind == SubmitKind.Existing)
            {
                if (run.Status == RunStatus.Done)
                {
                    Console.Out.WriteLine($"business day {day:yyyy-MM-dd} is already posted by run {run.Id} with these inputs (return code {run.ReturnCode}): nothing to do");
                    return run.ReturnCode >= 8 ? DbExit.Failed : run.ReturnCode;
                }
                if (run.Status == RunStatus.Failed)
                {
                    Console.Error.WriteLine($"collections run-day: run {run.Id} of {day:yyyy-MM-dd} with these inputs failed: {run.Message}");
                    return DbExit.Failed;
                }
                Console.Error.WriteLine($"resuming run {run.Id} of {day:yyyy-MM-dd} from its last checkpoint");
            }
            if (parse.GetValue(enqueue))
            {
                if (!BatchHost.HasSharedStorage(options))
                    throw new ArgumentException("--enqueue needs a shared database for workers (--provider postgres or sqlserver); the embedded SQLite default runs the day in this process");
                var storage = BatchHost.CreateStorage(options, shared: true);
                new BackgroundJobClient(storage).Enqueue<CycleJobs>(j => j.ResumeAsync(run.Id, CancellationToken.None));
                Console.Out.WriteLine($"run {run.Id} of {day:yyyy-MM-dd} submitted to the workers ({options.Describe()}); follow it with `collections status --date {day:yyyy-MM-dd}`");
                return DbExit.Ok;
            }
            var final = await RunWithProgressAsync(engine, run.Id, parse.GetValue(workers)).ConfigureAwait(false);
            PrintSummary(options, final);
            if (final.Run.Status == RunStatus.Failed)
            {
                Console.Error.WriteLine($"collections run-day: run {final.Run.Id} failed (return code {final.Run.ReturnCode}): {final.Run.Message}");
                return DbExit.Failed;
            }
            return final.Run.ReturnCode >= 4 ? DbExit.Warnings : DbExit.Ok;
        }));
        return command;
    }

    private static async Task<RunSnapshot> RunWithProgressAsync(CycleEngine engine, long runId, int workers)
    {
        var runner = new DayRunner(engine);
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            string last = "";
            return await runner.RunAsync(runId, workers, snap =>
            {
                var line = Describe(snap);
                if (line == last) return;
                last = line;
                Console.Out.WriteLine(line);
            }).ConfigureAwait(false);
        }
        RunSnapshot? result = null;
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var tasks = CycleSteps.Order.ToDictionary(s => s, s => ctx.AddTask(s, maxValue: 1));
                result = await runner.RunAsync(runId, workers, snap =>
                {
                    foreach (var s in snap.Steps)
                    {
                        var t = tasks[s.StepName];
                        var (done, total) = snap.Chunks.TryGetValue(s.StepName, out var c) ? c : (0, 0);
                        t.MaxValue = Math.Max(1, total);
                        t.Value = s.Status == StepStatus.Done ? t.MaxValue : done;
                        t.Description = $"{s.StepName} {s.Status}";
                    }
                }).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }

    private static string Describe(RunSnapshot snap) =>
        $"run {snap.Run.Id} {snap.Run.Status}: " + string.Join(", ", snap.Steps.Select(s =>
        {
            var (done, total) = snap.Chunks.TryGetValue(s.StepName, out var c) ? c : (0, 0);
            return total > 1 ? $"{s.StepName} {s.Status} {done}/{total}" : $"{s.StepName} {s.Status}";
        }));

    private static void PrintSummary(DatabaseOptions options, RunSnapshot snap)
    {
        using var db = options.CreateContext();
        var id = snap.Run.Id;
        var table = new Table().Title($"run {id} - {snap.Run.BusinessDate:yyyy-MM-dd} - {snap.Run.Status}").AddColumns("step", "status", "rc", "chunks", "rows");
        var rows = db.Chunks.AsNoTracking().Where(c => c.RunId == id).GroupBy(c => c.StepName).Select(g => new { g.Key, Rows = g.Sum(c => c.Rows) })
            .ToDictionary(g => g.Key, g => g.Rows, StringComparer.Ordinal);
        foreach (var s in snap.Steps)
        {
            var (done, total) = snap.Chunks.TryGetValue(s.StepName, out var c) ? c : (0, 0);
            table.AddRow(s.StepName, s.Status, s.ReturnCode?.ToString(CultureInfo.InvariantCulture) ?? "", $"{done}/{total}",
                (rows.TryGetValue(s.StepName, out var r) ? r : 0).ToString("N0", CultureInfo.InvariantCulture));
        }
        var ctl = db.ControlTotals.AsNoTracking().Where(c => c.RunId == id).OrderBy(c => c.Program).ThenBy(c => c.SeqNo).ToList();
        var totals = new Table().Title("control totals").AddColumns("program", "description", "count", "amount");
        foreach (var c in ctl)
            totals.AddRow(c.Program, Markup.Escape(c.Description), c.Count.ToString("N0", CultureInfo.InvariantCulture),
                (c.AmountCents / 100m).ToString("N2", CultureInfo.InvariantCulture));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        console.Write(table);
        if (ctl.Count > 0) console.Write(totals);
    }

    public static Command CreateStatus()
    {
        var date = new Option<string?>("--date") { Description = "business date YYYY-MM-DD (default: the latest runs)" };
        var command = new Command("status", "Show runs, their steps and chunks from the batch-run ledger.");
        command.Options.Add(date);
        var db = DbOptions.AddTo(command);
        command.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            await Database.EnsureReadyAsync(options).ConfigureAwait(false);
            await using var ctx = options.CreateContext();
            var q = ctx.Runs.AsNoTracking();
            if (parse.GetValue(date) is { } d)
            {
                var day = ParseDate(d, "--date");
                q = q.Where(r => r.BusinessDate == day);
            }
            var runs = (await q.ToListAsync().ConfigureAwait(false)).OrderByDescending(r => r.Id).Take(20).ToList();
            var posted = await ctx.PostedDays.AsNoTracking().Select(p => p.RunId).ToListAsync().ConfigureAwait(false);
            foreach (var run in runs)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run.Id}  {run.BusinessDate:yyyy-MM-dd}  {run.Status}{(posted.Contains(run.Id) ? " (posted)" : "")}  rc {run.ReturnCode}  input {run.InputHash[..12]}  {run.InputDirectory}"));
                if (run.Message is not null) Console.Out.WriteLine("  message: " + run.Message);
                var snap = await DayRunner.SnapshotAsync(options, run.Id).ConfigureAwait(false);
                foreach (var s in snap!.Steps)
                {
                    var (done, total) = snap.Chunks.TryGetValue(s.StepName, out var c) ? c : (0, 0);
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.StepName,-12} {s.Status,-8} rc {(s.ReturnCode?.ToString(CultureInfo.InvariantCulture) ?? "-"),-3} chunks {done}/{total}"));
                }
                var chunks = await ctx.Chunks.AsNoTracking().Where(c => c.RunId == run.Id && c.StepName == CycleSteps.LineDuties).OrderBy(c => c.ChunkNo).ToListAsync().ConfigureAwait(false);
                foreach (var c in chunks)
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    {c.StepName} chunk {c.ChunkNo,4} records {c.FirstRecordNo}-{(c.LastRecordNo == long.MaxValue ? "end" : c.LastRecordNo.ToString(CultureInfo.InvariantCulture))} {c.Status} attempts {c.Attempts} rows {c.Rows} by {c.ClaimedBy}"));
            }
            return DbExit.Ok;
        }));
        return command;
    }

    public static Command CreateWorker()
    {
        var count = new Option<int>("--count") { Description = "job workers (threads) in this process (default: processor count)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var schedule = new Option<string?>("--schedule-inbox") { Description = "also register the recurring business-day schedule (18:00 America/New_York, Mon-Fri, holidays from HOLIDAY.DAT) over this inbox folder" };
        var command = new Command("worker", "A Hangfire server that processes queued days' chunks from the shared job storage (postgres, sqlserver). Stops on Ctrl+C / SIGTERM.");
        command.Options.Add(count);
        command.Options.Add(schedule);
        var db = DbOptions.AddTo(command);
        command.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            if (!BatchHost.HasSharedStorage(options))
                throw new ArgumentException("a worker needs a shared database (--provider postgres or sqlserver); with the embedded SQLite default, run-day runs the day in its own process");
            await Database.EnsureReadyAsync(options).ConfigureAwait(false);
            var storage = BatchHost.CreateStorage(options, shared: true);
            if (parse.GetValue(schedule) is { } inbox) ScheduleJobs.Register(storage, Path.GetFullPath(inbox));
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            using (BatchHost.StartServer(storage, new CycleEngine(options), parse.GetValue(count)))
            {
                Console.Error.WriteLine($"worker {WorkerIdentity.Current} processing queue '{CycleJobs.Queue}' on {options.Describe()} with {parse.GetValue(count)} workers");
                try { await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
            }
            return DbExit.Ok;
        }));
        return command;
    }

    internal static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ArgumentException($"{option} '{text}' is not a date YYYY-MM-DD");
}
