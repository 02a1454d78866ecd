using CrmPlatform.Contracts.Platform.V1;
using CrmPlatform.Gateway.Auth;
using CrmPlatform.Gateway.Data;
using CrmPlatform.Gateway.RateLimiting;
using CrmPlatform.GrpcConventions;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ApiKey = CrmPlatform.Gateway.Data.ApiKey;
using Tenant = CrmPlatform.Gateway.Data.Tenant;
using TenantStatus = CrmPlatform.Gateway.Data.TenantStatus;

namespace CrmPlatform.Gateway.Grpc;

/// <summary>crm.platform.v1 for operators only; a tenant's key is refused here (403 / PermissionDenied).</summary>
[Authorize(Roles = CallerRoles.Operator)]
public sealed class TenantAdminGrpcService(
    PlatformDbContext db, ApiKeyValidator keys, PageTokens pages, TimeProvider clock, IOptions<RateLimitOptions> plans, TenantLimitsCache limits)
    : TenantAdminService.TenantAdminServiceBase
{
    public override async Task<Contracts.Platform.V1.Tenant> CreateTenant(CreateTenantRequest request, ServerCallContext context)
    {
        AdminValidator.ValidateTenant(request.Tenant, new FieldViolations()).ThrowIfAny();
        var tenant = new Tenant
        {
            Slug = request.Tenant.Slug,
            Name = request.Tenant.Name.Trim(),
            Plan = string.IsNullOrWhiteSpace(request.Tenant.Plan) ? "standard" : request.Tenant.Plan.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(context.CancellationToken);
        return tenant.ToProto(plans.Value);
    }

    public override async Task<Contracts.Platform.V1.Tenant> GetTenant(GetTenantRequest request, ServerCallContext context) =>
        (await FindTenant(request.Id, "id", context)).ToProto(plans.Value);

    public override async Task<ListTenantsResponse> ListTenants(ListTenantsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        var query = db.Tenants.AsNoTracking();
        if (page.After is { } cursor)
        {
            query = query.Where(t => t.Id.CompareTo(cursor.Id) > 0);
        }

        var (rows, nextPageToken) = await query.OrderBy(t => t.Id).ToPageAsync(page, t => PageCursor.At(t.Id), context.CancellationToken);
        return new ListTenantsResponse { Tenants = { rows.Select(t => t.ToProto(plans.Value)) }, NextPageToken = nextPageToken };
    }

    public override Task<Contracts.Platform.V1.Tenant> SuspendTenant(SuspendTenantRequest request, ServerCallContext context) =>
        SetStatus(request.Id, TenantStatus.Suspended, context);

    public override Task<Contracts.Platform.V1.Tenant> ActivateTenant(ActivateTenantRequest request, ServerCallContext context) =>
        SetStatus(request.Id, TenantStatus.Active, context);

    public override async Task<Contracts.Platform.V1.Tenant> UpdateTenantLimits(UpdateTenantLimitsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        ResourceId.Parse(request.Id, "id", violations);
        var paths = AdminValidator.ValidateLimits(request.Limits, request.UpdateMask, violations);
        violations.ThrowIfAny();
        var tenant = await FindTenant(request.Id, "id", context);

        // 0 hands the figure back to the plan; anything else is the tenant's own.
        static int? Override(int value) => value == 0 ? null : value;
        foreach (var path in paths)
        {
            switch (path)
            {
                case "requests_per_second": tenant.RequestsPerSecond = Override(request.Limits.RequestsPerSecond); break;
                case "burst": tenant.Burst = Override(request.Limits.Burst); break;
                case "concurrent_bulk_operations": tenant.ConcurrentBulkOperations = Override(request.Limits.ConcurrentBulkOperations); break;
            }
        }

        await db.SaveChangesAsync(context.CancellationToken);
        limits.Invalidate(tenant.Id);
        return tenant.ToProto(plans.Value);
    }

    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var violations = new FieldViolations();
        ResourceId.Parse(request.TenantId, "tenant_id", violations);
        AdminValidator.ValidateApiKey(request.ApiKey, now, violations);
        var memberId = request.ApiKey is { MemberId.Length: > 0 } ? ResourceId.Parse(request.ApiKey.MemberId, "api_key.member_id", violations) : (Guid?)null;
        violations.ThrowIfAny();
        var tenant = await FindTenant(request.TenantId, "tenant_id", context);
        if (memberId is { } member && !await db.Members.AnyAsync(m => m.Id == member && m.TenantId == tenant.Id && m.RemovedAt == null, context.CancellationToken))
        {
            throw new ResourceNotFoundException("Member", request.ApiKey.MemberId);
        }

        var (prefix, secret) = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            TenantId = tenant.Id,
            Name = request.ApiKey.Name.Trim(),
            Scopes = request.ApiKey.Scopes.Count > 0 ? request.ApiKey.Scopes.Distinct().ToList() : [.. AdminValidator.DataScopes],
            Prefix = prefix,
            Hash = ApiKeySecret.Hash(secret),
            CreatedAt = now,
            ExpiresAt = request.ApiKey.ExpireTime?.ToDateTimeOffset(),
            MemberId = memberId,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(context.CancellationToken);
        return new CreateApiKeyResponse { ApiKey = key.ToProto(), Secret = secret };
    }

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var tenantId = ResourceId.Parse(request.TenantId, "tenant_id", violations);
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();
        await FindTenant(request.TenantId, "tenant_id", context);

        var query = db.ApiKeys.AsNoTracking().Where(k => k.TenantId == tenantId);
        if (page.After is { } cursor)
        {
            query = query.Where(k => k.Id.CompareTo(cursor.Id) > 0);
        }

        var (rows, nextPageToken) = await query.OrderBy(k => k.Id).ToPageAsync(page, k => PageCursor.At(k.Id), context.CancellationToken);
        return new ListApiKeysResponse { ApiKeys = { rows.Select(k => k.ToProto()) }, NextPageToken = nextPageToken };
    }

    public override async Task<Contracts.Platform.V1.ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var tenantId = ResourceId.Parse(request.TenantId, "tenant_id", violations);
        var id = ResourceId.Parse(request.Id, "id", violations);
        violations.ThrowIfAny();

        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.TenantId == tenantId, context.CancellationToken)
            ?? throw new ResourceNotFoundException("API key", request.Id);
        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(context.CancellationToken);
        keys.Invalidate();
        return key.ToProto();
    }

    public override async Task<RotateApiKeyResponse> RotateApiKey(RotateApiKeyRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var violations = new FieldViolations();
        var tenantId = ResourceId.Parse(request.TenantId, "tenant_id", violations);
        var id = ResourceId.Parse(request.Id, "id", violations);
        var oldKeyExpires = AdminValidator.RotationExpiry(request.OldKeyExpireTime, now, violations);
        violations.ThrowIfAny();

        var old = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.TenantId == tenantId, context.CancellationToken)
            ?? throw new ResourceNotFoundException("API key", request.Id);
        if (old.RevokedAt is not null || old.ExpiresAt <= now)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "A revoked or expired key cannot be rotated; create a new one."));
        }

        var (prefix, secret) = ApiKeySecret.Generate();
        var replacement = new ApiKey
        {
            TenantId = old.TenantId,
            Name = old.Name,
            Scopes = [.. old.Scopes],
            MemberId = old.MemberId,
            Prefix = prefix,
            Hash = ApiKeySecret.Hash(secret),
            CreatedAt = now,
        };
        // Rotation shortens the old key's life, never lengthens it.
        old.ExpiresAt = old.ExpiresAt is { } current && current < oldKeyExpires ? current : oldKeyExpires;
        db.ApiKeys.Add(replacement);
        await db.SaveChangesAsync(context.CancellationToken);
        keys.Invalidate();
        return new RotateApiKeyResponse { ApiKey = replacement.ToProto(), Secret = secret, OldApiKey = old.ToProto() };
    }

    private async Task<Contracts.Platform.V1.Tenant> SetStatus(string id, TenantStatus status, ServerCallContext context)
    {
        var tenant = await FindTenant(id, "id", context);
        tenant.Status = status;
        await db.SaveChangesAsync(context.CancellationToken);
        keys.Invalidate();
        return tenant.ToProto(plans.Value);
    }

    private async Task<Tenant> FindTenant(string id, string field, ServerCallContext context)
    {
        var tenantId = ResourceId.Parse(id, field);
        return await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Tenant", id);
    }
}
