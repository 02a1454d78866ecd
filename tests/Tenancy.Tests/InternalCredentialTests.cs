using System.Security.Cryptography;
using CrmPlatform.Tenancy.Credentials;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrmPlatform.Tenancy.Tests;

public sealed class InternalCredentialTests
{
    private static readonly InternalCredentialOptions Options = new() { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    [Fact]
    public async Task IssuedCredential_ValidatesWithTheSharedKey_AndNamesTheTenant()
    {
        var tenant = Guid.CreateVersion7();
        var token = new InternalCredentialIssuer(Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System).Issue(tenant, "key-1", ["crm.read"]);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, InternalCredentialKeys.ValidationParameters(Options));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(tenant, TenantClaims.Read(new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity))!.Id);
    }

    [Fact]
    public async Task CredentialSignedWithAnotherKey_IsRejected()
    {
        var other = new InternalCredentialOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        var token = new InternalCredentialIssuer(Microsoft.Extensions.Options.Options.Create(other), TimeProvider.System).Issue(Guid.CreateVersion7(), "key-1", []);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, InternalCredentialKeys.ValidationParameters(Options));

        Assert.False(result.IsValid);
        Assert.IsAssignableFrom<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    [Fact]
    public async Task ExpiredCredential_IsRejected()
    {
        var issuedLongAgo = new ClockAt(DateTimeOffset.UtcNow.AddHours(-1));
        var token = new InternalCredentialIssuer(Microsoft.Extensions.Options.Options.Create(Options), issuedLongAgo).Issue(Guid.CreateVersion7(), "key-1", []);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, InternalCredentialKeys.ValidationParameters(Options));

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    private sealed class ClockAt(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
