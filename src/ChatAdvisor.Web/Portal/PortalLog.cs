namespace ChatAdvisor.Web.Portal;

/// <summary>Portal sign-in events. Users are named by id only: no email addresses, never a password or code.</summary>
internal static partial class PortalLog
{
    [LoggerMessage(5001, LogLevel.Information, "Portal user {UserId} signed in ({Method})")]
    public static partial void SignedIn(ILogger logger, string userId, string method);

    [LoggerMessage(5002, LogLevel.Warning, "Portal sign-in failed for user {UserId} at step {Step}")]
    public static partial void SignInFailed(ILogger logger, string userId, string step);

    [LoggerMessage(5003, LogLevel.Warning, "Portal sign-in failed: no account has the address given")]
    public static partial void UnknownAccount(ILogger logger);

    [LoggerMessage(5004, LogLevel.Warning, "Portal user {UserId} is locked out")]
    public static partial void LockedOut(ILogger logger, string userId);

    [LoggerMessage(5005, LogLevel.Information, "Portal user {UserId} enrolled an authenticator app")]
    public static partial void TwoFactorEnrolled(ILogger logger, string userId);

    [LoggerMessage(5006, LogLevel.Information, "Portal user {UserId} signed out")]
    public static partial void SignedOut(ILogger logger, string userId);

    [LoggerMessage(5007, LogLevel.Information, "Portal account {UserId} created with role {Role}")]
    public static partial void AccountCreated(ILogger logger, string userId, string role);

    [LoggerMessage(5008, LogLevel.Warning, "A portal request arrived over plain HTTP and was refused. Serve the portal over HTTPS; "
        + "behind a proxy that ends TLS, have it send X-Forwarded-Proto and make it a known proxy (ForwardedHeadersOptions)")]
    public static partial void NotHttps(ILogger logger);

    [LoggerMessage(5009, LogLevel.Warning, "Portal account {UserId} had its authenticator reset by {ActorUserId}; its sessions have ended")]
    public static partial void AuthenticatorReset(ILogger logger, string userId, string actorUserId);

    [LoggerMessage(5010, LogLevel.Information, "Encrypted {Count} authenticator keys and recovery-code lists stored in clear text by an earlier version")]
    public static partial void TokensProtected(ILogger logger, int count);

    [LoggerMessage(5011, LogLevel.Information, "Portal user {UserId} changed their password; their other sessions have ended")]
    public static partial void PasswordChanged(ILogger logger, string userId);

    [LoggerMessage(5012, LogLevel.Warning, "Portal account {UserId} was given a new password by {ActorUserId}; its sessions have ended")]
    public static partial void PasswordReset(ILogger logger, string userId, string actorUserId);
}
