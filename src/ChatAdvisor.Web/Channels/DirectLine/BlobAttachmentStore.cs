using ChatAdvisor.Web.Bot;
using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using ChatAdvisor.Cvs;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// Uploads in the CV blob container under <c>attachments/{conversation hash}/{id}</c>, one blob each, with its name,
/// type and arrival time as blob metadata (escaped: metadata is ASCII). The blob itself is always
/// <c>application/octet-stream</c>; the declared type is only a record. Storage failures become <see cref="CvStorageException"/>.
/// </summary>
public sealed class BlobAttachmentStore(CvBlobContainer container, TimeProvider time) : IAttachmentStore
{
    public const string Prefix = "attachments/";
    private const string NameKey = "name";
    private const string TypeKey = "contenttype";
    private const string SavedAtKey = "savedat";

    public async Task<string> SaveAsync(string conversationId, string name, string contentType, Stream content, CancellationToken cancellationToken)
    {
        await container.EnsureExistsAsync(cancellationToken);
        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            Metadata = new Dictionary<string, string>
            {
                [NameKey] = Uri.EscapeDataString(name),
                [TypeKey] = Uri.EscapeDataString(contentType),
                [SavedAtKey] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            },
        };
        await container.Run("store an upload", () => container.Client.GetBlobClient(BlobName(conversationId, id)).UploadAsync(content, options, cancellationToken));
        return id;
    }

    public async Task<(StoredAttachment Info, Stream Content)?> OpenAsync(string conversationId, string attachmentId, CancellationToken cancellationToken)
    {
        if (!AttachmentNames.IsId(attachmentId))
        {
            return null;
        }
        var blob = container.Client.GetBlobClient(BlobName(conversationId, attachmentId));
        return await container.Run("read an upload", async () =>
        {
            try
            {
                var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
                var metadata = download.Details.Metadata;
                var info = new StoredAttachment(attachmentId, Unescaped(metadata, NameKey), Unescaped(metadata, TypeKey)) { SavedAt = SavedAt(metadata, download.Details.LastModified) };
                return ((StoredAttachment, Stream)?)(info, download.Content);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return null;
            }
        });
    }

    public async Task DeleteAsync(string conversationId, string attachmentId, CancellationToken cancellationToken)
    {
        if (AttachmentNames.IsId(attachmentId))
        {
            var blob = container.Client.GetBlobClient(BlobName(conversationId, attachmentId));
            await container.Run("delete an upload", () => blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken));
        }
    }

    /// <summary>Lists the uploads by prefix and deletes those saved before <paramref name="savedBefore"/>.</summary>
    public Task<int> SweepAsync(DateTimeOffset savedBefore, CancellationToken cancellationToken) =>
        container.Run("sweep uploads", async () =>
        {
            var removed = 0;
            try
            {
                var listing = container.Client.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix, Traits = BlobTraits.Metadata }, cancellationToken);
                await foreach (var item in listing)
                {
                    if (SavedAt(item.Metadata, item.Properties.LastModified ?? DateTimeOffset.MinValue) < savedBefore
                        && (await container.Client.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value)
                    {
                        removed++;
                    }
                }
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // No container yet: nothing was ever uploaded.
            }
            return removed;
        });

    private static string BlobName(string conversationId, string attachmentId) =>
        $"{Prefix}{AttachmentNames.Folder(conversationId)}/{attachmentId.ToLowerInvariant()}";

    private static string Unescaped(IDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? Uri.UnescapeDataString(value) : "";

    /// <summary>The recorded arrival (on this host's clock), else the blob's last change.</summary>
    private static DateTimeOffset SavedAt(IDictionary<string, string>? metadata, DateTimeOffset lastModified) =>
        metadata is not null && metadata.TryGetValue(SavedAtKey, out var value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var saved)
            ? saved
            : lastModified;
}
