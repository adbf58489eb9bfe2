using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Web.Hosting;

/// <summary>Where the Data Protection keys (cookies, antiforgery, the portal's encrypted authenticator keys) live, and how they are protected.</summary>
public sealed class KeyProtectionOptions : IValidatableObject
{
    public const string SectionName = "DataProtection";

    /// <summary>The key ring's folder, relative to the content root. Default <c>data/keys</c>; instances share keys by sharing it.</summary>
    [Required]
    public string KeysPath { get; set; } = "data/keys";

    /// <summary>
    /// A PKCS#12 (.pfx) file whose certificate encrypts each key at rest (its private key decrypts them). Unset (and no
    /// <see cref="KeyVaultUri"/>): the keys are stored unencrypted in their owner-only folder. Keep the certificate outside <see cref="KeysPath"/>.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one (supply it as a secret, not in appsettings).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Instead of <see cref="CertificatePath"/>: the Azure Key Vault (its https URI, such as <c>https://name.vault.azure.net/</c>)
    /// holding the certificate <see cref="KeyVaultCertificateName"/>, downloaded with its private key at start. Signed in with
    /// Entra ID through <c>DefaultAzureCredential</c>; the identity needs certificates get and list, and secrets get.
    /// </summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>
    /// The certificate in <see cref="KeyVaultUri"/>: its current version encrypts new keys, and its newest older enabled versions
    /// (<see cref="KeyVaultCertificateSource.OlderVersionsKept"/>) still decrypt keys written before a rotation. Its key must be exportable.
    /// </summary>
    [RegularExpression("^[0-9a-zA-Z-]{1,127}$", ErrorMessage = "DataProtection:KeyVaultCertificateName must be a Key Vault certificate name: 1 to 127 letters, digits and dashes.")]
    public string? KeyVaultCertificateName { get; set; }

    /// <summary>The client id of the user-assigned managed identity that signs in to <see cref="KeyVaultUri"/>; unset: DefaultAzureCredential's own choice.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyVaultUri is null)
        {
            if (!string.IsNullOrWhiteSpace(KeyVaultCertificateName) || !string.IsNullOrWhiteSpace(ManagedIdentityClientId))
            {
                yield return new("DataProtection:KeyVaultCertificateName and DataProtection:ManagedIdentityClientId are used only with DataProtection:KeyVaultUri, which is not set.",
                    [nameof(KeyVaultUri)]);
            }
            yield break;
        }
        if (!KeyVaultUri.IsAbsoluteUri || KeyVaultUri.Scheme != Uri.UriSchemeHttps)
        {
            yield return new("DataProtection:KeyVaultUri must be the vault's absolute https URI, such as https://<vault-name>.vault.azure.net/.", [nameof(KeyVaultUri)]);
        }
        if (string.IsNullOrWhiteSpace(KeyVaultCertificateName))
        {
            yield return new("DataProtection:KeyVaultCertificateName is required with DataProtection:KeyVaultUri: the name of the certificate that encrypts the keys.",
                [nameof(KeyVaultCertificateName)]);
        }
        if (!string.IsNullOrWhiteSpace(CertificatePath))
        {
            yield return new("DataProtection:CertificatePath and DataProtection:KeyVaultUri exclude each other: encrypt the keys with a certificate file or with a Key Vault certificate, not both.",
                [nameof(CertificatePath), nameof(KeyVaultUri)]);
        }
        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && !Guid.TryParse(ManagedIdentityClientId, out _))
        {
            yield return new("DataProtection:ManagedIdentityClientId must be the managed identity's client id (a GUID).", [nameof(ManagedIdentityClientId)]);
        }
    }
}
