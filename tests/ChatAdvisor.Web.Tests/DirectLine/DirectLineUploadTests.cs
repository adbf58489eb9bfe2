using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.DirectLine;

public sealed class DirectLineUploadTests(ChatAdvisorAppFixture fixture) : IClassFixture<ChatAdvisorAppFixture>
{
    [Fact]
    public async Task MultipartUploadMatchesFilesToAttachmentsByNameAndKeepsNoCopyOutsideADialog()
    {
        var http = fixture.App.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "someone" },
            ["attachments"] = new JsonArray(
                new JsonObject { ["contentType"] = "application/pdf", ["name"] = "cv.pdf" },
                new JsonObject { ["contentType"] = "text/plain", ["name"] = "notes.txt" }),
            ["channelData"] = new JsonObject { ["clientActivityID"] = "upload-1", ["attachmentSizes"] = new JsonArray(9, 5) },
        };
        using var form = new MultipartFormDataContent();
        var activityPart = new StringContent(activity.ToJsonString(), Encoding.UTF8);
        activityPart.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activityPart, "activity", "blob");
        // Browsers send file parts in whatever order the downloads finish.
        form.Add(File("text/plain", "notes"), "file", "notes.txt");
        form.Add(File("application/pdf", "%PDF-1.4\n"), "file", "cv.pdf");
        using var request = client.Request(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/upload?userId=someone");
        request.Content = form;

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var echo = (await client.ReadAsync()).Single(a => a["id"]!.GetValue<string>() == id);
        Assert.Equal("upload-1", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        var attachments = echo["attachments"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(["cv.pdf", "notes.txt"], attachments.Select(a => a["name"]!.GetValue<string>()));
        Assert.Equal(["application/pdf", "text/plain"], attachments.Select(a => a["contentType"]!.GetValue<string>()));

        // The transcript names the files but links to none of them: CVs never stay reachable through the chat.
        Assert.All(attachments, a => Assert.Null(a["contentUrl"]));
        var reply = await client.WaitForReplyAsync(id);
        Assert.Contains("haven't kept it", DirectLineClient.Text(reply), StringComparison.Ordinal);
        // The copies go when the turn ends, which may be just after its reply.
        await fixture.App.TurnsFinishedAsync();
        var uploads = Path.Combine(fixture.App.DataFolder, "attachments");
        Assert.Empty(Directory.EnumerateFiles(uploads, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task FileOverTheLimitIsRefusedWithAClearMessageAndNothingIsPosted()
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?> { ["DirectLine:MaxUploadBytes"] = "1024" });
        var http = app.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        await client.WaitForBotAsync(t => t.Contains("AI assistant", StringComparison.Ordinal));
        using var form = new MultipartFormDataContent { { File("application/pdf", new string('x', 4096)), "file", "big.pdf" } };
        using var request = client.Request(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/upload?userId=u");
        request.Content = form;

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("big.pdf", (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await client.ReadAsync());
    }

    [Fact]
    public async Task UploadWithoutFilesIsABadRequest()
    {
        var http = fixture.App.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        using var form = new MultipartFormDataContent { { new StringContent("{}"), "activity", "blob" } };
        using var request = client.Request(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/upload");
        request.Content = form;

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static ByteArrayContent File(string contentType, string content)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return part;
    }
}
