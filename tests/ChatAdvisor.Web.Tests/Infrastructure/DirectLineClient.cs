using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatAdvisor.Web.Tests.Infrastructure;

/// <summary>A plain HTTP Direct Line client for tests: start a conversation, post, poll until replies arrive.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public string Token { get; private set; } = "";

    public string ConversationId { get; private set; } = "";

    public string StreamUrl { get; private set; } = "";

    public string Watermark { get; private set; } = "";

    public static async Task<DirectLineClient> StartAsync(HttpClient http)
    {
        var client = new DirectLineClient(http);
        var issued = await http.PostAsync("/api/webchat/token", null);
        issued.EnsureSuccessStatusCode();
        client.Token = (await issued.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var start = client.Request(HttpMethod.Post, "/v3/directline/conversations", new JsonObject { ["user"] = new JsonObject() });
        var started = await http.SendAsync(start);
        started.EnsureSuccessStatusCode();
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        client.ConversationId = body["conversationId"]!.GetValue<string>();
        client.Token = body["token"]!.GetValue<string>();
        client.StreamUrl = body["streamUrl"]!.GetValue<string>();
        return client;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, JsonNode? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return request;
    }

    public async Task<string> SayAsync(string text, string? clientActivityId = null)
    {
        using var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "ignored-by-server", ["name"] = "Test visitor" },
            ["text"] = text,
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>Activities after the current watermark; advances it.</summary>
    public async Task<List<JsonObject>> ReadAsync()
    {
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={Watermark}");
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Watermark = set["watermark"]?.GetValue<string>() ?? Watermark;
        return [.. set["activities"]!.AsArray().Select(a => a!.AsObject())];
    }

    /// <summary>Polls until a bot message replying to <paramref name="activityId"/> arrives (or 10 s pass).</summary>
    public async Task<JsonObject> WaitForReplyAsync(string activityId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var activity in await ReadAsync())
            {
                if (activity["replyToId"]?.GetValue<string>() == activityId && activity["from"]?["role"]?.GetValue<string>() == "bot")
                {
                    return activity;
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No reply to {activityId} within 10 s.");
    }

    /// <summary>Asks a question and returns the bot's reply.</summary>
    public async Task<JsonObject> AskAsync(string text) => await WaitForReplyAsync(await SayAsync(text));

    public static string Text(JsonObject activity) => activity["text"]?.GetValue<string>() ?? "";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
