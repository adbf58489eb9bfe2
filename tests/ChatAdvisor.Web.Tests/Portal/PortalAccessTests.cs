using System.Net;
using System.Security.Claims;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal;

public sealed class PortalAccessTests : IDisposable
{
    private readonly ChatAdvisorApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/portal", "%2Fportal")]
    [InlineData("/portal/anything", "%2Fportal%2Fanything")]
    [InlineData("/portal/admin/accounts", "%2Fportal%2Fadmin%2Faccounts")]
    public async Task AnonymousPageRequestsAreSentToTheSignInPage(string path, string returnUrl)
    {
        using var session = new PortalSession(_app);

        var (response, _) = await session.GetAsync(path);

        PortalSession.AssertRedirect(response, $"http://localhost/portal/login?ReturnUrl={returnUrl}");
    }

    [Fact]
    public async Task AnonymousFormPostsAndApiCallsAreUnauthorized()
    {
        using var session = new PortalSession(_app);
        using var post = await session.Http.PostAsync("/portal", new FormUrlEncodedContent([]));
        using var api = new HttpRequestMessage(HttpMethod.Get, "/portal/anything");
        api.Headers.Accept.ParseAdd("application/json");

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Http.SendAsync(api)).StatusCode);
    }

    [Fact]
    public async Task SignInPagesAreOpenToAnonymousVisitorsAndCarryAntiforgeryTokens()
    {
        using var session = new PortalSession(_app);

        var (login, html) = await session.GetAsync("/portal/login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_Email\">Email address</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_Password\">Password</label>", html, StringComparison.Ordinal);
        Assert.Contains("/css/site.css", html, StringComparison.Ordinal);
        Assert.True(login.Headers.CacheControl?.NoStore, "Portal pages must not be cached.");
        Assert.Equal("DENY", Assert.Single(login.Headers.GetValues("X-Frame-Options")));
        // Without a pending password step the code pages send the visitor back to the password.
        PortalSession.AssertRedirect((await session.GetAsync("/portal/login-2fa")).Response, "/portal/login");
        PortalSession.AssertRedirect((await session.GetAsync("/portal/setup-2fa")).Response, "/portal/login");
    }

    [Fact]
    public async Task FormPostWithoutAntiforgeryTokenIsRejected()
    {
        using var session = new PortalSession(_app);
        await session.GetAsync("/portal/login");

        using var response = await session.Http.PostAsync("/portal/login",
            new FormUrlEncodedContent([new("Input.Email", "admin@example.com"), new("Input.Password", "whatever-password")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignedInAccountWithoutAPortalRoleIsForbidden()
    {
        var account = await PortalAccount.CreateRecruiterAsync(_app);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Recruiter>>();
            var user = await users.FindByIdAsync(account.UserId);
            Assert.True((await users.RemoveFromRoleAsync(user!, PortalRoles.Recruiter)).Succeeded);
        }
        using var session = new PortalSession(_app);
        await session.EnrolAsync(account);

        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/portal")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/portal/anything")).Response.StatusCode);
    }

    [Fact]
    public async Task SignedInRecruiterReachesThePortalAndUnknownPortalAddressesAreNotFound()
    {
        var account = await PortalAccount.CreateRecruiterAsync(_app);
        using var session = new PortalSession(_app);
        await session.EnrolAsync(account);

        var (home, html) = await session.GetAsync("/portal");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Signed in as <strong>recruiter@example.com</strong> (recruiter)", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/portal/anything")).Response.StatusCode);
    }

    [Fact]
    public async Task AdminPolicyAdmitsOnlyAdminsAndBothPoliciesRequireTheSecondFactor()
    {
        var authorization = _app.Services.GetRequiredService<IAuthorizationService>();
        var recruiter = Principal(PortalRoles.Recruiter, secondFactor: true);
        var admin = Principal(PortalRoles.Admin, secondFactor: true);
        var passwordOnlyAdmin = Principal(PortalRoles.Admin, secondFactor: false);

        Assert.True((await authorization.AuthorizeAsync(recruiter, PortalPolicies.Portal)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(recruiter, PortalPolicies.Admin)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(admin, PortalPolicies.Portal)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(admin, PortalPolicies.Admin)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(passwordOnlyAdmin, PortalPolicies.Portal)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(passwordOnlyAdmin, PortalPolicies.Admin)).Succeeded);
    }

    [Fact]
    public async Task HomePageAndChatTokenStillWorkForAnonymousVisitors()
    {
        using var http = _app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/webchat/token", null)).StatusCode);
    }

    private static ClaimsPrincipal Principal(string role, bool secondFactor)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(ClaimTypes.Role, role)];
        if (secondFactor)
        {
            claims.Add(new Claim("amr", "mfa"));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.ApplicationScheme));
    }
}
