namespace CrmPlatform.EventContracts.Interactions.V1;

/// <summary>An item left the timeline (deleted), or came back (<paramref name="Restored"/>).</summary>
public sealed record InteractionRemoved(Guid TenantId, Guid InteractionId, Guid CompanyId, bool Restored) : IntegrationEvent(TenantId);
