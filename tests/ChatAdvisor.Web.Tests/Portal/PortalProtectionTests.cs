using System.Net;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>Rate limit on the sign-in forms and the flags of the portal's cookies.</summary>
public sealed class PortalProtectionTests
{
    [Fact]
    public async Task SignInPostsOverTheLimitAreAnsweredTooManyRequests()
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?> { ["Portal:SignInPermitLimit"] = "2", ["Portal:SignInWindow"] = "00:10:00" });
        var account = await PortalAccount.CreateRecruiterAsync(app);
        using var session = new PortalSession(app);

        Assert.Equal(HttpStatusCode.OK, (await session.SignInWithPasswordAsync(account, "wrong-password-one")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInWithPasswordAsync(account, "wrong-password-two")).StatusCode);
        var third = await session.SignInWithPasswordAsync(account);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/portal/login")).Response.StatusCode);
    }

    [Fact]
    public async Task EveryPortalCookieIsHttpOnlyAndSameSiteStrict()
    {
        using var app = new ChatAdvisorApp();
        var account = await PortalAccount.CreateAdminAsync(app);
        using var session = new PortalSession(app);
        var enrolment = await session.EnrolAsync(account);
        await session.SignOutAsync();
        await session.SignInAsync(account, enrolment.SharedKey);

        var sessionCookie = session.SetCookies.Last(c => c.StartsWith(PortalCookies.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("; path=/;", sessionCookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", sessionCookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", sessionCookie, StringComparison.Ordinal);
        Assert.Contains(session.SetCookies, c => c.StartsWith("chatadvisor-portal-2fa=", StringComparison.Ordinal));
        Assert.Contains(session.SetCookies, c => c.StartsWith("chatadvisor-portal-enrolment=", StringComparison.Ordinal));
        Assert.Contains(session.SetCookies, c => c.StartsWith("chatadvisor-antiforgery=", StringComparison.Ordinal));
        Assert.All(session.SetCookies, c =>
        {
            Assert.Contains("; httponly", c, StringComparison.Ordinal);
            Assert.Contains("; samesite=strict", c, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task OutsideDevelopmentThePortalRefusesPlainHttpAndSetsHostPrefixedSecureCookiesOverHttps()
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["Prompts:Path"] = Path.Combine(ChatAdvisorApp.RepositoryRoot, "prompts"),
            ["Site:PrivacyContact"] = "privacy@example.org",
        });
        using var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var http = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var https = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var plain = await http.GetAsync("/portal/login");
        using var secure = await https.GetAsync("/portal/login");

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("HTTPS only", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        var antiforgery = Assert.Single(secure.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-chatadvisor-antiforgery=", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; secure", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; path=/;", antiforgery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "/portal")]
    [InlineData("/portal/conversations?page=2", "/portal/conversations?page=2")]
    [InlineData("https://evil.example/portal", "/portal")]
    [InlineData("//evil.example/portal", "/portal")]
    [InlineData("/\\evil.example", "/portal")]
    [InlineData("/health", "/portal")]
    public void AfterSignInOnlyPortalAddressesAreReturnedTo(string? returnUrl, string expected) =>
        Assert.Equal(expected, PortalEndpoints.SafeReturnUrl(returnUrl));

    [Fact]
    public void OutsideDevelopmentTheSessionCookieIsHostPrefixedAndAlwaysSecure()
    {
        var options = new CookieAuthenticationOptions();

        PortalCookies.ConfigureSession(options, new PortalOptions(), isDevelopment: false);

        Assert.Equal("__Host-chatadvisor-portal", options.Cookie.Name);
        Assert.Equal("/", options.Cookie.Path);
        Assert.Null(options.Cookie.Domain);
        Assert.Equal(CookieSecurePolicy.Always, options.Cookie.SecurePolicy);
        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, options.Cookie.SameSite);
        Assert.Equal(TimeSpan.FromHours(8), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
        Assert.Equal("/portal/login", options.LoginPath);
    }
}
