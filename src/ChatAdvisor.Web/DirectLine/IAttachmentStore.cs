namespace ChatAdvisor.Web.DirectLine;

/// <summary>
/// Files uploaded through Direct Line, kept per conversation only until the turn that takes them (a CV moves to the
/// CV store); <see cref="SweepAsync"/> removes what nobody took. On local disk (<see cref="LocalAttachmentStore"/>) or,
/// with <c>Cvs:Blob</c> set, in blob storage (<see cref="BlobAttachmentStore"/>), so every instance sees every upload.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Stores an upload and returns its id (32 random hex digits).</summary>
    Task<string> SaveAsync(string conversationId, string name, string contentType, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens an upload of the conversation with what was recorded about it, or null when there is none; the caller disposes the stream.</summary>
    Task<(StoredAttachment Info, Stream Content)?> OpenAsync(string conversationId, string attachmentId, CancellationToken cancellationToken);

    /// <summary>Removes an upload once its content has been taken elsewhere; a missing one is not an error.</summary>
    Task DeleteAsync(string conversationId, string attachmentId, CancellationToken cancellationToken);

    /// <summary>Deletes every upload saved before <paramref name="savedBefore"/>; returns how many went.</summary>
    Task<int> SweepAsync(DateTimeOffset savedBefore, CancellationToken cancellationToken);
}

public sealed record StoredAttachment(string Id, string Name, string ContentType)
{
    /// <summary>When the file arrived; files from before this was recorded count as old.</summary>
    public DateTimeOffset SavedAt { get; init; }
}

/// <summary>What both stores share: attachment ids, per-conversation folders and safe file names.</summary>
public static class AttachmentNames
{
    /// <summary>An id this host made: 32 hex digits, so it can never walk out of its conversation's folder.</summary>
    public static bool IsId(string attachmentId) => attachmentId is { Length: 32 } && attachmentId.All(Uri.IsHexDigit);

    /// <summary>The folder (or blob prefix) of a conversation: a hash, so no id a client chose reaches a path.</summary>
    public static string Folder(string conversationId) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(conversationId)))[..32];

    /// <summary>A file name that is safe in headers, logs and JSON: no path, no control characters, at most 200 characters.</summary>
    public static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '\u2028' or '\u2029')).ToArray()).Trim();
        return clean.Length == 0 ? null : clean.Length > 200 ? clean[..200] : clean;
    }
}
