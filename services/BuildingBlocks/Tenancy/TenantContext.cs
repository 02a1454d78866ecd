using Microsoft.AspNetCore.Http;

namespace CrmPlatform.Tenancy;

/// <summary>
/// Resolves the tenant from a short ordered list: first one set explicitly for this async
/// flow (consumers, jobs), then the verified internal credential of the current request.
/// Nothing a client sends directly can name a tenant.
/// </summary>
public sealed class TenantContext(IHttpContextAccessor httpContextAccessor) : ITenantContextAccessor, ITenantContextSetter
{
    private static readonly AsyncLocal<TenantInfo?> Explicit = new();

    public TenantInfo? Tenant => Explicit.Value ?? FromCredential(httpContextAccessor.HttpContext);

    public IDisposable Use(TenantInfo tenant)
    {
        var previous = Explicit.Value;
        Explicit.Value = tenant;
        return new Restore(previous);
    }

    private static TenantInfo? FromCredential(HttpContext? http)
    {
        if (http?.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        // Cache on the request: claims are parsed once, however often the tenant is asked for.
        if (http.Items.TryGetValue(typeof(TenantInfo), out var cached))
        {
            return (TenantInfo?)cached;
        }

        var tenant = TenantClaims.Read(http.User);
        http.Items[typeof(TenantInfo)] = tenant;
        return tenant;
    }

    private sealed class Restore(TenantInfo? previous) : IDisposable
    {
        public void Dispose() => Explicit.Value = previous;
    }
}
