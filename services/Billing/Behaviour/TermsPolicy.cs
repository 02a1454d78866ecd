namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// A tenant's terms and credit rules: the terms per grade (one entry for each grade, including
/// NotEnoughHistory), whether drafts count in exposure, what going over the limit meets, and from
/// which share of the limit a check warns. <see cref="TermsPolicyDefaults.Policy"/> is the default.
/// </summary>
public sealed record TermsPolicy
{
    public required IReadOnlyList<TermsForGrade> Terms { get; init; }

    /// <summary>Count draft invoices in a company's exposure.</summary>
    public bool CountDrafts { get; init; }

    public OverLimitResponse OverLimit { get; init; } = OverLimitResponse.Warn;

    /// <summary>Warn once exposure plus the new amount reaches this percent of the limit, 1–100.</summary>
    public int WarnAtPercentOfLimit { get; init; } = 90;
}
