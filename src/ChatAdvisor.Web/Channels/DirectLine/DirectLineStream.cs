using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using ChatAdvisor.Conversations;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// The activity stream: a WebSocket pre-authorised by the token in its URL. It replays what the client has not
/// seen (after the watermark) and then pushes each new activity as an ActivitySet text frame.
/// </summary>
internal static class DirectLineStream
{
    public static string StreamUrl(HttpRequest request, string conversationId, string token, long? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}{DirectLineEndpoints.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is null ? url : url + "&watermark=" + watermark.Value.ToString(CultureInfo.InvariantCulture);
    }

    public static async Task<IResult> AcceptAsync(string conversationId, string? t, string? watermark, HttpContext context,
        DirectLineTokens tokens, DirectLineChannel channel, ConversationHub hub, IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return ErrorResponse.Problem(StatusCodes.Status400BadRequest, "BadArgument", "This endpoint only accepts WebSocket connections.");
        }
        var (_, failure) = await DirectLineAuth.AuthenticateAsync(context, tokens, conversationId, t);
        if (failure is not null)
        {
            return failure;
        }
        if (!DirectLineEndpoints.TryParseWatermark(watermark, out var sent))
        {
            return ErrorResponse.Problem(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not one this service issued.");
        }
        if (!await channel.ExistsAsync(conversationId, cancellationToken))
        {
            return ErrorResponse.Problem(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist.");
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        // Subscribe before replaying so nothing stored in between is missed; duplicates are skipped by sequence.
        using var subscription = hub.Subscribe(conversationId);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = DrainAsync(socket, closed);
        try
        {
            sent = await ReplayAsync(socket, channel, conversationId, sent, closed.Token);
            await PushAsync(socket, subscription, channel, conversationId, sent, options.Value.KeepAliveInterval, closed.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or the host is stopping.
        }
        await closed.CancelAsync();
        await reading;
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", CancellationToken.None);
        }
        return Results.Empty;
    }

    private static async Task<long> ReplayAsync(WebSocket socket, DirectLineChannel channel, string conversationId, long sent, CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await channel.ListAfterAsync(conversationId, sent, cancellationToken);
            if (batch.Count == 0)
            {
                return sent;
            }
            await SendAsync(socket, ActivitySet.Serialize(batch, batch[^1].Sequence), cancellationToken);
            sent = batch[^1].Sequence;
        }
    }

    private static async Task PushAsync(WebSocket socket, ConversationHub.Subscription subscription, DirectLineChannel channel,
        string conversationId, long sent, TimeSpan keepAlive, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(keepAlive);
            TranscriptActivity next;
            try
            {
                next = await subscription.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await SendAsync(socket, "", cancellationToken);
                continue;
            }
            if (next.Sequence <= sent)
            {
                continue;
            }
            if (next.Sequence > sent + 1)
            {
                // A gap (this process missed a push, or another host stored it): fill it from the store.
                sent = await ReplayAsync(socket, channel, conversationId, sent, cancellationToken);
                continue;
            }
            await SendAsync(socket, ActivitySet.Serialize([next], next.Sequence), cancellationToken);
            sent = next.Sequence;
        }
    }

    /// <summary>Reads and ignores client frames (pings are empty frames) until the client closes.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed either way.
        }
        await closed.CancelAsync();
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
}
