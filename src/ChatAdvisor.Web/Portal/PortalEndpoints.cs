namespace ChatAdvisor.Web.Portal;

public static class PortalEndpoints
{
    private const string PortalPath = "/portal";

    /// <summary>
    /// Authentication, authorization and the portal's pages. Runs after <c>MapSite</c>, whose rate limiter middleware
    /// enforces <see cref="PortalSignIn.RateLimitPolicy"/>.
    /// </summary>
    public static WebApplication MapPortal(this WebApplication app)
    {
        var requireHttps = !app.Environment.IsDevelopment();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(PortalPath),
            portal => portal.Use((context, next) => ProtectAsync(context, next, requireHttps)));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        // Any other address under /portal is behind the same policy, so probing it tells an anonymous caller nothing.
        app.MapFallback(PortalPath + "/{**path}", () => TypedResults.NotFound()).RequireAuthorization(PortalPolicies.Portal);
        return app;
    }

    /// <summary>Only a safe place under /portal to go back to after sign-in.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(PortalPath, StringComparison.Ordinal) ? returnUrl : PortalPath;

    /// <summary>
    /// Portal pages hold personal data and one-time secrets: HTTPS only outside Development (the cookies are Secure),
    /// not cached, not framed, no third-party content.
    /// </summary>
    private static Task ProtectAsync(HttpContext context, RequestDelegate next, bool requireHttps)
    {
        if (requireHttps && !context.Request.IsHttps)
        {
            PortalLog.NotHttps(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalEndpoints)));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsync("The recruiter portal is available over HTTPS only.", context.RequestAborted);
        }
        var headers = context.Response.Headers;
        // "no-cache" beside "no-store" is what antiforgery sets on every page with a form; without it, antiforgery
        // overrides the header and logs a warning for each such page.
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
        return next(context);
    }
}
