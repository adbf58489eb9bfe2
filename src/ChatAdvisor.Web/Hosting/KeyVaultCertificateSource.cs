using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;

namespace ChatAdvisor.Web.Hosting;

/// <summary>The Data Protection certificate from Key Vault: what encrypts new keys, and what still decrypts keys from before a rotation.</summary>
internal sealed record KeyVaultCertificates(X509Certificate2 Current, string CurrentVersion, IReadOnlyList<X509Certificate2> Older);

/// <summary>
/// Downloads a Key Vault certificate with its private key (read from the certificate's backing secret): the current
/// version, and the newest older enabled versions, so keys encrypted before a rotation can still be read.
/// </summary>
internal sealed class KeyVaultCertificateSource(CertificateClient client, string certificateName)
{
    /// <summary>
    /// How many older versions are loaded besides the current one. Data Protection never re-encrypts a key, so a key
    /// (and what it protected, such as an authenticator key) stays readable for five rotations: five years of yearly ones.
    /// </summary>
    public const int OlderVersionsKept = 5;

    /// <summary>
    /// Tests only: the client for a vault (a loopback fake, with its own credential and TLS trust) instead of
    /// DefaultAzureCredential. An AsyncLocal, so it reaches only the host a test builds (WebApplicationFactory runs
    /// Program on a thread that inherits the test's execution context), never hosts of tests running beside it.
    /// </summary>
    internal static readonly AsyncLocal<Func<Uri, CertificateClient>?> ClientForTests = new();

    public static KeyVaultCertificateSource Create(KeyProtectionOptions options)
    {
        var vault = options.KeyVaultUri ?? throw new InvalidOperationException("DataProtection:KeyVaultUri is not set.");
        var client = ClientForTests.Value?.Invoke(vault)
            ?? new CertificateClient(vault, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId }));
        return new(client, options.KeyVaultCertificateName ?? throw new InvalidOperationException("DataProtection:KeyVaultCertificateName is not set."));
    }

    public async Task<KeyVaultCertificates> DownloadAsync(CancellationToken cancellationToken)
    {
        var current = await DownloadVersionAsync(version: null, cancellationToken);
        var versions = await FromVaultAsync(async () =>
        {
            var all = new List<CertificateProperties>();
            await foreach (var properties in client.GetPropertiesOfCertificateVersionsAsync(certificateName, cancellationToken))
            {
                all.Add(properties);
            }
            return all;
        }, cancellationToken);
        var currentHash = current.GetCertHash();
        var currentVersion = versions.FirstOrDefault(v => IsCertificate(v, currentHash))?.Version ?? "latest";
        var older = new List<X509Certificate2>();
        // A disabled version is one the operator has retired; a re-imported copy of the current certificate adds nothing.
        foreach (var version in versions.Where(v => v.Enabled == true && !IsCertificate(v, currentHash))
            .OrderByDescending(v => v.CreatedOn ?? DateTimeOffset.MinValue).Take(OlderVersionsKept))
        {
            older.Add(await DownloadVersionAsync(version.Version, cancellationToken));
        }
        return new(current, currentVersion, older);
    }

    private async Task<X509Certificate2> DownloadVersionAsync(string? version, CancellationToken cancellationToken)
    {
        var options = new DownloadCertificateOptions(certificateName) { Version = version, KeyStorageFlags = X509KeyStorageFlags.EphemeralKeySet };
        var certificate = await FromVaultAsync(async () => (X509Certificate2)await client.DownloadCertificateAsync(options, cancellationToken), cancellationToken);
        using var rsa = certificate.GetRSAPublicKey();
        var problem = !certificate.HasPrivateKey
            ? "came from the vault without its private key, so the keys it encrypts could not be read back: its policy must keep the key exportable, and its secret must hold the key"
            : rsa is null ? "is not an RSA certificate, which is what Data Protection encrypts keys with" : null;
        if (problem is not null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"DataProtection:KeyVaultCertificateName '{certificateName}' (version {version ?? "current"}) {problem}.");
        }
        return certificate;
    }

    /// <summary>Turns whatever the SDK throws (no route, refused sign-in, an error status, an unreadable secret) into one message naming the settings.</summary>
    private async Task<T> FromVaultAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(Explain(ex), ex);
        }
    }

    private static bool IsCertificate(CertificateProperties version, byte[] hash) => version.X509Thumbprint is { } thumbprint && thumbprint.AsSpan().SequenceEqual(hash);

    private string Explain(Exception ex)
    {
        var where = $"DataProtection:KeyVaultCertificateName '{certificateName}' from DataProtection:KeyVaultUri {client.VaultUri}";
        return ex switch
        {
            AuthenticationFailedException or CredentialUnavailableException =>
                $"Could not sign in with Entra ID to read {where} ({ex.Message}); give the app a managed identity (a user-assigned one through DataProtection:ManagedIdentityClientId) or another DefaultAzureCredential sign-in.",
            RequestFailedException { Status: > 0 } failed =>
                $"The vault refused {where}: {failed.Status} {failed.ErrorCode}. The identity needs certificates get and list, and secrets get (such as the Key Vault Certificate User role).",
            RequestFailedException or AggregateException or HttpRequestException or IOException or TaskCanceledException =>
                $"Could not reach the vault for {where}: {ex.Message}",
            CryptographicException or InvalidDataException or NotSupportedException or FormatException =>
                $"The secret of {where} is not a certificate with its key: {ex.Message}",
            // Such as the SDK refusing a challenge whose resource is not the vault's domain.
            _ => $"Could not read {where}: {ex.Message}",
        };
    }
}
