using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>
/// The bot's identity and the Bot Framework endpoints it trusts (see the Bot Framework authentication documentation). Without an
/// <see cref="AppId"/> authentication is disabled: only anonymous local requests, no outbound token.
/// Cross-field rules are in <see cref="BotOptionsValidator"/>.
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>Issuers of Emulator/AAD tokens accepted by the Bot Framework SDK (see the Bot Framework authentication documentation).</summary>
    public static readonly IReadOnlyList<string> DefaultEmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    /// <summary>Default <see cref="BotAppType.MultiTenant"/>.</summary>
    public BotAppType AppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>Microsoft App ID (or the managed identity's client id). Empty disables authentication.</summary>
    public string? AppId { get; set; }

    /// <summary>Client secret; a secret, so set it from the environment or user-secrets.</summary>
    public string? AppPassword { get; set; }

    /// <summary>PFX file with the app's certificate, instead of a password. Optional.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/>; a secret. Optional.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Thumbprint of a certificate in the CurrentUser or LocalMachine "My" store, instead of a file. Optional.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>The bot's Entra tenant; required for single-tenant and managed-identity bots.</summary>
    public string? TenantId { get; set; }

    /// <summary>OpenID metadata of Bot Connector tokens. Default the public cloud's.</summary>
    [Required, Url]
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Exact <c>iss</c> of Bot Connector tokens. Default <c>https://api.botframework.com</c>.</summary>
    [Required]
    public string ChannelIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>OpenID metadata of Emulator/AAD tokens. Default the AAD common v2.0 document, as the SDK uses.</summary>
    [Required, Url]
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// Issuers classified and accepted as Emulator/AAD tokens. When set, replaces <see cref="DefaultEmulatorIssuers"/>
    /// (a list is nullable here because the configuration binder appends to, rather than replaces, a default list).
    /// </summary>
    public IList<string>? EmulatorIssuers { get; set; }

    /// <summary>
    /// Authority for the bot's outbound token. Default <c>https://login.microsoftonline.com/botframework.com</c>,
    /// or <c>https://login.microsoftonline.com/{TenantId}</c> for a single-tenant bot.
    /// </summary>
    [Url]
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>Scope of the outbound token. Default <c>https://api.botframework.com/.default</c>.</summary>
    [Required]
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Caller id stamped on authenticated activities. Default <c>urn:botframework:azure</c>.</summary>
    [Required]
    public string CallerId { get; set; } = "urn:botframework:azure";

    /// <summary>
    /// Accept token-less requests on <c>/api/messages</c> from this machine (loopback) while no app id is set, for
    /// the Bot Framework Emulator or the Agents Playground. Default false: nothing is accepted without a token.
    /// </summary>
    public bool AllowAnonymousLocalRequests { get; set; }

    /// <summary>Refuse metadata over plain HTTP. Default true; only loopback tests turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerance on token lifetimes. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of each metadata, token and connector HTTP request. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(AppId);

    public bool HasCertificate => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificateThumbprint);

    /// <summary>
    /// Emulator/AAD issuers in effect: the configured or default list, plus the v1 and v2 issuers of the bot's own
    /// tenant for single-tenant and managed-identity bots (pinned from configuration, not taken from the token).
    /// </summary>
    public IReadOnlyList<string> GetEmulatorIssuers()
    {
        var issuers = (IEnumerable<string>?)EmulatorIssuers ?? DefaultEmulatorIssuers;
        if (AppType != BotAppType.MultiTenant && !string.IsNullOrWhiteSpace(TenantId))
        {
            issuers = issuers.Concat([$"https://sts.windows.net/{TenantId}/", $"https://login.microsoftonline.com/{TenantId}/v2.0"]);
        }
        return [.. issuers.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The authority for <see cref="ToChannelFromBotOAuthScope"/> tokens (see the Bot Connector API documentation).</summary>
    public string GetToChannelFromBotAuthority() =>
        !string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl) ? ToChannelFromBotLoginUrl
        : AppType == BotAppType.MultiTenant ? "https://login.microsoftonline.com/botframework.com"
        : $"https://login.microsoftonline.com/{TenantId}";
}
