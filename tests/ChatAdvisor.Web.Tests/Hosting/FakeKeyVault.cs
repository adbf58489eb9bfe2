using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Certificates;
using ChatAdvisor.Web.Hosting;
using ChatAdvisor.Web.Tests.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatAdvisor.Web.Tests.Hosting;

/// <summary>
/// Azure Key Vault's certificate and secret endpoints on a loopback HTTPS port, for the real SDK client. As the service
/// does, it answers a request without a bearer token with 401 and a challenge naming the Entra tenant and the Key
/// Vault resource; the client then asks its credential (<see cref="Credential"/>) for a token and sends it.
/// </summary>
public sealed class FakeKeyVault : IAsyncDisposable
{
    public const string CertificateName = "chatadvisor-keys";

    public const string TenantId = "11111111-2222-4333-8444-555555555555";

    private const string Token = "fake-key-vault-token";

    private readonly List<StoredVersion> _versions = [];
    private readonly X509Certificate2 _tls;
    private readonly SocketsHttpHandler _handler;
    private LoopbackServer? _server;

    private FakeKeyVault()
    {
        _tls = CreateTlsCertificate();
        // The client trusts exactly this server's certificate, as it would a real vault's chain.
        _handler = new SocketsHttpHandler();
        _handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _tls.Thumbprint;
    }

    public FakeCredential Credential { get; } = new();

    public Uri Uri => new(Server.BaseAddress + "/");

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    /// <summary>The host settings that point the app at this vault.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["DataProtection:KeyVaultUri"] = Uri.ToString(),
        ["DataProtection:KeyVaultCertificateName"] = CertificateName,
    };

    private LoopbackServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public static async Task<FakeKeyVault> StartAsync()
    {
        var vault = new FakeKeyVault();
        vault._server = await LoopbackServer.StartAsync(app => app.MapGet("/{**path}", vault.Handle), IPAddress.Loopback, vault._tls);
        return vault;
    }

    /// <summary>An RSA certificate with its private key, as Key Vault creates for a certificate policy.</summary>
    public static X509Certificate2 CreateCertificate(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>Adds a version, which becomes the current one; returns its version id.</summary>
    public string AddVersion(X509Certificate2 certificate, bool withPrivateKey = true)
    {
        lock (_versions)
        {
            var version = Guid.NewGuid().ToString("N");
            // Creation times a minute apart give the versions a defined order, as the service's timestamps do.
            _versions.Add(new(version, certificate, withPrivateKey, DateTimeOffset.UtcNow.AddHours(-1).AddMinutes(_versions.Count)) { Enabled = true });
            return version;
        }
    }

    public void Disable(string version)
    {
        lock (_versions)
        {
            _versions.Single(v => v.Version == version).Enabled = false;
        }
    }

    /// <summary>
    /// A client as production makes it, but with the fake credential, trust in this server's certificate and no
    /// retries. The challenge names https://vault.azure.net as the resource, and the SDK refuses a vault whose host is
    /// not under that domain unless told not to check: only a loopback test turns the check off.
    /// </summary>
    public CertificateClient CreateClient(Uri vault, bool verifyChallengeResource = false) => new(vault, Credential, new CertificateClientOptions
    {
        DisableChallengeResourceVerification = !verifyChallengeResource,
        Retry = { MaxRetries = 0 },
        Transport = new HttpClientTransport(_handler),
    });

    /// <summary>Makes the hosts this test builds use <see cref="CreateClient"/> for the vault, until disposed.</summary>
    public IDisposable UseForHosts(bool verifyChallengeResource = false)
    {
        KeyVaultCertificateSource.ClientForTests.Value = vault => CreateClient(vault, verifyChallengeResource);
        return new Reset();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _handler.Dispose();
        _tls.Dispose();
    }

    private IResult Handle(HttpContext context)
    {
        if (context.Request.Headers.Authorization != $"Bearer {Token}")
        {
            context.Response.Headers.WWWAuthenticate = $"Bearer authorization=\"https://login.microsoftonline.com/{TenantId}\", resource=\"https://vault.azure.net\"";
            return Results.Unauthorized();
        }
        StoredVersion[] versions;
        lock (_versions)
        {
            versions = [.. _versions];
        }
        var segments = context.Request.Path.Value!.Trim('/').Split('/');
        return segments switch
        {
            ["certificates", CertificateName, "versions"] => Results.Json(new { value = versions.Select(Properties), nextLink = (string?)null }),
            ["certificates", CertificateName] => Found(versions.LastOrDefault(), Bundle),
            ["certificates", CertificateName, var version] => Found(versions.SingleOrDefault(v => v.Version == version), Bundle),
            ["secrets", CertificateName, var version] => Found(versions.SingleOrDefault(v => v.Version == version), Secret),
            _ => NotFound("NotFound"),
        };
    }

    private static IResult Found(StoredVersion? version, Func<StoredVersion, object> body) =>
        version switch
        {
            null => NotFound("CertificateNotFound"),
            { Enabled: false } => Results.Json(new { error = new { code = "Forbidden", message = "Operation get is not allowed on a disabled certificate." } }, statusCode: 403),
            _ => Results.Json(body(version)),
        };

    private static IResult NotFound(string code) => Results.Json(new { error = new { code, message = "Not found in this vault." } }, statusCode: 404);

    private object Properties(StoredVersion version) => new
    {
        id = $"{Uri}certificates/{CertificateName}/{version.Version}",
        x5t = Base64Url.EncodeToString(version.Certificate.GetCertHash()),
        attributes = Attributes(version),
        tags = new { },
    };

    private object Bundle(StoredVersion version) => new
    {
        id = $"{Uri}certificates/{CertificateName}/{version.Version}",
        kid = $"{Uri}keys/{CertificateName}/{version.Version}",
        sid = $"{Uri}secrets/{CertificateName}/{version.Version}",
        x5t = Base64Url.EncodeToString(version.Certificate.GetCertHash()),
        cer = Convert.ToBase64String(version.Certificate.RawData),
        attributes = Attributes(version),
        tags = new { },
    };

    /// <summary>The certificate's backing secret: the PKCS#12 with the private key, or (a non-exportable key) only the certificate.</summary>
    private object Secret(StoredVersion version)
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(version.Certificate.RawData);
        var pfx = version.WithPrivateKey ? version.Certificate.Export(X509ContentType.Pkcs12) : publicOnly.Export(X509ContentType.Pkcs12);
        return new
        {
            value = Convert.ToBase64String(pfx),
            contentType = "application/x-pkcs12",
            id = $"{Uri}secrets/{CertificateName}/{version.Version}",
            kid = $"{Uri}keys/{CertificateName}/{version.Version}",
            managed = true,
            attributes = Attributes(version),
        };
    }

    private static object Attributes(StoredVersion version) => new
    {
        enabled = version.Enabled,
        nbf = new DateTimeOffset(version.Certificate.NotBefore.ToUniversalTime()).ToUnixTimeSeconds(),
        exp = new DateTimeOffset(version.Certificate.NotAfter.ToUniversalTime()).ToUnixTimeSeconds(),
        created = version.Created.ToUnixTimeSeconds(),
        updated = version.Created.ToUnixTimeSeconds(),
        recoveryLevel = "Recoverable+Purgeable",
    };

    private static X509Certificate2 CreateTlsCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12, so that the server's TLS stack gets a key it may use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    private sealed record StoredVersion(string Version, X509Certificate2 Certificate, bool WithPrivateKey, DateTimeOffset Created)
    {
        public bool Enabled { get; set; }
    }

    private sealed class Reset : IDisposable
    {
        public void Dispose() => KeyVaultCertificateSource.ClientForTests.Value = null;
    }

    /// <summary>Stands in for Entra ID: hands out the vault's token and records what was asked for (scopes, tenant).</summary>
    public sealed class FakeCredential : TokenCredential
    {
        private readonly ConcurrentQueue<TokenRequestContext> _requests = new();

        public IReadOnlyCollection<TokenRequestContext> Requests => _requests;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            _requests.Enqueue(requestContext);
            return new(Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
