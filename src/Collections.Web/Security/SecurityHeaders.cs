namespace Collections.Web.Security;

/// <summary>
/// Security headers on every response: a Content-Security-Policy without inline script (scripts and styles only
/// from the site itself; no CDN), frame denial (X-Frame-Options DENY and frame-ancestors 'none'), nosniff, a strict
/// referrer policy, no caching of pages. A response may narrow the policy further (<see cref="Override"/>, e.g. a
/// harness report with its own inline style and no script at all).
/// </summary>
public static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy of a self-contained document served as is (inline style, no script, no form).</summary>
    public const string DocumentPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

    private const string OverrideKey = "collections:csp";

    /// <summary>Sets another policy for this response (stricter than <see cref="Policy"/>).</summary>
    public static void Override(HttpContext context, string policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[OverrideKey] = policy;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            var policy = context.Items.TryGetValue(OverrideKey, out var p) && p is string s ? s : Policy;
            h.ContentSecurityPolicy = policy;
            h.XFrameOptions = "DENY";
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (!context.Request.Path.StartsWithSegments("/assets", StringComparison.OrdinalIgnoreCase))
                h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next(context).ConfigureAwait(false);
    });
}
