using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.KnownCompanies;

public static class KnownCompaniesModel
{
    /// <summary>
    /// The known companies and people and the merge repoints, in a service's own database. Each is
    /// a tenant table: its migration enables row-level security on it like on the service's own.
    /// </summary>
    public static ModelBuilder AddKnownCompanies(this ModelBuilder modelBuilder) => modelBuilder
        .ApplyConfiguration(new KnownCompanyConfiguration())
        .ApplyConfiguration(new KnownPersonConfiguration())
        .ApplyConfiguration(new CompanyRepointConfiguration());
}
