namespace CrmPlatform.Gateway.Auth;

/// <summary>
/// What a valid key stands for: the tenant it acts as, what it may do and, for a member's key,
/// the member whose calls it makes (with their teams, which decide what they may read).
/// </summary>
public sealed record ApiKeyIdentity(
    Guid KeyId,
    Guid TenantId,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt = null,
    ActingMember? Member = null);

/// <summary>The member a call acts as.</summary>
public sealed record ActingMember(Guid Id, IReadOnlyList<string> Teams);
