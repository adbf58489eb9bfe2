using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Keeps CV files on local disk under <see cref="CvOptions.StoragePath"/> (relative to the content root). Keys are
/// random (32 lowercase hex digits) and are the file names, so nothing a candidate sends, not even the file's name,
/// ever reaches the file system path. On Unix the folder is owner-only (0700) and files are 0600. A file is written
/// under a temporary name and renamed when complete, so a key never points at half a file.
/// </summary>
public sealed class LocalCvFileStore : ICvFileStore
{
    private const int KeyLength = 32;
    private const string TemporarySuffix = ".partial";

    private readonly ILogger<LocalCvFileStore> _logger;

    public LocalCvFileStore(IOptions<CvOptions> options, IHostEnvironment environment, ILogger<LocalCvFileStore> logger)
    {
        _logger = logger;
        Folder = Path.GetFullPath(options.Value.StoragePath, environment.ContentRootPath);
    }

    /// <summary>The absolute folder holding the files.</summary>
    public string Folder { get; }

    public async Task<string> SaveAsync(string submissionId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(submissionId);
        ArgumentNullException.ThrowIfNull(content);
        EnsureFolder();
        var key = RandomNumberGenerator.GetHexString(KeyLength, lowercase: true);
        var path = PathOf(key);
        var temporary = path + TemporarySuffix;
        var fileOptions = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            long bytes;
            await using (var file = new FileStream(temporary, fileOptions))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
                bytes = file.Length;
            }
            File.Move(temporary, path, overwrite: false);
            CvsLog.FileStored(_logger, key, submissionId, bytes);
            return key;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Stream file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(file);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
            CvsLog.FileDeleted(_logger, key);
        }
        return Task.CompletedTask;
    }

    /// <summary>The file of a key; anything but a key this store made is refused, so a key can never walk out of the folder.</summary>
    private string PathOf(string key)
    {
        if (key is not { Length: KeyLength } || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a storage key of the local CV store.", nameof(key));
        }
        return Path.Combine(Folder, key);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for an operator; the original failure matters more.
        }
    }

    private void EnsureFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
            return;
        }
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (!Directory.Exists(Folder))
        {
            Directory.CreateDirectory(Folder, OwnerOnly);
        }
        else if (File.GetUnixFileMode(Folder) != OwnerOnly)
        {
            File.SetUnixFileMode(Folder, OwnerOnly);
        }
    }
}
