using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// The portal's accounts and audit trail, in the application's database. The tables come from schema script 0007
/// (applied by <see cref="ChatAdvisor.Data.SchemaMigrator"/>), never from EF. On PostgreSQL it also holds the Data
/// Protection key ring (script 0011).
/// </summary>
public sealed class PortalDb(DbContextOptions<PortalDb> options) : IdentityDbContext<Recruiter, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<PortalAuditEntry> AuditEntries => Set<PortalAuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
        builder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Id).HasColumnName("id");
            e.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            e.Property(k => k.Xml).HasColumnName("xml");
        });
    }
}
