namespace CrmPlatform.EventContracts.Billing.V1;

/// <summary>
/// A company's payment score or grade changed (a null grade: not enough history), with what
/// Segmentation needs to place it: how late it pays, what it owes and how much of its credit it uses.
/// </summary>
public sealed record PaymentGradeChanged(
    Guid TenantId,
    Guid CompanyId,
    string? Grade,
    string? PreviousGrade,
    int Score,
    int PreviousScore,
    int MaxDaysOverdue,
    IReadOnlyList<CurrencyExposure> Exposure,
    string Reason) : IntegrationEvent(TenantId);

/// <summary>What a company owes in one currency, its credit limit there (if any) and the share of it used (0-100+, null without a limit).</summary>
public sealed record CurrencyExposure(string CurrencyCode, decimal Open, decimal Overdue, decimal? CreditLimit, int? CreditUsePercent);
