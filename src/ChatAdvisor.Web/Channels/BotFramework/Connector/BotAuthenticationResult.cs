using System.Security.Claims;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>
/// The outcome of checking an inbound request's bearer token. <see cref="Reason"/> is for logs: it names the
/// failed rule and never carries token content.
/// </summary>
public sealed record BotAuthenticationResult
{
    public required bool IsAuthenticated { get; init; }

    /// <summary>True for the request without a token that is accepted only while authentication is disabled.</summary>
    public bool IsAnonymous { get; init; }

    public string? Reason { get; init; }

    /// <summary>The bot's app id the token was issued for (its audience); null when anonymous.</summary>
    public string? AppId { get; init; }

    public ClaimsIdentity? Identity { get; init; }

    /// <summary>The token's <c>tid</c> claim, when it has one.</summary>
    public string? TenantId { get; init; }

    /// <summary>Set on the activity as <c>callerId</c> after success; null when anonymous.</summary>
    public string? CallerId { get; init; }

    internal static BotAuthenticationResult Anonymous { get; } = new() { IsAuthenticated = true, IsAnonymous = true, Reason = "No token; authentication is disabled" };

    internal static BotAuthenticationResult Fail(string reason) => new() { IsAuthenticated = false, Reason = reason };
}
