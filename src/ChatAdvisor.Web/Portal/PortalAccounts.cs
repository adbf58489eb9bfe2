using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// Creates portal accounts. There is no built-in account and no default password: the first admin comes from the
/// <c>create-admin</c> command, and every account sets up an authenticator app at its first sign-in.
/// </summary>
public sealed class PortalAccounts(UserManager<Recruiter> users, PortalAudit audit, ILogger<PortalAccounts> logger)
{
    /// <summary>Letters and digits without look-alikes (0/O, 1/l/I), plus a few symbols that survive copy and paste.</summary>
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!?";

    /// <summary>24 characters of a 61-character alphabet: about 142 bits.</summary>
    private const int GeneratedPasswordLength = 24;

    /// <summary>Where Identity's EF store keeps the recovery codes (<c>AspNetUserTokens</c>).</summary>
    private const string RecoveryCodesProvider = "[AspNetUserStore]";

    private const string RecoveryCodesName = "RecoveryCodes";

    public static string GeneratePassword() => RandomNumberGenerator.GetString(PasswordAlphabet, GeneratedPasswordLength);

    /// <summary>
    /// Creates an account with <paramref name="role"/> (<see cref="PortalRoles.Admin"/> or <see cref="PortalRoles.Recruiter"/>);
    /// <paramref name="actorUserId"/> is who creates it, for the audit trail: an admin's id, or <see cref="PortalAudit.CommandLine"/>.
    /// </summary>
    public async Task<AccountCreation> CreateAsync(string email, string role, string password, string actorUserId, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new AccountCreation(null, [$"An account for {email} already exists."]);
        }
        var user = new Recruiter { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountCreation(null, [.. created.Errors.Select(e => e.Description)]);
        }
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return new AccountCreation(null, [.. added.Errors.Select(e => e.Description)]);
        }
        PortalLog.AccountCreated(logger, user.Id, role);
        await audit.RecordAsync(actorUserId, PortalAuditActions.AccountCreated, user.Id, cancellationToken);
        return new AccountCreation(user.Id, []);
    }

    /// <summary>
    /// For a recruiter whose phone is lost or replaced: forgets the authenticator key and the recovery codes, so the
    /// next sign-in with the password sets up an app again. The new security stamp ends the account's sessions.
    /// </summary>
    public async Task ResetAuthenticatorAsync(Recruiter user, string actorUserId, CancellationToken cancellationToken)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName);
        // The last accepted time step belongs to the old key; the new app's first code may fall in the same step.
        await users.RemoveAuthenticationTokenAsync(user, PortalAuthenticatorCodes.TokenProvider, PortalAuthenticatorCodes.LastStepToken);
        await users.ResetAuthenticatorKeyAsync(user);
        PortalLog.AuthenticatorReset(logger, user.Id, actorUserId);
        await audit.RecordAsync(actorUserId, PortalAuditActions.AuthenticatorReset, user.Id, cancellationToken);
    }

    /// <summary>
    /// An account changes its own password. Identity gives it a new security stamp, which ends every other session
    /// of the account; the caller refreshes the current one.
    /// </summary>
    public async Task<IdentityResult> ChangePasswordAsync(Recruiter user, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (changed.Succeeded)
        {
            PortalLog.PasswordChanged(logger, user.Id);
            await audit.RecordAsync(user.Id, PortalAuditActions.PasswordChanged, null, cancellationToken);
        }
        return changed;
    }

    /// <summary>
    /// For a forgotten password: replaces it with a generated one that the admin hands over in person, ends the
    /// account's sessions and lifts a lockout. The authenticator stays, so the new password alone does not sign in.
    /// </summary>
    /// <returns>The new password.</returns>
    public async Task<string> ResetPasswordAsync(Recruiter user, string actorUserId, CancellationToken cancellationToken)
    {
        var password = GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            throw new InvalidOperationException("The generated password was refused: " + string.Join(" ", reset.Errors.Select(e => e.Description)));
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        PortalLog.PasswordReset(logger, user.Id, actorUserId);
        await audit.RecordAsync(actorUserId, PortalAuditActions.PasswordReset, user.Id, cancellationToken);
        return password;
    }
}

/// <summary>The new account's id, or why none was created.</summary>
public sealed record AccountCreation(string? UserId, IReadOnlyList<string> Problems)
{
    public bool Succeeded => UserId is not null;
}
