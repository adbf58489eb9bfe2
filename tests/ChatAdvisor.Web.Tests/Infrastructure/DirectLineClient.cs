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

    private int _cursor;

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

    /// <summary>Continues another client's conversation (same token), as a page reloaded after a restart would.</summary>
    public void ResumeWith(DirectLineClient other)
    {
        Token = other.Token;
        ConversationId = other.ConversationId;
        Watermark = other.Watermark;
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

    /// <summary>Sends a message with the given <paramref name="text"/>; <paramref name="clientActivityId"/> as Web Chat
    /// sets it (a new one when null), <paramref name="locale"/> the browser's language (none when null).</summary>
    public async Task<string> SayAsync(string text, string? clientActivityId = null, string? locale = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "ignored-by-server", ["name"] = "Test visitor" },
            ["text"] = text,
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
        if (locale is not null)
        {
            activity["locale"] = locale;
        }
        using var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", activity);
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
        var activities = set["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Seen.AddRange(activities);
        return activities;
    }

    /// <summary>Every activity of the conversation from its start, leaving the watermark where it was.</summary>
    public async Task<List<JsonObject>> ReadFromStartAsync()
    {
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities");
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return [.. set["activities"]!.AsArray().Select(a => a!.AsObject())];
    }

    /// <summary>Polls until a bot message replying to <paramref name="activityId"/> arrives.</summary>
    public Task<JsonObject> WaitForReplyAsync(string activityId) =>
        WaitForAsync(a => a["replyToId"]?.GetValue<string>() == activityId && a["from"]?["role"]?.GetValue<string>() == "bot");

    /// <summary>
    /// The next activity after the last one returned that matches; activities read along the way stay available
    /// to later waits, so several bot messages of one turn can be awaited one after another.
    /// </summary>
    public Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match) =>
        // A fresh host's first turn waits for the embedding model to load and the guides to be embedded; on a busy
        // 2-core machine that can take longer than a normal turn (the helper's default allows for it).
        Eventually.GetAsync(async () => NextSeen(match) ?? (await ReadAsync() is { Count: > 0 } ? NextSeen(match) : null),
            () => $"No matching activity. Seen: {string.Join(" | ", Seen.Select(a => Text(a).Replace("\n", " ", StringComparison.Ordinal)))}");

    /// <summary>Every activity read so far, in order.</summary>
    public List<JsonObject> Seen { get; } = [];

    /// <summary>Waits for the next bot message whose text matches.</summary>
    public Task<JsonObject> WaitForBotAsync(Func<string, bool> match) =>
        WaitForAsync(a => a["from"]?["role"]?.GetValue<string>() == "bot" && match(Text(a)));

    /// <summary>Says something and waits for the bot message that contains <paramref name="expected"/>.</summary>
    public async Task<JsonObject> SayAndWaitAsync(string text, string expected)
    {
        await SayAsync(text);
        return await WaitForBotAsync(t => t.Contains(expected, StringComparison.Ordinal));
    }

    /// <summary>Sends a file the way Web Chat does: multipart with an activity part and a file part.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string fileName, string contentType, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var activity = new StringContent(new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = contentType, ["name"] = fileName }),
        }.ToJsonString());
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        using var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/upload?userId=u");
        request.Content = form;
        return await http.SendAsync(request);
    }

    /// <summary>The texts of the whole conversation as the service now holds it (after any redaction).</summary>
    public async Task<List<string>> ReadAllAsync()
    {
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities");
        var set = (await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!;
        return [.. set["activities"]!.AsArray().Select(a => Text(a!.AsObject()))];
    }

    /// <summary>Asks a question and returns the bot's reply.</summary>
    public async Task<JsonObject> AskAsync(string text) => await WaitForReplyAsync(await SayAsync(text));

    public static string Text(JsonObject activity) => activity["text"]?.GetValue<string>() ?? "";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The first activity read but not yet returned that matches; moves the cursor past it.</summary>
    private JsonObject? NextSeen(Func<JsonObject, bool> match)
    {
        for (; _cursor < Seen.Count; _cursor++)
        {
            if (match(Seen[_cursor]))
            {
                return Seen[_cursor++];
            }
        }
        return null;
    }
}
