namespace CrmPlatform.EventContracts.Interactions.V1;

/// <summary>
/// An item was recorded on a client's timeline. <paramref name="Channel"/> is None for notes and
/// tasks; <paramref name="Automated"/> marks a newsletter open or click a proxy or scanner made,
/// which engagement leaves out.
/// </summary>
public sealed record InteractionRecorded(
    Guid TenantId,
    Guid InteractionId,
    Guid CompanyId,
    string Kind,
    DateTimeOffset InteractionTime,
    string Channel = "None",
    string Direction = "None",
    IReadOnlyList<Guid>? PersonIds = null,
    bool TwoWay = false,
    bool Automated = false,
    string? CampaignId = null) : IntegrationEvent(TenantId);
