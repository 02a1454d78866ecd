using CrmPlatform.Tenancy;

namespace CrmPlatform.Profiles.History;

/// <summary>Who a change is recorded as made by: the API key the gateway vouched for. Users come with the web console.</summary>
public sealed class Actors(ITenantContextAccessor tenants)
{
    public string Current => tenants.Tenant?.KeyId is { } key ? $"api-key:{key}" : "system";
}
