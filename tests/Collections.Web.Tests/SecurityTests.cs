using System.Net;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Tests;

/// <summary>Antiforgery on every form, security headers, lockout, passwords stored hashed.</summary>
[Collection(SiteCollection.Name)]
public sealed class SecurityTests(SiteFixture site)
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/logout")]
    [InlineData("/runs?handler=run")]
    [InlineData("/runs?handler=resume")]
    public async Task Post_WithoutAntiforgeryToken_400(string url)
    {
        using var client = await site.SignedInAsync("ops");
        var r = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["date"] = "2026-03-04", ["reason"] = "x", ["userName"] = "ops", ["password"] = SiteFixture.Password }));
        r.StatusCode.Should().Be(HttpStatusCode.BadRequest, url);
        // and nothing happened
        await using var db = site.Database.CreateContext();
        (await db.AuditEvents.AnyAsync(e => e.Reason == "x")).Should().BeFalse();
    }

    [Fact]
    public async Task Forms_CarryAntiforgeryTokens()
    {
        using var client = await site.SignedInAsync("ops");
        var html = await client.GetStringAsync("/runs");
        var forms = System.Text.RegularExpressions.Regex.Matches(html, "<form[^>]*method=\"post\"[\\s\\S]*?</form>");
        forms.Count.Should().BeGreaterThanOrEqualTo(2, "sign-out and run-a-day");
        foreach (System.Text.RegularExpressions.Match f in forms) f.Value.Should().Contain("name=\"__af\"");
    }

    [Theory]
    [InlineData("/login", false)]
    [InlineData("/assets/site.css", false)]
    [InlineData("/runs", true)]
    [InlineData("/entries/NOSUCHENTRY", true)]
    [InlineData("/hangfire", true)]
    public async Task Responses_CarrySecurityHeaders(string url, bool signedIn)
    {
        using var client = signedIn ? await site.SignedInAsync("ana") : site.Anonymous();
        var r = await client.GetAsync(url);
        var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
        csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.Contain("default-src 'self'");
        csp.Should().NotContain("unsafe-inline").And.NotContain("unsafe-eval");
        r.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        r.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        r.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
    }

    [Fact]
    public async Task ParityReport_ServedSandboxed_NoScript()
    {
        using var client = await site.SignedInAsync("mig");
        var r = await client.GetAsync("/parity/report?name=fixtures/sample-2026-03-02");
        r.StatusCode.Should().Be(HttpStatusCode.OK);
        var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
        csp.Should().Contain("sandbox").And.Contain("default-src 'none'").And.NotContain("script-src");
        (await r.Content.ReadAsStringAsync()).Should().Contain("Parallel-run parity report");
        (await client.GetAsync("/parity/report?name=../../etc")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        foreach (var (user, url) in new[] { ("ops", "/runs"), ("ops", "/runs/1"), ("ana", "/entries/" + site.EntryOfA), ("mig", "/parity") })
        {
            using var client = await site.SignedInAsync(user);
            var html = await client.GetStringAsync(url);
            System.Text.RegularExpressions.Regex.IsMatch(html, "<script(?![^>]*\\ssrc=)[^>]*>").Should().BeFalse(url);
            html.Should().NotContain(" style=\"").And.NotContain(" onclick=");
        }
    }

    [Fact]
    public async Task Lockout_AfterRepeatedFailures_EvenTheRightPasswordIsRefused()
    {
        var name = "lock" + Guid.NewGuid().ToString("N")[..8];
        (await Accounts.AccountAdmin.AddAsync(site.Database, name, "analyst", null, SiteFixture.Password)).Succeeded.Should().BeTrue();
        using var client = site.Anonymous();
        for (var i = 0; i < Accounts.AccountSetup.MaxFailedSignIns; i++)
        {
            var bad = await SiteFixture.PostFormAsync(client, "/login", new() { ["userName"] = name, ["password"] = "wrong password " + i });
            bad.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        var locked = await SiteFixture.PostFormAsync(client, "/login", new() { ["userName"] = name, ["password"] = SiteFixture.Password });
        locked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await locked.Content.ReadAsStringAsync()).Should().Contain("locked");
        await using var db = site.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.UserName == name);
        user.LockoutEnd.Should().NotBeNull();
    }

    [Fact]
    public async Task Passwords_StoredHashed()
    {
        await using var db = site.Database.CreateContext();
        var users = await db.Users.ToListAsync();
        users.Should().NotBeEmpty();
        foreach (var u in users) u.PasswordHash.Should().NotBeNullOrEmpty().And.NotContain(SiteFixture.Password);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = await site.SignedInAsync("ana");
        var r = await SiteFixture.PostFormAsync(client, "/logout", [], formPage: "/");
        r.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/audit")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
