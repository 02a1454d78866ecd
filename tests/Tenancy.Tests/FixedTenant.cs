namespace CrmPlatform.Tenancy.Tests;

internal sealed class FixedTenant(Guid? id) : ITenantContextAccessor
{
    public TenantInfo? Tenant => id is { } tenant ? new TenantInfo(tenant) : null;
}
