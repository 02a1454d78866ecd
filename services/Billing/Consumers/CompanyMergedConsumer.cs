using CrmPlatform.Billing.Data;
using CrmPlatform.Messaging.Merges;

namespace CrmPlatform.Billing.Consumers;

/// <summary>A merged company's invoices move to the survivor, and back if the merge is undone.</summary>
public sealed class CompanyMergedConsumer(BillingDbContext db) : RepointOnCompanyMerge(db)
{
    protected override string Table => "invoices";
}
