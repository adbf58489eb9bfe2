namespace ChatAdvisor.Cvs;

/// <summary>
/// The file store (Azure Blob Storage) refused or could not be reached; nothing was stored, read or deleted. The message
/// names the operation only; the inner exception holds the service's error.
/// </summary>
public sealed class CvStorageException(string message, Exception innerException) : Exception(message, innerException);
