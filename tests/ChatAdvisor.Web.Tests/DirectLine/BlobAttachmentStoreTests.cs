using System.Net;
using Azure.Storage.Blobs.Models;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Web.Channels.DirectLine;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.DirectLine;

/// <summary>
/// Direct Line uploads in blob storage (with <c>Cvs:Blob</c> set), against Azurite: one blob per upload under
/// <c>attachments/</c> with its name and type as metadata, and the sweep of unclaimed ones by prefix.
/// </summary>
public sealed class BlobAttachmentStoreTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly string _containerName = TestAzurite.NewContainerName();
    private ChatAdvisorApp? _app;

    [SkippableFact]
    public async Task AnUploadKeepsItsNameAndTypeAsMetadataInAnOpaqueBlob()
    {
        var store = Store();

        var id = await store.SaveAsync("conversation-1", "Lebenslauf Müller – 2026.pdf", "application/pdf", new MemoryStream([1, 2, 3]), CancellationToken.None);

        var opened = await store.OpenAsync("conversation-1", id, CancellationToken.None);
        Assert.NotNull(opened);
        await using (var content = opened.Value.Content)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            Assert.Equal([1, 2, 3], copy.ToArray());
        }
        Assert.Equal(("Lebenslauf Müller – 2026.pdf", "application/pdf", _time.GetUtcNow()), (opened.Value.Info.Name, opened.Value.Info.ContentType, opened.Value.Info.SavedAt));
        var blob = Assert.Single(await BlobsAsync());
        Assert.Matches($"^attachments/[0-9A-F]{{32}}/{id}$", blob.Name);
        Assert.Equal("application/octet-stream", blob.Properties.ContentType);
        Assert.Null(await store.OpenAsync("another-conversation", id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ADeletedUploadIsGoneAndDeletingItAgainIsFine()
    {
        var store = Store();
        var id = await store.SaveAsync("conversation-2", "cv.pdf", "application/pdf", new MemoryStream([4, 5]), CancellationToken.None);

        await store.DeleteAsync("conversation-2", id, CancellationToken.None);
        await store.DeleteAsync("conversation-2", id, CancellationToken.None);

        Assert.Null(await store.OpenAsync("conversation-2", id, CancellationToken.None));
        Assert.Empty(await BlobsAsync());
    }

    [SkippableFact]
    public async Task TheSweepDeletesOnlyUnclaimedUploadsPastTheirLifetime()
    {
        var store = Store();
        var sweep = _app!.Services.GetRequiredService<AttachmentSweep>();
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None)); // no container yet
        var old = await store.SaveAsync("c1", "old.pdf", "application/pdf", new MemoryStream([1]), CancellationToken.None);
        await TestAzurite.Container(_containerName).UploadBlobAsync("cvs/not-an-upload", new BinaryData([9]));
        _time.Advance(TimeSpan.FromMinutes(6));
        var recent = await store.SaveAsync("c2", "recent.pdf", "application/pdf", new MemoryStream([2]), CancellationToken.None);

        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await sweep.RunOnceAsync(CancellationToken.None));

        Assert.Null(await store.OpenAsync("c1", old, CancellationToken.None));
        Assert.Equal(["attachments/", "cvs/not-an-upload"], (await BlobsAsync()).Select(b => b.Name.StartsWith("attachments/", StringComparison.Ordinal) ? "attachments/" : b.Name).Order());
        Assert.EndsWith(recent, (await BlobsAsync()).First(b => b.Name.StartsWith("attachments/", StringComparison.Ordinal)).Name, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnUploadTheStoreRefusesIsA503WithWhatToDo()
    {
        Skip.If(TestAzurite.SkipReason is not null, TestAzurite.SkipReason);
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var refusing = string.Join(';', TestAzurite.ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + wrongKey : part));
        _app = new ChatAdvisorApp(new Dictionary<string, string?> { ["Cvs:Blob:ConnectionString"] = refusing, ["Cvs:Blob:ContainerName"] = _containerName });
        var client = await DirectLineClient.StartAsync(_app.CreateClient());

        var response = await client.UploadAsync("cv.pdf", "application/pdf", [1, 2, 3]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("send it again", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _app?.Dispose();
        if (TestAzurite.IsConfigured)
        {
            TestAzurite.Container(_containerName).DeleteIfExists();
        }
    }

    private BlobAttachmentStore Store()
    {
        Skip.If(TestAzurite.SkipReason is not null, TestAzurite.SkipReason);
        _app = new ChatAdvisorApp(BlobSettings(_containerName), s => s.AddSingleton<TimeProvider>(_time));
        return Assert.IsType<BlobAttachmentStore>(_app.Services.GetRequiredService<IAttachmentStore>());
    }

    /// <summary>Host settings that put CVs and uploads in the Azurite container <paramref name="containerName"/>.</summary>
    public static Dictionary<string, string?> BlobSettings(string containerName) => new()
    {
        ["Cvs:Blob:ConnectionString"] = TestAzurite.ConnectionString,
        ["Cvs:Blob:ContainerName"] = containerName,
    };

    private async Task<List<BlobItem>> BlobsAsync()
    {
        List<BlobItem> blobs = [];
        await foreach (var blob in TestAzurite.Container(_containerName).GetBlobsAsync(new GetBlobsOptions()))
        {
            blobs.Add(blob);
        }
        return blobs;
    }
}
