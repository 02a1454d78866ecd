using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Interactions.Data;

/// <summary>A member of the tenant as the gateway announced them: an author, attendee or assignee to name and check.</summary>
public sealed class KnownMember : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid MemberId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public List<string> Teams { get; set; } = [];

    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>When the announcement this row came from was made; an older one arriving late changes nothing.</summary>
    public DateTimeOffset AnnouncedAt { get; set; }
}
