using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Collections.Batch.Tests;

/// <summary>
/// A real PostgreSQL server for the tests: initdb + pg_ctl on a free loopback port in a temporary data directory,
/// fsync on. initdb refuses to run as root, so under root (CI) the server runs as an unprivileged user
/// (<see cref="ServiceUser"/>, created if missing). Never skipped: a machine without the PostgreSQL binaries fails
/// the tests (.ci/run installs them).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string ServiceUser = "collections-pg";
    private static readonly string[] BinDirs = ["/usr/local/bin", "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];
    private readonly string _bin;
    private readonly bool _asRoot;
    private int _databases;

    public string DataDir { get; }
    public int Port { get; }

    public PostgresServer()
    {
        _bin = BinDirs.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
               ?? throw new InvalidOperationException("PostgreSQL server binaries (initdb, pg_ctl) not found in " + string.Join(", ", BinDirs) + ": install postgresql (.ci/run does)");
        _asRoot = Environment.UserName == "root";
        DataDir = Path.Combine(Path.GetTempPath(), "collections-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataDir);
        if (_asRoot)
        {
            if (Run("id", ["-u", ServiceUser], check: false).ExitCode != 0)
                Run("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser]);
            Run("chown", [ServiceUser, DataDir]);
        }
        Port = FreePort();
        Pg("initdb", ["-D", DataDir + "/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-instructions"]);
        Start();
    }

    public void Start() =>
        Pg("pg_ctl", ["-D", DataDir + "/data", "-l", DataDir + "/server.log", "-w", "-t", "60", "-o",
            $"-p {Port} -k {DataDir} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=400", "start"]);

    public void Stop() => Pg("pg_ctl", ["-D", DataDir + "/data", "-m", "fast", "-w", "stop"], check: false);

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20;Connection Idle Lifetime=10;Connection Pruning Interval=5;Timeout=15;Command Timeout=600";

    /// <summary>A new empty database; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "t" + Interlocked.Increment(ref _databases) + "_" + Guid.NewGuid().ToString("N")[..8];
        using var c = new NpgsqlConnection(ConnectionString("postgres"));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE {name}";
        cmd.ExecuteNonQuery();
        return ConnectionString(name);
    }

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(DataDir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private void Pg(string tool, IReadOnlyList<string> args, bool check = true)
    {
        var exe = Path.Combine(_bin, tool);
        if (_asRoot) Run("runuser", ["-u", ServiceUser, "--", exe, .. args], check);
        else Run(exe, args, check);
    }

    private static (int ExitCode, string Output) Run(string file, IReadOnlyList<string> args, bool check = true)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        var output = stdout.Result + stderr.Result;
        if (check && p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {output}");
        return (p.ExitCode, output);
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
