using ChatAdvisor.Web.Bot;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Infrastructure;

/// <summary>
/// The real host on a private SQLite file and data folder. <see cref="Listen"/> puts it on a loopback port for
/// clients that need a socket (browsers, Node); otherwise the in-memory test server is used.
/// </summary>
public sealed class ChatAdvisorApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDataFolder;

    public ChatAdvisorApp(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? dataFolder = null)
    {
        _services = services;
        DataFolder = dataFolder ?? Directory.CreateTempSubdirectory("chatadvisor-tests-").FullName;
        _ownsDataFolder = dataFolder is null;
        _settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(DataFolder, "chatadvisor.db")}",
            ["DirectLine:SigningKeyFile"] = Path.Combine(DataFolder, "signing.key"),
            ["DirectLine:AttachmentsPath"] = Path.Combine(DataFolder, "attachments"),
            ["Cvs:StoragePath"] = Path.Combine(DataFolder, "cvs"),
            ["DataProtection:KeysPath"] = Path.Combine(DataFolder, "keys"),
            ["Knowledge:Path"] = Path.Combine(RepositoryRoot, "knowledge"),
            ["Embeddings:CachePath"] = EmbeddingCache,
            // The Teams and Emulator tests talk to /api/messages without a token, as a developer's machine would.
            ["Bot:AllowAnonymousLocalRequests"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>Database, signing key, uploads and CVs of this host; pass it to a second host to simulate a restart.</summary>
    public string DataFolder { get; }

    public string CvFolder => Path.Combine(DataFolder, "cvs");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// The vector cache every test host shares (test.sh fills it before the tests start with the <c>knowledge</c>
    /// command): embedding the guides in every language costs a host half a minute of CPU otherwise.
    /// </summary>
    public static string EmbeddingCache => Path.Combine(RepositoryRoot, "artifacts", "test-embeddings");

    /// <summary>
    /// Waits until every turn this host has accepted is finished: its replies sent and stored, the turn marked done
    /// (<see cref="TurnDispatcher.QueueDepth"/> counts a turn until then). Channels queue a turn before they
    /// acknowledge the activity, so after this nothing that any earlier request started is still on its way: the
    /// signal that lets a test assert that something was <em>not</em> sent.
    /// </summary>
    public Task TurnsFinishedAsync()
    {
        var dispatcher = Services.GetRequiredService<TurnDispatcher>();
        return Eventually.HoldsAsync(() => dispatcher.QueueDepth == 0, () => $"{dispatcher.QueueDepth} turn(s) still running.");
    }

    /// <summary>Starts Kestrel on a free loopback port and returns its base address.</summary>
    public Uri Listen()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        // Also as host settings: Program.cs reads some settings (Data Protection, telemetry) while it registers
        // services, before the application configuration above exists; host settings are visible by then.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing request; the temp folder is cleaned by the OS later.
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatAdvisor.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("ChatAdvisor.sln not found above the test output folder.");
    }
}
