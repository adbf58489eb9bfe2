using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Web.Portal;

public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>
    /// Sign-in form posts (password, authenticator code, enrolment) accepted from one IP address per
    /// <see cref="SignInWindow"/>; more are answered 429. Default 10.
    /// </summary>
    [Range(1, 10_000)]
    public int SignInPermitLimit { get; set; } = 10;

    /// <summary>The window of <see cref="SignInPermitLimit"/>. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a portal session lasts without a request (sliding). Default 8 hours.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The issuer an authenticator app shows next to the account. Default <c>ChatAdvisor</c>.</summary>
    [Required]
    [RegularExpression("^[^:]+$", ErrorMessage = "Portal:AuthenticatorIssuer must not contain ':'.")]
    public string AuthenticatorIssuer { get; set; } = "ChatAdvisor";
}
