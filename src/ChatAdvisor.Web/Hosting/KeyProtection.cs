using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Portal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ChatAdvisor.Web.Hosting;

/// <summary>
/// Data Protection keys that survive restarts, in an owner-only folder (or, on PostgreSQL, in the database that all
/// instances share), encrypted with a certificate when one is configured: from a PKCS#12 file, or downloaded from
/// Azure Key Vault at start.
/// </summary>
internal static class KeyProtection
{
    /// <remarks>
    /// Data Protection takes its certificates while services are registered (the decryption certificates only through
    /// its builder), so a Key Vault certificate is downloaded here, before the host is built: a vault that cannot be
    /// read stops the start instead of leaving the keys unencrypted.
    /// </remarks>
    public static async Task AddKeyProtectionAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        builder.Services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Read here as well: Data Protection takes the folder and the certificate while services are being registered.
        var options = builder.Configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var folder = Path.GetFullPath(options.KeysPath, builder.Environment.ContentRootPath);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("ChatAdvisor");
        KeyRingProtection inUse;
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Every instance on the database reads the same keys; those an earlier run kept in the folder move in once.
            builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider, ILoggerFactory>((o, services, loggers) =>
                o.XmlRepository = new DatabaseKeyRing(new EntityFrameworkCoreXmlRepository<PortalDb>(services, loggers), folder, loggers));
            inUse = new KeyRingProtection("the database");
        }
        else
        {
            OwnerOnlyFiles.EnsureFolder(folder);
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(folder));
            inUse = new KeyRingProtection(folder);
        }
        if (options.KeyVaultUri is not null)
        {
            var fromVault = await KeyVaultCertificateSource.Create(options).DownloadAsync(cancellationToken);
            dataProtection.ProtectKeysWithCertificate(fromVault.Current);
            if (fromVault.Older.Count > 0)
            {
                // Keys written before a rotation stay encrypted with the version that was current then.
                dataProtection.UnprotectKeysWithAnyCertificate([.. fromVault.Older]);
            }
            inUse = inUse with { Thumbprint = fromVault.Current.Thumbprint, Vault = new(options.KeyVaultUri, options.KeyVaultCertificateName!, fromVault.CurrentVersion, fromVault.Older.Count) };
        }
        else if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var certificate = LoadCertificate(Path.GetFullPath(options.CertificatePath, builder.Environment.ContentRootPath), options.CertificatePassword);
            dataProtection.ProtectKeysWithCertificate(certificate);
            inUse = inUse with { Thumbprint = certificate.Thumbprint };
        }
        builder.Services.AddSingleton(inUse);
        builder.Services.AddHostedService<KeyProtectionReport>();
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath names a file that does not exist: {path}");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath could not be read as a PKCS#12 file with the password given: {ex.Message}", ex);
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException("The DataProtection certificate has no private key, so the keys it encrypts could not be read back.");
        }
        return certificate;
    }
}
