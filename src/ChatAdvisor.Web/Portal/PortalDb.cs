using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// The portal's accounts and audit trail, in the application's database. The tables come from schema script 0007
/// (applied by <see cref="ChatAdvisor.Data.SchemaMigrator"/>), never from EF.
/// </summary>
public sealed class PortalDb(DbContextOptions<PortalDb> options) : IdentityDbContext<Recruiter, IdentityRole, string>(options)
{
    public DbSet<PortalAuditEntry> AuditEntries => Set<PortalAuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PortalAuditEntry>(e =>
        {
            e.ToTable("portal_audit");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.At).HasColumnName("at");
            e.Property(a => a.ActorUserId).HasColumnName("actor_user_id");
            e.Property(a => a.Action).HasColumnName("action");
            e.Property(a => a.Subject).HasColumnName("subject");
        });
    }
}
