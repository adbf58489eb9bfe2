using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatAdvisor.Web.Channels.BotFramework;
using ChatAdvisor.Web.Channels.BotFramework.Connector;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>
/// <c>POST /api/messages</c> on the real host (see the Bot Framework authentication documentation): Bot Connector tokens checked against loopback
/// metadata, the answer sent in the background to the activity's serviceUrl (a loopback connector) with the bot's
/// token from a loopback token endpoint, redeliveries answered once, invokes answered in the HTTP response.
/// </summary>
public sealed partial class MessagingEndpointTests(BotServiceFixture bot) : IClassFixture<BotServiceFixture>, IAsyncLifetime
{
    private const string Question = "What does an MLOps engineer do?";

    private ConnectorSink _sink = null!;

    public async Task InitializeAsync() => _sink = await ConnectorSink.StartAsync();

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task TeamsQuestionIsAcknowledgedAtOnceAndAnsweredThroughTheConnectorWithTheBotsToken()
    {
        var chat = new TeamsWireChat(_sink.ServiceUrl);
        var question = chat.Message(Question);
        var questionId = question["id"]!.GetValue<string>();
        // The connector holds the answer until the test has the acknowledgement: an endpoint that waited for the
        // answer to be delivered would never acknowledge.
        var delivery = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _sink.Then(new SinkAnswer(StatusCodes.Status201Created, """{"id":"answer-1"}""", Until: delivery.Task));

        var posting = bot.PostAsync(question);
        await Eventually.HoldsAsync(() => posting.IsCompleted, () => "No acknowledgement while the connector holds the answer: the endpoint waits for the delivery.");
        using var response = await posting;
        delivery.SetResult();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _sink.WaitForPostsAsync(1));
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(chat.Id)}/activities/{questionId}", reply.PathAndQuery);
        Assert.Matches(BotTokenPattern(), reply.Headers["Authorization"]);
        var tokenRequest = Assert.Single(bot.Tokens.Server.Requests, r => r.PathAndQuery == "/botframework.com/oauth2/v2.0/token");
        Assert.Equal(TestTokens.AppId, TokenServer.Form(tokenRequest)["client_id"]);

        var body = reply.Json();
        Assert.Equal("message", body["type"]?.GetValue<string>());
        Assert.Equal(questionId, body["replyToId"]?.GetValue<string>());
        Assert.Equal(chat.Id, body["conversation"]?["id"]?.GetValue<string>());
        Assert.Equal(chat.UserId, body["recipient"]?["id"]?.GetValue<string>());
        Assert.Equal(BotServiceFixture.BotId, body["from"]?["id"]?.GetValue<string>());
        Assert.Contains("[1]", reply.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("cite:", reply.Text(), StringComparison.Ordinal);
        var message = Assert.Single(body["entities"]!.AsArray(), e => e?["type"]?.GetValue<string>() == "https://schema.org/Message")!;
        Assert.Equal("Message", message["@type"]?.GetValue<string>());
        Assert.Contains("AIGeneratedContent", message["additionalType"]!.AsArray().Select(t => t?.GetValue<string>()));
        var claim = Assert.IsType<JsonObject>(message["citation"]?.AsArray().FirstOrDefault());
        Assert.Equal("Claim", claim["@type"]?.GetValue<string>());
        Assert.Equal(1, claim["position"]?.GetValue<int>());
        Assert.True(body["channelData"]?["feedbackLoopEnabled"]?.GetValue<bool>(), "Teams' feedback loop is not enabled on the answer.");
        Assert.Null(body["id"]);

        // Both sides of the exchange end up in the transcript, the answer under the id the connector gave it, and
        // nothing else was sent.
        await _sink.AssertPostCountWhenIdleAsync(bot.App, 1);
        var transcript = await bot.QueryAsync(db => db.TranscriptActivities.AsNoTracking().Where(a => a.ConversationId == chat.Id).OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal([(questionId, "user"), ("answer-1", "bot")], transcript.Select(a => (a.ActivityId, a.FromRole)));
        Assert.Equal(Question, transcript[0].Text);
        Assert.NotNull(transcript[1].AnswerMode);
    }

    [Theory]
    [InlineData("wrong issuer")]
    [InlineData("wrong audience")]
    [InlineData("expired beyond the clock skew")]
    [InlineData("unsigned")]
    [InlineData("HS256 under the id of a published key")]
    [InlineData("unknown key id")]
    [InlineData("key not endorsed for msteams")]
    [InlineData("key without endorsements")]
    [InlineData("serviceurl claim for another URL")]
    [InlineData("no serviceurl claim")]
    [InlineData("no Authorization header")]
    [InlineData("not a Bearer header")]
    public async Task RefusedRequestIsAnswered401AndNothingIsSentStoredOrTrusted(string refusal)
    {
        // A serviceUrl of its own, so that "not trusted" below cannot be explained by another test.
        var serviceUrl = $"{_sink.Server.BaseAddress}/refused-{Guid.NewGuid():N}";
        var chat = new TeamsWireChat(serviceUrl);
        var activity = chat.Message(Question);
        using var stranger = new TestSigningKey("unpublished-key", "msteams");
        var header = refusal switch
        {
            "wrong issuer" => Bearer(bot.ChannelToken(serviceUrl, change: d => d.Issuer = "https://api.botframework.example")),
            "wrong audience" => Bearer(bot.ChannelToken(serviceUrl, change: d => d.Audience = Guid.NewGuid().ToString())),
            "expired beyond the clock skew" => Bearer(bot.ChannelToken(serviceUrl, change: TestTokens.ExpiredAgo(TimeSpan.FromMinutes(6)))),
            "unsigned" => Bearer(bot.ChannelToken(serviceUrl, change: d => d.SigningCredentials = null)),
            "HS256 under the id of a published key" => Bearer(bot.ChannelToken(serviceUrl, change: d => d.SigningCredentials = TestTokens.Hs256(bot.TeamsKey.Kid))),
            "unknown key id" => Bearer(bot.ChannelToken(serviceUrl, stranger)),
            "key not endorsed for msteams" => Bearer(bot.ChannelToken(serviceUrl, bot.WebChatKey)),
            "key without endorsements" => Bearer(bot.ChannelToken(serviceUrl, bot.BareKey)),
            "serviceurl claim for another URL" => Bearer(bot.ChannelToken("https://smba.trafficmanager.net/amer/")),
            "no serviceurl claim" => Bearer(bot.ChannelToken(serviceUrl, change: d => d.Claims.Remove("serviceurl"))),
            "no Authorization header" => null,
            "not a Bearer header" => $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestTokens.AppId}:test-secret"))}",
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
        };

        using var response = await PostWithHeaderAsync(bot.Client, activity, header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await _sink.AssertPostCountWhenIdleAsync(bot.App, 0);
        Assert.Empty(_sink.Server.Requests);
        Assert.False(bot.App.Services.GetRequiredService<TrustedServiceUrls>().IsTrusted(serviceUrl), "A refused activity made its serviceUrl trusted.");
        Assert.False(await bot.StoredAnythingAboutAsync(chat.Id), "A refused activity left data behind.");
    }

    [Fact]
    public async Task RedeliveredActivityIsAnsweredOnce()
    {
        var chat = new TeamsWireChat(_sink.ServiceUrl);
        var question = chat.Message(Question);
        var questionId = question["id"]!.GetValue<string>();

        using (var first = await bot.PostAsync(question))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        await _sink.WaitForRepliesToAsync(questionId);
        // Teams redelivers the same activity (same id) when it thinks the bot did not answer in time.
        using (var again = await bot.PostAsync(question))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        // Turns of a conversation run in order: once a later message is answered, a second answer would be there.
        var help = chat.Message("help");
        using (var later = await bot.PostAsync(help))
        {
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        }
        await _sink.AssertPostCountWhenIdleAsync(bot.App, 2);
        Assert.Single(_sink.RepliesTo(questionId));
        Assert.Single(_sink.RepliesTo(help["id"]!.GetValue<string>()));
        var stored = await bot.QueryAsync(db => db.TranscriptActivities.CountAsync(a => a.ConversationId == chat.Id && a.ActivityId == questionId));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task RedeliveryThatArrivesWhileTheFirstDeliveryIsStillBeingProcessedIsAnsweredOnce()
    {
        var chat = new TeamsWireChat(_sink.ServiceUrl);
        var question = chat.Message(Question);
        var questionId = question["id"]!.GetValue<string>();
        const int Deliveries = 4;

        // The first delivery is slow (the database is busy: another connection holds the write lock), so Teams
        // gives up waiting and delivers the same activity again while the first is still being processed. The lock
        // is released only once every delivery has reached the endpoint's look-up of deliveries in progress.
        HttpResponseMessage[] responses;
        await using (var busy = new SqliteConnection($"Data Source={Path.Combine(bot.App.DataFolder, "chatadvisor.db")}"))
        {
            await busy.OpenAsync();
            await ExecuteAsync(busy, "BEGIN IMMEDIATE");
            var arrived = bot.Cache.LookedUpAsync(key => key is string k && k.EndsWith($":{questionId}", StringComparison.Ordinal), Deliveries);
            var deliveries = Enumerable.Range(0, Deliveries).Select(_ => bot.PostAsync(question)).ToList();
            await Eventually.HoldsAsync(() => arrived.IsCompleted, () => "Not every delivery reached the endpoint while the database was busy.");
            Assert.DoesNotContain(deliveries, d => d.IsCompleted);
            await ExecuteAsync(busy, "ROLLBACK");
            responses = await Task.WhenAll(deliveries);
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }
        await bot.App.TurnsFinishedAsync();
        var answers = _sink.RepliesTo(questionId).Count;
        Assert.True(answers == 1, $"One activity delivered {Deliveries} times while the first delivery was in progress was answered {answers} times.");
    }

    [Fact]
    public async Task UnknownInvokeIsAnswered501()
    {
        var chat = new TeamsWireChat(_sink.ServiceUrl);

        using var response = await bot.PostAsync(chat.Invoke("composeExtension/query", new JsonObject { ["commandId"] = "search" }));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        await _sink.AssertPostCountWhenIdleAsync(bot.App, 0);
    }

    [Fact]
    public async Task TeamsFeedbackInvokeOnAnAnswerIsRecordedWithItsReason()
    {
        var chat = new TeamsWireChat(_sink.ServiceUrl);
        _sink.Then(new SinkAnswer(StatusCodes.Status201Created, """{"id":"1712000000001"}"""));
        (await bot.PostAsync(chat.Message(Question))).Dispose();
        var answer = Assert.Single(await _sink.WaitForPostsAsync(1));
        Assert.True(answer.Json()["channelData"]?["feedbackLoopEnabled"]?.GetValue<bool>());
        // Teams can only show the feedback buttons once the answer is posted; the bot stores it just after, in the turn.
        await bot.App.TurnsFinishedAsync();
        Assert.True(await bot.QueryAsync(db => db.TranscriptActivities.AnyAsync(a => a.ConversationId == chat.Id && a.ActivityId == "1712000000001")));

        using var response = await bot.PostAsync(chat.Feedback("1712000000001", "dislike", "too long"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        var feedback = Assert.Single(await bot.QueryAsync(db => db.AnswerFeedback.AsNoTracking().Where(f => f.ConversationId == chat.Id).ToListAsync()));
        Assert.Equal("1712000000001", feedback.AnswerActivityId);
        Assert.False(feedback.Helpful);
        Assert.Equal("too long", feedback.Reason);
        Assert.Equal("msteams", feedback.ChannelId);
        // The reason came with the vote, so the bot does not ask for one.
        await _sink.AssertPostCountWhenIdleAsync(bot.App, 1);
    }

    [Fact]
    public async Task WithoutAnAppIdALocalRequestWithoutATokenIsAnsweredWithoutABotToken()
    {
        using var app = new ChatAdvisorApp();
        using var client = app.CreateClient();
        var activity = EmulatorMessage(_sink.ServiceUrl, Question);

        using var response = await BotServiceFixture.PostAsync(client, activity, token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _sink.WaitForPostsAsync(1));
        Assert.False(reply.Headers.ContainsKey("Authorization"), "The bot sent a token although it has no app id.");
        Assert.Contains("[1]", reply.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAppIdARequestCarryingATokenIsRefused()
    {
        using var app = new ChatAdvisorApp();
        using var client = app.CreateClient();
        var activity = EmulatorMessage(_sink.ServiceUrl, Question);

        using var response = await BotServiceFixture.PostAsync(client, activity, bot.ChannelToken(_sink.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await _sink.AssertPostCountWhenIdleAsync(app, 0);
        Assert.False(app.Services.GetRequiredService<TrustedServiceUrls>().IsTrusted(_sink.ServiceUrl));
    }

    [Theory]
    [InlineData("203.0.113.7", HttpStatusCode.Unauthorized)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::1", HttpStatusCode.OK)]
    public async Task WithoutAnAppIdOnlyLoopbackCallersAreAccepted(string remoteAddress, HttpStatusCode expected)
    {
        using var app = new ChatAdvisorApp();
        var body = EmulatorMessage(_sink.ServiceUrl, "help").ToJsonString();

        var context = await app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = MessagingEndpoint.Path;
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        });

        Assert.Equal((int)expected, context.Response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            await _sink.WaitForPostsAsync(1);
        }
        else
        {
            await _sink.AssertPostCountWhenIdleAsync(app, 0);
        }
    }

    private static string Bearer(string token) => TestTokens.Bearer(token);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<HttpResponseMessage> PostWithHeaderAsync(HttpClient client, JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagingEndpoint.Path)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await client.SendAsync(request);
    }

    /// <summary>A message as the Bot Framework Emulator sends it (no tenant, no token when the bot has no app id).</summary>
    private static JsonObject EmulatorMessage(string serviceUrl, string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "emulator",
        ["from"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "User", ["role"] = "user" },
        ["conversation"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() },
        ["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "Bot", ["role"] = "bot" },
        ["locale"] = "en-GB",
        ["text"] = text,
    };

    [GeneratedRegex(@"^Bearer token-\d+$")]
    private static partial Regex BotTokenPattern();
}
