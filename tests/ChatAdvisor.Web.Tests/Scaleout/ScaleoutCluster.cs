using System.Security.Cryptography;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Web.Tests.Connector;
using ChatAdvisor.Web.Tests.Infrastructure;
using Npgsql;

namespace ChatAdvisor.Web.Tests.Scaleout;

/// <summary>
/// Two real host processes configured as an operator runs several instances — one PostgreSQL database, one Redis,
/// one blob container (Azurite), the same Direct Line signing key, nothing shared on disk — behind nginx.
/// </summary>
public sealed class ScaleoutCluster : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("chatadvisor-scaleout-").FullName;
    private readonly string _database = "scaleout_" + Guid.NewGuid().ToString("N")[..12];

    public HostProcess[] Hosts { get; } = new HostProcess[2];

    public NginxProxy Proxy { get; private set; } = null!;

    public Dictionary<string, string> Settings { get; private set; } = [];

    public string ContainerName { get; } = TestAzurite.NewContainerName();

    public string KeyPrefix { get; } = $"test-{Guid.NewGuid():N}:";

    public async Task InitializeAsync()
    {
        if (TestScaleout.SkipReason is not null)
        {
            return;
        }
        await using (var admin = new NpgsqlConnection(TestPostgres.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        Settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Database = _database }.ConnectionString,
            ["Redis__ConnectionString"] = TestScaleout.Redis,
            ["Redis__KeyPrefix"] = KeyPrefix,
            ["Cvs__Blob__ConnectionString"] = TestAzurite.ConnectionString,
            ["Cvs__Blob__ContainerName"] = ContainerName,
            ["DirectLine__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Teams__AllowedTenants__0"] = BotServiceFixture.AllowedTenant,
            // The tests stand in for Bot Service on loopback, without tokens, and for a TLS proxy (the portal).
            ["Bot__AllowAnonymousLocalRequests"] = "true",
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            // One visitor's posts are limited across both instances (see the rate-limit test); the address limit
            // is out of the way, since every request here comes from 127.0.0.1.
            ["Limits__ActivitiesPerConversationPerMinute"] = RateLimitPerConversation.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Limits__PostsPerAddressPerMinute"] = "100000",
            ["Embeddings__CachePath"] = ChatAdvisorApp.EmbeddingCache,
        };
        // One after the other: the first builds the embedding cache that the second then reads.
        Hosts[0] = await StartHostAsync(0);
        Hosts[1] = await StartHostAsync(1);
        Proxy = await NginxProxy.StartAsync(Hosts.Select(h => h.Port));
    }

    public const int RateLimitPerConversation = 40;

    /// <summary>Starts host <paramref name="index"/> again (after it was killed) and points the proxy at it.</summary>
    public async Task RestartAsync(int index)
    {
        await Hosts[index].DisposeAsync();
        Hosts[index] = await StartHostAsync(index);
        await Proxy.ReloadAsync(Hosts.Select(h => h.Port));
    }

    public int IndexOf(int port) => Array.FindIndex(Hosts, h => h.Port == port);

    public string Output => string.Join("\n", Hosts.Select((h, i) => $"--- host {i} (port {h?.Port})\n{h?.Output}")) + $"\n--- nginx\n{Proxy?.Output}";

    public async Task DisposeAsync()
    {
        foreach (var host in Hosts.Where(h => h is not null))
        {
            await host.DisposeAsync();
        }
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
        if (TestScaleout.SkipReason is null)
        {
            await using var admin = new NpgsqlConnection(TestPostgres.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await TestAzurite.Container(ContainerName).DeleteIfExistsAsync();
        }
        Directory.Delete(_root, recursive: true);
    }

    private Task<HostProcess> StartHostAsync(int index)
    {
        var data = Path.Combine(_root, $"host{index}");
        Directory.CreateDirectory(data);
        return HostProcess.StartAsync(data, Settings);
    }
}
