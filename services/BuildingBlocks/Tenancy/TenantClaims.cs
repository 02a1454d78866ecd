using System.Security.Claims;

namespace CrmPlatform.Tenancy;

/// <summary>Claim names of the internal credential, shared by the gateway that writes them and the services that read them.</summary>
public static class TenantClaims
{
    public const string TenantId = "tenant_id";
    public const string KeyId = "key_id";
    public const string Scope = "scope";
    public const string MemberId = "member_id";
    public const string Teams = "teams";

    public static TenantInfo? Read(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(TenantId);
        if (!Guid.TryParse(id, out var tenantId) || tenantId == Guid.Empty)
        {
            return null;
        }

        var scopes = SpaceSeparated(principal, Scope);
        var member = Guid.TryParse(principal.FindFirstValue(MemberId), out var memberId) && memberId != Guid.Empty ? memberId : (Guid?)null;
        var teams = member is null ? [] : SpaceSeparated(principal, Teams);
        return new TenantInfo(tenantId, principal.FindFirstValue(KeyId), scopes, member, teams);
    }

    /// <summary>The claims naming the member a call acts as: none for a call that acts as no one.</summary>
    public static IEnumerable<Claim> ForMember(Guid? memberId, IEnumerable<string>? teams) => memberId is { } id
        ? [new Claim(MemberId, id.ToString()), new Claim(Teams, string.Join(' ', teams ?? []))]
        : [];

    private static string[] SpaceSeparated(ClaimsPrincipal principal, string type) =>
        principal.FindAll(type).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
}
