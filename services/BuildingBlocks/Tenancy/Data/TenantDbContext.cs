using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Tenancy.Data;

/// <summary>
/// A DbContext bound to one tenant for its lifetime. A named query filter hides every other
/// tenant's rows, saves stamp the tenant on new rows and refuse rows of another tenant, and
/// <see cref="TenantTransactionInterceptor"/> and <see cref="TenantCommandInterceptor"/> hand the tenant to PostgreSQL's row-level security
/// as a second, independent wall.
/// </summary>
public abstract class TenantDbContext : DbContext
{
    public const string TenantFilter = "tenant";

    private readonly ITenantContextAccessor tenants;
    private Guid? boundTenant;

    protected TenantDbContext(DbContextOptions options, ITenantContextAccessor tenants)
        : base(options)
    {
        this.tenants = tenants;

        // A save always runs in a transaction, even a single-statement one, so the tenant
        // setting is made once, with its first command (TenantTransactionInterceptor), and the
        // statements EF batches are exactly its own.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    /// <summary>
    /// The tenant this context serves, fixed at first use; <see cref="Guid.Empty"/> when none was
    /// established (migrations, the outbox relay), in which case every tenant table reads empty.
    /// </summary>
    public Guid TenantId => boundTenant ??= tenants.Tenant?.Id ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(TenantFilter, BelongsToBoundTenant(entity.ClrType));
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnforceTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnforceTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void EnforceTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var tenant = RequireTenant();
            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = tenant;
            }
            else if (entry.Entity.TenantId != tenant)
            {
                throw new CrossTenantWriteException(
                    $"A {entry.Metadata.ClrType.Name} of tenant {entry.Entity.TenantId} was {entry.State} by a context bound to tenant {tenant}.");
            }
        }
    }

    private Guid RequireTenant() => TenantId != Guid.Empty
        ? TenantId
        : throw new CrossTenantWriteException("Tenant data cannot be written without a tenant.");

    // e => e.TenantId == this.TenantId; EF turns the context property into a query parameter.
    private LambdaExpression BelongsToBoundTenant(Type clrType)
    {
        var entity = Expression.Parameter(clrType, "e");
        var body = Expression.Equal(
            Expression.Property(entity, nameof(ITenantOwned.TenantId)),
            Expression.Property(Expression.Constant(this), nameof(TenantId)));
        return Expression.Lambda(body, entity);
    }
}
