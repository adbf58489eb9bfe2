using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
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
    /// <summary>One instance serves every context; all it keeps is which native connections are set.</summary>
    public static SqliteConnectionSettings Instance { get; } = new();

    private SqliteConnectionSettings()
    {
    }

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    /// <summary>
    /// The native connections already set: both settings belong to the native connection, which the pool keeps open
    /// and hands out again, so they are set once per native connection, not on every open (eight a turn).
    /// </summary>
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.TryAdd(handle, handle);
        }
    }
}
