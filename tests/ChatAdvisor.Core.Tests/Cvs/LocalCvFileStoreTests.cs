using ChatAdvisor.Cvs;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Core.Tests.Cvs;

public sealed class LocalCvFileStoreTests : IDisposable
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
    public async Task ASavedFileReadsBackTheSameAndIsGoneAfterDelete()
    {
        var store = Store();
        var content = CvSamples.Pdf();

        var key = await store.SaveAsync("submission-1", new MemoryStream(content), CancellationToken.None);

        Assert.Matches("^[0-9a-f]{32}$", key);
        await using (var stored = await store.OpenAsync(key, CancellationToken.None))
        {
            Assert.NotNull(stored);
            using var copy = new MemoryStream();
            await stored.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }
        Assert.Equal([Path.Combine(store.Folder, key)], Directory.GetFiles(store.Folder));

        await store.DeleteAsync(key, CancellationToken.None);

        Assert.Null(await store.OpenAsync(key, CancellationToken.None));
        await store.DeleteAsync(key, CancellationToken.None); // deleting twice is fine
        Assert.Empty(Directory.GetFiles(store.Folder));
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

    [Fact]
    public async Task EachSaveGetsItsOwnKey()
    {
        var store = Store();

        var first = await store.SaveAsync("same", new MemoryStream(CvSamples.Text()), CancellationToken.None);
        var second = await store.SaveAsync("same", new MemoryStream(CvSamples.Text()), CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(2, Directory.GetFiles(store.Folder).Length);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("cv.pdf")]
    [InlineData("")]
    public async Task KeysTheStoreDidNotMakeAreRefused(string key)
    {
        var store = Store();

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task ACancelledSaveLeavesNoFileBehind()
    {
        var store = Store();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync("submission-3", new MemoryStream(CvSamples.Text()), cancelled.Token));

        Assert.Empty(Directory.GetFiles(store.Folder));
    }

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
