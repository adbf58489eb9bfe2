using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Keeps CV files in Azure Blob Storage under <c>cvs/</c> in the <see cref="CvBlobContainer"/>. A key is the blob name,
/// <c>cvs/{submission id}-{32 random hex digits}</c>: nothing the candidate sent, not even the file's name, is in it.
/// Blobs are written once (never over another), as <c>application/octet-stream</c>, and large files in blocks that
/// become visible only when all have arrived, so a key never points at half a file.
/// </summary>
public sealed partial class BlobCvFileStore(CvBlobContainer container, ILogger<BlobCvFileStore> logger) : ICvFileStore
{
    public const string Prefix = "cvs/";
    private const string ContentType = "application/octet-stream";

    private static readonly StorageTransferOptions s_transfer = new()
    {
        InitialTransferSize = 4 * 1024 * 1024,
        MaximumTransferSize = 4 * 1024 * 1024,
        MaximumConcurrency = 2,
    };

    public async Task<string> SaveAsync(string submissionId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(submissionId);
        ArgumentNullException.ThrowIfNull(content);
        if (!SubmissionIdPattern().IsMatch(submissionId))
        {
            throw new ArgumentException("A submission id is 1 to 64 letters, digits, '-' or '_'.", nameof(submissionId));
        }
        await container.EnsureExistsAsync(cancellationToken);
        var key = $"{Prefix}{submissionId}-{RandomNumberGenerator.GetHexString(32, lowercase: true)}";
        var bytes = content.CanSeek ? content.Length - content.Position : -1;
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferOptions = s_transfer,
        };
        await container.Run("store a CV file", () => container.Client.GetBlobClient(key).UploadAsync(content, options, cancellationToken));
        CvsLog.FileStored(logger, key, submissionId, bytes);
        return key;
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var blob = container.Client.GetBlobClient(Checked(key));
        return await container.Run("read a CV file", async () =>
        {
            try
            {
                return (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // No such blob, or no container yet.
                return (Stream?)null;
            }
        });
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var blob = container.Client.GetBlobClient(Checked(key));
        var deleted = await container.Run("delete a CV file", () => blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken));
        if (deleted.Value)
        {
            CvsLog.FileDeleted(logger, key);
        }
    }

    /// <summary>Only keys this store made are used, so a key can never name another blob of the container.</summary>
    private static string Checked(string key) =>
        key is not null && KeyPattern().IsMatch(key) ? key : throw new ArgumentException("Not a storage key of the blob CV store.", nameof(key));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SubmissionIdPattern();

    [GeneratedRegex("^cvs/[A-Za-z0-9_-]{1,64}-[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();
}
