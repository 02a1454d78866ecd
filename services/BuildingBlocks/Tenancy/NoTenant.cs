namespace CrmPlatform.Tenancy;

/// <summary>For work that is deliberately tenant-less: schema migrations, design-time tooling.</summary>
public sealed class NoTenant : ITenantContextAccessor
{
    public static readonly NoTenant Instance = new();

    public TenantInfo? Tenant => null;
}
