using System.Net;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.DirectLine;

/// <summary>
/// A token is refused outside its lifetime on every route that takes one: posting and reading activities, uploading
/// and opening the stream. The clock moves, not the token, so each token is a genuine one of the conversation.
/// </summary>
public sealed class DirectLineTokenValidityTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ChatAdvisorApp _app;
    private readonly HttpClient _http;

    public DirectLineTokenValidityTests()
    {
        _app = new ChatAdvisorApp(services: s => s.AddSingleton<TimeProvider>(_clock));
        _http = _app.CreateClient();
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    public static TheoryData<string, int> OutsideLifetime => new()
    {
        { "expired", 31 }, // the default lifetime is 30 minutes
        { "not yet valid", -5 }, // issued five minutes "in the future", beyond the 30 s allowed for clock skew
    };

    [Theory]
    [MemberData(nameof(OutsideLifetime))]
    public async Task ATokenOutsideItsLifetimeIsRefusedEverywhere(string _, int minutes)
    {
        var client = await DirectLineClient.StartAsync(_http);
        var activities = $"/v3/directline/conversations/{client.ConversationId}/activities";
        using (var before = client.Request(HttpMethod.Get, activities))
        {
            Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(before)).StatusCode);
        }
        var countBefore = (await client.ReadAllAsync()).Count;

        _clock.Advance(TimeSpan.FromMinutes(minutes));

        using var read = client.Request(HttpMethod.Get, activities);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(read)).StatusCode);
        using var post = client.Request(HttpMethod.Post, activities, new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "u" }, ["text"] = "hello" });
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(post)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.UploadAsync("cv.pdf", "application/pdf", CvUpload.CvSamplesForChat.Pdf)).StatusCode);
        var stream = _app.Server.CreateWebSocketClient();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => stream.ConnectAsync(new Uri(client.StreamUrl), CancellationToken.None));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        // Nothing was accepted: back inside the lifetime, the conversation holds what it held before.
        _clock.Advance(TimeSpan.FromMinutes(-minutes));
        Assert.Equal(countBefore, (await client.ReadAllAsync()).Count);
        var attachments = Path.Combine(_app.DataFolder, "attachments");
        Assert.Empty(Directory.Exists(attachments) ? Directory.GetFiles(attachments, "*", SearchOption.AllDirectories) : []);
    }
}
