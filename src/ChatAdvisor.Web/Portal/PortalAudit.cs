using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// Writes the portal's audit trail (<c>portal_audit</c>): who did what, when, to which record. Record ids only,
/// never names, emails or file contents. Each record is written at once in its own context.
/// </summary>
public sealed class PortalAudit(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    /// <summary>The actor of an attempt that matched no account.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The actor of changes made with the <c>create-admin</c> and <c>add-recruiter</c> commands.</summary>
    public const string CommandLine = "command-line";

    /// <summary>
    /// Records that <paramref name="actorUserId"/> (a portal user's id, or <see cref="Anonymous"/> / <see cref="CommandLine"/>)
    /// did <paramref name="action"/> (a <see cref="PortalAuditActions"/> constant; add new ones there) to
    /// <paramref name="subject"/> (the id of what it happened to, if anything).
    /// </summary>
    public async Task RecordAsync(string actorUserId, string action, string? subject, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new PortalAuditEntry { At = time.GetUtcNow(), ActorUserId = actorUserId, Action = action, Subject = subject });
        await db.SaveChangesAsync(cancellationToken);
    }
}
