using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Collections.Batch.Reconciliation;
using Collections.Parity.Generation;
using Collections.Persistence;
using Collections.Web;
using Collections.Web.Accounts;
using Collections.Web.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collections.Benchmarks;

/// <summary>
/// <c>web-reconciliation [LINES] [--seed S] [--requests N] [--legacy-home DIR] [--cli PATH] [--work DIR] [--keep] [--db FILE]</c>
/// (issue 11 item 5): the reconciliation page of a large posted day. A small earlier day is posted with
/// <c>collections run-day</c> on a fresh SQLite database and exported (<c>export legacy</c>) so that the generated day of
/// about LINES ENTRYIN records (default 1,000,000) carries payments against its open items; that day is posted with
/// run-day; then the site (<see cref="WebApp.Create"/>) is hosted in this process on a loopback port over the database, an
/// analyst account is created and signed in, and <c>GET /reconciliation?date=D</c> is timed N times (the first request,
/// then warm ones: median and max), each checked for 200 and the day's assessed and collected figures; the
/// <see cref="ReconciliationService"/> call alone is timed the same way. Each call's CPU time (the process's: the site, EF Core
/// and SQLite run in it) is reported beside its wall time, as the wall time on a shared machine depends on the load.
/// <c>--db FILE</c>: the pages of an existing SQLite database where 2026-03-02 is posted (a <c>--keep</c> run's
/// collections.db), without generating and posting again. Prints the figures (markdown) for docs/benchmarks.md.
/// </summary>
public sealed partial class WebReconciliationBenchmark : IBenchmarkCommand
{
    private const string Password = "correct horse battery staple";

    public string Name => "web-reconciliation";
    public string Description => "GET /reconciliation?date=D of a posted generated day (default 1M lines), site hosted in-process: first, median, max";

    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var lines = 1_000_000L;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            lines = long.Parse(args[0], CultureInfo.InvariantCulture);
            args = args[1..];
        }
        var opt = LegacyVsModernBenchmark.Args.Parse(args);
        var seed = (ulong)opt.Long("--seed", 7);
        var requests = (int)Math.Max(2, opt.Long("--requests", 10));
        var home = ReferenceLocator.LegacyHome(opt.Str("--legacy-home"));
        if (home is null) { Console.Error.WriteLine("legacy suite not found: --legacy-home DIR or ACS_LEGACY_HOME"); return 2; }
        var existing = opt.Str("--db");
        var cli = opt.Str("--cli") ?? LegacyVsModernBenchmark.FindCli();
        if (existing is not null)
        {
            if (!File.Exists(existing)) { Console.Error.WriteLine($"--db: {existing} not found"); return 2; }
            cli = "";
        }
        else if (cli is null || !File.Exists(cli)) { Console.Error.WriteLine("the collections CLI was not found: publish it (run.sh) or pass --cli"); return 2; }
        var refDir = Path.Combine(home, "ref");
        var work = opt.Str("--work") ?? Path.Combine(Path.GetTempPath(), "collections-webrecon-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            return RunAsync(lines, seed, requests, cli, refDir, work, existing).GetAwaiter().GetResult();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!opt.Flag("--keep") && existing is null)
                try { Directory.Delete(work, true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<int> RunAsync(long lines, ulong seed, int requests, string cli, string refDir, string work, string? existing)
    {
        const int runDate = 20260302;
        var dbFile = existing ?? Path.Combine(work, "collections.db");
        var database = new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=" + dbFile);
        var day = existing is null ? PostDay(lines, seed, cli, refDir, work, database) : $"Database {existing} (posted earlier).";
        var date = DateOnly.ParseExact(Iso(runDate), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await RunPagesAsync(database, date, work, requests, day).ConfigureAwait(false);
    }

    /// <summary>Posts the earlier day and the day of about <paramref name="lines"/> lines with the CLI; describes them.</summary>
    private static string PostDay(long lines, ulong seed, string cli, string refDir, string work, DatabaseOptions database)
    {
        const int runDate = 20260302, priorDate = 20260227;
        // an earlier posted day, exported in the legacy formats: the generator's payments are made against its open items
        // (a quarter of the day's entries: the generator pays about half of the earlier day's statements)
        var entries = (int)Math.Max(1, lines * 116_100 / 1_000_000);
        var priorDir = Path.Combine(work, "prior");
        var priorGen = DayGenerator.Generate(new DayGeneratorOptions { RunDate = priorDate, Entries = Math.Max(100, entries / 4), Seed = seed + 1, OutDir = priorDir, RefDir = refDir });
        var priorRun = RunCli(cli, "run-day", "--date", Iso(priorDate), "--input", priorDir, "--connection", database.ConnectionString);
        var priorOut = Path.Combine(work, "prior-out");
        RunCli(cli, "export", "legacy", "--date", Iso(priorDate), "--out", priorOut, "--connection", database.ConnectionString);
        Console.Error.WriteLine($"prior day {Iso(priorDate)}: {priorGen.Records + 1:N0} records posted in {priorRun.Wall.TotalSeconds:F1} s");

        // the day: about `lines` ENTRYIN records (the db-cycle proportion: 116,100 entries ≈ 1M records)
        var dayDir = Path.Combine(work, "day");
        var sw = Stopwatch.StartNew();
        var gen = DayGenerator.Generate(new DayGeneratorOptions { RunDate = runDate, Entries = entries, Seed = seed, OutDir = dayDir, RefDir = refDir, PaymentsFrom = priorOut });
        var genTime = sw.Elapsed;
        var records = gen.Records + 1;
        Console.Error.WriteLine($"generated {records:N0} records ({gen.Headers:N0} entries, {gen.Lines:N0} lines, {gen.Payments:N0} payments) in {genTime.TotalSeconds:F1} s");
        Console.Error.WriteLine($"load average before run-day {LoadAverage()}");
        var runDay = RunCli(cli, "run-day", "--date", Iso(runDate), "--input", dayDir, "--workers", "2", "--connection", database.ConnectionString);
        Console.Error.WriteLine($"run-day {Iso(runDate)}: {runDay}");
        return string.Create(CultureInfo.InvariantCulture, $"Day {Iso(runDate)}: {records:N0} ENTRYIN records ({gen.Headers:N0} entries, {gen.Lines:N0} lines) and {gen.Payments:N0} payments (against the open items of an earlier posted day of {priorGen.Records + 1:N0} records), seed {seed}; generated in {genTime.TotalSeconds:F1} s; `run-day --workers 2` on a fresh SQLite database {runDay.Wall.TotalSeconds:F1} s wall, {runDay.Cpu.TotalSeconds:F1} s CPU (CLI `{cli}`).");
    }

    private static async Task<int> RunPagesAsync(DatabaseOptions database, DateOnly date, string work, int requests, string day)
    {
        const int runDate = 20260302;
        var sw = Stopwatch.StartNew();
        // the site in this process, an analyst signed in
        var user = "bench-analyst-" + Guid.NewGuid().ToString("N")[..6];
        var added = await AccountAdmin.AddAsync(database, user, "analyst", null, Password).ConfigureAwait(false);
        if (!added.Succeeded) throw new InvalidOperationException("account: " + string.Join("; ", added.Errors));
        var app = WebApp.Create([], database, b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Environment.EnvironmentName = "Production";
            b.Configuration["Web:Workers"] = "0";
            b.Configuration["Web:Inbox"] = Path.Combine(work, "inbox");
            b.Configuration["Web:ParityReports"] = Path.Combine(work, "parity");
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        sw.Restart();
        var cpu0 = Cpu();
        await WebApp.PrepareAsync(app).ConfigureAwait(false);
        var prepare = (Wall: sw.Elapsed, Cpu: Cpu() - cpu0);
        await app.StartAsync().ConfigureAwait(false);
        // the page first (the process cold: the site's and EF Core's first use), then the service alone
        var pageTimes = new List<double>();
        var pageCpu = new List<double>();
        var bodies = new List<string>();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
            var login = await client.GetStringAsync(new Uri("/login", UriKind.Relative)).ConfigureAwait(false);
            var token = TokenRegex().Match(login);
            if (!token.Success) throw new InvalidOperationException("no antiforgery token on /login");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = user, ["password"] = Password, ["__af"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            });
            using (var signIn = await client.PostAsync(new Uri("/login", UriKind.Relative), form).ConfigureAwait(false))
                if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in answered {(int)signIn.StatusCode}");

            var url = new Uri("/reconciliation?date=" + Iso(runDate), UriKind.Relative);
            for (var i = 0; i < requests; i++)
            {
                sw.Restart();
                var c0 = Cpu();
                using var response = await client.GetAsync(url).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                pageTimes.Add(sw.Elapsed.TotalMilliseconds);
                pageCpu.Add((Cpu() - c0).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
                bodies.Add(body);
            }
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        // the service alone
        var service = new ReconciliationService(database);
        var serviceTimes = new List<double>();
        var serviceCpu = new List<double>();
        ReconciliationReport? report = null;
        for (var i = 0; i < requests; i++)
        {
            sw.Restart();
            var c0 = Cpu();
            report = await service.ReconcileAsync(date, date).ConfigureAwait(false);
            serviceTimes.Add(sw.Elapsed.TotalMilliseconds);
            serviceCpu.Add((Cpu() - c0).TotalMilliseconds);
        }
        var ac = report!.AssessedVsCollected;
        // every page answered 200 (checked above) and shows the day's figures as the service computes them
        foreach (var body in bodies)
            foreach (var cents in new[] { ac.AssessedCents, ac.CollectedCents })
                if (!body.Contains(ReportTable.Dollars(cents), StringComparison.Ordinal) && !body.Contains(ReportTable.DollarsGrouped(cents), StringComparison.Ordinal))
                    throw new InvalidOperationException($"GET /reconciliation: the page lacks the day's figure {ReportTable.Dollars(cents)}");
        var pageBytes = Encoding.UTF8.GetByteCount(bodies[^1]);
        Console.Error.WriteLine($"page: first {pageTimes[0]:F0} ms; service: first {serviceTimes[0]:F0} ms; assessed {ac.AssessedCents}, collected {ac.CollectedCents}; {report.Checks.Count(c => !c.Passed)} checks failed");

        var r = new StringBuilder();
        r.AppendLine(CultureInfo.InvariantCulture, $"Machine: {MachineInfo.Describe()}; load average at the end {LoadAverage()}.");
        r.AppendLine(day);
        r.AppendLine(CultureInfo.InvariantCulture, $"Page: {pageBytes / 1024.0:F0} KiB of HTML; the site hosted in the benchmark's process (Kestrel on loopback), analyst signed in; {requests} requests in sequence. Start-up (`WebApp.PrepareAsync`: schema check and warm-up) {prepare.Wall.TotalMilliseconds:F0} ms wall, {prepare.Cpu.TotalMilliseconds:F0} ms CPU.");
        r.AppendLine();
        r.AppendLine("| Call | First | Warm median | Warm max | CPU: first | CPU: warm median | CPU: warm max |");
        r.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, times, cpu) in new[] { ("GET /reconciliation?date=D (HTTP, whole page)", pageTimes, pageCpu), ("ReconciliationService.ReconcileAsync alone", serviceTimes, serviceCpu) })
        {
            var warm = times.Skip(1).Order().ToList();
            var warmCpu = cpu.Skip(1).Order().ToList();
            r.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {times[0]:F0} ms | {warm[warm.Count / 2]:F0} ms | {warm[^1]:F0} ms | {cpu[0]:F0} ms | {warmCpu[warmCpu.Count / 2]:F0} ms | {warmCpu[^1]:F0} ms |");
        }
        Console.Out.Write(r.ToString());
        return 0;
    }

    private static LegacyVsModernBenchmark.Measurement RunCli(string cli, params string[] args)
    {
        var m = LegacyVsModernBenchmark.MeasureProcess(cli, args, new Dictionary<string, string>(), null, null);
        if (m.ExitCode is not (0 or 4)) throw new InvalidOperationException($"collections {string.Join(' ', args)} failed (exit {m.ExitCode}): {m.StdErrTail}");
        return m;
    }

    private static TimeSpan Cpu()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime;
    }

    private static string Iso(int date) => DbCycleBenchmark.Iso(date);

    private static string LoadAverage() => DbCycleBenchmark.LoadAverage();

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
