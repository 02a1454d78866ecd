using CrmPlatform.Messaging;
using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Data;

public sealed class ProfilesDbContext(DbContextOptions<ProfilesDbContext> options, ITenantContextAccessor tenants)
    : TenantDbContext(options, tenants)
{
    public DbSet<Company> Companies => Set<Company>();

    public DbSet<CompanyChange> CompanyChanges => Set<CompanyChange>();

    public DbSet<ReviewPolicy> ReviewPolicies => Set<ReviewPolicy>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<CustomFieldDefinition> CustomFieldDefinitions => Set<CustomFieldDefinition>();

    public DbSet<CompanyImport> CompanyImports => Set<CompanyImport>();

    public DbSet<CompanyImportReport> CompanyImportReports => Set<CompanyImportReport>();

    public DbSet<CompanyMerge> CompanyMerges => Set<CompanyMerge>();

    public async Task<ReviewPolicy> ReviewPolicy(CancellationToken cancellationToken) =>
        await ReviewPolicies.FirstOrDefaultAsync(cancellationToken) ?? new ReviewPolicy();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.HasPostgresExtension("pg_trgm");
        SearchFunctions.Map(modelBuilder);
        base.OnModelCreating(modelBuilder);
    }
}
