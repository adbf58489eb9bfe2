using System.Net;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal;

public sealed class PortalSignInTests : IDisposable
{
    private readonly ChatAdvisorApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task FirstSignInEnrolsAnAuthenticatorAndLaterSignInsNeedItsCode()
    {
        var account = await PortalAccount.CreateAdminAsync(_app);
        using var session = new PortalSession(_app);

        // The right password alone gives no session, only the way to the authenticator set-up.
        PortalSession.AssertRedirect(await session.SignInWithPasswordAsync(account), "/portal/setup-2fa");
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/portal")).Response.StatusCode);
        var (_, setupHtml) = await session.GetAsync("/portal/setup-2fa");
        Assert.Contains("Set up your authenticator app", setupHtml, StringComparison.Ordinal);
        var (wrong, wrongHtml) = await session.PostFormAsync("/portal/setup-2fa", Code("000000x"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That code did not match", wrongHtml, StringComparison.Ordinal);

        var enrolment = await session.CompleteEnrolmentAsync();
        Assert.Matches("^otpauth://totp/ChatAdvisor:admin%40example.com\\?secret=[A-Z2-7]{32}&issuer=ChatAdvisor&digits=6&period=30$", enrolment.Uri);
        Assert.Equal(10, enrolment.RecoveryCodes.Count);
        var (home, homeHtml) = await session.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Signed in as <strong>admin@example.com</strong> (admin)", homeHtml, StringComparison.Ordinal);

        PortalSession.AssertRedirect((await session.SignOutAsync()).Response, "/portal/login");
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/portal")).Response.StatusCode);

        // Second sign-in: password, then the code; a wrong code is refused, the right one opens the portal.
        PortalSession.AssertRedirect(await session.SignInWithPasswordAsync(account), "/portal/login-2fa");
        var (refused, refusedHtml) = await session.PostFormAsync("/portal/login-2fa", Code(Totp.WrongCode(enrolment.SharedKey, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(PortalSignIn.FailureMessage, WebUtility.HtmlDecode(refusedHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/portal")).Response.StatusCode);
        var (accepted, _) = await session.PostFormAsync("/portal/login-2fa", Code(Totp.NextCode(enrolment.SharedKey)));
        PortalSession.AssertRedirect(accepted, "/portal");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/portal")).Response.StatusCode);

        var audit = (await AuditAsync()).Where(a => a.ActorUserId == account.UserId).Select(a => $"{a.Action} {a.Subject}").ToList();
        Assert.Equal(
            ["sign-in-failed enrolment", "two-factor-enrolled authenticator", "sign-in enrolment", "sign-out ",
             "sign-in-failed authenticator", "sign-in authenticator"],
            audit);
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnce()
    {
        var account = await PortalAccount.CreateRecruiterAsync(_app);
        using var session = new PortalSession(_app);
        var enrolment = await session.EnrolAsync(account);
        await session.SignOutAsync();
        var recoveryCode = enrolment.RecoveryCodes[3];

        PortalSession.AssertRedirect(await session.SignInWithPasswordAsync(account), "/portal/login-2fa");
        var (first, _) = await session.PostFormAsync("/portal/login-2fa", new Dictionary<string, string> { ["recoveryCode"] = recoveryCode }, handler: "Recovery");
        PortalSession.AssertRedirect(first, "/portal");
        await session.SignOutAsync();
        PortalSession.AssertRedirect(await session.SignInWithPasswordAsync(account), "/portal/login-2fa");
        var (second, _) = await session.PostFormAsync("/portal/login-2fa", new Dictionary<string, string> { ["recoveryCode"] = recoveryCode }, handler: "Recovery");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/portal")).Response.StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoTheRightOneIsRefusedToo()
    {
        var account = await PortalAccount.CreateRecruiterAsync(_app);
        using var session = new PortalSession(_app);

        var firstAttempt = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await session.SignInWithPasswordAsync(account, "not-the-password-" + i)).StatusCode);
        }
        var lockedOut = DateTimeOffset.UtcNow;
        var sixth = await session.SignInWithPasswordAsync(account);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains(PortalSignIn.FailureMessage, WebUtility.HtmlDecode(await sixth.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/portal/setup-2fa")).Response.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Recruiter>>();
        var user = await users.FindByIdAsync(account.UserId);
        Assert.True(await users.IsLockedOutAsync(user!));
        var lockoutEnd = (await users.GetLockoutEndDateAsync(user!))!.Value;
        // 15 minutes from the fifth failure, which happened between the two instants taken around the attempts.
        Assert.InRange(lockoutEnd, firstAttempt + TimeSpan.FromMinutes(15), lockedOut + TimeSpan.FromMinutes(15));
        var actions = (await AuditAsync()).Where(a => a.ActorUserId == account.UserId).Select(a => a.Action).ToList();
        Assert.Equal([.. Enumerable.Repeat(PortalAuditActions.SignInFailed, 4), PortalAuditActions.LockedOut, PortalAuditActions.LockedOut], actions);
    }

    [Fact]
    public async Task AnUnknownAddressFailsLikeAWrongPasswordAndIsAuditedAnonymously()
    {
        await PortalAccount.CreateRecruiterAsync(_app);
        using var session = new PortalSession(_app);

        var response = await session.SignInWithPasswordAsync(new PortalAccount("nobody@example.com", "some-long-password", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PortalSignIn.FailureMessage, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var entry = (await AuditAsync()).Last();
        Assert.Equal((PortalAudit.Anonymous, PortalAuditActions.SignInFailed, "password"), (entry.ActorUserId, entry.Action, entry.Subject));
    }

    [Fact]
    public async Task SessionKeepsItsSecondFactorWhenIdentityRefreshesThePrincipal()
    {
        using var app = new ChatAdvisorApp(services: s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        var account = await PortalAccount.CreateRecruiterAsync(app);
        using var session = new PortalSession(app);
        await session.EnrolAsync(account);

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/portal")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/portal")).Response.StatusCode);
    }

    private static Dictionary<string, string> Code(string code) => new() { ["code"] = code };

    private async Task<List<PortalAuditEntry>> AuditAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }
}
