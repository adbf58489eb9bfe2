using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.DirectLine;

/// <summary>Which channel may send what: visitors cannot send administrative events, local token-less calls cannot reach Direct Line.</summary>
public sealed class ChannelRuleTests : IDisposable
{
    private readonly ChatAdvisorApp _app = new();
    private readonly HttpClient _http;

    public ChannelRuleTests() => _http = _app.CreateClient();

    [Theory]
    [InlineData("installationUpdate", "remove")]
    [InlineData("conversationUpdate", null)]
    [InlineData("endOfConversation", null)]
    public async Task VisitorCannotSendAdministrativeEventsAndKeepsTheTranscript(string type, string? action)
    {
        var client = await DirectLineClient.StartAsync(_http);
        await client.AskAsync("What does an MLOps engineer do?");

        using var request = client.Request(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities",
            new JsonObject { ["type"] = type, ["action"] = action, ["from"] = new JsonObject { ["id"] = "x" } });
        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("What does an MLOps engineer do?", await client.ReadAllAsync());
    }

    [Theory]
    [InlineData("directline", false)]
    [InlineData("emulator", true)]
    [InlineData("msteams", true)]
    public async Task TokenLessLocalCallCannotAddressADirectLineConversation(string channelId, bool useExistingConversation)
    {
        var client = await DirectLineClient.StartAsync(_http);
        await client.AskAsync("What does an MLOps engineer do?");
        var target = useExistingConversation ? client.ConversationId : "some-direct-line-conversation";

        var response = await _http.PostAsJsonAsync("/api/messages", new JsonObject
        {
            ["type"] = "installationUpdate",
            ["action"] = "remove",
            ["id"] = "a1",
            ["channelId"] = channelId,
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["conversation"] = new JsonObject { ["id"] = target },
            ["from"] = new JsonObject { ["id"] = "intruder" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("What does an MLOps engineer do?", await client.ReadAllAsync());
    }

    [Fact]
    public async Task TokenLessRequestsAreRefusedUnlessExplicitlyAllowed()
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?> { ["Bot:AllowAnonymousLocalRequests"] = "false" });
        using var http = app.CreateClient();

        var response = await http.PostAsJsonAsync("/api/messages", new JsonObject
        {
            ["type"] = "message",
            ["text"] = "hello",
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["conversation"] = new JsonObject { ["id"] = "c1" },
            ["from"] = new JsonObject { ["id"] = "u1" },
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }
}
