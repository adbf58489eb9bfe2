namespace ChatAdvisor.Cvs;

/// <summary>Where CV files live: local disk by default (<see cref="LocalCvFileStore"/>), or Azure Blob Storage (<see cref="BlobCvFileStore"/>).
/// A blob store that fails (unreachable, refused) throws <see cref="CvStorageException"/>.</summary>
public interface ICvFileStore
{
    /// <summary>Stores the content and returns its storage key.</summary>
    Task<string> SaveAsync(string submissionId, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored file, or null when it does not exist.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes a stored file; deleting a missing file is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
