using Microsoft.AspNetCore.Identity;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// The sign-in steps of the portal: the password, then an authenticator or recovery code. An account without an
/// authenticator app gets no session from its password, only the short enrolment cookie of <see cref="PortalEnrolment"/>.
/// </summary>
public sealed class PortalSignIn(
    SignInManager<Recruiter> signInManager, PortalEnrolment enrolment, IPasswordHasher<Recruiter> hasher, PortalAudit audit, ILogger<PortalSignIn> logger)
{
    /// <summary>The rate-limiting policy on the sign-in pages' form posts (<see cref="PortalOptions.SignInPermitLimit"/>).</summary>
    public const string RateLimitPolicy = "portal-sign-in";

    /// <summary>One message for every failure, so that the page does not tell which addresses have accounts.</summary>
    public const string FailureMessage =
        "Sign-in failed. Check your details and try again. After 5 failed attempts an account is locked for 15 minutes.";

    private static readonly Lazy<string> s_unknownAccountHash = new(() => new PasswordHasher<Recruiter>().HashPassword(new Recruiter(), Guid.NewGuid().ToString()));

    public async Task<PasswordStep> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await signInManager.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            // Hash anyway, so that the response time does not tell either.
            hasher.VerifyHashedPassword(new Recruiter(), s_unknownAccountHash.Value, password);
            PortalLog.UnknownAccount(logger);
            await audit.RecordAsync(PortalAudit.Anonymous, PortalAuditActions.SignInFailed, "password", cancellationToken);
            return PasswordStep.Failed;
        }
        SignInResult result;
        if (user.TwoFactorEnabled)
        {
            // Identity checks lockout and password, then keeps only the user id in its five-minute two-factor cookie.
            result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            if (result.RequiresTwoFactor)
            {
                return PasswordStep.EnterCode;
            }
        }
        else
        {
            result = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await enrolment.BeginAsync(user);
                return PasswordStep.EnrolAuthenticator;
            }
        }
        await RecordFailureAsync(user, result, "password", cancellationToken);
        return PasswordStep.Failed;
    }

    /// <summary>True while a password has been accepted and its second step is pending.</summary>
    public async Task<bool> HasPendingCodeAsync() => await signInManager.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<CodeStep> CheckCodeAsync(string code, bool isRecoveryCode, CancellationToken cancellationToken)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return CodeStep.Expired;
        }
        var method = isRecoveryCode ? "recovery-code" : "authenticator";
        var result = isRecoveryCode
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", "", StringComparison.Ordinal))
            : await signInManager.TwoFactorAuthenticatorSignInAsync(NormalizeCode(code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            PortalLog.SignedIn(logger, user.Id, method);
            await audit.RecordAsync(user.Id, PortalAuditActions.SignIn, method, cancellationToken);
            return CodeStep.SignedIn;
        }
        await RecordFailureAsync(user, result, method, cancellationToken);
        return CodeStep.Failed;
    }

    /// <summary>
    /// Ends the session on the server too: a new security stamp makes every cookie issued before it worthless, so a
    /// copy of the cookie (kept by malware, a shared computer or a proxy log) cannot be replayed after sign-out.
    /// </summary>
    public async Task SignOutAsync(CancellationToken cancellationToken)
    {
        var user = await signInManager.UserManager.GetUserAsync(signInManager.Context.User);
        if (user is not null)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
        }
        await signInManager.SignOutAsync();
        await enrolment.AbandonAsync();
        if (user is not null)
        {
            PortalLog.SignedOut(logger, user.Id);
            await audit.RecordAsync(user.Id, PortalAuditActions.SignOut, null, cancellationToken);
        }
    }

    /// <summary>Authenticator apps show codes as "123 456"; people also type "123-456".</summary>
    internal static string NormalizeCode(string code) =>
        code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    internal async Task RecordFailureAsync(Recruiter user, SignInResult result, string step, CancellationToken cancellationToken)
    {
        if (result.IsLockedOut)
        {
            PortalLog.LockedOut(logger, user.Id);
            await audit.RecordAsync(user.Id, PortalAuditActions.LockedOut, step, cancellationToken);
            return;
        }
        PortalLog.SignInFailed(logger, user.Id, step);
        await audit.RecordAsync(user.Id, PortalAuditActions.SignInFailed, step, cancellationToken);
    }
}

public enum PasswordStep
{
    Failed,
    EnrolAuthenticator,
    EnterCode,
}

public enum CodeStep
{
    SignedIn,
    Failed,

    /// <summary>No password step is pending (it is five minutes old, or never happened).</summary>
    Expired,
}
