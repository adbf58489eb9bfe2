using System.Net;
using System.Text.Json;
using ChatAdvisor.Web.Bot.Connector;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>, where Azure Bot Service delivers activities (protocol notes 2.1): authenticate,
/// trust the serviceUrl, acknowledge at once and answer in the background. Without a configured app id only
/// loopback callers without a token are accepted (the Emulator and the Agents Playground on this machine).
/// </summary>
public static partial class MessagingEndpoint
{
    public const string Path = "/api/messages";

    public static IEndpointRouteBuilder MapMessaging(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, BotTokenValidator validator, TrustedServiceUrls trusted,
        BotFrameworkChannel channel, ILogger<BotFrameworkChannel> logger, CancellationToken cancellationToken)
    {
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(context.Request.Body, ActivityJson.Default.Activity, cancellationToken);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return Results.BadRequest();
        }
        var auth = await validator.AuthenticateAsync(context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            activity.ChannelId, activity.ServiceUrl, cancellationToken);
        if (!auth.IsAuthenticated || (auth.IsAnonymous && !IsLoopback(context)))
        {
            Refused(logger, auth.IsAuthenticated ? "anonymous request from another machine" : auth.Reason ?? "unknown");
            return Results.Unauthorized();
        }
        // Only now may replies (and the bot's token) go to this serviceUrl (protocol notes 3.3).
        trusted.Add(activity.ServiceUrl);
        return await channel.ReceiveAsync(activity, cancellationToken);
    }

    /// <summary>Loopback, or a local socket without an IP address (Unix sockets, the in-process test server).</summary>
    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address);

    [LoggerMessage(310, LogLevel.Warning, "Refused a request on /api/messages: {Reason}")]
    private static partial void Refused(ILogger logger, string reason);
}
