using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.KnownCompanies.Tests;

/// <summary>The tables a service takes on with the known companies, as EF builds them; no database is opened.</summary>
public sealed class KnownCompaniesModelTests
{
    private static readonly string[] TableNames = ["known_companies", "known_people", "company_repoints"];

    public static TheoryData<string> Tables => new(TableNames);

    [Fact]
    public void TheModel_AddsTheKnownCompaniesPeopleAndRepoints()
    {
        using var db = ServiceDbContext.Create();

        Assert.Equal(TableNames.Order(), db.Model.GetEntityTypes().Select(e => e.GetTableName()).Order());
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryTable_HoldsTenantRows_HiddenByTheTenantFilter(string table)
    {
        using var db = ServiceDbContext.Create();
        var entity = db.Model.GetEntityTypes().Single(e => e.GetTableName() == table);

        Assert.True(typeof(ITenantOwned).IsAssignableFrom(entity.ClrType));
        Assert.NotNull(entity.FindDeclaredQueryFilter(TenantDbContext.TenantFilter));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryTablesKey_LeadsWithTheTenant(string table)
    {
        using var db = ServiceDbContext.Create();
        var entity = db.Model.GetEntityTypes().Single(e => e.GetTableName() == table);

        Assert.Equal("tenant_id", entity.FindPrimaryKey()!.Properties[0].GetColumnName());
    }

    [Fact]
    public void AKnownCompanysName_HoldsAnyNameProfilesAccepts()
    {
        using var db = ServiceDbContext.Create();

        Assert.Equal(EventContracts.Profiles.V1.CompanyName.MaxLength, db.Model.FindEntityType(typeof(KnownCompany))!.FindProperty(nameof(KnownCompany.Name))!.GetMaxLength());
    }

    /// <summary>A service's context as far as the known companies go.</summary>
    private sealed class ServiceDbContext(DbContextOptions options) : TenantDbContext(options, NoTenant.Instance)
    {
        public static ServiceDbContext Create() =>
            new(new DbContextOptionsBuilder<ServiceDbContext>().UseTenantDatabase("Host=localhost;Database=unused").Options);

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.AddKnownCompanies();
            base.OnModelCreating(modelBuilder);
        }
    }
}
