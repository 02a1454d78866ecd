namespace CrmPlatform.EventContracts;

/// <summary>
/// A fact one service tells the others. Every event names its tenant, so a consumer never
/// has to guess whose data it is touching; the event id doubles as the message id the inbox
/// deduplicates on.
/// </summary>
public abstract record IntegrationEvent(Guid TenantId)
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
