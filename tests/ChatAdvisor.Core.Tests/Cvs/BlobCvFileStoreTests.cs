using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Cvs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>
/// The store contract on Azure Blob Storage, against the Azurite emulator that test.sh starts (skipped without it,
/// except on CI), each test in a container of its own; and what only the blob store promises.
/// </summary>
public sealed class BlobCvFileStoreTests : CvFileStoreContract, IAsyncLifetime
{
    private readonly string _containerName = TestAzurite.NewContainerName();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (TestAzurite.IsConfigured)
        {
            await TestAzurite.Container(_containerName).DeleteIfExistsAsync();
        }
    }

    [SkippableFact]
    public async Task TheContainerIsCreatedPrivateAndBlobsAreOpaqueNamedBySubmission()
    {
        var store = CreateStore();

        var key = await store.SaveAsync("submission-7", new MemoryStream(CvSamples.Pdf()), CancellationToken.None);

        var container = TestAzurite.Container(_containerName);
        Assert.Equal(PublicAccessType.None, (await container.GetPropertiesAsync()).Value.PublicAccess);
        Assert.Matches("^cvs/submission-7-[0-9a-f]{32}$", key);
        var properties = (await container.GetBlobClient(key).GetPropertiesAsync()).Value;
        Assert.Equal("application/octet-stream", properties.ContentType);
        Assert.Equal(CvSamples.Pdf().Length, properties.ContentLength);
    }

    [SkippableTheory]
    [InlineData("my cv.pdf")]
    [InlineData("../x")]
    [InlineData("")]
    public async Task SubmissionIdsThatCouldNotBeABlobNameAreRefused(string submissionId)
    {
        var store = CreateStore();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(submissionId, new MemoryStream(CvSamples.Text()), CancellationToken.None));
    }

    [SkippableFact]
    public async Task WithoutAContainerNothingIsFoundAndNothingFails()
    {
        var store = CreateStore();

        Assert.Null(await store.OpenAsync(UnusedKey(), CancellationToken.None));
        await store.DeleteAsync(UnusedKey(), CancellationToken.None);
    }

    [SkippableFact]
    public async Task AStoreThatRefusesTheCallerFailsClearly()
    {
        Skip.If(TestAzurite.SkipReason is not null, TestAzurite.SkipReason);
        // The right account with a wrong key: the emulator refuses every request (403), as Azure would.
        var wrongKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var settings = string.Join(';', TestAzurite.ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + wrongKey : part));
        var store = Store(settings);

        var save = await Assert.ThrowsAsync<CvStorageException>(() => store.SaveAsync("submission-8", new MemoryStream(CvSamples.Text()), CancellationToken.None));
        var open = await Assert.ThrowsAsync<CvStorageException>(() => store.OpenAsync(UnusedKey(), CancellationToken.None));

        Assert.Contains("status 403", save.Message, StringComparison.Ordinal);
        Assert.Contains("read a CV file", open.Message, StringComparison.Ordinal);
    }

    protected override ICvFileStore CreateStore()
    {
        Skip.If(TestAzurite.SkipReason is not null, TestAzurite.SkipReason);
        return Store(TestAzurite.ConnectionString);
    }

    protected override async Task<IReadOnlyList<string>> StoredKeysAsync()
    {
        var container = TestAzurite.Container(_containerName);
        if (!await container.ExistsAsync())
        {
            return [];
        }
        List<string> keys = [];
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions()))
        {
            keys.Add(blob.Name);
        }
        return keys;
    }

    protected override string UnusedKey() => $"cvs/nobody-{RandomNumberGenerator.GetHexString(32, lowercase: true)}";

    private BlobCvFileStore Store(string connectionString)
    {
        var options = Options.Create(new CvOptions { Blob = new CvBlobOptions { ConnectionString = connectionString, ContainerName = _containerName } });
        return new BlobCvFileStore(new CvBlobContainer(options, NullLogger<CvBlobContainer>.Instance), NullLogger<BlobCvFileStore>.Instance);
    }
}
