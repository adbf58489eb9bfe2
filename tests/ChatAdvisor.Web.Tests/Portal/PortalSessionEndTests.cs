using System.Net;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>Sessions end on the server: a copy of the session cookie is worthless after sign-out or a credential reset.</summary>
public sealed class PortalSessionEndTests : IDisposable
{
    private const string CvDownload = "/portal/cv/CV-AAAA-AAAA";

    private readonly ChatAdvisorApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ACookieReplayedAfterSignOutGetsNeitherPagesNorCvDownloads()
    {
        var account = await PortalAccount.CreateRecruiterAsync(_app);
        using var session = new PortalSession(_app);
        await session.EnrolAsync(account);
        var stolen = SessionCookie(session);
        using var replay = Replay(stolen);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/portal")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await replay.GetAsync(CvDownload)).StatusCode); // signed in: no such CV

        PortalSession.AssertRedirect((await session.SignOutAsync()).Response, "/portal/login");

        var page = await replay.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(PortalCookies.LoginPath, page.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await replay.GetAsync(CvDownload)).StatusCode);
        using var api = new HttpRequestMessage(HttpMethod.Get, CvDownload) { Headers = { { "Accept", "application/json" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.SendAsync(api)).StatusCode);
    }

    [Fact]
    public async Task AnAuthenticatorCodeIsAcceptedOnceAndTheNextOneStillWorks()
    {
        var account = await PortalAccount.CreateRecruiterAsync(_app);
        using var session = new PortalSession(_app);
        var enrolment = await session.EnrolAsync(account);
        await session.SignOutAsync();

        var code = Totp.NextCode(enrolment.SharedKey);
        PortalSession.AssertRedirect(await session.SignInWithPasswordAsync(account), "/portal/login-2fa");
        PortalSession.AssertRedirect((await session.PostFormAsync("/portal/login-2fa", Code(code))).Response, "/portal");
        await session.SignOutAsync();

        // The same code again, within its 30 seconds: refused like a wrong one.
        PortalSession.AssertRedirect(await session.SignInWithPasswordAsync(account), "/portal/login-2fa");
        var (replayed, html) = await session.PostFormAsync("/portal/login-2fa", Code(code));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains(PortalSignIn.FailureMessage, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/portal")).Response.StatusCode);

        PortalSession.AssertRedirect((await session.PostFormAsync("/portal/login-2fa", Code(Totp.NextCode(enrolment.SharedKey)))).Response, "/portal");
    }

    [Fact]
    public async Task AnAdminResetsARecruitersAuthenticatorWhichEndsTheRecruitersSessions()
    {
        var admin = await PortalAccount.CreateAdminAsync(_app);
        var recruiter = await PortalAccount.CreateRecruiterAsync(_app);
        using var adminSession = new PortalSession(_app);
        await adminSession.EnrolAsync(admin);
        using var recruiterSession = new PortalSession(_app);
        var enrolment = await recruiterSession.EnrolAsync(recruiter);
        Assert.Equal(HttpStatusCode.OK, (await recruiterSession.GetAsync("/portal")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await recruiterSession.GetAsync("/portal/admin/accounts")).Response.StatusCode);

        var (reset, html) = await adminSession.PostFormAsync("/portal/admin/accounts", new Dictionary<string, string> { ["userId"] = recruiter.UserId }, handler: "Reset");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("The authenticator of <strong>recruiter@example.com</strong> was reset", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await recruiterSession.GetAsync("/portal")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminSession.GetAsync("/portal")).Response.StatusCode);
        // Neither the old app nor an old recovery code gets in: the password leads to a new set-up.
        PortalSession.AssertRedirect(await recruiterSession.SignInWithPasswordAsync(recruiter), "/portal/setup-2fa");
        var renewed = await recruiterSession.CompleteEnrolmentAsync();
        Assert.NotEqual(enrolment.SharedKey, renewed.SharedKey);
        Assert.Equal(HttpStatusCode.OK, (await recruiterSession.GetAsync("/portal")).Response.StatusCode);

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == PortalAuditActions.AuthenticatorReset);
        Assert.Equal((admin.UserId, recruiter.UserId), (entry.ActorUserId, entry.Subject));
    }

    [Fact]
    public async Task APasswordChangeEndsTheAccountsSessions()
    {
        var account = await PortalAccount.CreateRecruiterAsync(_app);
        using var session = new PortalSession(_app);
        await session.EnrolAsync(account);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/portal")).Response.StatusCode);

        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Recruiter>>();
            var user = await users.FindByIdAsync(account.UserId);
            Assert.True((await users.ChangePasswordAsync(user!, account.Password, PortalAccounts.GeneratePassword())).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/portal")).Response.StatusCode);
    }

    [Fact]
    public async Task AnAdminCannotResetAnAccountThatDoesNotExistNorTheirOwn()
    {
        var admin = await PortalAccount.CreateAdminAsync(_app);
        var recruiter = await PortalAccount.CreateRecruiterAsync(_app);
        using var recruiterSession = new PortalSession(_app);
        await recruiterSession.EnrolAsync(recruiter);
        using var session = new PortalSession(_app);
        await session.EnrolAsync(admin);

        foreach (var userId in (string[])[Guid.NewGuid().ToString(), admin.UserId])
        {
            var (response, _) = await session.PostFormAsync("/portal/admin/accounts", new Dictionary<string, string> { ["userId"] = userId }, handler: "Reset");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/portal")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await recruiterSession.GetAsync("/portal")).Response.StatusCode);
    }

    private static Dictionary<string, string> Code(string code) => new() { ["code"] = code };

    /// <summary>The newest session cookie the portal set, as "name=value".</summary>
    private static string SessionCookie(PortalSession session) =>
        session.SetCookies.Last(c => c.StartsWith(PortalCookies.SessionCookie + "=", StringComparison.Ordinal)).Split(';')[0];

    private HttpClient Replay(string cookie)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
