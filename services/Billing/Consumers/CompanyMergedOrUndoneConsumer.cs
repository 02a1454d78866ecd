using CrmPlatform.Billing.Data;
using CrmPlatform.KnownCompanies;

namespace CrmPlatform.Billing.Consumers;

/// <summary>A merged company's invoices move to the survivor, and back if the merge is undone.</summary>
public sealed class CompanyMergedOrUndoneConsumer(BillingDbContext db) : RepointOnCompanyMerge(db)
{
    protected override string Table => "invoices";
}
