using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.DirectLine;

/// <summary>A refresh retires the token it replaces (after a short grace for requests already sent), and a session ends after its maximum length however often it is refreshed.</summary>
public sealed class DirectLineTokenLifetimeTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly ChatAdvisorApp _app;
    private readonly HttpClient _http;

    public DirectLineTokenLifetimeTests()
    {
        _app = new ChatAdvisorApp(
            new Dictionary<string, string?> { ["DirectLine:TokenLifetime"] = "00:30:00", ["DirectLine:MaxSessionLifetime"] = "01:00:00" },
            s => s.AddSingleton<TimeProvider>(_time));
        _http = _app.CreateClient();
    }

    [Fact]
    public async Task RefreshedTokenCannotBeRefreshedAgainAndIsRefusedAfterItsGrace()
    {
        var client = await DirectLineClient.StartAsync(_http);
        var old = client.Token;

        var fresh = await RefreshAsync(old);

        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(client, fresh));
        // A poll the client sent before the new token reached it still gets through...
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(client, old));
        // ...but the old token cannot fork the session with a second refresh.
        using var again = client.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", token: old);
        var refused = await _http.SendAsync(again);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("already been refreshed", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusWithAsync(client, old));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(client, fresh));
    }

    [Fact]
    public async Task RefreshingCannotOutlastTheMaximumSession()
    {
        var client = await DirectLineClient.StartAsync(_http);
        var token = client.Token;
        for (var i = 0; i < 2; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(25));
            token = await RefreshAsync(token);
        }

        // 50 minutes in: the last token ends with the session at 60 minutes, not 30 minutes after it was issued.
        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusWithAsync(client, token));
        using var refresh = client.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", token: token);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(refresh)).StatusCode);
    }

    [Fact]
    public async Task RefreshAtTheEndOfTheSessionIsRefusedWithAProblem()
    {
        var client = await DirectLineClient.StartAsync(_http);
        _time.Advance(TimeSpan.FromMinutes(25));
        var token = await RefreshAsync(client.Token);
        _time.Advance(TimeSpan.FromMinutes(20));
        token = await RefreshAsync(token);
        _time.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(45));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(client, token));

        using var refresh = client.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", token: token);
        var response = await _http.SendAsync(refresh);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(403, body["status"]!.GetValue<int>());
        Assert.Contains("start a new conversation", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    private async Task<string> RefreshAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/refresh");
        request.Headers.Authorization = new("Bearer", token);
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    private async Task<HttpStatusCode> StatusWithAsync(DirectLineClient client, string token)
    {
        using var request = client.Request(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", token: token);
        return (await _http.SendAsync(request)).StatusCode;
    }
}
