using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>
/// Sends activities to a channel's Bot Connector REST API (see the Bot Connector API documentation): a typed <see cref="HttpClient"/>
/// whose retries for 429/503 are in <see cref="ConnectorResilience"/>. Sends only to
/// <see cref="TrustedServiceUrls"/>, with the bot's token unless authentication is disabled.
/// </summary>
public sealed class ConnectorClient(HttpClient httpClient, BotTokenProvider tokens, TrustedServiceUrls trustedServiceUrls, ILogger<ConnectorClient> logger)
{
    /// <summary>
    /// Posts <paramref name="activity"/> to its conversation: as a reply to <see cref="Activity.ReplyToId"/> when
    /// set. Returns the id the channel gave it (may be empty, e.g. for typing). Throws
    /// <see cref="InvalidOperationException"/> for an untrusted serviceUrl and <see cref="HttpRequestException"/>
    /// (with the status) when the channel refuses it.
    /// </summary>
    public Task<string> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{ConversationIdOf(activity)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += $"/{Uri.EscapeDataString(activity.ReplyToId)}";
        }
        // Ids and timestamps are the channel's to assign; callerId is for inbound activities only (spec 1.6).
        return SendAsync(HttpMethod.Post, activity, path, activity with { Id = null, Timestamp = null, Extra = WithoutCallerId(activity.Extra) }, cancellationToken);
    }

    /// <summary>Replaces the activity with id <see cref="Activity.Id"/> (<c>PUT .../activities/{id}</c>).</summary>
    public Task<string> UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activity.Id);
        var path = $"v3/conversations/{ConversationIdOf(activity)}/activities/{Uri.EscapeDataString(activity.Id)}";
        return SendAsync(HttpMethod.Put, activity, path, activity with { Timestamp = null, Extra = WithoutCallerId(activity.Extra) }, cancellationToken);
    }

    private async Task<string> SendAsync(HttpMethod method, Activity activity, string path, Activity body, CancellationToken cancellationToken)
    {
        var serviceUrl = activity.ServiceUrl;
        if (!trustedServiceUrls.IsTrusted(serviceUrl))
        {
            // Never hand the bot's token to a URL that no authenticated activity vouched for (see the Bot Connector API documentation).
            throw new InvalidOperationException("The activity's serviceUrl is not trusted; only serviceUrls of authenticated activities are.");
        }
        var uri = new Uri((serviceUrl!.EndsWith('/') ? serviceUrl : serviceUrl + "/") + path, UriKind.Absolute);
        var json = ActivityJson.Serialize(body);
        using var response = await SendWithTokenAsync(method, uri, json, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var correlationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
            ConnectorLog.SendFailed(logger, method.Method, (int)response.StatusCode, uri.Host, correlationId);
            throw new HttpRequestException($"The connector answered {(int)response.StatusCode} to {method.Method} activities.", null, response.StatusCode);
        }
        return await ReadIdAsync(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpMethod method, Uri uri, string json, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(forceRefresh: false, cancellationToken);
        var response = await SendOnceAsync(method, uri, json, token, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || token is null)
        {
            return response;
        }
        // A 401 means the token was refused before anything was posted: retry once with a fresh one.
        response.Dispose();
        ConnectorLog.TokenRefused(logger, uri.Host);
        token = await tokens.GetTokenAsync(forceRefresh: true, cancellationToken);
        return await SendOnceAsync(method, uri, json, token, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, string json, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        try
        {
            return await httpClient.SendAsync(request, cancellationToken);
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new TimeoutException("The connector did not answer in time; not retried, the activity may have been posted.", e);
        }
    }

    private static async Task<string> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        using var document = JsonDocument.Parse(text);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : "";
    }

    private static string ConversationIdOf(Activity activity)
    {
        var conversationId = activity.Conversation?.Id;
        ArgumentException.ThrowIfNullOrEmpty(conversationId, "activity.Conversation.Id");
        return Uri.EscapeDataString(conversationId);
    }

    private static Dictionary<string, JsonElement>? WithoutCallerId(Dictionary<string, JsonElement>? extra) =>
        extra?.Keys.Any(k => k.Equals("callerId", StringComparison.OrdinalIgnoreCase)) == true
            ? extra.Where(p => !p.Key.Equals("callerId", StringComparison.OrdinalIgnoreCase)).ToDictionary()
            : extra;
}
