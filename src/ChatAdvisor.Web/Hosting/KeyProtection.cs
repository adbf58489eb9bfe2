using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatAdvisor.Data;
using Microsoft.AspNetCore.DataProtection;

namespace ChatAdvisor.Web.Hosting;

/// <summary>Data Protection keys that survive restarts, in an owner-only folder, encrypted with a certificate when one is configured.</summary>
internal static class KeyProtection
{
    public static void AddKeyProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Read here as well: Data Protection takes the folder and the certificate while services are being registered.
        var options = builder.Configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var folder = Path.GetFullPath(options.KeysPath, builder.Environment.ContentRootPath);
        OwnerOnlyFiles.EnsureFolder(folder);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("ChatAdvisor").PersistKeysToFileSystem(new DirectoryInfo(folder));
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            dataProtection.ProtectKeysWithCertificate(LoadCertificate(Path.GetFullPath(options.CertificatePath, builder.Environment.ContentRootPath), options.CertificatePassword));
        }
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
