namespace CrmPlatform.Billing.Data;

public enum PromiseOutcome
{
    None,
    Pending,
    Kept,
    Broken,
}
