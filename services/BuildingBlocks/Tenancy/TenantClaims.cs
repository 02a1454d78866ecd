using System.Security.Claims;

namespace CrmPlatform.Tenancy;

/// <summary>Claim names of the internal credential, shared by the gateway that writes them and the services that read them.</summary>
public static class TenantClaims
{
    public const string TenantId = "tenant_id";
    public const string KeyId = "key_id";
    public const string Scope = "scope";

    public static TenantInfo? Read(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(TenantId);
        if (!Guid.TryParse(id, out var tenantId) || tenantId == Guid.Empty)
        {
            return null;
        }

        var scopes = principal.FindAll(Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        return new TenantInfo(tenantId, principal.FindFirstValue(KeyId), scopes);
    }
}
