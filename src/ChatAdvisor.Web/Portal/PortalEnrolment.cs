using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// First sign-in of an account: after its password is accepted, a ten-minute cookie of its own scheme lets it set up
/// an authenticator app, and only a correct code from that app turns into a portal session (with recovery codes).
/// </summary>
public sealed class PortalEnrolment(
    SignInManager<Recruiter> signInManager, IOptions<PortalOptions> options, PortalAudit audit, ILogger<PortalEnrolment> logger)
{
    public const string Scheme = "Portal.Enrolment";

    /// <summary>The <c>amr</c> claim Identity sets on two-factor sign-ins; the portal policies require it.</summary>
    public const string AuthenticationMethodClaim = "amr";

    public const string TwoFactorMethod = "mfa";

    private const int RecoveryCodeCount = 10;

    private UserManager<Recruiter> Users => signInManager.UserManager;

    private HttpContext Context => signInManager.Context;

    internal Task BeginAsync(Recruiter user) =>
        Context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], Scheme)));

    internal Task AbandonAsync() => Context.SignOutAsync(Scheme);

    /// <summary>The account whose password was just accepted and that has no authenticator yet, if any.</summary>
    public async Task<Recruiter?> FindUserAsync()
    {
        var result = await Context.AuthenticateAsync(Scheme);
        var userId = result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = userId is null ? null : await Users.FindByIdAsync(userId);
        return user is null || user.TwoFactorEnabled || await Users.IsLockedOutAsync(user) ? null : user;
    }

    /// <summary>The shared key (created on first use, then kept until enrolment succeeds) and its <c>otpauth://</c> URI.</summary>
    public async Task<AuthenticatorSetup> GetSetupAsync(Recruiter user)
    {
        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(user);
            key = await Users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("The authenticator key was not stored.");
        }
        var issuer = Uri.EscapeDataString(options.Value.AuthenticatorIssuer);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? user.Id)}?secret={key}&issuer={issuer}&digits=6&period=30";
        return new AuthenticatorSetup(GroupsOfFour(key), uri);
    }

    /// <summary>
    /// Turns two-factor sign-in on when <paramref name="code"/> comes from the app, signs the account in and returns its
    /// new recovery codes (to be shown once); returns null for a wrong code, which counts as a failed sign-in attempt.
    /// </summary>
    public async Task<IReadOnlyList<string>?> CompleteAsync(Recruiter user, string code, CancellationToken cancellationToken)
    {
        var provider = Users.Options.Tokens.AuthenticatorTokenProvider;
        if (!await Users.VerifyTwoFactorTokenAsync(user, provider, PortalSignIn.NormalizeCode(code)))
        {
            await Users.AccessFailedAsync(user);
            var locked = await Users.IsLockedOutAsync(user);
            if (locked)
            {
                PortalLog.LockedOut(logger, user.Id);
            }
            else
            {
                PortalLog.SignInFailed(logger, user.Id, "enrolment");
            }
            await audit.RecordAsync(user.Id, locked ? PortalAuditActions.LockedOut : PortalAuditActions.SignInFailed, "enrolment", cancellationToken);
            return null;
        }
        await Users.SetTwoFactorEnabledAsync(user, true);
        await Users.ResetAccessFailedCountAsync(user);
        var recoveryCodes = await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await AbandonAsync();
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AuthenticationMethodClaim, TwoFactorMethod)]);
        PortalLog.TwoFactorEnrolled(logger, user.Id);
        await audit.RecordAsync(user.Id, PortalAuditActions.TwoFactorEnrolled, "authenticator", cancellationToken);
        PortalLog.SignedIn(logger, user.Id, "enrolment");
        await audit.RecordAsync(user.Id, PortalAuditActions.SignIn, "enrolment", cancellationToken);
        return [.. recoveryCodes ?? []];
    }

    private static string GroupsOfFour(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(grouped.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return grouped.ToString();
    }
}

/// <summary>What an authenticator app needs: the shared key (base32, spaced for reading) and the same as a URI.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string Uri);
