namespace ChatAdvisor.Web.Channels.DirectLine;

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
