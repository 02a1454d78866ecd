using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.Gateway.Data;

/// <summary>Lets dotnet-ef build the model without starting the gateway; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlatformDbContext>().UseTenantDatabase("Host=localhost;Database=platform").Options);
}
