using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrmPlatform.Tenancy.Credentials;

/// <summary>Mints the short-lived signed credential the gateway forwards in place of the client's API key.</summary>
public sealed class InternalCredentialIssuer(IOptions<InternalCredentialOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();
    private readonly SigningCredentials signing = new(InternalCredentialKeys.SigningKey(options.Value), SecurityAlgorithms.HmacSha256);

    public string Issue(Guid tenantId, string keyId, IEnumerable<string> scopes, Guid? memberId = null, IEnumerable<string>? teams = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.Lifetime,
            SigningCredentials = signing,
            Subject = new ClaimsIdentity(
            [
                new Claim(TenantClaims.TenantId, tenantId.ToString()),
                new Claim(TenantClaims.KeyId, keyId),
                new Claim(TenantClaims.Scope, string.Join(' ', scopes)),
                .. TenantClaims.ForMember(memberId, teams),
            ]),
        });
    }
}
