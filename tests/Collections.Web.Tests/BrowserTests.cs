using Collections.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Collections.Web.Tests;

/// <summary>
/// The site in a real browser: Debian's Chromium (/usr/bin/chromium, installed by .ci/run) driven by Playwright
/// (its driver ships in the NuGet package; no browser download), against the site on a loopback port over the
/// fixture's database. Screenshots go to artifacts/web-screenshots (ACS_ARTIFACTS overrides the folder).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class BrowserTests(SiteFixture site) : IAsyncLifetime
{
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _base = "";

    public static string Chromium => Environment.GetEnvironmentVariable("ACS_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";

    public static string Screenshots
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("ACS_ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(RepoPaths.RepoRoot, "artifacts");
            var dir = Path.Combine(root, "web-screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        _app = WebApp.Create(["--urls", "http://127.0.0.1:0", "--Web:Workers", "0", "--Web:ParityReports", site.ParityRoot, "--Web:Inbox", site.Inbox], site.Database);
        await WebApp.PrepareAsync(_app);
        await _app.StartAsync();
        _base = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        File.Exists(Chromium).Should().BeTrue("Chromium is installed by .ci/run (apt-get install chromium)");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task<(IBrowserContext Context, IPage Page)> SignInAsync(string user)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = _base, AcceptDownloads = true, ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync("/");
        page.Url.Should().Contain("/login?ReturnUrl=");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", SiteFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        errors.Should().BeEmpty("no CSP violation or script error");
        return (context, page);
    }

    [Fact]
    public async Task Operations_SignIn_Runs_RunDetail_Export()
    {
        var (context, page) = await SignInAsync("ops");
        await using var _ = context;
        await page.ClickAsync("header nav a:text('Runs')");
        await page.WaitForURLAsync("**/runs");
        (await page.TextContentAsync("h1")).Should().Be("Runs");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "01-runs.png"), FullPage = true });
        await page.ClickAsync("#t-runs tbody tr:last-child td:nth-child(2) a");
        await page.WaitForURLAsync("**/runs/1");
        (await page.TextContentAsync("h1"))!.Should().Contain("2026-03-02");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "02-run-detail.png"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#t-control-totals a.export:text('CSV')"));
        download.SuggestedFilename.Should().Be("control-totals-run1.csv");
        var path = Path.Combine(Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        (await File.ReadAllTextAsync(path)).Should().StartWith("program,seq,description,count,amount\n");
        await page.GotoAsync("/hangfire");
        (await page.TitleAsync()).Should().Contain("Collections cycle jobs");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "03-hangfire.png") });
    }

    [Fact]
    public async Task Analyst_Reconciliation_DrillDown_Export()
    {
        var (context, page) = await SignInAsync("ana");
        await using var _ = context;
        await page.ClickAsync("header nav a:text('Reconciliation')");
        await page.WaitForURLAsync("**/reconciliation");
        await page.FillAsync("input[name=date]", "2026-03-02");
        await page.FillAsync("input[name=to]", "2026-03-03");
        await page.ClickAsync("form.inline button[type=submit]");
        await page.WaitForURLAsync("**/reconciliation?date=2026-03-02&to=2026-03-03");
        (await page.TextContentAsync("h1"))!.Should().Contain("2026-03-02 to 2026-03-03");
        (await page.Locator("svg.chart").CountAsync()).Should().BeGreaterThanOrEqualTo(3);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "10-reconciliation.png"), FullPage = true });
        // a revenue class figure -> its entries
        await page.ClickAsync("#t-revenue-by-class tbody tr:first-child td:first-child a");
        await page.WaitForURLAsync("**/reconciliation/drill?what=class*");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "11-drill-class.png"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#t-entries a.export:text('CSV')"));
        download.SuggestedFilename.Should().StartWith("entries-class-").And.EndWith(".csv");
        var csv = Path.Combine(Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(csv);
        (await File.ReadAllTextAsync(csv)).Should().StartWith("business date,entry,amount,total assessed\n");
        // -> an entry -> its statement
        await page.ClickAsync("#t-entries tbody tr:first-child td:nth-child(2) a");
        await page.WaitForURLAsync("**/entries/*");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "12-drill-entry.png"), FullPage = true });
        var statementLink = page.Locator("#t-statements tbody a[href^='/statements/']").First;
        if (await statementLink.CountAsync() > 0)
        {
            await statementLink.ClickAsync();
            await page.WaitForURLAsync("**/statements/*");
            (await page.TextContentAsync("h1"))!.Should().StartWith("Statement ");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "13-drill-statement.png"), FullPage = true });
        }
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("section.table a.export:text('XLSX')").First.ClickAsync());
        xlsx.SuggestedFilename.Should().EndWith(".xlsx");
        // the suspense worklist says, before any action, that a refund leaves the cycle (CLV400-09)
        await page.ClickAsync("header nav a:text('Suspense')");
        await page.WaitForURLAsync("**/suspense");
        (await page.Locator("#refund-outside-cycle").IsVisibleAsync()).Should().BeTrue();
        (await page.TextContentAsync("#refund-outside-cycle"))!.Should().Contain("handled outside the cycle");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "14-suspense.png"), FullPage = true });
    }

    [Fact]
    public async Task Analyst_EntryDrillDown_Export_ImporterSeesOnlyItsOwn()
    {
        var (context, page) = await SignInAsync("ana");
        await using (context)
        {
            await page.GotoAsync("/entries/" + site.EntryOfA);
            (await page.TextContentAsync("h1")).Should().Be("Entry " + site.EntryOfA);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "04-entry.png"), FullPage = true });
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("section.table a.export:text('XLSX')").Nth(1).ClickAsync());
            download.SuggestedFilename.Should().EndWith(".xlsx");
        }
        var (ic, ip) = await SignInAsync("impa");
        await using (ic)
        {
            var r = await ip.GotoAsync("/entries/" + site.EntryOfB);
            r!.Status.Should().Be(404);
            (await ip.ContentAsync()).Should().NotContain(site.ImporterB);
            await ip.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "05-importer-other-entry-404.png") });
            await ip.GotoAsync("/importer");
            (await ip.TextContentAsync("h1")).Should().Be("Importer " + site.ImporterA);
            await ip.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "06-importer.png"), FullPage = true });
        }
    }
}
