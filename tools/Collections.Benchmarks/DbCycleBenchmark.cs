using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;

namespace Collections.Benchmarks;

/// <summary>
/// <c>db-cycle</c>: the database cycle (<c>collections run-day</c>: ingest, CLV100 line duties in chunks, CLV200 entry
/// fees, post) against the legacy on the same generated day, interleaved in rounds: the legacy's STEP010+STEP020
/// (CLV100 and CLV200 as run-cycle.sh runs them, the steps the database cycle covers) and its whole run-cycle.sh;
/// run-day on SQLite (WAL, synchronous NORMAL) and on PostgreSQL (a server started here, fsync on) with one and two
/// workers. Each database run starts from a database that already holds the schema, the reference tables and an
/// earlier posted day (a template copied for SQLite; a database migrated and given the earlier day for PostgreSQL).
/// Prints wall, CPU (user + sys; for PostgreSQL also the server's), input records per second of wall and peak RSS
/// (markdown) for docs/benchmarks.md.
/// </summary>
public sealed class DbCycleBenchmark : IBenchmarkCommand
{
    public string Name => "db-cycle";
    public string Description => "run-day on SQLite and PostgreSQL (1 and 2 workers) vs the legacy on a generated 1M-line day: wall, CPU, rows/s, peak RSS";

    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var opt = LegacyVsModernBenchmark.Args.Parse(args);
        var entries = (int)opt.Long("--entries", 116_100);
        var seed = (ulong)opt.Long("--seed", 7);
        var rounds = (int)Math.Max(1, opt.Long("--rounds", 1));
        var home = ReferenceLocator.LegacyHome(opt.Str("--legacy-home"));
        if (home is null) { Console.Error.WriteLine("legacy suite not found: --legacy-home DIR or ACS_LEGACY_HOME"); return 2; }
        var cli = opt.Str("--cli") ?? LegacyVsModernBenchmark.FindCli();
        if (cli is null || !File.Exists(cli)) { Console.Error.WriteLine("the collections CLI was not found: publish it (run.sh) or pass --cli"); return 2; }
        var refDir = Path.Combine(home, "ref");
        var work = opt.Str("--work") ?? Path.Combine(Path.GetTempPath(), "collections-dbcycle-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        PgServer? pg = null;
        try
        {
            const int runDate = 20260302, priorDate = 20260227;
            var dayDir = Path.Combine(work, "day");
            var gen = DayGenerator.Generate(new DayGeneratorOptions { RunDate = runDate, Entries = entries, Seed = seed, OutDir = dayDir, RefDir = refDir });
            var priorDir = Path.Combine(work, "prior");
            DayGenerator.Generate(new DayGeneratorOptions { RunDate = priorDate, Entries = 100, Seed = seed + 1, OutDir = priorDir, RefDir = refDir });
            var records = gen.Records + 1;
            Console.Error.WriteLine($"generated {records:N0} records ({gen.Lines:N0} lines, {gen.Payments:N0} payments)");

            // the legacy: STEP010 + STEP020 as run-cycle.sh runs them, and the whole run-cycle.sh
            var suite = LegacySuite.Prepare(home);
            var legacyOut = Path.Combine(work, "legacy");
            Directory.CreateDirectory(Path.Combine(legacyOut, "sysout"));
            var sysin = $"RUNDATE={runDate.ToString(CultureInfo.InvariantCulture)}\n";
            var legacyEnv = LegacyVsModernBenchmark.LegacyEnvironment(dayDir, legacyOut, refDir);

            // SQLite template: schema, reference tables and an earlier posted day
            var template = Path.Combine(work, "template.db");
            Check(Measure(cli, ["run-day", "--date", Iso(priorDate), "--input", priorDir, "--connection", "Data Source=" + template], null), "SQLite template");
            var noPostgres = opt.Flag("--no-postgres");
            var postgresOnly = opt.Flag("--postgres-only");
            if (!noPostgres)
            {
                pg = PgServer.TryStart(Path.Combine(work, "pg"));
                if (pg is null) Console.Error.WriteLine("PostgreSQL binaries not found: PostgreSQL runs skipped");
            }

            var results = new Dictionary<string, List<Measurement>>(StringComparer.Ordinal);
            void Add(string name, Measurement m)
            {
                if (!results.TryGetValue(name, out var list)) results[name] = list = [];
                list.Add(m);
                Console.Error.WriteLine($"  {name}: {m}");
            }
            for (var round = 1; round <= rounds; round++)
            {
                Console.Error.WriteLine($"round {round}, load average {LoadAverage()}");
                if (!postgresOnly)
                {
                    var s010 = Measure(Path.Combine(suite.WorkHome, "bin", "CLV100"), [], null, legacyEnv, sysin);
                    var s020 = Measure(Path.Combine(suite.WorkHome, "bin", "CLV200"), [], null, legacyEnv, sysin);
                    Add("legacy STEP010+STEP020 (CLV100, CLV200)", new Measurement(s010.Wall + s020.Wall, s010.Cpu + s020.Cpu, Math.Max(s010.PeakKb, s020.PeakKb), Math.Max(s010.ExitCode, s020.ExitCode), 0, ""));

                    var db = Path.Combine(work, "sqlite.db");
                    foreach (var f in Directory.GetFiles(work, "sqlite.db*")) File.Delete(f);
                    File.Copy(template, db);
                    Add("run-day SQLite, 2 workers", Check(Measure(cli, ["run-day", "--date", Iso(runDate), "--input", dayDir, "--workers", "2", "--connection", "Data Source=" + db], null), "SQLite"));

                    var cycleOut = Path.Combine(work, "legacy-cycle");
                    if (Directory.Exists(cycleOut)) Directory.Delete(cycleOut, true);
                    Directory.CreateDirectory(cycleOut);
                    Add("legacy run-cycle.sh (STEP010-STEP050)", Measure("sh", [Path.Combine(suite.WorkHome, "run-cycle.sh"), runDate.ToString(CultureInfo.InvariantCulture), dayDir, cycleOut],
                        suite.WorkHome, new Dictionary<string, string> { ["ACS_REFLIB"] = refDir }, null));
                }

                if (pg is not null)
                    foreach (var workers in new[] { 1, 2 })
                    {
                        var cs = pg.NewDatabase();
                        Check(Measure(cli, ["db", "migrate", "--provider", "postgres", "--connection", cs], null), "PostgreSQL migrate");
                        Check(Measure(cli, ["run-day", "--date", Iso(priorDate), "--input", priorDir, "--provider", "postgres", "--connection", cs], null), "PostgreSQL prior day");
                        var server = pg.CpuSeconds();
                        var m = Check(Measure(cli, ["run-day", "--date", Iso(runDate), "--input", dayDir, "--workers", workers.ToString(CultureInfo.InvariantCulture),
                            "--provider", "postgres", "--connection", cs], null), "PostgreSQL");
                        Add($"run-day PostgreSQL, {workers} worker{(workers > 1 ? "s" : "")}", m with { ServerCpuSeconds = pg.CpuSeconds() - server });
                    }
            }

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {MachineInfo.Describe()}; load average at the end {LoadAverage()}.");
            report.AppendLine(CultureInfo.InvariantCulture, $"Day: {records:N0} ENTRYIN records ({gen.Headers:N0} entries, {gen.Lines:N0} lines), seed {seed}; CLI `{cli}`; best of {rounds} interleaved round(s) (wall and CPU each the lowest; peak RSS the highest).");
            report.AppendLine();
            report.AppendLine("| Run | Wall | CPU (user + sys) | DB server CPU | Records/s (wall) | Peak RSS | Exit |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (name, list) in results)
            {
                var wall = list.Min(m => m.Wall.TotalSeconds);
                var cpu = list.Min(m => m.Cpu.TotalSeconds);
                var server = list.Min(m => m.ServerCpuSeconds);
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {wall:F1} s | {cpu:F1} s | {(server > 0 ? server.ToString("F1", CultureInfo.InvariantCulture) + " s" : "-")} | {records / wall:N0} | {list.Max(m => m.PeakKb) / 1024.0:F0} MiB | {string.Join("/", list.Select(m => m.ExitCode).Distinct())} |");
            }
            Console.Out.Write(report.ToString());
            return 0;
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
