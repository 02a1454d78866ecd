namespace CrmPlatform.Gateway.Data;

/// <summary>A tenant's API key. The secret itself is never stored: only its prefix, to find it, and its SHA-256, to check it.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public List<string> Scopes { get; set; } = [];

    public required string Prefix { get; set; }

    public required byte[] Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>The member whose calls this key makes; null for an integration key.</summary>
    public Guid? MemberId { get; set; }
}
