using System.Net;
using CrmPlatform.IntegrationTests.Support;

namespace CrmPlatform.IntegrationTests;

/// <summary>Rotating a tenant's key: both keys work until the old one's expiry, then only the new one.</summary>
[Collection(PlatformCollection.Name)]
public sealed class KeyRotationTests(PlatformFixture platform)
{
    private static async Task<HttpStatusCode> Status(Uri gateway, string apiKey)
    {
        using var rest = new HttpClient { BaseAddress = gateway };
        rest.DefaultRequestHeaders.Add("x-api-key", apiKey);
        return (await rest.GetAsync("/v1/companies")).StatusCode;
    }

    [Fact]
    public async Task RotatedKey_AndItsReplacement_BothWork_UntilTheOldKeysExpiry()
    {
        using var tenant = await platform.NewTenant();

        var rotated = await platform.Admin.RotateApiKey(tenant.TenantId, tenant.KeyId, DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.Equal(HttpStatusCode.OK, await Status(platform.GatewayRest, tenant.ApiKey));
        Assert.Equal(HttpStatusCode.OK, await Status(platform.GatewayRest, (string)rotated["secret"]!));
        Assert.Equal((string)rotated["oldApiKey"]!["name"]!, (string)rotated["apiKey"]!["name"]!);
    }

    [Fact]
    public async Task RotatedKey_IsRefused_OnceItsExpiryPasses()
    {
        using var tenant = await platform.NewTenant();
        var expires = DateTimeOffset.UtcNow.AddSeconds(3);
        var rotated = await platform.Admin.RotateApiKey(tenant.TenantId, tenant.KeyId, expires);
        var replacement = (string)rotated["secret"]!;

        // Used right up to its expiry, so a cache that ignored the expiry would still hold it after.
        while (DateTimeOffset.UtcNow < expires.AddMilliseconds(-300))
        {
            Assert.Equal(HttpStatusCode.OK, await Status(platform.GatewayRest, tenant.ApiKey));
            await Task.Delay(200);
        }

        await Task.Delay(expires - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(platform.GatewayRest, tenant.ApiKey));
        Assert.Equal(HttpStatusCode.OK, await Status(platform.GatewayRest, replacement));
    }

    [Fact]
    public async Task Rotation_KeepsTheKeysScopes()
    {
        using var tenant = await platform.NewTenant();
        var (keyId, _) = await platform.Admin.CreateScopedApiKey(tenant.TenantId, "crm.read");

        var rotated = await platform.Admin.RotateApiKey(tenant.TenantId, keyId, DateTimeOffset.UtcNow.AddHours(1));

        Assert.Equal(["crm.read"], rotated["apiKey"]!["scopes"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task Rotation_WithAnExpiryInThePast_IsInvalid()
    {
        using var tenant = await platform.NewTenant();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            platform.Admin.RotateApiKey(tenant.TenantId, tenant.KeyId, DateTimeOffset.UtcNow.AddMinutes(-5)));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await Status(platform.GatewayRest, tenant.ApiKey));
    }
}
