using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.DirectLine;

public sealed class DirectLineConversationTests : IClassFixture<ChatAdvisorAppFixture>
{
    private readonly HttpClient _http;

    public DirectLineConversationTests(ChatAdvisorAppFixture fixture) => _http = fixture.App.CreateClient();

    [Fact]
    public async Task StartingReturnsCreatedWithTokenAndAbsoluteStreamUrl()
    {
        var token = await IssueTokenAsync();
        using var request = Request(HttpMethod.Post, "/v3/directline/conversations", token, new JsonObject { ["user"] = new JsonObject() });
        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(string.IsNullOrEmpty(body["token"]?.GetValue<string>()));
        Assert.True(body["expires_in"]!.GetValue<int>() > 0);
        var streamUrl = new Uri(body["streamUrl"]!.GetValue<string>());
        Assert.True(streamUrl.Scheme is "ws" or "wss");
        Assert.EndsWith($"/conversations/{body["conversationId"]}/stream", streamUrl.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingAgainWithTheSameTokenReturnsTheSameConversation()
    {
        var token = await IssueTokenAsync();
        using var first = Request(HttpMethod.Post, "/v3/directline/conversations", token);
        using var second = Request(HttpMethod.Post, "/v3/directline/conversations", token);
        var a = await _http.SendAsync(first);
        var b = await _http.SendAsync(second);

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal((await a.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>(),
            (await b.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostedActivityIsEchoedWithIdServerTimestampAndClientActivityId()
    {
        var client = await DirectLineClient.StartAsync(_http);
        var id = await client.SayAsync("What does an MLOps engineer do?", "client-42");
        var reply = await client.WaitForReplyAsync(id);

        using var all = client.Request(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities");
        var set = (await (await _http.SendAsync(all)).Content.ReadFromJsonAsync<JsonObject>())!;
        var echo = set["activities"]!.AsArray().Select(a => a!.AsObject()).Single(a => a["id"]!.GetValue<string>() == id);
        Assert.Equal("client-42", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.StartsWith("dl_", echo["from"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Test visitor", echo["from"]!["name"]!.GetValue<string>());
        var echoTime = DateTime.Parse(echo["timestamp"]!.GetValue<string>(), null, System.Globalization.DateTimeStyles.RoundtripKind);
        var replyTime = DateTime.Parse(reply["timestamp"]!.GetValue<string>(), null, System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.Equal(DateTimeKind.Utc, echoTime.Kind);
        Assert.True(replyTime > echoTime, "the reply must be ordered after the message it answers");
    }

    [Fact]
    public async Task WatermarkReturnsOnlyNewerActivitiesInOrder()
    {
        var client = await DirectLineClient.StartAsync(_http);
        await client.AskAsync("What does an MLOps engineer do?");
        var before = client.Watermark;
        var second = await client.SayAsync("What skills does a machine learning engineer need?");
        await client.WaitForReplyAsync(second);

        using var request = client.Request(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities?watermark={before}");
        var set = (await (await _http.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!;
        var ids = set["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(second, ids[0]);
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.True(long.Parse(set["watermark"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > long.Parse(before, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task MalformedActivityIsRejectedWithClearErrorAndNothingStored()
    {
        var client = await DirectLineClient.StartAsync(_http);
        await client.WaitForBotAsync(t => t.Contains("AI assistant", StringComparison.Ordinal));
        using var request = client.Request(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities");
        request.Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Equal("BadArgument", error["code"]!.GetValue<string>());
        Assert.Contains("JSON", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await client.ReadAsync());
    }

    private async Task<string> IssueTokenAsync() =>
        (await (await _http.PostAsync("/api/webchat/token", null)).Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return request;
    }
}
