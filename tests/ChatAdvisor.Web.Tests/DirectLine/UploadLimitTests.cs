using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Channels.DirectLine;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.DirectLine;

/// <summary>Uploads within limits only, files only with a message that uses them, and nothing left on disk by a refusal.</summary>
public sealed class UploadLimitTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly ChatAdvisorApp _app;
    private readonly HttpClient _http;

    public UploadLimitTests()
    {
        _app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["Limits:MaxAttachmentsPerActivity"] = "2",
            ["Limits:MaxAttachmentsPerConversation"] = "3",
            ["Limits:MaxUploadBytesPerConversationPerHour"] = "300000",
            ["Limits:MaxTextLength"] = "500",
            // The budget test moves the clock past an hour; the token must outlive that.
            ["DirectLine:TokenLifetime"] = "1.00:00:00",
            ["DirectLine:MaxSessionLifetime"] = "2.00:00:00",
        }, s => s.AddSingleton<TimeProvider>(_time));
        _http = _app.CreateClient();
    }

    private string Attachments => Path.Combine(_app.DataFolder, "attachments");

    [Theory]
    [InlineData("event")]
    [InlineData("typing")]
    [InlineData("conversationUpdate")]
    public async Task FilesWithAnythingButAMessageAreRefusedBeforeTheyReachTheDisk(string type)
    {
        var client = await DirectLineClient.StartAsync(_http);

        var response = await UploadAsync(client, new JsonObject { ["type"] = type, ["name"] = "x" }, ("cv.txt", 1000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task MoreFilesThanOneActivityMayCarryAreRefused()
    {
        var client = await DirectLineClient.StartAsync(_http);

        var response = await UploadAsync(client, new JsonObject { ["type"] = "message" }, ("a.txt", 10), ("b.txt", 10), ("c.txt", 10));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task FilesTheActivityDoesNotNameAreRefused()
    {
        var client = await DirectLineClient.StartAsync(_http);
        var activity = new JsonObject { ["type"] = "message", ["attachments"] = new JsonArray(new JsonObject { ["name"] = "a.txt" }) };

        var response = await UploadAsync(client, activity, ("a.txt", 10), ("other.txt", 10));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task ConversationBudgetCountsFilesAndBytesPerHour()
    {
        var client = await DirectLineClient.StartAsync(_http);

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, null, ("a.txt", 200_000))).StatusCode);
        var overBytes = await UploadAsync(client, null, ("b.txt", 200_000));
        Assert.Equal(HttpStatusCode.TooManyRequests, overBytes.StatusCode);
        Assert.Contains("per hour", await overBytes.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, null, ("b.txt", 200_000))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, null, ("c.txt", 10))).StatusCode);
        var overCount = await UploadAsync(client, null, ("d.txt", 10));
        Assert.Equal(HttpStatusCode.TooManyRequests, overCount.StatusCode);
        Assert.Contains("limit of 3 files", await overCount.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongTextIsRefusedAndNotStored()
    {
        var client = await DirectLineClient.StartAsync(_http);
        using var request = client.Request(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities",
            new JsonObject { ["type"] = "message", ["text"] = new string('a', 501), ["from"] = new JsonObject { ["id"] = "u" } });

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await client.ReadAllAsync(), t => t.Length > 500);
    }

    [Fact]
    public async Task UnclaimedUploadsAreSweptAfterTheirLifetime()
    {
        var store = _app.Services.GetRequiredService<IAttachmentStore>();
        Assert.IsType<LocalAttachmentStore>(store);
        var sweep = _app.Services.GetRequiredService<AttachmentSweep>();
        var old = await store.SaveAsync("c1", "old.pdf", "application/pdf", new MemoryStream([1, 2, 3]), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(6));
        var recent = await store.SaveAsync("c2", "recent.pdf", "application/pdf", new MemoryStream([1, 2, 3]), CancellationToken.None);

        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await sweep.RunOnceAsync(CancellationToken.None));

        Assert.Null(await store.OpenAsync("c1", old, CancellationToken.None));
        var kept = await store.OpenAsync("c2", recent, CancellationToken.None);
        Assert.NotNull(kept);
        await kept.Value.Content.DisposeAsync();
        Assert.Equal(2, FilesOnDisk().Count);
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    private List<string> FilesOnDisk() =>
        Directory.Exists(Attachments) ? [.. Directory.EnumerateFiles(Attachments, "*", SearchOption.AllDirectories)] : [];

    private async Task<HttpResponseMessage> UploadAsync(DirectLineClient client, JsonObject? activity, params (string Name, int Bytes)[] files)
    {
        using var form = new MultipartFormDataContent();
        if (activity is not null)
        {
            var part = new StringContent(activity.ToJsonString(), Encoding.UTF8);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            form.Add(part, "activity", "blob");
        }
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(Encoding.ASCII.GetBytes(new string('x', bytes)));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "file", name);
        }
        using var request = client.Request(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/upload?userId=u");
        request.Content = form;
        return await _http.SendAsync(request);
    }
}
