namespace CrmPlatform.EventContracts.Platform.V1;

/// <summary>
/// A member of a tenant as they stand after being added, changed or removed: one event for all
/// three, since every consumer keeps the same row either way (a removed member keeps their id so
/// their items keep an author).
/// </summary>
public sealed record MemberChanged(
    Guid TenantId,
    Guid MemberId,
    string Name,
    string Email,
    IReadOnlyList<string> Teams,
    DateTimeOffset? RemovedAt) : IntegrationEvent(TenantId);
