using System.Net;
using System.Text.RegularExpressions;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>Sessions end on the server: a copy of the session cookie is worthless after sign-out or a credential reset.</summary>
public sealed partial class PortalSessionEndTests : IDisposable
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
        using var both = await AdminAndRecruiter.SignInAsync(_app);
        var (admin, adminSession, recruiter, recruiterSession, enrolment) = both;
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
    public async Task APasswordChangedOnThePortalEndsTheAccountsOtherSessionsAndKeepsThisOne()
    {
        var account = await PortalAccount.CreateRecruiterAsync(_app);
        using var here = new PortalSession(_app);
        var enrolment = await here.EnrolAsync(account);
        using var elsewhere = new PortalSession(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.SignInAsync(account, enrolment.SharedKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/portal")).Response.StatusCode);
        var newPassword = PortalAccounts.GeneratePassword();

        var (wrong, wrongHtml) = await here.PostFormAsync(PasswordPage, PasswordForm("not the password at all", newPassword, newPassword));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("This is not your current password.", wrongHtml, StringComparison.Ordinal);
        var (mismatch, mismatchHtml) = await here.PostFormAsync(PasswordPage, PasswordForm(account.Password, newPassword, newPassword + "x"));
        Assert.Contains("The two new passwords differ.", mismatchHtml, StringComparison.Ordinal);
        var (weak, weakHtml) = await here.PostFormAsync(PasswordPage, PasswordForm(account.Password, "aaaaaaaaaaaa", "aaaaaaaaaaaa"));
        Assert.Contains("at least 6 different characters", weakHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/portal")).Response.StatusCode); // nothing changed yet

        var (changed, changedHtml) = await here.PostFormAsync(PasswordPage, PasswordForm(account.Password, newPassword, newPassword));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Your password was changed.", changedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/portal")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/portal")).Response.StatusCode);
        using var later = new PortalSession(_app);
        Assert.Equal(HttpStatusCode.OK, (await later.SignInWithPasswordAsync(account)).StatusCode); // the old password: refused
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignInAsync(account with { Password = newPassword }, enrolment.SharedKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/portal")).Response.StatusCode);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(account.UserId, (await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == PortalAuditActions.PasswordChanged)).ActorUserId);
    }

    [Fact]
    public async Task AnAdminGivesAForgottenPasswordANewOneWhichEndsTheSessionsAndKeepsTheAuthenticator()
    {
        using var both = await AdminAndRecruiter.SignInAsync(_app);
        var (admin, adminSession, recruiter, recruiterSession, enrolment) = both;
        // Forgot it, and the wrong tries locked the account (the sign-in limit per address would stop a test that typed them).
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Recruiter>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(recruiter.UserId))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await recruiterSession.GetAsync("/portal/admin/accounts")).Response.StatusCode);

        var (issued, html) = await adminSession.PostFormAsync("/portal/admin/accounts", new Dictionary<string, string> { ["userId"] = recruiter.UserId }, handler: "Password");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var password = IssuedPassword().Match(html).Groups[1].Value;
        Assert.NotEqual("", password);
        Assert.NotEqual(recruiter.Password, password);
        Assert.Equal(HttpStatusCode.Redirect, (await recruiterSession.GetAsync("/portal")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await recruiterSession.SignInWithPasswordAsync(recruiter)).StatusCode); // old password refused
        // The lockout is lifted and the authenticator stays: the new password leads to the code step, not to a new set-up.
        PortalSession.AssertRedirect(await recruiterSession.SignInWithPasswordAsync(recruiter with { Password = password }), "/portal/login-2fa");
        PortalSession.AssertRedirect((await recruiterSession.PostFormAsync("/portal/login-2fa", Code(Totp.NextCode(enrolment.SharedKey)))).Response, "/portal");
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == PortalAuditActions.PasswordReset);
        Assert.Equal((admin.UserId, recruiter.UserId), (entry.ActorUserId, entry.Subject));
        Assert.DoesNotContain(password, string.Join("\n", await db.AuditEntries.AsNoTracking().Select(a => a.Subject).ToListAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminAddsAnAccountWhoseOneTimePasswordLeadsToTheAuthenticatorSetUp()
    {
        var admin = await PortalAccount.CreateAdminAsync(_app);
        using var adminSession = new PortalSession(_app);
        await adminSession.EnrolAsync(admin);

        var (added, html) = await adminSession.PostFormAsync("/portal/admin/accounts", new Dictionary<string, string> { ["NewAccount.Email"] = " new.recruiter@example.com ", ["NewAccount.Role"] = "recruiter" }, handler: "Add");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var password = IssuedPassword().Match(html).Groups[1].Value;
        Assert.NotEqual("", password);
        using var newcomer = new PortalSession(_app);
        var account = new PortalAccount("new.recruiter@example.com", password, "");
        await newcomer.EnrolAsync(account);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/portal/conversations")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync("/portal/admin/accounts")).Response.StatusCode);

        var (again, againHtml) = await adminSession.PostFormAsync("/portal/admin/accounts", new Dictionary<string, string> { ["NewAccount.Email"] = "new.recruiter@example.com", ["NewAccount.Role"] = "admin" }, handler: "Add");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("An account for new.recruiter@example.com already exists.", WebUtility.HtmlDecode(againHtml), StringComparison.Ordinal);
        var (bad, badHtml) = await adminSession.PostFormAsync("/portal/admin/accounts", new Dictionary<string, string> { ["NewAccount.Email"] = "not an address" }, handler: "Add");
        Assert.Contains("Enter the new account&#x27;s email address", badHtml, StringComparison.Ordinal);
        Assert.DoesNotMatch(IssuedPassword(), badHtml);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(2, await db.Users.CountAsync());
        Assert.Equal(admin.UserId, (await db.AuditEntries.AsNoTracking().Where(a => a.Action == PortalAuditActions.AccountCreated).OrderBy(a => a.Id).LastAsync()).ActorUserId);
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

    private const string PasswordPage = "/portal/account/password";

    /// <summary>An admin and a recruiter, each signed in with an enrolled authenticator.</summary>
    private sealed record AdminAndRecruiter(PortalAccount Admin, PortalSession AdminSession, PortalAccount Recruiter, PortalSession RecruiterSession, Enrolment Enrolment) : IDisposable
    {
        public static async Task<AdminAndRecruiter> SignInAsync(ChatAdvisorApp app)
        {
            var admin = await PortalAccount.CreateAdminAsync(app);
            var recruiter = await PortalAccount.CreateRecruiterAsync(app);
            var adminSession = new PortalSession(app);
            var recruiterSession = new PortalSession(app);
            await adminSession.EnrolAsync(admin);
            var enrolment = await recruiterSession.EnrolAsync(recruiter);
            Assert.Equal(HttpStatusCode.OK, (await recruiterSession.GetAsync("/portal")).Response.StatusCode);
            return new AdminAndRecruiter(admin, adminSession, recruiter, recruiterSession, enrolment);
        }

        public void Dispose()
        {
            AdminSession.Dispose();
            RecruiterSession.Dispose();
        }
    }

    private static Dictionary<string, string> Code(string code) => new() { ["code"] = code };

    private static Dictionary<string, string> PasswordForm(string current, string next, string again) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = again,
    };

    [GeneratedRegex("<code class=\"secret\" id=\"issued-password\">([^<]+)</code>")]
    private static partial Regex IssuedPassword();

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
