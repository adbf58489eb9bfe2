using System.Net;
using Azure.Storage.Blobs.Models;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Tests.DirectLine;
using ChatAdvisor.Web.Tests.Infrastructure;
using ChatAdvisor.Web.Tests.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.CvUpload;

/// <summary>
/// The whole CV path with blob storage switched on, against Azurite: a visitor applies over Direct Line with a file,
/// a recruiter downloads it from the portal byte for byte, and the visitor's erasure removes the blob. Nothing of it
/// touches the local folders.
/// </summary>
public sealed class BlobStorageEndToEndTests : IDisposable
{
    private readonly string _containerName = TestAzurite.NewContainerName();
    private ChatAdvisorApp? _app;

    [SkippableFact]
    public async Task ACvUploadedOverDirectLineIsDownloadedFromThePortalAndErasedFromBlobStorage()
    {
        Skip.If(TestAzurite.SkipReason is not null, TestAzurite.SkipReason);
        _app = new ChatAdvisorApp(BlobAttachmentStoreTests.BlobSettings(_containerName));
        Assert.IsType<BlobCvFileStore>(_app.Services.GetRequiredService<ICvFileStore>());
        var client = await DirectLineClient.StartAsync(_app.CreateClient());

        await DirectLineApplication.RunToFileStepAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.UploadAsync("my cv.pdf", "application/pdf", CvSamplesForChat.Pdf)).StatusCode);
        await client.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
        var confirmation = DirectLineClient.Text(await client.SayAndWaitAsync("Confirm and send", "Reference:"));
        var parsed = CvConfirmation.Parse(confirmation);
        var (reference, secret) = (parsed.Reference, parsed.SecretCode);

        var cv = Assert.Single(await BlobNamesAsync());
        Assert.StartsWith(BlobCvFileStore.Prefix, cv, StringComparison.Ordinal);
        Assert.DoesNotContain("my", cv, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(_app.CvFolder));
        Assert.False(Directory.Exists(Path.Combine(_app.DataFolder, "attachments")));

        var account = await PortalAccount.CreateRecruiterAsync(_app);
        using (var recruiter = new PortalSession(_app))
        {
            await recruiter.EnrolAsync(account);
            using var download = await recruiter.Http.GetAsync($"/portal/cv/{reference}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(CvSamplesForChat.Pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        }

        await client.SayAndWaitAsync("delete my data", "reference number");
        await client.SayAndWaitAsync(reference, "Shall I go ahead?");
        await client.SayAndWaitAsync("Yes, delete everything", "secret code");
        await client.SayAndWaitAsync(secret, "I've deleted your application");

        Assert.Empty(await BlobNamesAsync());
        Assert.False(await TestAzurite.Container(_containerName).GetBlobClient(cv).ExistsAsync());
    }

    [SkippableFact]
    public async Task TheRetentionSweepDeletesExpiredCvBlobs()
    {
        Skip.If(TestAzurite.SkipReason is not null, TestAzurite.SkipReason);
        var clock = new FakeTimeProvider();
        _app = new ChatAdvisorApp(BlobAttachmentStoreTests.BlobSettings(_containerName), s => s.AddSingleton<TimeProvider>(clock));
        var client = await DirectLineClient.StartAsync(_app.CreateClient());
        await DirectLineApplication.RunToFileStepAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.UploadAsync("cv.pdf", "application/pdf", CvSamplesForChat.Pdf)).StatusCode);
        await client.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
        await client.SayAndWaitAsync("Confirm and send", "Reference:");
        Assert.Single(await BlobNamesAsync());

        clock.Advance(TimeSpan.FromDays(366));
        var (applications, _) = await _app.Services.GetRequiredService<RetentionService>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, applications);
        Assert.Empty(await BlobNamesAsync());
    }

    public void Dispose()
    {
        _app?.Dispose();
        if (TestAzurite.IsConfigured)
        {
            TestAzurite.Container(_containerName).DeleteIfExists();
        }
    }

    /// <summary>Every blob in the container: the CV, and any upload copy that was not cleaned up.</summary>
    private async Task<List<string>> BlobNamesAsync()
    {
        List<string> names = [];
        await foreach (var blob in TestAzurite.Container(_containerName).GetBlobsAsync(new GetBlobsOptions()))
        {
            names.Add(blob.Name);
        }
        return names;
    }
}
