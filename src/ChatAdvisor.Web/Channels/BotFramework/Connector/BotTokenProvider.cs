using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>
/// The bot's outbound access token for the Bot Connector (see the Bot Connector API documentation): client credentials with a secret or
/// certificate, or a user-assigned managed identity. One MSAL application per process; its in-memory app token
/// cache serves repeat calls and renews before expiry.
/// </summary>
public sealed class BotTokenProvider
{
    private readonly BotOptions _options;
    private readonly Lazy<IConfidentialClientApplication>? _confidential;
    private readonly Lazy<IManagedIdentityApplication>? _managedIdentity;

    public BotTokenProvider(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory)
    {
        _options = options.Value;
        var msalHttp = new MsalHttpClientFactory(httpClientFactory);
        if (_options.IsAuthenticationDisabled)
        {
            return;
        }
        if (_options.AppType == BotAppType.UserAssignedMsi)
        {
            _managedIdentity = new(() => ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(_options.AppId))
                .WithHttpClientFactory(msalHttp)
                .Build());
        }
        else
        {
            _confidential = new(() => CreateConfidentialClient(_options, msalHttp));
        }
    }

    /// <summary>A bearer token for the connector, or null when authentication is disabled (send no header).</summary>
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => GetTokenAsync(forceRefresh: false, cancellationToken);

    /// <summary>As <see cref="GetTokenAsync(CancellationToken)"/>; <paramref name="forceRefresh"/> skips the cache (after a 401).</summary>
    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (_managedIdentity is not null)
        {
            var result = await _managedIdentity.Value.AcquireTokenForManagedIdentity(Resource(_options.ToChannelFromBotOAuthScope))
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        if (_confidential is not null)
        {
            var result = await _confidential.Value.AcquireTokenForClient([_options.ToChannelFromBotOAuthScope])
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        return null;
    }

    private static IConfidentialClientApplication CreateConfidentialClient(BotOptions options, IMsalHttpClientFactory msalHttp)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(options.AppId)
            .WithAuthority(options.GetToChannelFromBotAuthority())
            // The authority is fixed by configuration and only used for client credentials, so MSAL's instance
            // discovery (cross-cloud aliases, authority validation) adds a network round trip and nothing else.
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(msalHttp);
        builder = options.HasCertificate
            ? builder.WithCertificate(LoadCertificate(options))
            : builder.WithClientSecret(options.AppPassword);
        return builder.Build();
    }

    private static X509Certificate2 LoadCertificate(BotOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        }
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, options.CertificateThumbprint!, validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }
        throw new InvalidOperationException($"No certificate with thumbprint {options.CertificateThumbprint} in the CurrentUser or LocalMachine 'My' store.");
    }

    // Managed identity endpoints take a resource, not a scope.
    private static string Resource(string scope) =>
        scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;
}
