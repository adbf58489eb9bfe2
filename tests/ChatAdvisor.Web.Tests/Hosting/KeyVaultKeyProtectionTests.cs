using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using ChatAdvisor.Web.Hosting;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Hosting;

/// <summary>The Data Protection certificate taken from Azure Key Vault, against a fake vault on loopback HTTPS.</summary>
public sealed class KeyVaultKeyProtectionTests : IDisposable
{
    private const string Secret = "a recruiter's authenticator key";

    private readonly string _folder = Directory.CreateTempSubdirectory("chatadvisor-keyvault-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TheKeyRingIsEncryptedWithTheVaultsCertificateAndAProtectedPayloadRoundTrips()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        using var certificate = FakeKeyVault.CreateCertificate("ChatAdvisor test vault certificate");
        var version = vault.AddVersion(certificate);
        using var hosts = vault.UseForHosts();
        var log = new LogCapture();
        using var app = new ChatAdvisorApp(vault.Settings, log.Register, _folder);

        var protector = Protector(app);
        Assert.Equal(Secret, protector.Unprotect(protector.Protect(Secret)));

        var ring = KeyRing();
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            Assert.Equal(certificate.Thumbprint, EncryptingThumbprint(xml));
        });
        // The client met the challenge, asked for Key Vault's scope in the challenge's tenant, and read the backing secret.
        Assert.Contains(vault.Credential.Requests, r => r.Scopes.SequenceEqual(["https://vault.azure.net/.default"]) && r.TenantId == FakeKeyVault.TenantId);
        Assert.Contains(vault.Requests, r => r.PathAndQuery.StartsWith($"/secrets/{FakeKeyVault.CertificateName}/{version}?api-version=", StringComparison.Ordinal));
        var report = Assert.Single(log.Entries, e => e.EventId.Id == 6013);
        Assert.Contains($"{FakeKeyVault.CertificateName} version {version} (thumbprint {certificate.Thumbprint})", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterARotationKeysFromTheOlderVersionStillDecryptAndNewKeysUseTheCurrentOne()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        using var first = FakeKeyVault.CreateCertificate("ChatAdvisor test vault certificate 1");
        using var second = FakeKeyVault.CreateCertificate("ChatAdvisor test vault certificate 2");
        var firstVersion = vault.AddVersion(first);
        using var hosts = vault.UseForHosts();
        string payload;
        using (var before = new ChatAdvisorApp(vault.Settings, dataFolder: _folder))
        {
            payload = Protector(before).Protect(Secret);
        }
        Assert.All(KeyRing(), xml => Assert.Equal(first.Thumbprint, EncryptingThumbprint(xml)));

        vault.AddVersion(second);
        using (var after = new ChatAdvisorApp(vault.Settings, dataFolder: _folder))
        {
            Assert.Equal(Secret, Protector(after).Unprotect(payload));
            after.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        }
        Assert.Equal(new[] { first.Thumbprint, second.Thumbprint }.Order(StringComparer.Ordinal), KeyRing().Select(EncryptingThumbprint).Distinct().Order(StringComparer.Ordinal));

        // Disabling the old version in the vault retires it: what it encrypted can no longer be read.
        vault.Disable(firstVersion);
        using var retired = new ChatAdvisorApp(vault.Settings, dataFolder: _folder);
        Assert.ThrowsAny<CryptographicException>(() => Protector(retired).Unprotect(payload));
    }

    [Fact]
    public async Task OnlyTheNewestEnabledOlderVersionsAreDownloaded()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        var certificates = Enumerable.Range(0, 8).Select(i => FakeKeyVault.CreateCertificate($"ChatAdvisor test vault certificate {i}")).ToList();
        var versions = certificates.Select(c => vault.AddVersion(c)).ToList();
        vault.Disable(versions[6]);

        var downloaded = await new KeyVaultCertificateSource(vault.CreateClient(vault.Uri), FakeKeyVault.CertificateName).DownloadAsync(CancellationToken.None);

        Assert.Equal(certificates[7].Thumbprint, downloaded.Current.Thumbprint);
        Assert.Equal(versions[7], downloaded.CurrentVersion);
        Assert.Equal([.. new[] { 5, 4, 3, 2, 1 }.Select(i => certificates[i].Thumbprint)], downloaded.Older.Select(c => c.Thumbprint));
        Assert.All(downloaded.Older.Append(downloaded.Current), c => Assert.True(c.HasPrivateKey));
        certificates.ForEach(c => c.Dispose());
    }

    [Fact]
    public void AnUnreachableVaultStopsTheStartWithTheSettingsNames()
    {
        // Production's own client and credential: the first, unauthenticated request already finds nothing listening.
        var vault = $"https://127.0.0.1:{LoopbackPort.Free()}/";
        using var app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["DataProtection:KeyVaultUri"] = vault,
            ["DataProtection:KeyVaultCertificateName"] = FakeKeyVault.CertificateName,
            ["DataProtection:ManagedIdentityClientId"] = Guid.NewGuid().ToString(),
        }, dataFolder: _folder);

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains($"Could not reach the vault for DataProtection:KeyVaultCertificateName '{FakeKeyVault.CertificateName}' from DataProtection:KeyVaultUri {vault}",
            error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "keys")));
    }

    [Fact]
    public async Task ACertificateWhoseSecretLacksThePrivateKeyStopsTheStart()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        using var certificate = FakeKeyVault.CreateCertificate("ChatAdvisor test vault certificate");
        vault.AddVersion(certificate, withPrivateKey: false);
        using var hosts = vault.UseForHosts();
        using var app = new ChatAdvisorApp(vault.Settings, dataFolder: _folder);

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains($"DataProtection:KeyVaultCertificateName '{FakeKeyVault.CertificateName}' (version current) came from the vault without its private key",
            error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACertificateTheVaultDoesNotHaveStopsTheStart()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        using var hosts = vault.UseForHosts();
        using var app = new ChatAdvisorApp(vault.Settings, dataFolder: _folder);

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains($"The vault refused DataProtection:KeyVaultCertificateName '{FakeKeyVault.CertificateName}' from DataProtection:KeyVaultUri {vault.Uri}: 404 CertificateNotFound",
            error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChallengeForAnotherResourceThanTheVaultsHostIsRefusedUnlessTheCheckIsOff()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        using var certificate = FakeKeyVault.CreateCertificate("ChatAdvisor test vault certificate");
        vault.AddVersion(certificate);
        using var hosts = vault.UseForHosts(verifyChallengeResource: true);
        using var app = new ChatAdvisorApp(vault.Settings, dataFolder: _folder);

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains($"Could not read DataProtection:KeyVaultCertificateName '{FakeKeyVault.CertificateName}' from DataProtection:KeyVaultUri {vault.Uri}: "
            + "The challenge resource 'vault.azure.net' does not match the requested domain", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(vault.Credential.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/", FakeKeyVault.CertificateName, null, null, "DataProtection:KeyVaultUri must be the vault's absolute https URI")]
    [InlineData("vault-name", FakeKeyVault.CertificateName, null, null, "DataProtection:KeyVaultUri must be the vault's absolute https URI")]
    [InlineData("https://127.0.0.1:1/", null, null, null, "DataProtection:KeyVaultCertificateName is required with DataProtection:KeyVaultUri")]
    [InlineData("https://127.0.0.1:1/", "keys/../other", null, null, "DataProtection:KeyVaultCertificateName must be a Key Vault certificate name")]
    [InlineData("https://127.0.0.1:1/", FakeKeyVault.CertificateName, "keys.pfx", null, "DataProtection:CertificatePath and DataProtection:KeyVaultUri exclude each other")]
    [InlineData("https://127.0.0.1:1/", FakeKeyVault.CertificateName, null, "my-identity", "DataProtection:ManagedIdentityClientId must be the managed identity's client id")]
    [InlineData(null, FakeKeyVault.CertificateName, null, null, "are used only with DataProtection:KeyVaultUri, which is not set")]
    public void BadKeyVaultSettingsStopTheStartWithAClearMessage(string? uri, string? name, string? certificatePath, string? identity, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:KeyVaultUri"] = uri,
            ["DataProtection:KeyVaultCertificateName"] = name,
            ["DataProtection:CertificatePath"] = certificatePath,
            ["DataProtection:ManagedIdentityClientId"] = identity,
        };
        using var app = new ChatAdvisorApp(settings.Where(s => s.Value is not null).ToDictionary(), dataFolder: _folder);

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    private static IDataProtector Protector(ChatAdvisorApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ChatAdvisor.Tests.KeyVault");

    private List<string> KeyRing() => [.. Directory.GetFiles(Path.Combine(_folder, "keys"), "*.xml").Select(File.ReadAllText)];

    /// <summary>The certificate the key's secret was encrypted to, as EncryptedXml records it in the key file.</summary>
    private static string EncryptingThumbprint(string xml)
    {
        var element = XDocument.Parse(xml).Descendants().Single(e => e.Name.LocalName == "X509Certificate");
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(element.Value));
        return certificate.Thumbprint;
    }
}
