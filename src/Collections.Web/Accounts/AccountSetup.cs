using System.Security.Claims;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Collections.Web.Accounts;

/// <summary>
/// ASP.NET Core Identity on the cycle's database (EF Core stores in <see cref="CollectionsDbContext"/>): password and
/// lockout rules, shared by the site and by <c>collections users add</c>.
/// </summary>
public static class AccountSetup
{
    /// <summary>Failed sign-ins before an account is locked out.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a locked-out account stays locked.</summary>
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static void Configure(IdentityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        // one model for every host of the context (CollectionsDbContext.OnModelCreating)
        o.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        o.SignIn.RequireConfirmedAccount = false;
    }
}

/// <summary>Adds the importer number of an importer account to its sign-in claims.</summary>
public sealed class WebUserClaimsFactory(UserManager<WebUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WebUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WebUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(user.ImporterNumber)) identity.AddClaim(new Claim(WebClaims.Importer, user.ImporterNumber.Trim()));
        return identity;
    }
}
