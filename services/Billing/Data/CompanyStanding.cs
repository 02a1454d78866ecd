using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Billing.Data;

/// <summary>
/// A company's payment behaviour as last computed (in the transaction of the payment, effort or
/// import that changed it), and its credit limit: what a read or a credit check needs in one row.
/// </summary>
public sealed class CompanyStanding : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid CompanyId { get; set; }

    public int Score { get; set; }

    /// <summary>A-E; null while there is not enough history.</summary>
    public string? Grade { get; set; }

    public bool OnCreditHold { get; set; }

    public DateTimeOffset? ComputedAt { get; set; }

    public string? CreditLimitCurrencyCode { get; set; }

    public decimal? CreditLimit { get; set; }

    public Guid? CreditLimitSetBy { get; set; }

    public DateTimeOffset? CreditLimitSetAt { get; set; }
}
