using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.Profiles.Data;

/// <summary>Lets dotnet-ef build the model without starting the service; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ProfilesDbContext>
{
    public ProfilesDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<ProfilesDbContext>().UseTenantDatabase("Host=localhost;Database=profiles").Options,
        NoTenant.Instance);
}
