using Microsoft.AspNetCore.Identity;

namespace Collections.Persistence.Entities;

/// <summary>
/// A web account (ASP.NET Core Identity, tables <c>asp_net_*</c>): the password is stored hashed by Identity. An
/// importer account is bound to one importer number (<see cref="ImporterNumber"/>, as filed in ENTRYIN) and sees
/// only that importer's records; the other roles have none.
/// </summary>
public sealed class WebUser : IdentityUser
{
    /// <summary>The importer number an importer account may see (null for staff accounts).</summary>
    public string? ImporterNumber { get; set; }
}

/// <summary>
/// An action that changes money (re-applying a payment in suspense, marking it for refund, running or retrying a
/// day): who did it, when (UTC), on what, and why. Rows are only ever added.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>The account's user name.</summary>
    public string UserName { get; set; } = "";
    /// <summary>The kind of action: run-day, retry-run, suspense-reapply, suspense-refund.</summary>
    public string Action { get; set; } = "";
    /// <summary>What it was done on (a business date, a run id, a payment id).</summary>
    public string Subject { get; set; } = "";
    /// <summary>The reason the user gave.</summary>
    public string Reason { get; set; } = "";
    /// <summary>Machine-readable details (the record queued, the run submitted, ...).</summary>
    public string? Detail { get; set; }
    /// <summary>The amount moved, in cents, when the action moves one.</summary>
    public long? AmountCents { get; set; }
}
