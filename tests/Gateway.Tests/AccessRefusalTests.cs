using System.Security.Claims;
using CrmPlatform.Gateway.Auth;

namespace CrmPlatform.Gateway.Tests;

public class AccessRefusalTests
{
    [Fact]
    public void Unauthenticated_WithoutAKey_IsApiKeyMissing() =>
        Assert.Equal("API_KEY_MISSING", AccessRefusal.Unauthenticated(keyPresented: false).Reason);

    [Fact]
    public void Unauthenticated_WithAKeyThatFailed_IsApiKeyInvalid() =>
        Assert.Equal("API_KEY_INVALID", AccessRefusal.Unauthenticated(keyPresented: true).Reason);

    [Fact]
    public void Forbidden_PartnerKey_IsOperatorOnly() =>
        Assert.Equal("OPERATOR_ONLY", AccessRefusal.Forbidden(Caller(CallerRoles.Partner)).Reason);

    [Fact]
    public void Forbidden_OperatorKey_IsTenantKeyRequired() =>
        Assert.Equal("TENANT_KEY_REQUIRED", AccessRefusal.Forbidden(Caller(CallerRoles.Operator)).Reason);

    private static ClaimsPrincipal Caller(string role) => new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "crm"));
}
