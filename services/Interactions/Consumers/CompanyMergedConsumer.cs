using CrmPlatform.Interactions.Data;
using CrmPlatform.Messaging.Merges;

namespace CrmPlatform.Interactions.Consumers;

/// <summary>A merged company's interactions move to the survivor, and back if the merge is undone.</summary>
public sealed class CompanyMergedConsumer(InteractionsDbContext db) : RepointOnCompanyMerge(db)
{
    protected override string Table => "interactions";
}
