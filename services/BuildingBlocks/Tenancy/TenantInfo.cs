namespace CrmPlatform.Tenancy;

/// <summary>The tenant a unit of work runs for: its permanent id, and how it was let in.</summary>
public sealed record TenantInfo(Guid Id, string? KeyId = null, IReadOnlyList<string>? Scopes = null);
