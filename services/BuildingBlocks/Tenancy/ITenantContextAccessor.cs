namespace CrmPlatform.Tenancy;

public interface ITenantContextAccessor
{
    /// <summary>The current tenant, or null where none was established.</summary>
    TenantInfo? Tenant { get; }
}
