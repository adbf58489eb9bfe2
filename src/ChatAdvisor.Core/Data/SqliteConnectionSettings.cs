using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatAdvisor.Data;

/// <summary>
/// Per-connection SQLite settings, applied each time a pooled connection is handed out.
/// </summary>
/// <remarks>
/// <para><c>busy_timeout</c>: without it a writer that finds the database locked gets SQLITE_BUSY at once, and
/// Microsoft.Data.Sqlite retries only after sleeping 150 ms, so two turns that write at the same moment cost the
/// second one 150 ms. SQLite's own busy handler waits in steps of a few milliseconds instead.</para>
/// <para><c>synchronous = NORMAL</c>: in WAL mode a commit then survives a crash of the process (what the turn
/// inbox relies on); only a power cut can lose the last commits. FULL would add an fsync to every turn.</para>
/// </remarks>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    /// <summary>One instance serves every context: it holds no state.</summary>
    public static SqliteConnectionSettings Instance { get; } = new();

    private SqliteConnectionSettings()
    {
    }

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
