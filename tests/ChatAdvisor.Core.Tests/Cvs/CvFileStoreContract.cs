using System.Security.Cryptography;
using ChatAdvisor.Cvs;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>
/// What every <see cref="ICvFileStore"/> must do, run once per store by the derived classes. A store whose server is
/// missing skips these from <see cref="CreateStore"/>.
/// </summary>
public abstract class CvFileStoreContract
{
    private const int LargeBytes = 12 * 1024 * 1024;

    /// <summary>A fresh, empty store.</summary>
    protected abstract ICvFileStore CreateStore();

    /// <summary>The keys of everything the store holds, in any order.</summary>
    protected abstract Task<IReadOnlyList<string>> StoredKeysAsync();

    /// <summary>A key of the store's own shape that nothing was saved under.</summary>
    protected abstract string UnusedKey();

    [SkippableFact]
    public async Task ASavedFileReadsBackTheSame()
    {
        var store = CreateStore();
        var content = CvSamples.Pdf();

        var key = await store.SaveAsync("submission-1", new MemoryStream(content), CancellationToken.None);

        Assert.Equal(content, await ReadAllAsync(store, key));
        Assert.Equal([key], await StoredKeysAsync());
    }

    [SkippableFact]
    public async Task ADeletedFileIsGoneAndDeletingItAgainIsFine()
    {
        var store = CreateStore();
        var key = await store.SaveAsync("submission-2", new MemoryStream(CvSamples.Text()), CancellationToken.None);

        await store.DeleteAsync(key, CancellationToken.None);

        Assert.Null(await store.OpenAsync(key, CancellationToken.None));
        await store.DeleteAsync(key, CancellationToken.None);
        Assert.Empty(await StoredKeysAsync());
    }

    [SkippableFact]
    public async Task AMissingFileOpensAsNullAndDeletesWithoutError()
    {
        var store = CreateStore();
        await store.SaveAsync("submission-3", new MemoryStream(CvSamples.Text()), CancellationToken.None);

        Assert.Null(await store.OpenAsync(UnusedKey(), CancellationToken.None));
        await store.DeleteAsync(UnusedKey(), CancellationToken.None);
        Assert.Single(await StoredKeysAsync());
    }

    [SkippableFact]
    public async Task EachSaveGetsItsOwnKeyAndNeverTheSubmittedFileName()
    {
        var store = CreateStore();

        var first = await store.SaveAsync("same", new MemoryStream(CvSamples.Text()), CancellationToken.None);
        var second = await store.SaveAsync("same", new MemoryStream(CvSamples.Text()), CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(2, (await StoredKeysAsync()).Count);
    }

    [SkippableTheory]
    [InlineData("../../etc/passwd")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("cv.pdf")]
    [InlineData("attachments/0123456789abcdef0123456789abcdef")]
    [InlineData("")]
    public async Task KeysTheStoreDidNotMakeAreRefused(string key)
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ALargeFileStreamsInAndOutUnchanged()
    {
        var store = CreateStore();
        var source = new GeneratedStream(LargeBytes);

        var key = await store.SaveAsync("submission-large", source, CancellationToken.None);

        await using var stored = await store.OpenAsync(key, CancellationToken.None);
        Assert.NotNull(stored);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stored.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }
        Assert.Equal(LargeBytes, total);
        Assert.Equal(GeneratedStream.Sha256(LargeBytes), hash.GetHashAndReset());
    }

    [SkippableFact]
    public async Task ACancelledSaveLeavesNoFileBehind()
    {
        var store = CreateStore();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync("submission-4", new MemoryStream(CvSamples.Text()), cancelled.Token));

        Assert.Empty(await StoredKeysAsync());
    }

    [SkippableFact]
    public async Task ASaveCancelledHalfWayLeavesNoFileBehind()
    {
        var store = CreateStore();
        using var cancellation = new CancellationTokenSource();
        var source = new GeneratedStream(LargeBytes, afterBytes: 5 * 1024 * 1024, cancellation.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync("submission-5", source, cancellation.Token));

        Assert.Empty(await StoredKeysAsync());
    }

    [SkippableFact]
    public async Task CancelledReadsAndDeletesThrow()
    {
        var store = CreateStore();
        var key = await store.SaveAsync("submission-6", new MemoryStream(CvSamples.Text()), CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.OpenAsync(key, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.DeleteAsync(key, cancelled.Token));
        Assert.Equal([key], await StoredKeysAsync());
    }

    private static async Task<byte[]> ReadAllAsync(ICvFileStore store, string key)
    {
        await using var stored = await store.OpenAsync(key, CancellationToken.None);
        Assert.NotNull(stored);
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// A forward-only stream of <c>length</c> reproducible bytes, made as it is read (never all in memory); it can
    /// call <c>onReached</c> once <c>afterBytes</c> have been read, to cancel a save half-way.
    /// </summary>
    private sealed class GeneratedStream(long length, long afterBytes = long.MaxValue, Action? onReached = null) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public static byte[] Sha256(long length)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var stream = new GeneratedStream(length);
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
            return hash.GetHashAndReset();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = (byte)((at * 31) ^ (at >> 11));
            }
            _position += n;
            if (_position >= afterBytes && onReached is { } reached)
            {
                onReached = null;
                reached();
            }
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
