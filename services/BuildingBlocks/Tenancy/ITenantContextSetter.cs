namespace CrmPlatform.Tenancy;

/// <summary>
/// Sets the tenant for work that arrives without an HTTP request (message consumers,
/// background jobs). Kept apart from the accessor so request code cannot switch tenants.
/// </summary>
public interface ITenantContextSetter
{
    /// <summary>Runs the rest of the async flow as <paramref name="tenant"/> until disposed.</summary>
    IDisposable Use(TenantInfo tenant);
}
