namespace ChatAdvisor.Web.Portal;

/// <summary>One row of <c>portal_audit</c>. Append-only; order by <see cref="Id"/>.</summary>
public sealed class PortalAuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ActorUserId { get; set; }

    public required string Action { get; set; }

    public string? Subject { get; set; }
}
