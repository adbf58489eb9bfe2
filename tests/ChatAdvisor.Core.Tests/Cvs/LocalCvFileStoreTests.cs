using System.Security.Cryptography;
using ChatAdvisor.Cvs;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>The store contract on local disk, and what only the disk store promises: random file names, owner-only modes.</summary>
public sealed class LocalCvFileStoreTests : CvFileStoreContract, IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), $"chatadvisor-cvs-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_contentRoot))
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task KeysAreRandomHexAndAreTheFileNames()
    {
        var store = Store();

        var key = await store.SaveAsync("submission-1", new MemoryStream(CvSamples.Pdf()), CancellationToken.None);

        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.Equal([Path.Combine(store.Folder, key)], Directory.GetFiles(store.Folder));
    }

    [Fact]
    public async Task FilesLiveUnderTheContentRootInAnOwnerOnlyFolder()
    {
        var store = Store("data/cvs");

        var key = await store.SaveAsync("submission-2", new MemoryStream(CvSamples.Text()), CancellationToken.None);

        Assert.Equal(Path.Combine(_contentRoot, "data", "cvs"), store.Folder);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.Folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(store.Folder, key)));
        }
    }

    protected override ICvFileStore CreateStore() => Store();

    protected override Task<IReadOnlyList<string>> StoredKeysAsync()
    {
        var folder = Path.Combine(_contentRoot, "cvs");
        IReadOnlyList<string> keys = Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>()] : [];
        return Task.FromResult(keys);
    }

    protected override string UnusedKey() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    private LocalCvFileStore Store(string storagePath = "cvs") => new(
        Options.Create(new CvOptions { StoragePath = storagePath }), new Environment(_contentRoot), NullLogger<LocalCvFileStore>.Instance);

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "ChatAdvisor.Tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
