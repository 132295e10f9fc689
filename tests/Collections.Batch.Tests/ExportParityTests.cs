using System.Text.Json;
using Collections.Batch.Export;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Testing;

namespace Collections.Batch.Tests;

/// <summary>
/// The database cycle against the legacy: each committed fixture day (captured legacy runs) run with run-day on the
/// database, then `export legacy`, compared byte for byte with the legacy's LINECALC, REJECTS, ENTCALC, the CLV100 and
/// CLV200 lines of CTLTOTS and the sysout of STEP010/STEP020. Days the legacy stops in STEP010 (RC 8) are refused
/// with nothing posted; days it stops in STEP020 fail with CLV200's message after the same STEP010 outputs.
/// </summary>
public abstract class ExportParityTests
{
    protected abstract DatabaseOptions NewDatabase(TempDir dir);

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var d in Directory.GetDirectories(RepoPaths.LegacyFixtures).Order(StringComparer.Ordinal))
        {
            var manifest = Path.Combine(d, "manifest.json");
            if (!File.Exists(manifest)) continue;
            using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
            if (doc.RootElement.GetProperty("referenceTables").GetProperty("source").GetString() != "legacy") continue;   // tables of its own: not in this database
            data.Add(Path.GetFileName(d));
        }
        return data;
    }

    protected async Task CheckAsync(string fixture)
    {
        var set = Path.Combine(RepoPaths.LegacyFixtures, fixture);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(set, "manifest.json")));
        var runDate = manifest.RootElement.GetProperty("runDate").GetString()!;
        var log = File.ReadAllLines(Path.Combine(set, "cycle.log"));
        int Rc(string step) => log.FirstOrDefault(l => l.Contains(step, StringComparison.Ordinal) && l.Contains("RC=", StringComparison.Ordinal)) is { } l
            ? int.Parse(l[(l.IndexOf("RC=", StringComparison.Ordinal) + 3)..].Trim(), System.Globalization.CultureInfo.InvariantCulture) : 16;
        if (!DateOnly.TryParseExact(runDate, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            Rc("STEP010").Should().BeGreaterThanOrEqualTo(8, "run-day --date takes only a valid date: the legacy stops too");
            return;
        }
        using var dir = new TempDir("db-parity");
        var options = NewDatabase(dir);
        var (submit, final) = await TestDatabases.RunDayAsync(options, TestDatabases.DateOf(runDate), Path.Combine(set, "input"), chunkLines: 7);
        var legacy = Path.Combine(set, "output");

        if (Rc("STEP010") >= 8)
        {
            // the legacy stops in STEP010: the database cycle refuses the day, posts nothing, and says why
            (submit.Kind == Cycle.SubmitKind.Refused || final!.Run.Status == RunStatus.Failed).Should().BeTrue();
            (final?.Run.Message ?? submit.Message).Should().NotBeNullOrWhiteSpace();
            await using var db = options.CreateContext();
            db.PostedDays.Should().BeEmpty();
            db.EntryLines.Should().BeEmpty("a refused day stores nothing");
            return;
        }
        var runId = final!.Run.Id;
        var outDir = Path.Combine(dir.Path, "export");
        await LegacyExport.WriteAsync(options, runId, outDir);
        foreach (var file in new[] { "LINECALC", "REJECTS", "sysout/STEP010.CLV100" })
            File.ReadAllBytes(Path.Combine(outDir, file)).Should().Equal(File.ReadAllBytes(Path.Combine(legacy, file)), $"{fixture} {file}");
        var ctl = File.ReadAllLines(Path.Combine(legacy, "CTLTOTS")).Where(l => l.StartsWith("CLV100", StringComparison.Ordinal) || l.StartsWith("CLV200", StringComparison.Ordinal));
        if (Rc("STEP020") >= 8)
        {
            final.Run.Status.Should().Be(RunStatus.Failed);
            final.Run.Message.Should().Contain("CLV2");
            return;
        }
        final.Run.Status.Should().Be(RunStatus.Done);
        final.Run.ReturnCode.Should().Be(Math.Max(Rc("STEP010"), Rc("STEP020")));
        foreach (var file in new[] { "ENTCALC", "sysout/STEP020.CLV200" })
            File.ReadAllBytes(Path.Combine(outDir, file)).Should().Equal(File.ReadAllBytes(Path.Combine(legacy, file)), $"{fixture} {file}");
        File.ReadAllLines(Path.Combine(outDir, "CTLTOTS")).Should().Equal(ctl, $"{fixture} CTLTOTS");
    }
}

public sealed class SqliteExportParityTests : ExportParityTests
{
    protected override DatabaseOptions NewDatabase(TempDir dir) => TestDatabases.Sqlite(dir);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public Task RunDay_ThenExportLegacy_EqualsTheLegacyRun(string fixture) => CheckAsync(fixture);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresExportParityTests(PostgresServer server) : ExportParityTests
{
    protected override DatabaseOptions NewDatabase(TempDir dir) => TestDatabases.Postgres(server);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public Task RunDay_ThenExportLegacy_EqualsTheLegacyRun(string fixture) => CheckAsync(fixture);
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
