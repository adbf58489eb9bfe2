using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Cvs;

/// <summary>
/// The private blob container of <see cref="CvBlobOptions"/>, shared by the CV store and the Direct Line upload store.
/// Signs in with the connection string, or with Entra ID (<see cref="DefaultAzureCredential"/>) at the service address.
/// </summary>
public sealed class CvBlobContainer
{
    private readonly ILogger<CvBlobContainer> _logger;
    private volatile bool _exists;

    public CvBlobContainer(IOptions<CvOptions> options, ILogger<CvBlobContainer> logger)
    {
        _logger = logger;
        Client = Create(options.Value.Blob);
    }

    public BlobContainerClient Client { get; }

    /// <summary>Creates the container, with no public access, unless this process has already seen it.</summary>
    public async Task EnsureExistsAsync(CancellationToken cancellationToken)
    {
        if (_exists)
        {
            return;
        }
        var created = await Run("create container", () => Client.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken));
        if (created is not null)
        {
            CvsLog.ContainerCreated(_logger, Client.Name);
        }
        _exists = true;
    }

    /// <summary>
    /// Runs a storage call; a refusal or an unreachable service becomes a <see cref="CvStorageException"/>, logged with
    /// the status and error code only (blob names are random; no file name or personal data is in them).
    /// </summary>
    public async Task<T> Run<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException exception)
        {
            CvsLog.StorageFailed(_logger, operation, exception.Status, exception.ErrorCode);
            throw new CvStorageException($"The file store failed to {operation} (status {exception.Status}).", exception);
        }
        catch (AuthenticationFailedException exception)
        {
            CvsLog.StorageFailed(_logger, operation, 401, "EntraIdSignInFailed");
            throw new CvStorageException($"The file store failed to {operation}: signing in with Entra ID failed.", exception);
        }
    }

    private static BlobContainerClient Create(CvBlobOptions options)
    {
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException("Blob storage is not configured: set Cvs:Blob:ConnectionString or Cvs:Blob:ServiceUri.");
        }
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobContainerClient(options.ConnectionString, options.ContainerName);
        }
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });
        return new BlobServiceClient(new Uri(options.ServiceUri!), credential).GetBlobContainerClient(options.ContainerName);
    }
}
