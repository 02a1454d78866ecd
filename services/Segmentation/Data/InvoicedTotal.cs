using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Segmentation.Data;

/// <summary>A company's invoiced total in one currency; currencies are never added together.</summary>
public sealed class InvoicedTotal : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid CompanyId { get; set; }

    public required string CurrencyCode { get; set; }

    public decimal Total { get; set; }
}
