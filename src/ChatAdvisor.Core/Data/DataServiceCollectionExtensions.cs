using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddChatAdvisorDb(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Pooled: a context is created for nearly every statement of a turn.
        services.AddPooledDbContextFactory<ChatAdvisorDb>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (options.Provider == DatabaseProvider.Postgres)
            {
                builder.UseNpgsql(options.ConnectionString);
            }
            else
            {
                builder.UseSqlite(SqliteConnectionString(options.ConnectionString, sp.GetRequiredService<IHostEnvironment>().ContentRootPath))
                    .AddInterceptors(SqliteConnectionSettings.Instance);
            }
        });
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<SchemaInitializer>();
        return services;
    }

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder and file owner-only.</summary>
    internal static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal)
            && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            OwnerOnlyFiles.EnsureDatabaseFile(builder.DataSource);
        }
        if (builder.Pooling)
        {
            builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        }
        return builder.ToString();
    }
}
