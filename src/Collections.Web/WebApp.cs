using Collections.Batch.Cycle;
using Collections.Batch.Jobs;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Web.Accounts;
using Collections.Web.Data;
using Collections.Web.Security;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Collections.Web;

/// <summary>Settings of the site (section "Web"), besides the database ("Database:Provider", "Database:Connection").</summary>
public sealed class WebSettings
{
    /// <summary>Folder of business-day inputs (INBOX/YYYY-MM-DD with ENTRYIN, PAYMENTS, SYSIN) that "run a day" submits.</summary>
    public string Inbox { get; set; } = "inbox";
    /// <summary>Folder searched for parity reports (parity-report.html) written by <c>collections parity run|live --report</c>.</summary>
    public string ParityReports { get; set; } = Path.Combine("out", "parity");
    /// <summary>Job workers in the site's process (0: only enqueue, for `collections worker` processes on a shared database).</summary>
    public int Workers { get; set; } = 1;
    /// <summary>Pay the first request's cost at start-up (<see cref="WebApp.WarmUpAsync"/>): true unless told otherwise.</summary>
    public bool WarmUp { get; set; } = true;
}

/// <summary>
/// The site: Razor Pages over the cycle's database, ASP.NET Core Identity on the same database (cookie sign-in,
/// roles, lockout), authorization policies per area, antiforgery on every form, security headers, the Hangfire
/// dashboard behind the operations policy.
/// </summary>
public static class WebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Builds the site. <paramref name="database"/> null: from configuration ("Database:Provider",
    /// "Database:Connection"), else COLLECTIONS_PROVIDER / COLLECTIONS_CONNECTION, else ./collections.db.
    /// </summary>
    public static WebApplication Create(string[] args, DatabaseOptions? database = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(WebApp).Assembly.GetName().Name });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);
        configure?.Invoke(builder);
        database ??= DatabaseOptions.Resolve(builder.Configuration["Database:Provider"], builder.Configuration["Database:Connection"]);
        AddServices(builder, database);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    /// <summary>
    /// Before serving: the schema must be current (SQLite migrates itself; a server behind is refused); then, unless
    /// "Web:WarmUp" is false, <see cref="WarmUpAsync"/>.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await Database.EnsureReadyAsync(app.Services.GetRequiredService<DatabaseOptions>()).ConfigureAwait(false);
        if (app.Services.GetRequiredService<IOptions<WebSettings>>().Value.WarmUp)
            await WarmUpAsync(app.Services).ConfigureAwait(false);
    }

    /// <summary>
    /// The first request's cost paid at start-up: builds the EF Core model and the key ring, and reconciles the latest
    /// posted day once (compiles the service's queries, brings the day's pages into the database's cache), so the first
    /// <c>/reconciliation</c> after a start answers like the next ones. Reads only.
    /// </summary>
    public static async Task WarmUpAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CollectionsDbContext>();
        _ = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect([1]);
        var latest = await db.PostedDays.AsNoTracking().OrderByDescending(p => p.BusinessDate).Select(p => (DateOnly?)p.BusinessDate)
            .FirstOrDefaultAsync().ConfigureAwait(false);
        if (latest is { } day)
            await scope.ServiceProvider.GetRequiredService<Collections.Batch.Reconciliation.ReconciliationService>().ReconcileAsync(day, day).ConfigureAwait(false);
    }

    private static void AddServices(WebApplicationBuilder builder, DatabaseOptions database)
    {
        var s = builder.Services;
        s.AddOptions<WebSettings>().BindConfiguration("Web");
        s.AddSingleton(database);
        s.AddDbContext<CollectionsDbContext>(database.Configure);
        s.AddIdentity<WebUser, IdentityRole>(AccountSetup.Configure)
            .AddEntityFrameworkStores<CollectionsDbContext>()
            .AddClaimsPrincipalFactory<WebUserClaimsFactory>();
        s.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/status/403";
            o.Cookie.Name = "collections.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                // exports and API calls answer 401 / 403; pages redirect to the sign-in page (or show 403)
                OnRedirectToLogin = c =>
                {
                    if (IsMachineRequest(c.Request)) c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    else c.Response.Redirect(c.RedirectUri);
                    return Task.CompletedTask;
                },
                OnRedirectToAccessDenied = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
            };
        });
        // the key ring that protects the sign-in and antiforgery cookies lives in the database (data_protection_keys): every
        // web process on the database, and the same process after a restart, reads the same keys, so cookies stay valid
        s.AddDataProtection().SetApplicationName("collections").PersistKeysToDbContext<CollectionsDbContext>();
        s.AddAntiforgery(o =>
        {
            o.Cookie.Name = "collections.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = "__af";
        });
        s.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Operations, p => p.RequireRole(WebRoles.Operations))
            .AddPolicy(Policies.Analyst, p => p.RequireRole(WebRoles.Analyst))
            .AddPolicy(Policies.Migration, p => p.RequireRole(WebRoles.Migration))
            .AddPolicy(Policies.Importer, p => p.RequireRole(WebRoles.Importer))
            .AddPolicy(Policies.Records, p => p.RequireRole(WebRoles.Analyst, WebRoles.Importer))
            .AddPolicy(Policies.Audit, p => p.RequireRole(WebRoles.Operations, WebRoles.Analyst));
        s.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Runs", Policies.Operations);
            o.Conventions.AuthorizeFolder("/Entries", Policies.Records);
            o.Conventions.AuthorizeFolder("/Parity", Policies.Migration);
            o.Conventions.AuthorizeFolder("/Audit", Policies.Audit);
            o.Conventions.AuthorizeFolder("/Reconciliation", Policies.Analyst);
            o.Conventions.AuthorizeFolder("/Suspense", Policies.Analyst);
            o.Conventions.AuthorizeFolder("/Statements", Policies.Records);
            o.Conventions.AuthorizeFolder("/Importer", Policies.Importer);
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/Status");
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
        });
        s.AddScoped<RunReader>();
        s.AddScoped<EntryReader>();
        s.AddScoped<AuditTrail>();
        s.AddScoped<RecordsReader>();
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton(_ => new Collections.Batch.Reconciliation.ReconciliationService(database));
        s.AddSingleton<ParityReports>();
        s.AddSingleton(_ => new CycleEngine(database));
        s.AddSingleton(sp =>
        {
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(new HangfireLogs(sp.GetRequiredService<ILoggerFactory>()));
            return BatchHost.CreateStorage(database, shared: BatchHost.HasSharedStorage(database));
        });
        s.AddHangfire((sp, c) => c.UseLogProvider(new HangfireLogs(sp.GetRequiredService<ILoggerFactory>())).UseStorage(sp.GetRequiredService<JobStorage>()));
        s.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        s.AddHostedService<CycleServer>();
        s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/status/500");
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/assets",
            FileProvider = new EmbeddedFileProvider(typeof(WebApp).Assembly, "assets"),
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Operations, "/hangfire", new DashboardOptions
        {
            AppPath = "/runs",
            DashboardTitle = "Collections cycle jobs",
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>());
    }

    /// <summary>Exports and API calls: answered with a status code rather than a redirect to the sign-in page.</summary>
    internal static bool IsMachineRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || string.Equals(request.Query["handler"], "export", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The Hangfire job server of the site's process (workers from <see cref="WebSettings.Workers"/>): runs the days that
/// operations submit. With the embedded SQLite default the job storage is in this process; on PostgreSQL / SQL Server
/// it is shared, so `collections worker` processes take part (or do all the work with Workers = 0).
/// </summary>
internal sealed class CycleServer(JobStorage storage, CycleEngine engine, Microsoft.Extensions.Options.IOptions<WebSettings> settings) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Value.Workers > 0) _server = BatchHost.StartServer(storage, engine, settings.Value.Workers);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _server?.SendStop();
        return Task.CompletedTask;
    }

    public void Dispose() => _server?.Dispose();
}
