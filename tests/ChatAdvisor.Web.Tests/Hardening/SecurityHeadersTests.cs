using System.Net;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatAdvisor.Web.Tests.Hardening;

/// <summary>Every page and API answer carries the security headers; embedding and HSTS follow the settings and the environment.</summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private readonly ChatAdvisorApp _app = new();

    [Theory]
    [InlineData("/")]
    [InlineData("/privacy")]
    [InlineData("/cv/upload/not-a-link")]
    [InlineData("/v3/directline/conversations/x/activities")]
    [InlineData("/health")]
    public async Task EveryResponseCarriesTheHeaders(string path)
    {
        using var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:", csp, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("SAMEORIGIN", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "No HSTS in Development.");
    }

    [Fact]
    public async Task ThePortalKeepsItsStricterPolicy()
    {
        using var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync("/portal/login");

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task ConfiguredEmbeddingSitesMayFrameTheChat()
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?> { ["SecurityHeaders:FrameAncestors:0"] = "https://www.agency.example" });
        using var http = app.CreateClient();

        using var response = await http.GetAsync("/");

        Assert.EndsWith("frame-ancestors 'self' https://www.agency.example", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"), "X-Frame-Options cannot name another site, so it must not be sent.");
    }

    [Fact]
    public void AnEmbeddingSiteWithAPathIsRefusedAtStart()
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?> { ["SecurityHeaders:FrameAncestors:0"] = "https://www.agency.example/careers; script-src *" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("SecurityHeaders:FrameAncestors", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopmentHttpsResponsesCarryHsts()
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["Prompts:Path"] = Path.Combine(ChatAdvisorApp.RepositoryRoot, "prompts"),
            ["Site:PrivacyContact"] = "privacy@example.org",
        });
        using var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var https = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://chat.example.eu") });

        using var response = await https.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage?.RequestUri}");
}
