using System.Net;

namespace Collections.Web.Tests;

/// <summary>
/// Every route: anonymous -> the sign-in page (401 for exports), a role not allowed -> 403, an allowed role -> 200;
/// an importer asking for another importer's records -> 404.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AccessTests(SiteFixture site)
{
    /// <summary>Each route with the accounts allowed on it (the others must get 403).</summary>
    private IEnumerable<(string Url, string[] Allowed)> Routes() =>
    [
        ("/", ["ops", "ana", "mig", "impa"]),
        ("/runs", ["ops"]),
        ("/runs/1", ["ops"]),
        ("/hangfire", ["ops"]),
        ("/audit", ["ops", "ana"]),
        ("/entries/" + site.EntryOfA, ["ana", "impa"]),
        ("/parity", ["mig"]),
        ("/parity/report?name=fixtures/sample-2026-03-02", ["mig"]),
        ("/reconciliation?date=2026-03-02&to=2026-03-03", ["ana"]),
        ("/reconciliation/drill?what=class&code=DTY&date=2026-03-02&to=2026-03-03", ["ana"]),
        ("/statements/" + site.StatementOfA, ["ana", "impa"]),
        ("/suspense", ["ana"]),
        ("/importer", ["impa"]),
    ];

    private IEnumerable<(string Url, string[] Allowed)> Exports() =>
    [
        ("/runs?handler=export&table=runs&format=csv", ["ops"]),
        ("/runs/1?handler=export&table=steps&format=xlsx", ["ops"]),
        ("/audit?handler=export&table=audit&format=csv", ["ops", "ana"]),
        ("/entries/" + site.EntryOfA + "?handler=export&table=lines-run1&format=csv", ["ana", "impa"]),
        ("/parity?handler=export&table=parity-reports&format=csv", ["mig"]),
        ("/reconciliation?date=2026-03-02&handler=export&table=checks&format=csv", ["ana"]),
        ("/reconciliation?date=2026-03-02&handler=export&table=revenue-by-class&format=xlsx", ["ana"]),
        ("/statements/" + site.StatementOfA + "?handler=export&table=payments&format=csv", ["ana", "impa"]),
        ("/suspense?handler=export&table=suspense&format=csv", ["ana"]),
        ("/importer?handler=export&table=open-items&format=csv", ["impa"]),
    ];

    private static readonly string[] Users = ["ops", "ana", "mig", "impa"];

    [Fact]
    public async Task Anonymous_Pages_RedirectToLogin()
    {
        using var client = site.Anonymous();
        foreach (var (url, _) in Routes())
        {
            var r = await client.GetAsync(url);
            r.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            r.Headers.Location!.ToString().Should().StartWith("http://localhost/login?ReturnUrl=", url);
        }
    }

    [Fact]
    public async Task Anonymous_Exports_401()
    {
        using var client = site.Anonymous();
        foreach (var (url, _) in Exports())
            (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, url);
    }

    [Fact]
    public async Task Anonymous_LoginAndAssets_Reachable()
    {
        using var client = site.Anonymous();
        (await client.GetAsync("/login")).StatusCode.Should().Be(HttpStatusCode.OK);
        var css = await client.GetAsync("/assets/site.css");
        css.StatusCode.Should().Be(HttpStatusCode.OK);
        css.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
        // the layout names its icon, so browsers do not ask for /favicon.ico (a 404 in the console of the browser tests)
        var icon = await client.GetAsync("/assets/favicon.svg");
        icon.StatusCode.Should().Be(HttpStatusCode.OK);
        icon.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await (await client.GetAsync("/login")).Content.ReadAsStringAsync()).Should().Contain("<link rel=\"icon\" href=\"/assets/favicon.svg\"");
    }

    [Fact]
    public async Task EachRole_AllowedRoutes200_Others403()
    {
        foreach (var user in Users)
        {
            using var client = await site.SignedInAsync(user);
            foreach (var (url, allowed) in Routes().Concat(Exports()))
            {
                var r = await client.GetAsync(url);
                var expected = allowed.Contains(user) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                r.StatusCode.Should().Be(expected, $"{user} GET {url}");
            }
        }
    }

    [Fact]
    public async Task Importer_OtherImportersEntry_404_NeverItsData()
    {
        using var a = await site.SignedInAsync("impa");
        var own = await a.GetAsync("/entries/" + site.EntryOfA);
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        (await own.Content.ReadAsStringAsync()).Should().Contain(site.ImporterA);
        var other = await a.GetAsync("/entries/" + site.EntryOfB);
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.Content.ReadAsStringAsync()).Should().NotContain(site.ImporterB);
        (await a.GetAsync("/entries/" + site.EntryOfB + "?handler=export&table=lines-run1&format=csv")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var b = await site.SignedInAsync("impb");
        (await b.GetAsync("/entries/" + site.EntryOfB)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await b.GetAsync("/entries/" + site.EntryOfA)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Importer_OtherImportersStatement_404_NeverItsData()
    {
        using var a = await site.SignedInAsync("impa");
        (await a.GetAsync("/statements/" + site.StatementOfA)).StatusCode.Should().Be(HttpStatusCode.OK);
        var other = await a.GetAsync("/statements/" + site.StatementOfB);
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.Content.ReadAsStringAsync()).Should().NotContain(site.ImporterB);
        (await a.GetAsync("/statements/" + site.StatementOfB + "?handler=export&table=ledger&format=csv")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var mine = await a.GetStringAsync("/importer?handler=export&table=statements&format=csv");
        mine.Should().Contain(site.StatementOfA).And.NotContain(site.StatementOfB);
        using var b = await site.SignedInAsync("impb");
        (await b.GetAsync("/statements/" + site.StatementOfA)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await b.GetStringAsync("/importer")).Should().Contain(site.StatementOfB).And.NotContain(site.StatementOfA);
    }

    [Fact]
    public async Task Analyst_UnknownEntry_404()
    {
        using var client = await site.SignedInAsync("ana");
        (await client.GetAsync("/entries/NOSUCHENTRY")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
