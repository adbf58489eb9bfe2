using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.CvUpload;

/// <summary>What happens to a CV dialog across restarts, idle time and the upload link.</summary>
public sealed partial class CvDialogLifecycleTests
{
    [Fact]
    public async Task ADialogSurvivesAServerRestartAtTheSameStep()
    {
        var dataFolder = Directory.CreateTempSubdirectory("chatadvisor-restart-").FullName;
        DirectLineClient client;
        using (var before = new ChatAdvisorApp(dataFolder: dataFolder))
        {
            client = await DirectLineClient.StartAsync(before.CreateClient());
            await client.SayAndWaitAsync("I want to apply", "notice version");
            await client.SayAndWaitAsync("I agree", "talent pool");
            await client.SayAndWaitAsync("Yes, keep me in mind", "full name");
        }
        using var after = new ChatAdvisorApp(dataFolder: dataFolder);
        var resumed = new DirectLineClient(after.CreateClient());
        resumed.ResumeWith(client);

        await resumed.SayAndWaitAsync("Katherine Johnson", "email address");
        Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task AnIdleDialogExpiresAndItsFileIsDeleted()
    {
        var time = new FakeTimeProvider();
        using var app = new ChatAdvisorApp(
            new Dictionary<string, string?> { ["Cvs:Dialog:Timeout"] = "00:30:00", ["DirectLine:TokenLifetime"] = "02:00:00" },
            s => s.AddSingleton<TimeProvider>(time));
        var client = await DirectLineClient.StartAsync(app.CreateClient());
        await DirectLineApplication.RunToFileStepAsync(client);
        await DirectLineApplication.UploadCvAsync(client, "cv.pdf");
        Assert.Single(Directory.GetFiles(app.CvFolder));

        time.Advance(TimeSpan.FromMinutes(31));
        await client.SayAndWaitAsync("Confirm and send", "wasn't finished in time");

        Assert.Empty(Directory.GetFiles(app.CvFolder));
        Assert.DoesNotContain(await client.ReadAllAsync(), t => t.Contains("Grace Hopper", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheUploadLinkWorksOnceAndTheChatContinues()
    {
        using var app = new ChatAdvisorApp();
        var http = app.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        await DirectLineApplication.RunToFileStepAsync(client);
        var offer = DirectLineClient.Text(await client.SayAndWaitAsync("I can't attach files here", "secure page"));
        var path = new Uri(LinkPattern().Match(offer).Groups[1].Value).PathAndQuery;

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path)).StatusCode);
        var sent = await http.PostAsync(path, Form(CvSamplesForChat.Pdf));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("received cv.pdf", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await client.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(app.CvFolder));

        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(path, Form(CvSamplesForChat.Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode);
        Assert.Single(Directory.GetFiles(app.CvFolder));
        await client.SayAndWaitAsync("Confirm and send", "Reference:");
    }

    [Fact]
    public async Task ARefusedFileOnTheUploadPageLeavesTheLinkUsable()
    {
        using var app = new ChatAdvisorApp();
        var http = app.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        await DirectLineApplication.RunToFileStepAsync(client);
        var offer = DirectLineClient.Text(await client.SayAndWaitAsync("link", "secure page"));
        var path = new Uri(LinkPattern().Match(offer).Groups[1].Value).PathAndQuery;

        var refused = await http.PostAsync(path, Form(CvSamplesForChat.EncryptedPdf));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("password-protected", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(path, Form(CvSamplesForChat.Pdf))).StatusCode);
    }

    [ClamdFact]
    public async Task AnInfectedFileIsNeverStored()
    {
        var clamd = Environment.GetEnvironmentVariable("CHATADVISOR_TEST_CLAMD")!.Split(':');
        using var app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["Cvs:ClamAv:Enabled"] = "true",
            ["Cvs:ClamAv:Host"] = clamd[0],
            ["Cvs:ClamAv:Port"] = clamd[1],
        });
        var client = await DirectLineClient.StartAsync(app.CreateClient());
        await DirectLineApplication.RunToFileStepAsync(client);
        var infected = await File.ReadAllBytesAsync(Environment.GetEnvironmentVariable("CHATADVISOR_TEST_CLAMD_SAMPLE")!);

        await client.UploadAsync("cv.txt", "text/plain", infected);
        await client.WaitForBotAsync(t => t.Contains("virus scanner flagged", StringComparison.Ordinal));

        Assert.False(Directory.Exists(app.CvFolder) && Directory.EnumerateFiles(app.CvFolder).Any());
        await client.UploadAsync("cv.pdf", "application/pdf", CvSamplesForChat.Pdf);
        await client.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
    }

    private static MultipartFormDataContent Form(byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "cv.pdf" } };
    }

    [GeneratedRegex(@"\]\((http[^)]+)\)")]
    private static partial Regex LinkPattern();
}
