namespace CrmPlatform.Tenancy;

/// <summary>
/// The tenant a unit of work runs for: its permanent id, how it was let in and, when a member's
/// key or an integration acting on their behalf made the call, the member and their teams.
/// </summary>
public sealed record TenantInfo(
    Guid Id,
    string? KeyId = null,
    IReadOnlyList<string>? Scopes = null,
    Guid? MemberId = null,
    IReadOnlyList<string>? Teams = null);
