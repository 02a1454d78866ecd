using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.Billing.Data;

/// <summary>Lets dotnet-ef build the model without starting the service; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BillingDbContext>
{
    public BillingDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<BillingDbContext>().UseTenantDatabase("Host=localhost;Database=billing").Options,
        NoTenant.Instance);
}
