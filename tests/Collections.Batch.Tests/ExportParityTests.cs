using System.Text.Json;
using Collections.Batch.Export;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Tests;

/// <summary>
/// The database cycle against the legacy: each committed fixture day (captured legacy runs) run with run-day on the
/// database after the days of its chain before it (their posted master is its old master), then `export legacy`,
/// compared byte for byte with every data set the legacy wrote (LINECALC, REJECTS, ENTCALC, STMTOUT, STMTDTL,
/// OPENITEM, LEDGER, SUSPENSE, CTLTOTS, CLV500.RPT, SYSIN) and the sysout of every step. Days the legacy stops in
/// STEP010 (RC 8) are refused with nothing posted; days it stops in STEP020 fail with CLV200's message after the same
/// STEP010 outputs.
/// </summary>
public abstract class ExportParityTests
{
    protected abstract DatabaseOptions NewDatabase(TempDir dir);

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in FixtureNames()) data.Add(f);
        return data;
    }

    private static List<string> FixtureNames()
    {
        var data = new List<string>();
        foreach (var d in Directory.GetDirectories(RepoPaths.LegacyFixtures).Order(StringComparer.Ordinal))
        {
            var manifest = Path.Combine(d, "manifest.json");
            if (!File.Exists(manifest)) continue;
            using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
            // damaged tables of its own (G10-G12): the database loads no missing or empty table; other tables of its own are loaded
            if (doc.RootElement.GetProperty("referenceTables").GetProperty("source").GetString() != "legacy" && Path.GetFileName(d).StartsWith("garbage-", StringComparison.Ordinal)) continue;
            data.Add(Path.GetFileName(d));
        }
        return data;
    }

    /// <summary>The fixture and the days before it in its chain, first day first.</summary>
    public static IReadOnlyList<string> ChainOf(string fixture)
    {
        var chain = new List<string>();
        for (string? f = fixture; f is not null;)
        {
            chain.Insert(0, f);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.LegacyFixtures, f, "manifest.json")));
            f = doc.RootElement.TryGetProperty("prior", out var prior) && prior.ValueKind == JsonValueKind.String ? prior.GetString() : null;
        }
        return chain;
    }

    /// <summary>The last day of each chain of fixtures (a chain is two days or more).</summary>
    public static TheoryData<string> ChainEnds()
    {
        var all = FixtureNames();
        var priors = all.SelectMany(f => ChainOf(f).SkipLast(1)).ToHashSet(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var f in all.Where(f => ChainOf(f).Count > 1 && !priors.Contains(f))) data.Add(f);
        return data;
    }

    private static string RunDateOf(string fixture)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.LegacyFixtures, fixture, "manifest.json")));
        return manifest.RootElement.GetProperty("runDate").GetString()!;
    }

    /// <summary>Runs the fixture's chain on one database and compares the last day (or every day) with the legacy.</summary>
    protected async Task CheckAsync(string fixture, bool everyDay = false)
    {
        using var dir = new TempDir("db-parity");
        var options = NewDatabase(dir);
        var chain = ChainOf(fixture);
        for (var i = 0; i < chain.Count; i++)
            await CheckDayAsync(options, dir, chain[i], compare: everyDay || i == chain.Count - 1);
    }

    private static async Task CheckDayAsync(DatabaseOptions options, TempDir dir, string fixture, bool compare)
    {
        var set = Path.Combine(RepoPaths.LegacyFixtures, fixture);
        var runDate = RunDateOf(fixture);
        var log = File.ReadAllLines(Path.Combine(set, "cycle.log"));
        int Rc(string step) => log.FirstOrDefault(l => l.Contains(step, StringComparison.Ordinal) && l.Contains("RC=", StringComparison.Ordinal)) is { } l
            ? int.Parse(l[(l.IndexOf("RC=", StringComparison.Ordinal) + 3)..].Trim(), System.Globalization.CultureInfo.InvariantCulture) : 16;
        if (!DateOnly.TryParseExact(runDate, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            Rc("STEP010").Should().BeGreaterThanOrEqualTo(8, "run-day --date takes only a valid date: the legacy stops too");
            return;
        }
        // the day's reference tables: the fixture's own (ref/) or the shipped ones, as versions in force from the day
        await Database.MigrateAsync(options);
        await Cycle.ReferenceLibrary.EnsureLoadedAsync(options, TimeProvider.System);
        var refDir = Path.Combine(set, "ref");
        await Cycle.ReferenceLibrary.LoadAsync(options, Directory.Exists(refDir) ? refDir : null, TestDatabases.DateOf(runDate), TimeProvider.System);
        var capturedPrior = Path.Combine(set, "prior", "OPENITEM");
        if (File.Exists(capturedPrior))
        {
            // an old master captured with the fixture (a damaged one, for the M cases): the database's previous posted day
            await Database.MigrateAsync(options);
            await Cycle.MasterSeed.SeedAsync(options, TestDatabases.DateOf(runDate).AddDays(-1), capturedPrior);
        }
        var (submit, final) = await TestDatabases.RunDayAsync(options, TestDatabases.DateOf(runDate), Path.Combine(set, "input"), chunkLines: 7);
        var legacy = Path.Combine(set, "output");

        if (Rc("STEP010") >= 8)
        {
            // the legacy stops in STEP010: the database cycle refuses the day, posts nothing, and says why
            (submit.Kind == Cycle.SubmitKind.Refused || final!.Run.Status == RunStatus.Failed).Should().BeTrue();
            (final?.Run.Message ?? submit.Message).Should().NotBeNullOrWhiteSpace();
            await using var db = options.CreateContext();
            db.PostedDays.Should().NotContain(p => p.BusinessDate == TestDatabases.DateOf(runDate));
            db.EntryLines.Should().BeEmpty("a refused day stores nothing");
            return;
        }
        var runId = final!.Run.Id;
        var outDir = Path.Combine(dir.Path, "export-" + fixture);
        await LegacyExport.WriteAsync(options, runId, outDir);
        foreach (var file in new[] { "LINECALC", "REJECTS", "sysout/STEP010.CLV100" })
            File.ReadAllBytes(Path.Combine(outDir, file)).Should().Equal(File.ReadAllBytes(Path.Combine(legacy, file)), $"{fixture} {file}");
        if (Rc("STEP020") >= 8)
        {
            final.Run.Status.Should().Be(RunStatus.Failed);
            final.Run.Message.Should().Contain("CLV2");
            return;
        }
        var steps = new[] { "STEP010", "STEP020", "STEP030", "STEP040", "STEP050" };
        var stoppedAt = steps.FirstOrDefault(s => Rc(s) >= 8);
        if (stoppedAt is not null)
        {
            final.Run.Status.Should().Be(RunStatus.Failed, $"{fixture}: the legacy stops at {stoppedAt}");
            return;
        }
        final.Run.Status.Should().Be(RunStatus.Done, final.Run.Message);
        final.Run.ReturnCode.Should().Be(steps.Max(Rc), fixture);
        if (!compare) return;
        var legacyFiles = Directory.GetFiles(legacy, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(legacy, f)).Order(StringComparer.Ordinal).ToList();
        var exported = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(outDir, f)).Order(StringComparer.Ordinal).ToList();
        exported.Should().Equal(legacyFiles, $"{fixture}: export legacy writes every data set the legacy wrote");
        foreach (var file in legacyFiles)
            File.ReadAllBytes(Path.Combine(outDir, file)).Should().Equal(File.ReadAllBytes(Path.Combine(legacy, file)), $"{fixture} {file}");
    }
}

public sealed class SqliteExportParityTests : ExportParityTests
{
    protected override DatabaseOptions NewDatabase(TempDir dir) => TestDatabases.Sqlite(dir);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public Task RunDay_ThenExportLegacy_EqualsTheLegacyRun(string fixture) => CheckAsync(fixture);

    [Theory]
    [MemberData(nameof(ChainEnds))]
    public Task RunDayEachDayOfAChain_ExportsEqualTheLegacyChain(string lastDay) => CheckAsync(lastDay, everyDay: true);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresExportParityTests(PostgresServer server) : ExportParityTests
{
    protected override DatabaseOptions NewDatabase(TempDir dir) => TestDatabases.Postgres(server);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public Task RunDay_ThenExportLegacy_EqualsTheLegacyRun(string fixture) => CheckAsync(fixture);

    [Theory]
    [MemberData(nameof(ChainEnds))]
    public Task RunDayEachDayOfAChain_ExportsEqualTheLegacyChain(string lastDay) => CheckAsync(lastDay, everyDay: true);
}

/// <summary>
/// SQL Server: run when COLLECTIONS_TEST_SQLSERVER holds a connection string to a server (a database per test is
/// created there by the migrations); without one the theory reports itself skipped.
/// </summary>
public sealed class SqlServerExportParityTests : ExportParityTests
{
    public const string Variable = "COLLECTIONS_TEST_SQLSERVER";

    protected override DatabaseOptions NewDatabase(TempDir dir)
    {
        var b = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable)) { InitialCatalog = "collections_" + Guid.NewGuid().ToString("N")[..10] };
        return new DatabaseOptions(DatabaseProvider.SqlServer, b.ConnectionString);
    }

    [SqlServerTheory]
    [MemberData(nameof(Fixtures))]
    public Task RunDay_ThenExportLegacy_EqualsTheLegacyRun(string fixture) => CheckAsync(fixture);
}

/// <summary>A theory that runs only when a SQL Server connection string is given (<see cref="SqlServerExportParityTests.Variable"/>).</summary>
public sealed class SqlServerTheoryAttribute : TheoryAttribute
{
    public SqlServerTheoryAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SqlServerExportParityTests.Variable)))
            Skip = $"no SQL Server: set {SqlServerExportParityTests.Variable} to a connection string to run these";
    }
}

/// <summary>
/// `parity run --modern database`: the harness's modern side is run-day + export legacy on a database. A chain's last
/// day given alone starts from the legacy's captured prior master (seeded with `db seed-master`).
/// </summary>
public sealed class ParityRunDatabaseTests
{
    [Fact]
    public void ParityRun_ModernDatabase_ChainDayFromTheCapturedPriorMaster_Parity()
    {
        using var dir = new TempDir("parity-db");
        var tmp = Directory.CreateDirectory(Path.Combine(dir.Path, "tmp")).FullName;   // the process's temporary folder
        var (rc, stdout, stderr) = Cli.Run(["parity", "run", "--fixtures", Path.Combine(RepoPaths.LegacyFixtures, "gen-chain-3-20260304"), "--modern", "database",
            "--report", Path.Combine(dir.Path, "report")], new Dictionary<string, string> { ["TMPDIR"] = tmp + "/" });
        rc.Should().Be(0, stdout + stderr);
        Directory.GetDirectories(tmp, "collections-parity-db-*").Should().BeEmpty("the temporary databases are deleted after the run");
        (stdout + stderr).Should().Contain("run-day + export legacy (database)").And.Contain("verdict: PARITY");
        foreach (var dsn in new[] { "STMTOUT", "OPENITEM", "LEDGER", "SUSPENSE", "CLV500.RPT" })
            stdout.Should().MatchRegex($@"{System.Text.RegularExpressions.Regex.Escape(dsn)}\s+Identical");
    }

    [Fact]
    public async Task SeedMaster_ThenRunDay_OldMasterIsTheSeededOne_RefusedWhenADayIsPosted()
    {
        using var dir = new TempDir("db-seed");
        var options = TestDatabases.Sqlite(dir);
        await Database.MigrateAsync(options);
        var master = Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-02", "output", "OPENITEM");
        var seeded = await Cycle.MasterSeed.SeedAsync(options, new DateOnly(2026, 3, 2), master);
        var (_, final) = await TestDatabases.RunDayAsync(options, new DateOnly(2026, 3, 3), Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-03", "input"));
        final!.Run.Status.Should().Be(RunStatus.Done, final.Run.Message);
        var outDir = Path.Combine(dir.Path, "out");
        await LegacyExport.WriteAsync(options, final.Run.Id, outDir);
        foreach (var dsn in new[] { "OPENITEM", "LEDGER", "CTLTOTS", "CLV500.RPT", "sysout/STEP040.CLV400" })
            File.ReadAllBytes(Path.Combine(outDir, dsn)).Should().Equal(File.ReadAllBytes(Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-03", "output", dsn)), dsn);
        var runId = final.Run.Id;
        await using (var db = options.CreateContext())
            (await db.CycleInputs.SingleAsync(c => c.RunId == runId)).PriorRunId.Should().Be(seeded.Id);
        var again = () => Cycle.MasterSeed.SeedAsync(options, new DateOnly(2026, 3, 1), master);
        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage("*already posted*");
    }
}
