using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Tenancy.Tests;

/// <summary>The smallest tenant-bound context: one table, keyed and isolated as every service's are.</summary>
public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options, ITenantContextAccessor tenants) : TenantDbContext(options, tenants)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(note =>
        {
            note.ToTable("notes");
            note.HasKey(n => new { n.TenantId, n.Id });
        });
        base.OnModelCreating(modelBuilder);
    }
}
