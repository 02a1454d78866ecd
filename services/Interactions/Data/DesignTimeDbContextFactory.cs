using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.Interactions.Data;

/// <summary>Lets dotnet-ef build the model without starting the service; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<InteractionsDbContext>
{
    public InteractionsDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<InteractionsDbContext>().UseTenantDatabase("Host=localhost;Database=interactions").Options,
        NoTenant.Instance);
}
