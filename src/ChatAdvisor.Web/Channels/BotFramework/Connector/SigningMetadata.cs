using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>
/// One OpenID metadata document with its signing keys and, per key id, the channels the key is endorsed for
/// (see the Bot Framework authentication documentation). Keys and endorsements come from the same fetch of <c>jwks_uri</c>, so they are cached and
/// refreshed together by one <see cref="ConfigurationManager{T}"/>.
/// </summary>
internal sealed record SigningMetadata(
    OpenIdConnectConfiguration Configuration,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements)
{
    /// <summary>
    /// Reads the metadata, then its key set. <c>endorsements</c> is not a JWK member: IdentityModel 8.16 keeps it in
    /// <see cref="JsonWebKey.AdditionalData"/> as a <see cref="JsonElement"/> (pinned by a test), but that type is an
    /// implementation detail that has changed between major versions, so the key set is parsed here as well.
    /// </summary>
    public static async Task<SigningMetadata> RetrieveAsync(string address, IDocumentRetriever retriever, CancellationToken cancellationToken)
    {
        var configuration = OpenIdConnectConfiguration.Create(await retriever.GetDocumentAsync(address, cancellationToken));
        if (string.IsNullOrEmpty(configuration.JwksUri))
        {
            throw new InvalidOperationException("The OpenID metadata has no jwks_uri.");
        }
        var keysJson = await retriever.GetDocumentAsync(configuration.JwksUri, cancellationToken);
        configuration.JsonWebKeySet = JsonWebKeySet.Create(keysJson);
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }
        return new SigningMetadata(configuration, ReadEndorsements(keysJson));
    }

    /// <summary>The key id → endorsements map; a key without an <c>endorsements</c> array is left out.</summary>
    internal static Dictionary<string, IReadOnlySet<string>> ReadEndorsements(string keysJson)
    {
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(keysJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return endorsements;
        }
        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind == JsonValueKind.Object
                && key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                && key.TryGetProperty("endorsements", out var values) && values.ValueKind == JsonValueKind.Array)
            {
                endorsements[kid.GetString()!] = values.EnumerateArray()
                    .Where(v => v.ValueKind == JsonValueKind.String)
                    .Select(v => v.GetString()!)
                    .ToHashSet(StringComparer.Ordinal);
            }
        }
        return endorsements;
    }
}
