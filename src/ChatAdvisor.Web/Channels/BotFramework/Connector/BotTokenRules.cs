using System.Diagnostics.CodeAnalysis;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>Claim-level rules shared by the token paths (see the Bot Framework authentication documentation).</summary>
internal static class BotTokenRules
{
    public static bool TryRead(JsonWebTokenHandler handler, string token, [NotNullWhen(true)] out JsonWebToken? jwt)
    {
        jwt = null;
        if (!handler.CanReadToken(token))
        {
            return false;
        }
        try
        {
            jwt = handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return false;
        }
        // Bot Framework tokens are signed JWS; an encrypted token is not one of them.
        return !jwt.IsEncrypted;
    }

    /// <summary>
    /// A skill (bot-to-bot) token: has a <c>ver</c>, an audience other than the channel issuer, and an app id that
    /// differs from that audience. Unlike the SDK, <c>api://X</c> counts as audience X, so an Emulator token for
    /// the <c>api://</c> form of the bot's own id is not mistaken for a skill token.
    /// </summary>
    public static bool IsSkillToken(JsonWebToken jwt, string channelIssuer)
    {
        if (!jwt.TryGetPayloadValue<string>("ver", out var version) || string.IsNullOrWhiteSpace(version))
        {
            return false;
        }
        var audience = jwt.Audiences.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(audience) || string.Equals(audience, channelIssuer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var appId = AppIdOf(jwt, version);
        var audienceAppId = audience.StartsWith("api://", StringComparison.OrdinalIgnoreCase) ? audience["api://".Length..] : audience;
        return !string.IsNullOrWhiteSpace(appId) && appId != audienceAppId;
    }

    /// <summary>The caller's app id: <c>appid</c> in v1.0 (or unversioned) tokens, <c>azp</c> in v2.0 ones.</summary>
    public static string? AppIdOf(JsonWebToken jwt, string? version)
    {
        var claim = version switch
        {
            null or "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        return claim is not null && jwt.TryGetPayloadValue<string>(claim, out var appId) ? appId : null;
    }

    /// <summary>The failed rule, without the exception message (which may quote the token).</summary>
    public static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => "the issuer is not accepted",
        SecurityTokenInvalidAudienceException => "the audience is not this bot's app id",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not yet valid",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidAlgorithmException => "the signing algorithm is not accepted",
        SecurityTokenSignatureKeyNotFoundException => "the signing key is not in the OpenID metadata",
        SecurityTokenInvalidSignatureException => "the signature is invalid",
        SecurityTokenMalformedException => "the token is malformed",
        null => "the token is invalid",
        _ => $"the token is invalid ({exception.GetType().Name})",
    };
}
