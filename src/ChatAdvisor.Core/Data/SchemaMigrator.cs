using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Data;

/// <summary>
/// Applies the versioned SQL scripts embedded under <c>Data/Schema/{Provider}</c> (<c>NNNN_name.sql</c>) that the
/// database has not seen yet, each in its own transaction, recording them in <c>schema_versions</c>.
/// </summary>
public sealed class SchemaMigrator(IDbContextFactory<ChatAdvisorDb> dbFactory, ILogger<SchemaMigrator> logger)
{
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isPostgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (!isPostgres)
        {
            // Readers and the writer of a busy chat must not block each other.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
        }
        await ExecuteAsync(connection, null, isPostgres
            ? "CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            : "CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
            cancellationToken);
        var applied = 0;
        foreach (var (version, name, sql) in Scripts(isPostgres ? "Postgres" : "Sqlite"))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (isPostgres)
            {
                // Several instances may start at once; one applies, the others wait and then skip.
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(7261001)", cancellationToken);
            }
            if (await IsAppliedAsync(connection, transaction, version, cancellationToken))
            {
                continue;
            }
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await ExecuteAsync(connection, transaction,
                string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_versions (version, name) VALUES ({version}, '{name.Replace("'", "''", StringComparison.Ordinal)}')"),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            DataLog.SchemaScriptApplied(logger, version, name);
            applied++;
        }
        return applied;
    }

    internal static IEnumerable<(int Version, string Name, string Sql)> Scripts(string provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"Schema/{provider}/";
        var resources = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (resources.Count == 0)
        {
            throw new InvalidOperationException($"No schema scripts are embedded for {provider}.");
        }
        foreach (var resource in resources)
        {
            var name = resource[prefix.Length..^".sql".Length];
            var version = int.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (version, name, reader.ReadToEnd());
        }
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT COUNT(*) FROM schema_versions WHERE version = {version}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
