using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Web.Hosting;

/// <summary>Where the Data Protection keys (cookies, antiforgery, the portal's encrypted authenticator keys) live, and how they are protected.</summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>The key ring's folder, relative to the content root. Default <c>data/keys</c>; instances share keys by sharing it.</summary>
    [Required]
    public string KeysPath { get; set; } = "data/keys";

    /// <summary>
    /// A PKCS#12 (.pfx) file whose certificate encrypts each key at rest (its private key decrypts them). Unset: the
    /// keys are stored unencrypted in their owner-only folder. Keep the certificate outside <see cref="KeysPath"/>.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one (supply it as a secret, not in appsettings).</summary>
    public string? CertificatePassword { get; set; }
}
