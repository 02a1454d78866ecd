using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Interactions.Data;

/// <summary>An item as it was before an edit, with who made the edit and when.</summary>
public sealed class InteractionVersion : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid InteractionId { get; set; }

    public int Version { get; set; }

    /// <summary>The contract's JSON of the item in this version.</summary>
    public required string SnapshotJson { get; set; }

    public Guid? ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
