using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collections.Web.Accounts;

/// <summary>The outcome of creating an account: done, or the reasons it was refused.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors);

/// <summary>
/// Account administration outside the site (<c>collections users add</c>): Identity's user manager over the same
/// database, so the password is hashed and validated exactly as the site does.
/// </summary>
public static class AccountAdmin
{
    /// <summary>
    /// Creates an account with one role. An importer account needs <paramref name="importerNumber"/>; the other roles
    /// must not have one.
    /// </summary>
    public static async Task<AccountResult> AddAsync(DatabaseOptions database, string userName, string role, string? importerNumber, string password, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var roleName = WebRoles.Parse(role);
        if (roleName is null) return Refused($"unknown role '{role}': use {string.Join(", ", WebRoles.All)}");
        if (roleName == WebRoles.Importer && string.IsNullOrWhiteSpace(importerNumber))
            return Refused("an importer account needs --importer NUMBER (the importer number as filed in ENTRYIN)");
        if (roleName != WebRoles.Importer && !string.IsNullOrWhiteSpace(importerNumber))
            return Refused($"--importer applies to the importer role only, not to {roleName}");
        await using var services = Services(database);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        ct.ThrowIfCancellationRequested();
        if (await users.FindByNameAsync(userName).ConfigureAwait(false) is not null) return Refused($"an account named '{userName}' exists already");
        foreach (var r in WebRoles.All)
        {
            if (!await roles.RoleExistsAsync(r).ConfigureAwait(false))
            {
                var created = await roles.CreateAsync(new IdentityRole(r)).ConfigureAwait(false);
                if (!created.Succeeded) return From(created);
            }
        }
        var user = new WebUser { UserName = userName, ImporterNumber = string.IsNullOrWhiteSpace(importerNumber) ? null : importerNumber.Trim() };
        var result = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!result.Succeeded) return From(result);
        result = await users.AddToRoleAsync(user, roleName).ConfigureAwait(false);
        return From(result);
    }

    /// <summary>The accounts with their roles and importer numbers.</summary>
    public static async Task<IReadOnlyList<(string Name, string Roles, string? Importer, bool LockedOut)>> ListAsync(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var services = Services(database);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
        var list = new List<(string, string, string?, bool)>();
        foreach (var u in users.Users.OrderBy(u => u.UserName).ToList())
            list.Add((u.UserName ?? "", string.Join(",", await users.GetRolesAsync(u).ConfigureAwait(false)), u.ImporterNumber,
                u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow));
        return list;
    }

    private static ServiceProvider Services(DatabaseOptions database)
    {
        var s = new ServiceCollection();
        s.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        s.AddDbContext<CollectionsDbContext>(database.Configure);
        s.AddIdentityCore<WebUser>(AccountSetup.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<CollectionsDbContext>();
        return s.BuildServiceProvider();
    }

    private static AccountResult Refused(string message) => new(false, [message]);

    private static AccountResult From(IdentityResult r) => new(r.Succeeded, [.. r.Errors.Select(e => e.Description)]);
}
