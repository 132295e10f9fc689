using System.Net;
using Collections.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Tests;

/// <summary>
/// The key ring that protects the sign-in cookie lives in the database: a second site process on the same database (or
/// the same one restarted) accepts a cookie the first issued; a site on another database does not, so the keys come
/// from the database, not from the machine's or the user's profile.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class DataProtectionTests(SiteFixture site)
{
    [Fact]
    public async Task SignInCookie_ValidOnAnotherSiteProcessOnTheSameDatabase_NotOnAnotherDatabase()
    {
        using var first = site.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var auth = await SignInAsync(first, "ana");
        (await GetAsync(first, "/audit", auth)).StatusCode.Should().Be(HttpStatusCode.OK, "the cookie works where it was issued");

        await using (var db = site.Database.CreateContext())
            (await db.DataProtectionKeys.AsNoTracking().ToListAsync()).Should().NotBeEmpty().And.OnlyContain(k => k.Xml!.Contains("<key ", StringComparison.Ordinal));

        await using (var second = Site(site.Database.ConnectionString))
        {
            using var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var r = await GetAsync(client, "/audit", auth);
            r.StatusCode.Should().Be(HttpStatusCode.OK, "another process on the same database reads the same key ring");
        }

        using var dir = new TempDir("web-keys");
        await using (var other = Site("Data Source=" + dir.Combine("other.db")))
        {
            using var client = other.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var r = await GetAsync(client, "/audit", auth);
            r.StatusCode.Should().Be(HttpStatusCode.Redirect, "a site on another database has other keys: the cookie does not decrypt");
            r.Headers.Location!.ToString().Should().Contain("/login");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private WebApplicationFactory<Program> Site(string connection) => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseEnvironment("Production");
        b.UseSetting("Database:Provider", "sqlite");
        b.UseSetting("Database:Connection", connection);
        b.UseSetting("Web:Workers", "0");
        b.UseSetting("Web:Inbox", site.Inbox);
        b.UseSetting("Web:ParityReports", site.ParityRoot);
    });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    /// <summary>Signs in without a cookie container; returns the Cookie header that carries the sign-in cookie.</summary>
    private static async Task<string> SignInAsync(HttpClient client, string user)
    {
        using var login = await client.GetAsync("/login");
        var af = Cookies(login);
        var token = SiteFixture.TokenRegex().Match(await login.Content.ReadAsStringAsync());
        token.Success.Should().BeTrue();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = user, ["password"] = SiteFixture.Password, ["__af"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        };
        post.Headers.Add("Cookie", af);
        using var signedIn = await client.SendAsync(post);
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var auth = Cookies(signedIn);
        auth.Should().Contain("collections.auth=");
        return auth;
    }

    private static string Cookies(HttpResponseMessage r) =>
        string.Join("; ", r.Headers.TryGetValues("Set-Cookie", out var v) ? v.Select(c => c.Split(';')[0]) : []);
}
