using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Billing.Data;

/// <summary>
/// A company as Profiles announced it. Invoices are issued only against companies known
/// here, so an id from another tenant (or none at all) is NotFound without calling Profiles.
/// </summary>
public sealed class KnownCompany : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid CompanyId { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset KnownSince { get; set; }
}
