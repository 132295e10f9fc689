using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;

namespace Collections.Benchmarks;

/// <summary>
/// <c>db-cycle [--profiles A,B] [--rounds 3] [--lines 1000000] [--master 200000] [--payments 50000] [--no-postgres]
/// [--no-small] [--cli PATH] [--work DIR] [--keep] [--legacy-home DIR]</c>: the database cycle (<c>collections run-day</c>,
/// the whole cycle: ingest, line duties, entry fees, statements, payments and interest, ledger, revenue and control
/// totals, post) against the legacy's whole run-cycle.sh on the same generated day (issue 10, item 7). The days are
/// the <c>cycle</c> benchmark's (<see cref="CycleBenchmark.PrepareDays"/>: a prior open item master of about 200,000
/// items and a day of about 1M ENTRYIN lines whose ~50,000 PAYMENTS pay that master's open items). The prior master is
/// posted in the database before the measured run (<c>db seed-master</c> as the previous business day: a SQLite
/// template copied for each run; a new PostgreSQL database migrated and seeded for each run). Per round, interleaved
/// (the order rotates by round): run-cycle.sh (RUNDATE INDIR OUTDIR PRIOR), run-day on SQLite (WAL, synchronous NORMAL)
/// with 1 and 2 workers, run-day on PostgreSQL (a server started here, fsync on, synchronous_commit on) with 1 and 2
/// workers; each under /usr/bin/time (wall, CPU = user + sys, peak RSS), PostgreSQL's own CPU read from /proc. In the
/// first round every database run is exported (<c>export legacy</c>) and each data set and sysout the legacy wrote is
/// compared byte for byte (exit 1 when one differs). Then one SQLite run on the day a tenth the size (peak memory
/// against the day's size). Prints markdown for docs/benchmarks.md.
/// </summary>
public sealed class DbCycleBenchmark : IBenchmarkCommand
{
    public string Name => "db-cycle";
    public string Description => "whole cycle: run-day on SQLite and PostgreSQL (1 and 2 workers) vs run-cycle.sh, 1M-line day, 50K payments, 200K-item master posted before";

    private const string Legacy = "legacy run-cycle.sh (STEP010-STEP050)";

    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var opt = LegacyVsModernBenchmark.Args.Parse(args);
        var lines = opt.Long("--lines", 1_000_000);
        var masterItems = (int)opt.Long("--master", 200_000);
        var payments = (int)opt.Long("--payments", 50_000);
        var rounds = (int)Math.Max(1, opt.Long("--rounds", 3));
        var profiles = CycleBenchmark.ProfilesNamed(opt.Str("--profiles") ?? "A");
        var home = ReferenceLocator.LegacyHome(opt.Str("--legacy-home"));
        if (home is null) { Console.Error.WriteLine("legacy suite not found: --legacy-home DIR or ACS_LEGACY_HOME"); return 2; }
        var cli = opt.Str("--cli") ?? LegacyVsModernBenchmark.FindCli();
        if (cli is null || !File.Exists(cli)) { Console.Error.WriteLine("the collections CLI was not found: publish it (run.sh) or pass --cli"); return 2; }
        var refDir = Path.Combine(home, "ref");
        var work = opt.Str("--work") ?? Path.Combine(Path.GetTempPath(), "collections-dbcycle-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        PgServer? pg = null;
        var failures = new List<string>();
        try
        {
            const int runDate = CycleBenchmark.RunDate;
            var day = DateOnly.ParseExact(runDate.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture);
            var priorDay = day.AddDays(-1);
            var rd = runDate.ToString(CultureInfo.InvariantCulture);
            var suite = LegacySuite.Prepare(home);
            if (!opt.Flag("--no-postgres"))
            {
                pg = PgServer.TryStart(Path.Combine(work, "pg"));
                if (pg is null) Console.Error.WriteLine("PostgreSQL binaries not found: PostgreSQL runs skipped");
            }

            var prepared = new Dictionary<string, (string Prior, string Day, string Small, string Summary, string Template, long Records)>(StringComparer.Ordinal);
            foreach (var p in profiles)
            {
                var dir = Path.Combine(work, p.Name);
                var (prior, dayDir, small, summary) = CycleBenchmark.PrepareDays(p, dir, lines, masterItems, payments, refDir, small: !opt.Flag("--no-small"));
                // SQLite template: schema, reference tables and the prior master posted as the previous business day
                var template = Path.Combine(dir, "template.db");
                Check(Measure(cli, ["db", "seed-master", "--date", Iso(priorDay), "--file", Path.Combine(prior, "OPENITEM"), "--connection", "Data Source=" + template], null), "SQLite template");
                var records = CountRecords(Path.Combine(dayDir, "ENTRYIN"));
                prepared[p.Name] = (prior, dayDir, small, summary, template, records);
                Console.Error.WriteLine($"profile {p.Name}: {summary}");
            }

            var kinds = new List<string> { Legacy, "run-day SQLite, 1 worker", "run-day SQLite, 2 workers" };
            if (pg is not null) kinds.AddRange(["run-day PostgreSQL, 1 worker", "run-day PostgreSQL, 2 workers"]);
            var results = profiles.ToDictionary(p => p.Name, _ => kinds.ToDictionary(k => k, _ => new List<Measurement>(), StringComparer.Ordinal), StringComparer.Ordinal);
            var loads = new List<string>();
            var checkedRuns = new List<string>();
            var pendingChecks = new List<(string Profile, string Kind, string Export)>();
            for (var round = 0; round < rounds; round++)
                foreach (var p in profiles)
                {
                    var (prior, dayDir, _, _, template, _) = prepared[p.Name];
                    var legacyOut = Path.Combine(work, p.Name, "out-legacy");
                    loads.Add(LoadAverage());
                    Console.Error.WriteLine($"round {round + 1} profile {p.Name}, load average {LoadAverage()}");
                    for (var i = 0; i < kinds.Count; i++)
                    {
                        var kind = kinds[(i + round) % kinds.Count];
                        Measurement m;
                        string? export = null;
                        if (kind == Legacy)
                        {
                            if (Directory.Exists(legacyOut)) Directory.Delete(legacyOut, true);
                            Directory.CreateDirectory(legacyOut);
                            m = Measure("sh", [Path.Combine(suite.WorkHome, "run-cycle.sh"), rd, dayDir, legacyOut, prior],
                                suite.WorkHome, new Dictionary<string, string> { ["ACS_REFLIB"] = refDir });
                        }
                        else
                        {
                            var workers = kind.EndsWith("2 workers", StringComparison.Ordinal) ? "2" : "1";
                            string[] db;
                            if (kind.Contains("SQLite", StringComparison.Ordinal))
                            {
                                var file = Path.Combine(work, "sqlite.db");
                                foreach (var f in Directory.GetFiles(work, "sqlite.db*")) File.Delete(f);
                                File.Copy(template, file);
                                db = ["--connection", "Data Source=" + file];
                            }
                            else
                            {
                                var cs = pg!.NewDatabase();
                                db = ["--provider", "postgres", "--connection", cs];
                                Check(Measure(cli, ["db", "migrate", .. db], null), "PostgreSQL migrate");
                                Check(Measure(cli, ["db", "seed-master", "--date", Iso(priorDay), "--file", Path.Combine(prior, "OPENITEM"), .. db], null), "PostgreSQL seed-master");
                            }
                            var server = pg?.CpuSeconds() ?? 0;
                            m = Check(Measure(cli, ["run-day", "--date", Iso(day), "--input", dayDir, "--workers", workers, .. db], null), kind);
                            if (db[0] == "--provider") m = m with { ServerCpuSeconds = pg!.CpuSeconds() - server };
                            if (round == 0)
                            {
                                export = Path.Combine(work, p.Name, "export-" + kinds.IndexOf(kind).ToString(CultureInfo.InvariantCulture));
                                Check(Measure(cli, ["export", "legacy", "--date", Iso(day), "--out", export, .. db], null), kind + " export");
                            }
                            if (db[0] == "--provider") pg!.DropLast();
                        }
                        results[p.Name][kind].Add(m);
                        Console.Error.WriteLine($"  {kind}: {m}");
                        if (export is not null) pendingChecks.Add((p.Name, kind, export));
                    }
                    // the exports of this round against this round's legacy outputs
                    foreach (var (name, kind, export) in pendingChecks.Where(c => c.Profile == p.Name).ToList())
                    {
                        var diff = Differences(legacyOut, export);
                        if (diff.Count > 0) failures.Add($"{name} {kind}: differ from the legacy: {string.Join(", ", diff)}");
                        else checkedRuns.Add($"{name} {kind}");
                        Directory.Delete(export, true);
                        pendingChecks.Remove((name, kind, export));
                    }
                }

            var smallRuns = new Dictionary<string, Measurement>(StringComparer.Ordinal);
            if (!opt.Flag("--no-small"))
                foreach (var p in profiles)
                {
                    var (_, _, small, _, template, _) = prepared[p.Name];
                    var file = Path.Combine(work, "sqlite.db");
                    foreach (var f in Directory.GetFiles(work, "sqlite.db*")) File.Delete(f);
                    File.Copy(template, file);
                    smallRuns[p.Name] = Check(Measure(cli, ["run-day", "--date", Iso(day), "--input", small, "--connection", "Data Source=" + file], null), "small day");
                }

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {MachineInfo.Describe()}; load average (1, 5, 15 min) at the end {LoadAverage()}.");
            report.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project tools/Collections.Benchmarks -- db-cycle {string.Join(' ', args)}` (run date {rd}; prior master posted as {Iso(priorDay)}).");
            report.AppendLine(CultureInfo.InvariantCulture, $"Modern CLI: {LegacyVsModernBenchmark.CliDescription(cli)}, commit {LegacyVsModernBenchmark.GitCommit(cli)}. Legacy: the suite's run-cycle.sh, load modules built by `LegacySuite`.");
            report.AppendLine(CultureInfo.InvariantCulture, $"Load average (1 min) at the start of each round: {string.Join(", ", loads)}. Runs of a round in rotating order.");
            report.AppendLine();
            foreach (var p in profiles)
            {
                var (_, _, _, summary, _, records) = prepared[p.Name];
                report.AppendLine(CultureInfo.InvariantCulture, $"Profile {p.Name} ({p.Description}): {summary}.");
                report.AppendLine();
                report.AppendLine("| Run | Wall per round | CPU (user + sys) per round | Wall best / median | CPU median | DB server CPU median | Records/s (best wall) | Peak RSS | Exit |");
                report.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
                foreach (var (kind, list) in results[p.Name])
                {
                    if (list.Count == 0) continue;
                    string S(double x) => x.ToString("F1", CultureInfo.InvariantCulture);
                    var best = list.Min(m => m.Wall.TotalSeconds);
                    var server = CycleBenchmark.Median(list.Select(m => m.ServerCpuSeconds));
                    report.AppendLine(CultureInfo.InvariantCulture,
                        $"| {kind} | {string.Join(" / ", list.Select(m => S(m.Wall.TotalSeconds)))} s | {string.Join(" / ", list.Select(m => S(m.Cpu.TotalSeconds)))} s | {S(best)} / {S(CycleBenchmark.Median(list.Select(m => m.Wall.TotalSeconds)))} s | {S(CycleBenchmark.Median(list.Select(m => m.Cpu.TotalSeconds)))} s | {(server > 0 ? S(server) + " s" : "-")} | {records / best:N0} | {list.Max(m => m.PeakKb) / 1024.0:F0} MiB | {string.Join("/", list.Select(m => m.ExitCode).Distinct())} |");
                }
                if (smallRuns.TryGetValue(p.Name, out var sm))
                    report.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                        $"run-day SQLite (1 worker) on the day a tenth the size, same master: peak RSS {sm.PeakKb / 1024.0:F0} MiB ({sm.Wall.TotalSeconds:F1} s wall, {sm.Cpu.TotalSeconds:F1} s CPU, exit {sm.ExitCode}).");
                report.AppendLine();
            }
            report.AppendLine(failures.Count == 0
                ? $"Outputs: `export legacy` of {string.Join(", ", checkedRuns)} (first round): every data set and sysout the legacy wrote byte-identical."
                : "**NOT identical**: " + string.Join("; ", failures));
            Console.Out.Write(report.ToString());
            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            pg?.Dispose();
            if (!opt.Flag("--keep"))
                try { Directory.Delete(work, true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Records of ENTRYIN (RECFM=F 250).</summary>
    private static long CountRecords(string path) => (new FileInfo(path).Length + 249) / 250;

    /// <summary>The files the legacy wrote (sysout included) that the export lacks or holds with other bytes.</summary>
    private static List<string> Differences(string legacy, string export)
    {
        var diff = new List<string>();
        foreach (var f in Directory.EnumerateFiles(legacy, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(legacy, f)).Order(StringComparer.Ordinal))
        {
            var e = Path.Combine(export, f);
            if (!File.Exists(e)) diff.Add(f + " (not exported)");
            else if (!LegacyVsModernBenchmark.FilesEqual(Path.Combine(legacy, f), e)) diff.Add(f);
        }
        return diff;
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Iso(int date) => $"{date / 10000:D4}-{date / 100 % 100:D2}-{date % 100:D2}";

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static Measurement Check(Measurement m, string what) =>
        m.ExitCode is 0 or 4 ? m : throw new InvalidOperationException($"{what} failed (exit {m.ExitCode}): {m.StdErrTail}");

    private sealed record Measurement(TimeSpan Wall, TimeSpan Cpu, long PeakKb, int ExitCode, double ServerCpuSeconds, string StdErrTail)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Wall.TotalSeconds:F2} s wall, {Cpu.TotalSeconds:F2} s CPU{(ServerCpuSeconds > 0 ? $" (+ server {ServerCpuSeconds:F2} s)" : "")}, {PeakKb / 1024.0:F1} MiB, exit {ExitCode}");
    }

    private static Measurement Measure(string program, IReadOnlyList<string> args, string? workDir, IDictionary<string, string>? env = null, string? stdin = null)
    {
        var m = LegacyVsModernBenchmark.MeasureProcess(program, args, env ?? new Dictionary<string, string>(), stdin, workDir);
        return new Measurement(m.Wall, m.Cpu, m.PeakKb, m.ExitCode, 0, m.StdErrTail);
    }

    /// <summary>A PostgreSQL server for the benchmark (initdb + pg_ctl on a free loopback port, fsync on), as the tests start one.</summary>
    private sealed class PgServer : IDisposable
    {
        private const string ServiceUser = "collections-pg";
        private static readonly string[] BinDirs = ["/usr/local/bin", "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];
        private readonly string _bin, _dir;
        private readonly bool _asRoot;
        private readonly int _port;
        private int _databases;

        private PgServer(string bin, string dir)
        {
            _bin = bin;
            _dir = dir;
            _asRoot = Environment.UserName == "root";
            Directory.CreateDirectory(dir);
            if (_asRoot)
            {
                if (Exec("id", ["-u", ServiceUser], check: false) != 0)
                    Exec("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser]);
                Exec("chown", [ServiceUser, dir]);
            }
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            _port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            Pg("initdb", ["-D", dir + "/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-instructions"]);
            Pg("pg_ctl", ["-D", dir + "/data", "-l", dir + "/server.log", "-w", "-t", "60", "-o",
                $"-p {_port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=200", "start"]);
        }

        public static PgServer? TryStart(string dir)
        {
            var bin = BinDirs.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
            return bin is null ? null : new PgServer(bin, dir);
        }

        public string NewDatabase()
        {
            // a new database name: `collections db migrate` creates it
            var name = "bench" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
            return $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name};Pooling=true;Maximum Pool Size=20;Timeout=15;Command Timeout=600";
        }

        /// <summary>Drops the database <see cref="NewDatabase"/> made last (keeps the server's disk small between runs).</summary>
        public void DropLast() =>
            Pg("psql", ["-h", "127.0.0.1", "-p", _port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-c",
                "DROP DATABASE IF EXISTS bench" + _databases.ToString(CultureInfo.InvariantCulture) + " WITH (FORCE)"], check: false);

        /// <summary>CPU seconds (user + sys) of the server: its live processes plus the children the postmaster reaped.</summary>
        public double CpuSeconds()
        {
            var pidFile = Path.Combine(_dir, "data", "postmaster.pid");
            if (!File.Exists(pidFile)) return 0;
            var master = File.ReadLines(pidFile).First().Trim();
            double ticks = 0;
            foreach (var proc in Directory.GetDirectories("/proc"))
            {
                var stat = Path.Combine(proc, "stat");
                string text;
                try { text = File.ReadAllText(stat); }
                catch (IOException) { continue; }
                catch (UnauthorizedAccessException) { continue; }
                var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');   // from field 3 (state) on
                var pid = Path.GetFileName(proc);
                if (pid != master && f[1] != master) continue;   // the postmaster and its children
                ticks += double.Parse(f[11], CultureInfo.InvariantCulture) + double.Parse(f[12], CultureInfo.InvariantCulture);   // utime, stime
                if (pid == master) ticks += double.Parse(f[13], CultureInfo.InvariantCulture) + double.Parse(f[14], CultureInfo.InvariantCulture);   // cutime, cstime
            }
            return ticks / 100.0;
        }

        public void Dispose() => Pg("pg_ctl", ["-D", _dir + "/data", "-m", "fast", "-w", "stop"], check: false);

        private void Pg(string tool, IReadOnlyList<string> args, bool check = true)
        {
            var exe = Path.Combine(_bin, tool);
            if (_asRoot) Exec("runuser", ["-u", ServiceUser, "--", exe, .. args], check);
            else Exec(exe, args, check);
        }

        private static int Exec(string file, IReadOnlyList<string> args, bool check = true)
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var so = p.StandardOutput.ReadToEndAsync();
            var se = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            if (check && p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {so.Result}{se.Result}");
            return p.ExitCode;
        }
    }
}
