using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Data;
using ChatAdvisor.Review;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatAdvisor.Core.Tests.Review;

/// <summary>
/// A SQLite database file in a temp folder with the application's real schema (applied by <see cref="SchemaMigrator"/>),
/// and the review services resolved from a service collection over it. Deleted on dispose.
/// On PostgreSQL (<see cref="TestPostgres"/>) a new database on the test server takes the file's place (and is dropped
/// on dispose), so the same tests check the PostgreSQL translation in the same run.
/// </summary>
public sealed class ReviewDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;
    private readonly ServiceProvider _services;

    private ReviewDatabase(IDbContextFactory<ChatAdvisorDb> factory, Func<Task> drop)
    {
        _drop = drop;
        Factory = factory;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(factory);
        services.AddChatAdvisorReview();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IDbContextFactory<ChatAdvisorDb> Factory { get; }

    public ConversationSearch Search => Get<ConversationSearch>();

    public TranscriptView Transcripts => Get<TranscriptView>();

    public TranscriptExport Export => Get<TranscriptExport>();

    public KnowledgeGaps Gaps => Get<KnowledgeGaps>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ReviewDatabase> CreateAsync(bool postgres)
    {
        var (options, drop) = postgres ? await PostgresAsync(TestPostgres.ConnectionString) : Sqlite();
        var factory = new DbFactory(options);
        await new SchemaMigrator(factory, NullLogger<SchemaMigrator>.Instance).ApplyAsync(CancellationToken.None);
        return new ReviewDatabase(factory, drop);
    }

    private static (DbContextOptions<ChatAdvisorDb>, Func<Task>) Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"chatadvisor-review-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        // No pooling: nothing keeps the file open once a context is disposed, so the folder can be deleted.
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "review.db"), Pooling = false };
        return (new DbContextOptionsBuilder<ChatAdvisorDb>().UseSqlite(connection.ToString()).Options, () => DeleteFolder(folder));
    }

    private static Task DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
        return Task.CompletedTask;
    }

    private static async Task<(DbContextOptions<ChatAdvisorDb>, Func<Task>)> PostgresAsync(string server)
    {
        var name = $"chatadvisor_review_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false };
        return (new DbContextOptionsBuilder<ChatAdvisorDb>().UseNpgsql(connection.ToString()).Options,
            () => ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stores what the seed built: conversations first (the transcript rows reference them), then the rest.</summary>
    public async Task SeedAsync(Seed seed)
    {
        await using var db = await Factory.CreateDbContextAsync();
        db.Conversations.AddRange(seed.Conversations);
        await db.SaveChangesAsync();
        db.TranscriptActivities.AddRange(seed.Activities);
        db.AnswerFeedback.AddRange(seed.Feedback);
        db.CvSubmissions.AddRange(seed.Submissions);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _drop();
    }

    private sealed class DbFactory(DbContextOptions<ChatAdvisorDb> options) : IDbContextFactory<ChatAdvisorDb>
    {
        public ChatAdvisorDb CreateDbContext() => new(options);
    }
}
