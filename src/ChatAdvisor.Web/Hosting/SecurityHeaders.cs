using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Hosting;

/// <summary>
/// Content-Security-Policy and companions on every response. Scripts come only from this site and are never
/// evaluated from strings; styles may be inline because Web Chat writes its styles at run time; images may be
/// data: URIs (the authenticator QR code, Web Chat's icons) and blob: (previews of files being sent; Web Chat also
/// reads a chosen file back from its blob: address before uploading it, hence blob: in connect-src).
/// </summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self' blob:; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";

    public static IHostApplicationBuilder AddSecurityHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityHeadersOptions>().BindConfiguration(SecurityHeadersOptions.SectionName)
            .Validate(o => o.HasValidFrameAncestors(), "SecurityHeaders:FrameAncestors must hold origins such as https://www.example.eu (scheme and host, no path).")
            .Validate(o => o.HstsMaxAge >= TimeSpan.Zero, "SecurityHeaders:HstsMaxAge may not be negative.")
            .ValidateOnStart();
        builder.Services.AddHsts(_ => { });
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<SecurityHeadersOptions>>((hsts, headers) => hsts.MaxAge = headers.Value.HstsMaxAge);
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        var options = app.Services.GetRequiredService<IOptions<SecurityHeadersOptions>>().Value;
        var ancestors = string.Join(' ', ["'self'", .. options.FrameAncestors.Select(o => o.TrimEnd('/'))]);
        var policy = Policy + ancestors;
        app.Use((context, next) =>
        {
            // Set when the response starts, so error pages written after a failure carry them too.
            context.Response.OnStarting(() =>
            {
                // A stricter policy set by the page's own area (the portal: no framing, no referrer) is kept.
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.TryAdd("Content-Security-Policy", policy);
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                if (options.FrameAncestors.Count == 0 && !headers.ContainsKey("X-Frame-Options"))
                {
                    // X-Frame-Options cannot name another origin; with embedding allowed, frame-ancestors alone decides.
                    headers.XFrameOptions = "SAMEORIGIN";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
