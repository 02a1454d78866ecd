using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.Segmentation.Data;

/// <summary>Lets dotnet-ef build the model without starting the service; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SegmentationDbContext>
{
    public SegmentationDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SegmentationDbContext>().UseTenantDatabase("Host=localhost;Database=segmentation").Options,
        NoTenant.Instance);
}
