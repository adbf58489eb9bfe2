using ChatAdvisor.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Core.Tests.Data;

/// <summary>Every connection a context opens has the busy timeout and synchronous level, pooled or new.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatadvisor-sqlite-settings-").FullName;

    [Fact]
    public async Task APooledConnectionHandedOutAgainKeepsItsSettingsAndANewOneGetsThem()
    {
        var connectionString = $"Data Source={Path.Combine(_folder, "settings.db")};Pooling=True";
        var options = new DbContextOptionsBuilder<ChatAdvisorDb>().UseSqlite(connectionString).AddInterceptors(SqliteConnectionSettings.Instance).Options;

        var first = await SettingsAsync(options);
        var reused = await SettingsAsync(options);
        SqliteConnection.ClearAllPools();
        var fresh = await SettingsAsync(options);

        Assert.Equal((10000L, 1L), first.Settings);
        Assert.Same(first.Handle, reused.Handle);
        Assert.Equal((10000L, 1L), reused.Settings);
        Assert.NotSame(first.Handle, fresh.Handle);
        Assert.Equal((10000L, 1L), fresh.Settings);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<(object Handle, (long BusyTimeout, long Synchronous) Settings)> SettingsAsync(DbContextOptions<ChatAdvisorDb> options)
    {
        await using var db = new ChatAdvisorDb(options);
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        var busyTimeout = (long)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA synchronous";
        var synchronous = (long)(await command.ExecuteScalarAsync())!;
        var handle = (object)connection.Handle!;
        await db.Database.CloseConnectionAsync();
        return (handle, (busyTimeout, synchronous));
    }
}
