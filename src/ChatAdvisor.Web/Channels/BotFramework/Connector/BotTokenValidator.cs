using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>
/// Authenticates the bearer token on an inbound activity as the Bot Framework SDK does (see the Bot Framework authentication documentation):
/// Bot Connector tokens for channels, Emulator/AAD tokens by issuer, skill tokens refused. Throws
/// <see cref="InvalidOperationException"/> when the OpenID metadata was never obtained (answer 5xx, not 401).
/// </summary>
public sealed class BotTokenValidator
{
    private static readonly string[] s_algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotOptions _options;
    private readonly IReadOnlyList<string> _emulatorIssuers;
    private readonly OpenIdMetadataCache _metadata;
    private readonly ILogger<BotTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new();

    public BotTokenValidator(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<BotTokenValidator> logger)
    {
        _options = options.Value;
        _emulatorIssuers = _options.GetEmulatorIssuers();
        _metadata = new OpenIdMetadataCache(httpClientFactory, _options, timeProvider);
        _logger = logger;
    }

    /// <summary>
    /// Checks the request's <c>Authorization</c> header; <paramref name="channelId"/> and <paramref name="serviceUrl"/>
    /// come from the activity body and are checked against the key's endorsements and the <c>serviceurl</c> claim.
    /// </summary>
    public async Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return _options.IsAuthenticationDisabled ? BotAuthenticationResult.Anonymous : BotAuthenticationResult.Fail("No Authorization header");
        }
        if (_options.IsAuthenticationDisabled)
        {
            // The SDK validates such a token and then fails it on the app id; with no app id nothing can match.
            return BotAuthenticationResult.Fail("A token was sent but authentication is disabled (no app id configured)");
        }
        if (authorizationHeader.Split(' ') is not ["Bearer", { Length: > 0 } token])
        {
            return BotAuthenticationResult.Fail("The Authorization header is not 'Bearer <token>'");
        }
        if (!BotTokenRules.TryRead(_handler, token, out var jwt))
        {
            return BotAuthenticationResult.Fail("The token is not a readable signed JWT");
        }
        if (string.IsNullOrEmpty(jwt.EncodedSignature) || string.Equals(jwt.Alg, "none", StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Fail("The token is not signed");
        }
        if (!s_algorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return BotAuthenticationResult.Fail("The signing algorithm is not RS256, RS384 or RS512");
        }
        if (BotTokenRules.IsSkillToken(jwt, _options.ChannelIssuer))
        {
            return BotAuthenticationResult.Fail("Skill (bot-to-bot) tokens are not accepted");
        }
        // Classified on the unvalidated issuer like the SDK: the chosen rules still check signature and app id.
        return _emulatorIssuers.Contains(jwt.Issuer, StringComparer.Ordinal)
            ? await AuthenticateEmulatorAsync(token, cancellationToken)
            : await AuthenticateChannelAsync(token, channelId, serviceUrl, cancellationToken);
    }

    private async Task<BotAuthenticationResult> AuthenticateChannelAsync(string token, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var (result, metadata) = await ValidateAsync(token, _options.ChannelOpenIdMetadataUrl, [_options.ChannelIssuer], [_options.AppId!], cancellationToken);
        if (!result.IsValid)
        {
            return BotAuthenticationResult.Fail($"Channel token: {BotTokenRules.Describe(result.Exception)}");
        }
        var validated = (JsonWebToken)result.SecurityToken;
        var keyId = validated.SigningKey?.KeyId ?? validated.Kid;
        if (keyId is null || !metadata.Endorsements.TryGetValue(keyId, out var endorsements) || endorsements.Count == 0)
        {
            return BotAuthenticationResult.Fail("Channel token: the signing key has no endorsements");
        }
        // Stricter than the SDK, which lets an activity without a channelId pass: every Bot Connector activity has
        // one, and the turn code would otherwise fall back to a default channel.
        if (string.IsNullOrEmpty(channelId))
        {
            return BotAuthenticationResult.Fail("Channel token: the activity has no channelId to check against the key's endorsements");
        }
        if (!endorsements.Contains(channelId))
        {
            return BotAuthenticationResult.Fail("Channel token: the signing key is not endorsed for the activity's channel");
        }
        // Stricter than the SDK, which skips this check when the activity has no serviceUrl: the claim is what makes
        // it safe to send the bot's own token to that URL later (see the Bot Connector API documentation).
        if (!validated.TryGetPayloadValue<string>("serviceurl", out var claimedServiceUrl) || string.IsNullOrEmpty(claimedServiceUrl))
        {
            return BotAuthenticationResult.Fail("Channel token: no serviceurl claim");
        }
        if (!string.Equals(claimedServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Fail("Channel token: the serviceurl claim does not match the activity's serviceUrl");
        }
        return Success(result, validated);
    }

    private async Task<BotAuthenticationResult> AuthenticateEmulatorAsync(string token, CancellationToken cancellationToken)
    {
        var appId = _options.AppId!;
        var (result, _) = await ValidateAsync(token, _options.EmulatorOpenIdMetadataUrl, _emulatorIssuers, [appId, $"api://{appId}"], cancellationToken);
        if (!result.IsValid)
        {
            return BotAuthenticationResult.Fail($"Emulator token: {BotTokenRules.Describe(result.Exception)}");
        }
        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>("ver", out var version))
        {
            return BotAuthenticationResult.Fail("Emulator token: no 'ver' claim");
        }
        if (version is not ("" or "1.0" or "2.0"))
        {
            return BotAuthenticationResult.Fail("Emulator token: unsupported 'ver'");
        }
        if (!string.Equals(BotTokenRules.AppIdOf(jwt, version), appId, StringComparison.Ordinal))
        {
            return BotAuthenticationResult.Fail($"Emulator token: the {(version == "2.0" ? "azp" : "appid")} claim is not this bot's app id");
        }
        return Success(result, jwt);
    }

    private async Task<(TokenValidationResult Result, SigningMetadata Metadata)> ValidateAsync(
        string token, string metadataUrl, IEnumerable<string> issuers, IEnumerable<string> audiences, CancellationToken cancellationToken)
    {
        var metadata = await _metadata.GetAsync(metadataUrl, cancellationToken);
        var result = await _handler.ValidateTokenAsync(token, Parameters(metadata, issuers, audiences));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys can rotate at any time (see the Bot Framework authentication documentation): refresh once, then retry once.
            ConnectorLog.SigningKeyNotFound(_logger, metadataUrl);
            if (await _metadata.RefreshAsync(metadataUrl, metadata, cancellationToken) is { } fresh)
            {
                metadata = fresh;
                result = await _handler.ValidateTokenAsync(token, Parameters(metadata, issuers, audiences));
            }
        }
        return (result, metadata);
    }

    private TokenValidationParameters Parameters(SigningMetadata metadata, IEnumerable<string> issuers, IEnumerable<string> audiences) => new()
    {
        ValidIssuers = issuers,
        ValidAudiences = audiences,
        IssuerSigningKeys = metadata.Configuration.SigningKeys,
        // A token must name its key: endorsements are looked up by that key's id.
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = s_algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = _options.ClockSkew,
    };

    private BotAuthenticationResult Success(TokenValidationResult result, JsonWebToken token) => new()
    {
        IsAuthenticated = true,
        AppId = _options.AppId,
        Identity = result.ClaimsIdentity,
        TenantId = token.TryGetPayloadValue<string>("tid", out var tenantId) ? tenantId : null,
        CallerId = _options.CallerId,
    };
}
