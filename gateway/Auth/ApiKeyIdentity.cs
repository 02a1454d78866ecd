namespace CrmPlatform.Gateway.Auth;

/// <summary>What a valid key stands for: the tenant it acts as and what it may do.</summary>
public sealed record ApiKeyIdentity(Guid KeyId, Guid TenantId, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt = null);
