using System.Threading.RateLimiting;
using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Channels.DirectLine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatAdvisor.Web.Site;

/// <summary>The public site: the chat page and the endpoint that gives each visitor a conversation token.</summary>
public static class SiteEndpoints
{
    private const string TokenPolicy = "webchat-token";

    public static IHostApplicationBuilder AddSite(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName)
            .Validate(o => o.PublicBaseUrl is null || (o.PublicBaseUrl.IsAbsoluteUri && o.PublicBaseUrl.Scheme is "https" or "http"), "Site:PublicBaseUrl must be an absolute http(s) URL.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PrivacyContact) || o.PrivacyContactLink is not null, "Site:PrivacyContact must be an email address or an absolute http(s) URL.")
            .Validate(o => builder.Environment.IsDevelopment() || o.PrivacyContactLink is not null,
                "Site:PrivacyContact must be set (an email address or an http(s) page): the privacy notice has to say how to reach the agency's privacy contact.")
            .ValidateOnStart();
        // The plain pages (privacy notice, CV upload link) are Razor components rendered by minimal API endpoints.
        builder.Services.AddRazorComponents();
        builder.Services.AddRateLimiter(options =>
        {
            // Each page load needs one token; this stops one address from minting conversations in bulk.
            options.AddPolicy(TokenPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.MapPost("/api/webchat/token", IssueToken).RequireRateLimiting(TokenPolicy).DisableAntiforgery();
        app.MapGet("/", HomePage.Render);
        app.MapGet(PrivacyNoticeStore.PublicPath, PrivacyPage.Render);
        return app;
    }

    /// <summary>A token for a new anonymous conversation; the page passes it to Web Chat.</summary>
    private static Ok<ConversationResponse> IssueToken(DirectLineTokens tokens)
    {
        var (conversationId, userId) = DirectLineEndpoints.NewIdentity();
        return TypedResults.Ok(new ConversationResponse(conversationId, tokens.Issue(conversationId, userId), tokens.LifetimeSeconds));
    }
}
