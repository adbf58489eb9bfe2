using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Azure Blob Storage for CV files and Direct Line uploads. Section <c>Cvs:Blob</c>. Off (local disk) until
/// <see cref="ConnectionString"/> or <see cref="ServiceUri"/> is set; exactly one of the two may be.
/// </summary>
public sealed partial class CvBlobOptions : IValidatableObject
{
    /// <summary>A storage account connection string (account key or SAS). Not with <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The account's blob endpoint (<c>https://ACCOUNT.blob.core.windows.net</c>), signed in with Entra ID through
    /// <c>DefaultAzureCredential</c> (a managed identity in Azure). Not with <see cref="ConnectionString"/>.
    /// </summary>
    public string? ServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; only with <see cref="ServiceUri"/>. Default: the system identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The private container, created when missing; CVs go under <c>cvs/</c>, uploads under <c>attachments/</c>. Default <c>chatadvisor</c>.</summary>
    [Required]
    public string ContainerName { get; set; } = "chatadvisor";

    /// <summary>True when blob storage is switched on.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(ServiceUri);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString) && !string.IsNullOrWhiteSpace(ServiceUri))
        {
            yield return new("Set either Cvs:Blob:ConnectionString or Cvs:Blob:ServiceUri (with Entra ID), not both.",
                [nameof(ConnectionString), nameof(ServiceUri)]);
        }
        if (!string.IsNullOrWhiteSpace(ServiceUri)
            && (!Uri.TryCreate(ServiceUri, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))))
        {
            // Entra ID tokens are sent only over TLS.
            yield return new("Cvs:Blob:ServiceUri must be an absolute https address such as https://ACCOUNT.blob.core.windows.net.", [nameof(ServiceUri)]);
        }
        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && string.IsNullOrWhiteSpace(ServiceUri))
        {
            yield return new("Cvs:Blob:ManagedIdentityClientId applies only with Cvs:Blob:ServiceUri.", [nameof(ManagedIdentityClientId)]);
        }
        if (IsConfigured && !ContainerNamePattern().IsMatch(ContainerName ?? ""))
        {
            yield return new($"Cvs:Blob:ContainerName '{ContainerName}' is not a valid container name: use 3 to 63 lowercase letters, digits "
                + "and single hyphens, starting and ending with a letter or digit.", [nameof(ContainerName)]);
        }
    }

    /// <summary>Azure's rule: 3–63 characters of a–z, 0–9 and '-', every '-' between a letter or digit on both sides.</summary>
    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex ContainerNamePattern();
}
