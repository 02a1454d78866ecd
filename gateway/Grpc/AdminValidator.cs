using System.Text.RegularExpressions;
using CrmPlatform.Gateway.RateLimiting;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Platform.V1;

namespace CrmPlatform.Gateway.Grpc;

internal static partial class AdminValidator
{
    /// <summary>What a tenant's data methods declare (a key gets both unless it asks for fewer).</summary>
    public static readonly string[] DataScopes = ["crm.read", "crm.write"];

    /// <summary>Every scope a key may hold: the data scopes, the tenant's own administration, acting for a member.</summary>
    public static readonly string[] KeyScopes = [.. DataScopes, "crm.admin", Auth.ActingMemberResolution.Scope];

    /// <summary>How long a rotated-out key keeps working when the operator does not say.</summary>
    public static readonly TimeSpan DefaultRotationOverlap = TimeSpan.FromHours(24);

    /// <summary>The longest overlap allowed: a rotation should end, or it is a second key.</summary>
    public static readonly TimeSpan MaxRotationOverlap = TimeSpan.FromDays(30);

    /// <summary>9999-12-31T23:59:59Z, the last second a google.protobuf.Timestamp can hold.</summary>
    private const long LastTimestampSecond = 253_402_300_799;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex Slug();

    public static FieldViolations ValidateTenant(Proto.Tenant? tenant, FieldViolations violations)
    {
        if (tenant is null)
        {
            return violations.Add("tenant", "is required");
        }

        return violations
            .Check(Slug().IsMatch(tenant.Slug), "tenant.slug", "must be 2 to 40 lowercase letters, digits or dashes, not starting with a dash")
            .Required("tenant.name", tenant.Name)
            .MaxLength("tenant.name", tenant.Name, 200)
            .MaxLength("tenant.plan", tenant.Plan, 40);
    }

    public static readonly string[] LimitPaths = ["requests_per_second", "burst", "concurrent_bulk_operations"];

    /// <returns>The limits to change: the mask's paths, or all of them for an empty mask.</returns>
    public static IReadOnlyList<string> ValidateLimits(Proto.TenantLimits? limits, FieldMask? mask, FieldViolations violations)
    {
        if (limits is null)
        {
            violations.Add("limits", "is required");
            return [];
        }

        // REST clients write paths as JSON names (requestsPerSecond); the contract's are snake_case.
        var paths = mask is { Paths.Count: > 0 } ? mask.Paths.Select(MaskPaths.SnakeCase).Distinct().ToList() : [.. LimitPaths];
        foreach (var path in paths.Where(p => !LimitPaths.Contains(p)))
        {
            violations.Add("update_mask", $"\"{path}\" is not a limit; use {string.Join(", ", LimitPaths)}");
        }

        // 0 is allowed: it returns the figure to the plan's default.
        if (paths.Contains("requests_per_second"))
        {
            violations.Check(limits.RequestsPerSecond is >= 0 and <= LimitBounds.MaxRequestsPerSecond, "limits.requests_per_second",
                $"must be 1 to {LimitBounds.MaxRequestsPerSecond}, or 0 for the plan's default");
        }

        if (paths.Contains("burst"))
        {
            violations.Check(limits.Burst is >= 0 and <= LimitBounds.MaxBurst, "limits.burst",
                $"must be 1 to {LimitBounds.MaxBurst}, or 0 for the plan's default");
        }

        if (paths.Contains("concurrent_bulk_operations"))
        {
            violations.Check(limits.ConcurrentBulkOperations is >= 0 and <= LimitBounds.MaxConcurrentBulkOperations, "limits.concurrent_bulk_operations",
                $"must be 1 to {LimitBounds.MaxConcurrentBulkOperations}, or 0 for the plan's default");
        }

        return paths;
    }


    public static FieldViolations ValidateApiKey(Proto.ApiKey? key, DateTimeOffset now, FieldViolations violations)
    {
        if (key is null)
        {
            return violations.Add("api_key", "is required");
        }

        violations
            .Required("api_key.name", key.Name)
            .MaxLength("api_key.name", key.Name, 200);
        for (var i = 0; i < key.Scopes.Count; i++)
        {
            violations.Check(KeyScopes.Contains(key.Scopes[i]), $"api_key.scopes[{i}]", $"must be one of {string.Join(", ", KeyScopes)}");
        }

        if (key.ExpireTime is { } expires)
        {
            violations.Check(expires.Seconds is > 0 and < LastTimestampSecond && expires.ToDateTimeOffset() > now, "api_key.expire_time", "must be in the future");
        }

        return violations;
    }

    /// <returns>When the old key of a rotation stops working, if the request's time is acceptable.</returns>
    public static DateTimeOffset RotationExpiry(Google.Protobuf.WellKnownTypes.Timestamp? requested, DateTimeOffset now, FieldViolations violations)
    {
        if (requested is null)
        {
            return now + DefaultRotationOverlap;
        }

        var valid = requested.Seconds is > 0 and < LastTimestampSecond && requested.Nanos is >= 0 and < 1_000_000_000;
        var expires = valid ? requested.ToDateTimeOffset() : now;
        violations
            .Check(valid && expires >= now, "old_key_expire_time", "must not be in the past")
            .Check(expires <= now + MaxRotationOverlap, "old_key_expire_time", $"must be at most {MaxRotationOverlap.TotalDays:0} days ahead");
        return expires;
    }
}
