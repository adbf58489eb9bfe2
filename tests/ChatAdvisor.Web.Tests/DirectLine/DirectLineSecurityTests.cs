using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.DirectLine;

public sealed class DirectLineSecurityTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly ChatAdvisorApp _app;
    private readonly HttpClient _http;

    public DirectLineSecurityTests()
    {
        _app = new ChatAdvisorApp(services: s => s.AddSingleton<TimeProvider>(_time));
        _http = _app.CreateClient();
    }

    public static TheoryData<string, string> ConversationCalls => new()
    {
        { "GET", "/v3/directline/conversations/{0}/activities" },
        { "POST", "/v3/directline/conversations/{0}/activities" },
        { "GET", "/v3/directline/conversations/{0}" },
        { "POST", "/v3/directline/conversations/{0}/upload?userId=x" },
        { "GET", "/v3/directline/conversations/{0}/attachments/0123456789abcdef0123456789abcdef" },
    };

    [Theory]
    [MemberData(nameof(ConversationCalls))]
    public async Task TokenForConversationAIsRefusedOnConversationB(string method, string pathFormat)
    {
        var a = await DirectLineClient.StartAsync(_http);
        var b = await DirectLineClient.StartAsync(_http);
        await b.AskAsync("What does an MLOps engineer do?");

        using var request = a.Request(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, b.ConversationId),
            method == "POST" ? new JsonObject { ["type"] = "message", ["text"] = "I am not the owner" } : null);
        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var transcript = await b.ReadAsync();
        Assert.DoesNotContain(transcript, x => DirectLineClient.Text(x).Contains("not the owner", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StreamOfConversationBRefusesTheTokenOfA()
    {
        var a = await DirectLineClient.StartAsync(_http);
        var b = await DirectLineClient.StartAsync(_http);
        var socket = _app.Server.CreateWebSocketClient();
        var url = new UriBuilder(b.StreamUrl) { Query = "t=" + Uri.EscapeDataString(a.Token) }.Uri;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => socket.ConnectAsync(url, CancellationToken.None));
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingCredentialIsUnauthorizedAndForgedTokenIsForbidden()
    {
        var client = await DirectLineClient.StartAsync(_http);
        var path = $"/v3/directline/conversations/{client.ConversationId}/activities";

        var anonymous = await _http.GetAsync(path);
        using var forged = client.Request(HttpMethod.Get, path, token: client.Token[..^4] + "AAAA");
        var forgedResponse = await _http.SendAsync(forged);
        using var unsigned = client.Request(HttpMethod.Get, path, token: UnsignedCopy(client.Token));
        var unsignedResponse = await _http.SendAsync(unsigned);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsignedResponse.StatusCode);
    }

    [Fact]
    public async Task RefreshGivesANewTokenForTheSameConversationUntilItExpires()
    {
        var client = await DirectLineClient.StartAsync(_http);
        _time.Advance(TimeSpan.FromMinutes(20));
        using var refresh = client.Request(HttpMethod.Post, "/v3/directline/tokens/refresh");
        var refreshed = await _http.SendAsync(refresh);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = (await refreshed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(client.ConversationId, body["conversationId"]!.GetValue<string>());
        var newToken = body["token"]!.GetValue<string>();
        Assert.NotEqual(client.Token, newToken);

        _time.Advance(TimeSpan.FromMinutes(15));
        using var expired = client.Request(HttpMethod.Post, "/v3/directline/tokens/refresh");
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(expired)).StatusCode);
        using var stillValid = client.Request(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", token: newToken);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(stillValid)).StatusCode);
    }

    [Fact]
    public async Task GeneratingTokensNeedsTheSecretAndNoSecretIsConfiguredByDefault()
    {
        var client = await DirectLineClient.StartAsync(_http);
        using var withToken = client.Request(HttpMethod.Post, "/v3/directline/tokens/generate");
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(withToken)).StatusCode);
        using var guessed = client.Request(HttpMethod.Post, "/v3/directline/tokens/generate", token: "secret");
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(guessed)).StatusCode);
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    private static string UnsignedCopy(string jwt)
    {
        var parts = jwt.Split('.');
        var header = Convert.ToBase64String("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{header}.{parts[1]}.";
    }
}
