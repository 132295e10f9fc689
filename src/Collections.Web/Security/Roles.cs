using System.Security.Claims;

namespace Collections.Web.Security;

/// <summary>The four roles of the site and what each may do.</summary>
public static class WebRoles
{
    /// <summary>Runs: business days, progress, run / retry a day, the Hangfire dashboard.</summary>
    public const string Operations = "operations";
    /// <summary>Reconciliation, drill-down, exports, the suspense worklist.</summary>
    public const string Analyst = "analyst";
    /// <summary>Parity reports.</summary>
    public const string Migration = "migration";
    /// <summary>The records of the importer number bound to the account, nothing else.</summary>
    public const string Importer = "importer";

    public static readonly IReadOnlyList<string> All = [Operations, Analyst, Migration, Importer];

    /// <summary>The role name for a command-line value (case-insensitive); null when unknown.</summary>
    public static string? Parse(string? name) => All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Authorization policy names (one per area of the site).</summary>
public static class Policies
{
    public const string Operations = "operations";
    public const string Analyst = "analyst";
    public const string Migration = "migration";
    public const string Importer = "importer";
    /// <summary>Records (entries, statements): analysts see all; importers see their own (the page answers 404 otherwise).</summary>
    public const string Records = "records";
    /// <summary>The audit trail: operations and analysts.</summary>
    public const string Audit = "audit";
}

/// <summary>Claims the site adds at sign-in.</summary>
public static class WebClaims
{
    /// <summary>The importer number bound to an importer account.</summary>
    public const string Importer = "collections:importer";

    /// <summary>
    /// The importer number the user is restricted to: null for staff (analysts see every importer); for an importer
    /// account its bound number (never null: an importer without one sees nothing).
    /// </summary>
    public static string? ImporterScope(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(WebRoles.Analyst) || user.IsInRole(WebRoles.Operations)) return null;
        return (user.FindFirst(Importer)?.Value ?? "\u0001").Trim();
    }
}
