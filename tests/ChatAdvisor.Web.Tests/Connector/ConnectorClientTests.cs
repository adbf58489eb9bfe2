using System.Net;
using System.Text.Json;
using ChatAdvisor.Web.Channels.BotFramework.Connector;
using ChatAdvisor.Web.Bot.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>Sending to a loopback Bot Connector (see the Bot Connector API documentation), with tokens from a loopback endpoint.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string TeamsConversationId = "19:abc@thread.tacv2;messageid=1481567603816";
    private const string EscapedConversationId = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1481567603816";

    private TokenServer _tokens = null!;
    private ConnectorSink _sink = null!;

    public async Task InitializeAsync()
    {
        _tokens = await TokenServer.StartAsync();
        _sink = await ConnectorSink.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        await _tokens.DisposeAsync();
    }

    [Fact]
    public async Task ReplyIsPostedUnderTheInboundActivityWithTheBotsToken()
    {
        using var host = CreateHost(ConnectorTestHost.Settings());
        var activity = Reply(_sink.ServiceUrl) with
        {
            Id = "set-by-mistake",
            Timestamp = DateTime.UtcNow,
            Extra = new() { ["callerId"] = JsonSerializer.SerializeToElement("urn:botframework:azure"), ["custom"] = JsonSerializer.SerializeToElement(1) },
        };

        var id = await Client(host).SendAsync(activity, default);

        Assert.Equal("posted-1", id);
        var request = Assert.Single(_sink.Server.Requests);
        Assert.Equal($"POST /amer/v3/conversations/{EscapedConversationId}/activities/1481567603816%3A1", $"{request.Method} {request.PathAndQuery}");
        Assert.Equal("Bearer token-1", request.Headers["Authorization"]);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.Equal("hello", root.GetProperty("text").GetString());
        Assert.Equal(TeamsConversationId, root.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal(1, root.GetProperty("custom").GetInt32());
        Assert.False(root.TryGetProperty("id", out _));
        Assert.False(root.TryGetProperty("timestamp", out _));
        Assert.False(root.TryGetProperty("callerId", out _));
    }

    [Fact]
    public async Task ActivityWithoutReplyToIdIsPostedToTheConversation()
    {
        using var host = CreateHost(ConnectorTestHost.Settings());

        await Client(host).SendAsync(Reply(_sink.ServiceUrl + "/") with { ReplyToId = null }, default);

        Assert.Equal($"/amer/v3/conversations/{EscapedConversationId}/activities", Assert.Single(_sink.Server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task UpdateReplacesTheActivityUnderItsId()
    {
        using var host = CreateHost(ConnectorTestHost.Settings());

        await Client(host).UpdateAsync(Reply(_sink.ServiceUrl) with { Id = "1:2" }, default);

        var request = Assert.Single(_sink.Server.Requests);
        Assert.Equal($"PUT /amer/v3/conversations/{EscapedConversationId}/activities/1%3A2", $"{request.Method} {request.PathAndQuery}");
        Assert.Equal("1:2", JsonDocument.Parse(request.Body).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ThrottledSendWaitsForRetryAfterAndIsPostedOnce()
    {
        using var host = CreateHost(ConnectorTestHost.Settings());
        _sink.Then(new SinkAnswer(429, RetryAfter: "1"));
        var started = TimeProvider.System.GetTimestamp();

        var id = await Client(host).SendAsync(Reply(_sink.ServiceUrl), default);

        Assert.Equal("posted-1", id);
        Assert.Equal(2, _sink.Server.Requests.Count);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {elapsed}");
    }

    [Fact]
    public async Task ThrottlingLongerThanTheRetryBudgetIsSurfacedAtOnce()
    {
        using var host = CreateHost(ConnectorTestHost.Settings());
        _sink.Then(new SinkAnswer(429, RetryAfter: "3600"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Client(host).SendAsync(Reply(_sink.ServiceUrl), default));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(_sink.Server.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task ServerErrorIsNotRetriedBecauseTheMessageMayHaveBeenPosted(int status)
    {
        using var host = CreateHost(ConnectorTestHost.Settings());
        _sink.Then(new SinkAnswer(status, """{"error":{"code":"ServiceError","message":"x"}}"""));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Client(host).SendAsync(Reply(_sink.ServiceUrl), default));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(_sink.Server.Requests);
    }

    [Fact]
    public async Task TimeoutIsNotRetried()
    {
        var settings = ConnectorTestHost.Settings();
        settings["Bot:HttpTimeout"] = "00:00:01";
        using var host = CreateHost(settings);
        // The connector never answers, so only the client's own timeout can end the send.
        _sink.Then(new SinkAnswer(201, """{"id":"late"}""", Until: SinkAnswer.Never));

        await Assert.ThrowsAsync<TimeoutException>(() => Client(host).SendAsync(Reply(_sink.ServiceUrl), default));

        Assert.Single(_sink.Server.Requests);
    }

    [Fact]
    public async Task RefusedTokenIsReplacedOnceWithAFreshOne()
    {
        using var host = CreateHost(ConnectorTestHost.Settings());
        _sink.Then(new SinkAnswer(401));

        Assert.Equal("posted-1", await Client(host).SendAsync(Reply(_sink.ServiceUrl), default));

        Assert.Equal(["Bearer token-1", "Bearer token-2"], _sink.Server.Requests.Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task UntrustedServiceUrlIsRefusedWithoutAnyRequest()
    {
        using var host = CreateHost(ConnectorTestHost.Settings(), trust: false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Client(host).SendAsync(Reply(_sink.ServiceUrl), default));

        Assert.Empty(_sink.Server.Requests);
        Assert.Empty(_tokens.Server.Requests);
    }

    [Fact]
    public async Task NoAuthorizationHeaderWhenAuthenticationIsDisabled()
    {
        using var host = CreateHost(new Dictionary<string, string?>());

        await Client(host).SendAsync(Reply(_sink.ServiceUrl), default);

        Assert.False(Assert.Single(_sink.Server.Requests).Headers.ContainsKey("Authorization"));
        Assert.Empty(_tokens.Server.Requests);
    }

    private static ConnectorClient Client(IHost host) => host.Services.GetRequiredService<ConnectorClient>();

    private static Activity Reply(string serviceUrl) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "28:bot", Name = "ChatAdvisor" },
        Recipient = new ChannelAccount { Id = "29:user" },
        Conversation = new ConversationAccount { Id = TeamsConversationId },
        ReplyToId = "1481567603816:1",
        Text = "hello",
    };

    private IHost CreateHost(Dictionary<string, string?> settings, bool trust = true)
    {
        var host = ConnectorTestHost.Create(settings, services => services.AddHttpClient(MsalHttpClientFactory.HttpClientName)
            .AddHttpMessageHandler(() => new LoopbackRedirectHandler(_tokens.Server.BaseAddress)));
        if (trust)
        {
            host.Services.GetRequiredService<TrustedServiceUrls>().Add(_sink.ServiceUrl);
        }
        return host;
    }
}
