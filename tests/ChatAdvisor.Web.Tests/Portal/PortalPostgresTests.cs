using System.Net;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>The same accounts, sign-in and audit on PostgreSQL, with its own 0007 script, in a database of its own.</summary>
public sealed class PortalPostgresTests : IAsyncLifetime, IDisposable
{
    private readonly string _database = "chatadvisor_portal_" + Guid.NewGuid().ToString("N");
    private ChatAdvisorApp? _app;

    public async Task InitializeAsync()
    {
        if (TestPostgres.SkipReason is not null)
        {
            return; // The tests are skipped.
        }
        var server = PostgresFactAttribute.ConnectionString;
        await ExecuteAsync(server, $"CREATE DATABASE \"{_database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
        _app = new ChatAdvisorApp(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            _app.Dispose();
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(PostgresFactAttribute.ConnectionString, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
    }

    /// <summary>Runs after <see cref="DisposeAsync"/>, which already disposed the host before dropping its database.</summary>
    public void Dispose() => _app?.Dispose();

    [PostgresFact]
    public async Task AdminIsCreatedEnrolsSignsInAgainAndIsAuditedOnPostgres()
    {
        var account = await PortalAccount.CreateAdminAsync(_app!);
        using var session = new PortalSession(_app!);
        var enrolment = await session.EnrolAsync(account);
        await session.SignOutAsync();
        for (var i = 0; i < 5; i++)
        {
            await session.SignInWithPasswordAsync(new PortalAccount("nobody@example.com", "some-long-password", ""));
        }

        PortalSession.AssertRedirect(await session.SignInAsync(account, enrolment.SharedKey), "/portal");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/portal")).Response.StatusCode);
        await using var db = await _app!.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(2, await db.Roles.CountAsync());
        var actions = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(
            [PortalAuditActions.AccountCreated, PortalAuditActions.TwoFactorEnrolled, PortalAuditActions.SignIn, PortalAuditActions.SignOut,
             .. Enumerable.Repeat(PortalAuditActions.SignInFailed, 5), PortalAuditActions.SignIn],
            actions);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
