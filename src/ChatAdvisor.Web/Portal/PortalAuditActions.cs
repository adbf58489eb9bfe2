namespace ChatAdvisor.Web.Portal;

/// <summary>The <c>action</c> values of <c>portal_audit</c>.</summary>
public static class PortalAuditActions
{
    public const string AccountCreated = "account-created";

    /// <summary>Password and second factor accepted; the subject is how (<c>authenticator</c>, <c>recovery-code</c>, <c>enrolment</c>).</summary>
    public const string SignIn = "sign-in";

    /// <summary>A wrong password, authenticator code or recovery code; the subject says which step.</summary>
    public const string SignInFailed = "sign-in-failed";

    /// <summary>The failed attempt that locked the account, or any attempt while it is locked.</summary>
    public const string LockedOut = "locked-out";

    public const string TwoFactorEnrolled = "two-factor-enrolled";

    public const string SignOut = "sign-out";

    /// <summary>An admin removed an account's authenticator app and recovery codes; the subject is that account's id.</summary>
    public const string AuthenticatorReset = "authenticator-reset";

    /// <summary>An account changed its own password; the subject is empty.</summary>
    public const string PasswordChanged = "password-changed";

    /// <summary>An admin gave an account a new one-time password; the subject is that account's id.</summary>
    public const string PasswordReset = "password-reset";
}
