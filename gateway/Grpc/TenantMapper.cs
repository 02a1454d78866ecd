using CrmPlatform.Gateway.Data;
using CrmPlatform.Gateway.RateLimiting;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Platform.V1;

namespace CrmPlatform.Gateway.Grpc;

internal static class TenantMapper
{
    public static Proto.Tenant ToProto(this Tenant tenant, RateLimitOptions plans) => new()
    {
        Id = tenant.Id.ToString(),
        Slug = tenant.Slug,
        Name = tenant.Name,
        Status = (Proto.TenantStatus)tenant.Status,
        Plan = tenant.Plan,
        CreateTime = Timestamp.FromDateTimeOffset(tenant.CreatedAt),
        Limits = plans.For(tenant.Plan, tenant.RequestsPerSecond, tenant.Burst, tenant.ConcurrentBulkOperations).ToProto(),
    };

    public static Proto.TenantLimits ToProto(this TenantLimits limits) => new()
    {
        RequestsPerSecond = limits.RequestsPerSecond,
        Burst = limits.Burst,
        ConcurrentBulkOperations = limits.ConcurrentBulkOperations,
    };

    public static Proto.ApiKey ToProto(this ApiKey key) => new()
    {
        Id = key.Id.ToString(),
        TenantId = key.TenantId.ToString(),
        Name = key.Name,
        Scopes = { key.Scopes },
        Prefix = key.Prefix,
        CreateTime = Timestamp.FromDateTimeOffset(key.CreatedAt),
        ExpireTime = Stamp(key.ExpiresAt),
        RevokeTime = Stamp(key.RevokedAt),
        LastUsedTime = Stamp(key.LastUsedAt),
        MemberId = key.MemberId?.ToString() ?? "",
    };

    public static Proto.Member ToProto(this Member member) => new()
    {
        Id = member.Id.ToString(),
        TenantId = member.TenantId.ToString(),
        Name = member.Name,
        Email = member.Email,
        Teams = { member.Teams },
        CreateTime = Timestamp.FromDateTimeOffset(member.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(member.UpdatedAt),
        RemoveTime = Stamp(member.RemovedAt),
    };

    private static Timestamp? Stamp(DateTimeOffset? time) => time is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
