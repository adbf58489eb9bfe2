using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatAdvisor.Web.Channels.DirectLine;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>What a copy of the data folder gives away: no second factor in clear text, nothing readable by other users.</summary>
public sealed class PortalSecretsAtRestTests : IDisposable
{
    private const string KeyName = "AuthenticatorKey";

    private readonly string _folder = Directory.CreateTempSubdirectory("chatadvisor-secrets-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AuthenticatorKeysAndRecoveryCodesAreStoredEncrypted()
    {
        using var app = new ChatAdvisorApp(dataFolder: _folder);
        var account = await PortalAccount.CreateRecruiterAsync(app);
        using var session = new PortalSession(app);
        var enrolment = await session.EnrolAsync(account);

        var tokens = await TokensAsync(app);
        Assert.Contains(tokens, t => t.Name == KeyName);
        Assert.Contains(tokens, t => t.Name == "RecoveryCodes");
        Assert.All(tokens, t => Assert.StartsWith(PortalUserStore.ProtectedPrefix, t.Value, StringComparison.Ordinal));
        var raw = string.Join("\n", tokens.Select(t => t.Value));
        Assert.DoesNotContain(enrolment.SharedKey, raw, StringComparison.OrdinalIgnoreCase);
        Assert.All(enrolment.RecoveryCodes, code => Assert.DoesNotContain(code, raw, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AKeyStoredInClearTextByAnEarlierVersionIsEncryptedAtStartAndStillSignsIn()
    {
        var account = default(PortalAccount);
        var enrolment = default(Enrolment);
        using (var before = new ChatAdvisorApp(dataFolder: _folder))
        {
            account = await PortalAccount.CreateRecruiterAsync(before);
            using var session = new PortalSession(before);
            enrolment = await session.EnrolAsync(account);
            await using var db = await before.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
            var key = await db.UserTokens.SingleAsync(t => t.UserId == account.UserId && t.Name == KeyName);
            key.Value = enrolment.SharedKey;
            await db.SaveChangesAsync();
        }

        using var after = new ChatAdvisorApp(dataFolder: _folder);
        using var signIn = new PortalSession(after);
        PortalSession.AssertRedirect(await signIn.SignInAsync(account, enrolment.SharedKey), "/portal");

        var stored = (await TokensAsync(after)).Single(t => t.Name == KeyName).Value;
        Assert.StartsWith(PortalUserStore.ProtectedPrefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(enrolment.SharedKey, stored, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheDatabaseAndKeyFilesTheHostCreatesAreOwnerOnly()
    {
        var data = Path.Combine(_folder, "data");
        using var app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(data, "chatadvisor.db")}",
            ["DataProtection:KeysPath"] = Path.Combine(data, "keys"),
            ["DirectLine:SigningKeyFile"] = Path.Combine(data, "directline-signing.key"),
        }, dataFolder: _folder);
        var account = await PortalAccount.CreateRecruiterAsync(app);
        using var session = new PortalSession(app);
        await session.EnrolAsync(account); // writes accounts and creates the Data Protection key ring
        _ = app.Services.GetRequiredService<DirectLineTokens>(); // creates the signing key

        const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(data));
        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(Path.Combine(data, "keys")));
        // SQLite removes the write-ahead log when its last connection closes; an open one keeps it there to be checked.
        await using var open = new SqliteConnection($"Data Source={Path.Combine(data, "chatadvisor.db")}");
        await open.OpenAsync();
        await using (var read = open.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM conversations";
            await read.ExecuteScalarAsync();
        }
        var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories);
        Assert.Contains(Path.Combine(data, "chatadvisor.db"), files);
        Assert.Contains(Path.Combine(data, "chatadvisor.db-wal"), files);
        Assert.Contains(Path.Combine(data, "directline-signing.key"), files);
        Assert.Contains(files, f => f.StartsWith(Path.Combine(data, "keys"), StringComparison.Ordinal) && f.EndsWith(".xml", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(System.IO.File.GetUnixFileMode(f) == File, $"{Path.GetFileName(f)} is {System.IO.File.GetUnixFileMode(f)}"));
    }

    [Fact]
    public async Task WithACertificateTheKeyRingIsEncryptedAndAnotherInstanceWithTheCertificateReadsIt()
    {
        var certificate = Path.Combine(_folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=ChatAdvisor test key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await System.IO.File.WriteAllBytesAsync(certificate, created.Export(X509ContentType.Pfx, "test-password"));
        }
        var settings = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = certificate, ["DataProtection:CertificatePassword"] = "test-password" };
        string cookie;
        using (var first = new ChatAdvisorApp(settings, dataFolder: _folder))
        {
            var account = await PortalAccount.CreateRecruiterAsync(first);
            using var session = new PortalSession(first);
            await session.EnrolAsync(account);
            cookie = session.SetCookies.Last(c => c.StartsWith(PortalCookies.SessionCookie + "=", StringComparison.Ordinal)).Split(';')[0];
        }

        var ring = Directory.GetFiles(Path.Combine(_folder, "keys"), "*.xml");
        Assert.NotEmpty(ring);
        Assert.All(ring, f =>
        {
            var xml = System.IO.File.ReadAllText(f);
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        using var second = new ChatAdvisorApp(settings, dataFolder: _folder);
        using var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal")).StatusCode);
    }

    [Fact]
    public void AMissingCertificateStopsTheHostWithTheSettingsName()
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = Path.Combine(_folder, "missing.pfx") }, dataFolder: _folder);

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("DataProtection:CertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<List<(string Name, string Value)>> TokensAsync(ChatAdvisorApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return [.. (await db.UserTokens.AsNoTracking().ToListAsync()).Select(t => (t.Name, t.Value ?? ""))];
    }
}
