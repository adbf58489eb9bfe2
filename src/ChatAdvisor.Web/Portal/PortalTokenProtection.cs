using ChatAdvisor.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// Encrypts the authenticator keys and recovery codes that an earlier version stored in clear text, once, at start-up
/// (after the schema scripts). Enrolled accounts keep their authenticator app and their unused recovery codes.
/// </summary>
public sealed class PortalTokenProtection(
    IDbContextFactory<PortalDb> dbFactory, IDataProtectionProvider dataProtection, IOptions<DatabaseOptions> database, ILogger<PortalTokenProtection> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.Value.ApplySchemaOnStartup)
        {
            return; // The tables may not exist yet; the operator applies the schema and restarts.
        }
        var protector = dataProtection.CreateProtector(PortalUserStore.Purpose);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plain = await db.UserTokens
            .Where(t => t.Value != null && !t.Value.StartsWith(PortalUserStore.ProtectedPrefix))
            .ToListAsync(cancellationToken);
        foreach (var token in plain)
        {
            token.Value = PortalUserStore.Protect(protector, token.Value);
        }
        if (plain.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            PortalLog.TokensProtected(logger, plain.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
