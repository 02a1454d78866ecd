using CrmPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Gateway.Data;

/// <summary>
/// The operators' catalog of tenants and their keys. It spans all tenants by design, so it is
/// not tenant-filtered; only the gateway and its operator API ever touch it. Member changes
/// leave through its outbox, in the transaction that made them.
/// </summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Member> Members => Set<Member>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutbox();

        modelBuilder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.Property(t => t.Slug).HasMaxLength(40);
            tenant.Property(t => t.Name).HasMaxLength(200);
            tenant.Property(t => t.Plan).HasMaxLength(40);
            tenant.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            tenant.HasIndex(t => t.Slug).IsUnique();
        });

        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.Property(k => k.Name).HasMaxLength(200);
            key.Property(k => k.Prefix).HasMaxLength(16);
            key.HasIndex(k => k.Prefix).IsUnique();
            key.HasIndex(k => new { k.TenantId, k.Id });
            key.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Restrict);
            key.HasOne<Member>().WithMany().HasForeignKey(k => k.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Member>(member =>
        {
            member.ToTable("members");
            member.Property(m => m.Name).HasMaxLength(200);
            member.Property(m => m.Email).HasMaxLength(320);
            member.Property(m => m.EmailKey).HasMaxLength(320);
            member.HasIndex(m => new { m.TenantId, m.Id });
            member.HasIndex(m => new { m.TenantId, m.EmailKey }).IsUnique().HasFilter("removed_at IS NULL");
            member.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
