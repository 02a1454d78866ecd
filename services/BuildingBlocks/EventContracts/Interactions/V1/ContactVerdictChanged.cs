namespace CrmPlatform.EventContracts.Interactions.V1;

/// <summary>
/// A company's (or, with <paramref name="PersonId"/>, a person's) contact verdict changed:
/// OnTarget, Neglected or OverContacted, with the reasons a person can read.
/// </summary>
public sealed record ContactVerdictChanged(
    Guid TenantId,
    Guid CompanyId,
    Guid? PersonId,
    string Verdict,
    string? PreviousVerdict,
    IReadOnlyList<string> Reasons) : IntegrationEvent(TenantId);
