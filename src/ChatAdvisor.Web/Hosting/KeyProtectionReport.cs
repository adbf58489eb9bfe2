namespace ChatAdvisor.Web.Hosting;

/// <summary>What protects the key ring at rest, decided while services are registered.</summary>
internal sealed record KeyRingProtection(string Folder, string? Thumbprint = null, KeyVaultCertificateInUse? Vault = null);

/// <summary>The Key Vault certificate in use: no secret, only where it came from and which version encrypts new keys.</summary>
internal sealed record KeyVaultCertificateInUse(Uri VaultUri, string Name, string Version, int OlderVersions);

/// <summary>Tells the operator, once at start, how the Data Protection keys are protected (registration has no logger yet).</summary>
internal sealed partial class KeyProtectionReport(KeyRingProtection protection, ILogger<KeyProtectionReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        switch (protection)
        {
            case { Vault: { } vault }:
                FromKeyVault(logger, protection.Folder, vault.Name, vault.Version, protection.Thumbprint, vault.VaultUri, vault.OlderVersions);
                break;
            case { Thumbprint: { } thumbprint }:
                FromFile(logger, protection.Folder, thumbprint);
                break;
            default:
                Unencrypted(logger, protection.Folder);
                break;
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(6011, LogLevel.Information,
        "Data Protection keys in {Folder} are not encrypted at rest, only kept in an owner-only folder; set DataProtection:CertificatePath or DataProtection:KeyVaultUri to encrypt them")]
    private static partial void Unencrypted(ILogger logger, string folder);

    [LoggerMessage(6012, LogLevel.Information, "Data Protection keys in {Folder} are encrypted with the certificate {Thumbprint} of DataProtection:CertificatePath")]
    private static partial void FromFile(ILogger logger, string folder, string thumbprint);

    [LoggerMessage(6013, LogLevel.Information,
        "Data Protection keys in {Folder} are encrypted with Key Vault certificate {CertificateName} version {Version} (thumbprint {Thumbprint}) from {VaultUri}; {OlderVersions} older versions still decrypt keys from before a rotation")]
    private static partial void FromKeyVault(ILogger logger, string folder, string certificateName, string version, string? thumbprint, Uri vaultUri, int olderVersions);
}
