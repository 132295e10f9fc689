using System.Net;
using System.Text.RegularExpressions;
using Collections.Batch.Cycle;
using Collections.Batch.Jobs;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Testing;
using Collections.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Tests;

/// <summary>
/// A real SQLite database filled by the cycle (run-day on the fixture sample days 2026-03-02 and 2026-03-03), one
/// account per role and two importer accounts bound to two importers of those days, and the site over it
/// (WebApplicationFactory). Shared by the tests of the collection.
/// </summary>
public sealed partial class SiteFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery";
    public static readonly DateOnly Day1 = new(2026, 3, 2), Day2 = new(2026, 3, 3);

    private readonly TempDir _dir = new("web-site");
    public DatabaseOptions Database { get; private set; } = null!;
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public string Inbox => _dir.Combine("inbox");
    public string ParityRoot => _dir.Combine("parity");

    /// <summary>Two importers of the sample days, with an entry of each (from the database, not hard-coded).</summary>
    public string ImporterA { get; private set; } = "";
    public string ImporterB { get; private set; } = "";
    public string EntryOfA { get; private set; } = "";
    public string EntryOfB { get; private set; } = "";
    public string StatementOfA { get; private set; } = "";
    public string StatementOfB { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Database = new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=" + _dir.Combine("collections.db"));
        await Collections.Persistence.Database.MigrateAsync(Database);
        var engine = new CycleEngine(Database);
        foreach (var (day, set) in new[] { (Day1, "sample-2026-03-02"), (Day2, "sample-2026-03-03") })
        {
            var submit = await engine.SubmitAsync(day, Path.Combine(RepoPaths.LegacyFixtures, set, "input"), 20);
            submit.Kind.Should().Be(SubmitKind.New, submit.Message);
            var final = await new DayRunner(engine) { SharedStorage = false }.RunAsync(submit.Run!.Id, 2, null);
            final.Run.Status.Should().Be(RunStatus.Done, final.Run.Message);
        }
        await using (var db = Database.CreateContext())
        {
            // two importers with statements, and an entry and a statement of each
            var statements = await db.Statements.AsNoTracking().Where(s => s.RefType == "S").Select(s => new { s.ImporterNo, s.Reference }).ToListAsync();
            var byImporter = statements.Where(s => !string.IsNullOrWhiteSpace(s.ImporterNo)).GroupBy(s => s.ImporterNo.Trim()).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            byImporter.Count.Should().BeGreaterThan(1, "the sample days have statements of several importers");
            ImporterA = byImporter[0].Key;
            ImporterB = byImporter[1].Key;
            StatementOfA = byImporter[0].First().Reference.Trim();
            StatementOfB = byImporter[1].First().Reference.Trim();
            var entries = await db.Entries.AsNoTracking().Select(e => new { e.ImporterNo, e.EntryNo }).ToListAsync();
            EntryOfA = entries.First(e => e.ImporterNo.Trim() == ImporterA).EntryNo.Trim();
            EntryOfB = entries.First(e => e.ImporterNo.Trim() == ImporterB && entries.All(x => x.EntryNo != e.EntryNo || x.ImporterNo.Trim() == ImporterB)).EntryNo.Trim();
        }
        foreach (var (name, role, importer) in Accounts)
        {
            var r = await AccountAdmin.AddAsync(Database, name, role, importer switch { "A" => ImporterA, "B" => ImporterB, _ => null }, Password);
            r.Succeeded.Should().BeTrue(string.Join("; ", r.Errors));
        }
        Directory.CreateDirectory(Inbox);
        WriteParityReport();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Database:Provider", "sqlite");
            b.UseSetting("Database:Connection", Database.ConnectionString);
            b.UseSetting("Web:Workers", "1");
            b.UseSetting("Web:Inbox", Inbox);
            b.UseSetting("Web:ParityReports", ParityRoot);
        });
    }

    public static readonly (string Name, string Role, string? Importer)[] Accounts =
    [
        ("ops", "operations", null), ("ana", "analyst", null), ("mig", "migration", null), ("impa", "importer", "A"), ("impb", "importer", "B"),
    ];

    private void WriteParityReport()
    {
        var dir = Path.Combine(ParityRoot, "fixtures", "sample-2026-03-02");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "parity-report.html"), "<!DOCTYPE html><html><head><style>h1{color:red}</style></head><body><h1>Parallel-run parity report</h1></body></html>");
        File.WriteAllText(Path.Combine(dir, "parity-report.json"), "{\"StartedUtc\":\"2026-12-03T00:00:00Z\",\"Verdict\":\"PASS: no differences\",\"ExitCode\":0}");
    }

    /// <summary>A client that does not follow redirects and keeps cookies.</summary>
    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as <paramref name="user"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/login", new() { ["userName"] = user, ["password"] = Password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{user} signs in");
        return client;
    }

    /// <summary>GETs <paramref name="formPage"/> for the antiforgery token, then POSTs the form with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url.Split('?')[0]);
        var token = TokenRegex().Match(page);
        token.Success.Should().BeTrue($"{formPage ?? url} has a form with an antiforgery token");
        fields["__af"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenRegex();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
