using CrmPlatform.Interactions.Data;
using CrmPlatform.KnownCompanies;

namespace CrmPlatform.Interactions.Consumers;

/// <summary>A merged company's interactions move to the survivor, and back if the merge is undone.</summary>
public sealed class CompanyMergedOrUndoneConsumer(InteractionsDbContext db) : RepointOnCompanyMerge(db)
{
    protected override string Table => "interactions";
}
