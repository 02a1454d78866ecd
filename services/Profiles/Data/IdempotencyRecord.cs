using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

/// <summary>A request made with an idempotency key: what it asked (as a hash) and what it created.</summary>
public sealed class IdempotencyRecord : ITenantOwned
{
    public Guid TenantId { get; set; }

    public required string Operation { get; set; }

    public required string Key { get; set; }

    public required byte[] RequestHash { get; set; }

    public Guid ResourceId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
