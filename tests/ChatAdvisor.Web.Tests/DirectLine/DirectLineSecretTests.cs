using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.DirectLine;

/// <summary>A server-side caller that holds the configured Direct Line secret.</summary>
public sealed class DirectLineSecretTests : IDisposable
{
    private const string Secret = "a-test-secret-that-is-long-enough-0123456789";
    private readonly ChatAdvisorApp _app = new(new Dictionary<string, string?> { ["DirectLine:Secret"] = Secret });

    [Fact]
    public async Task SecretGeneratesTokensBoundToNewConversationsThatWebChatCanStart()
    {
        var http = _app.CreateClient();
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new("Bearer", Secret);
        var generated = (await (await http.SendAsync(generate)).Content.ReadFromJsonAsync<JsonObject>())!;
        var token = generated["token"]!.GetValue<string>();

        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", token);
        var started = await http.SendAsync(start);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(generated["conversationId"]!.GetValue<string>(),
            (await started.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task SecretCanStartAConversationButATokenCannotGenerateOthers()
    {
        var http = _app.CreateClient();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", Secret);
        var started = (await (await http.SendAsync(start)).Content.ReadFromJsonAsync<JsonObject>())!;

        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new("Bearer", started["token"]!.GetValue<string>());

        Assert.False(string.IsNullOrEmpty(started["conversationId"]?.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(generate)).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
