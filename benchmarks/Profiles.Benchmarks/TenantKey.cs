using CrmPlatform.Contracts.Platform.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace CrmPlatform.Benchmarks;

/// <summary>A tenant of its own for one measured run, with the API key its partner calls with.</summary>
public sealed record TenantKey(Guid Id, string KeyId, string Secret)
{
    /// <summary>
    /// Limits high enough that the gateway never throttles a measured import: an import's body is
    /// charged against the tenant's rate, which would otherwise set the pace of a million rows.
    /// </summary>
    private static readonly TenantLimits Unthrottled = new() { RequestsPerSecond = 100_000, Burst = 1_000_000, ConcurrentBulkOperations = 64 };

    /// <summary>Created as an operator would, through the gateway's crm.platform.v1 with the operator key.</summary>
    public static async Task<TenantKey> Create(TenantAdminService.TenantAdminServiceClient admin, string slug, TenantLimits? limits = null)
    {
        var tenant = await admin.CreateTenantAsync(new CreateTenantRequest { Tenant = new Tenant { Slug = slug, Name = $"Benchmark {slug}", Plan = "benchmark" } });
        await admin.UpdateTenantLimitsAsync(new UpdateTenantLimitsRequest { Id = tenant.Id, Limits = limits ?? Unthrottled });
        var key = await admin.CreateApiKeyAsync(new CreateApiKeyRequest { TenantId = tenant.Id, ApiKey = new ApiKey { Name = "benchmark" } });
        return new TenantKey(Guid.Parse(tenant.Id), key.ApiKey.Id, key.Secret);
    }

    /// <summary>Calls as this tenant's partner makes them: through the gateway, with the API key.</summary>
    public CallInvoker Caller(GrpcChannel gateway) =>
        gateway.Intercept(metadata =>
        {
            metadata.Add("x-api-key", Secret);
            return metadata;
        });
}
