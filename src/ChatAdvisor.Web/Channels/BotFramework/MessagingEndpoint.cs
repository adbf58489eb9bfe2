using System.Net;
using ChatAdvisor.Conversations;
using ChatAdvisor.Web.Channels.BotFramework.Connector;
using ChatAdvisor.Web.Bot.Protocol;
using ChatAdvisor.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>, where Azure Bot Service delivers activities (see the Bot Framework authentication documentation): authenticate,
/// trust the serviceUrl, acknowledge at once and answer in the background. Token-less requests are accepted only
/// when <see cref="BotOptions.AllowAnonymousLocalRequests"/> is on, no app id is set and the caller is on this
/// machine (the Emulator and the Agents Playground), and even then never into a Direct Line conversation.
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
        BotFrameworkChannel channel, ConversationStore conversations, IOptions<BotOptions> options, IOptions<InputLimitsOptions> limits,
        ILogger<BotFrameworkChannel> logger, CancellationToken cancellationToken)
    {
        var (activity, problem, status) = await ActivityInput.ReadAsync(context.Request.Body, context.Request.ContentLength, limits.Value, cancellationToken);
        if (activity is null)
        {
            return Results.Problem(statusCode: status, detail: problem);
        }
        var auth = await validator.AuthenticateAsync(context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            activity.ChannelId, activity.ServiceUrl, cancellationToken);
        if (!auth.IsAuthenticated || (auth.IsAnonymous && !(options.Value.AllowAnonymousLocalRequests && IsLoopback(context))))
        {
            Refused(logger, auth.IsAuthenticated ? "token-less request (Bot:AllowAnonymousLocalRequests is off, or not from this machine)" : auth.Reason ?? "unknown");
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "A valid Bot Framework token is required.");
        }
        if (auth.IsAnonymous && await IsDirectLineAsync(activity, conversations, cancellationToken))
        {
            Refused(logger, "a token-less request addressed a Direct Line conversation");
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "Direct Line conversations cannot be addressed here.");
        }
        // Only now may replies (and the bot's token) go to this serviceUrl (see the Bot Connector API documentation).
        trusted.Add(activity.ServiceUrl);
        return await channel.ReceiveAsync(activity with { FromAuthenticatedChannel = !auth.IsAnonymous }, cancellationToken);
    }

    private static async Task<bool> IsDirectLineAsync(Activity activity, ConversationStore conversations, CancellationToken cancellationToken) =>
        string.Equals(activity.ChannelId, ChannelIds.DirectLine, StringComparison.OrdinalIgnoreCase)
        || (activity.Conversation?.Id is { Length: > 0 } id && await conversations.FindAsync(id, cancellationToken) is { } existing
            && string.Equals(existing.ChannelId, ChannelIds.DirectLine, StringComparison.OrdinalIgnoreCase));

    /// <summary>Loopback, or a local socket without an IP address (Unix sockets, the in-process test server).</summary>
    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address);

    [LoggerMessage(3251, LogLevel.Warning, "Refused a request on /api/messages: {Reason}")]
    private static partial void Refused(ILogger logger, string reason);
}
