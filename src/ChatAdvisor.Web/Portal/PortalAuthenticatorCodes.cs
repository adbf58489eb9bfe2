using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// Checks authenticator-app codes (RFC 6238: 30-second steps, 6 digits, HMAC-SHA1) like Identity's own provider,
/// and also refuses a code whose time step is not later than the last one accepted for the account. A code seen
/// over someone's shoulder or captured by a phishing page is then worthless once its owner has used it.
/// </summary>
public sealed class PortalAuthenticatorCodes(TimeProvider time) : IUserTwoFactorTokenProvider<Recruiter>
{
    /// <summary>The <c>LoginProvider</c> of the portal's own rows in <c>AspNetUserTokens</c>.</summary>
    public const string TokenProvider = "[ChatAdvisor]";

    public const string LastStepToken = "LastAuthenticatorStep";

    /// <summary>Two steps either way, as Identity accepts: phones whose clocks are up to a minute off still work.</summary>
    private static readonly VerificationWindow s_window = new(previous: 2, future: 2);

    public Task<string> GenerateAsync(string purpose, UserManager<Recruiter> manager, Recruiter user) =>
        Task.FromResult(string.Empty); // The app computes the codes; nothing is sent.

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Recruiter> manager, Recruiter user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Recruiter> manager, Recruiter user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, s_window))
        {
            return false;
        }
        var last = await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken);
        if (last is not null && long.Parse(last, CultureInfo.InvariantCulture) >= step)
        {
            return false;
        }
        // Saved with the account's concurrency stamp: of two requests racing with the same code, only one succeeds.
        var saved = await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }
}
