namespace CrmPlatform.EventContracts.Interactions.V1;

public sealed record InteractionRecorded(
    Guid TenantId,
    Guid InteractionId,
    Guid CompanyId,
    string Kind,
    DateTimeOffset InteractionTime) : IntegrationEvent(TenantId);
