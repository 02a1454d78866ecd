using Microsoft.IdentityModel.Tokens;

namespace CrmPlatform.Tenancy.Credentials;

internal static class InternalCredentialKeys
{
    public static SymmetricSecurityKey SigningKey(InternalCredentialOptions options) =>
        new(Convert.FromBase64String(options.SigningKey)) { KeyId = "internal" };

    public static TokenValidationParameters ValidationParameters(InternalCredentialOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = SigningKey(options),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromSeconds(5),
        NameClaimType = TenantClaims.KeyId,
    };
}
