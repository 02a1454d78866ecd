using System.Text.RegularExpressions;
using CrmPlatform.ServiceDefaults.Grpc;
using Proto = CrmPlatform.Contracts.Platform.V1;

namespace CrmPlatform.Gateway.Grpc;

internal static partial class AdminValidator
{
    public static readonly string[] KnownScopes = ["crm.read", "crm.write"];

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
            violations.Check(KnownScopes.Contains(key.Scopes[i]), $"api_key.scopes[{i}]", $"must be one of {string.Join(", ", KnownScopes)}");
        }

        if (key.ExpireTime is { } expires)
        {
            violations.Check(expires.Seconds is > 0 and < 253402300799 && expires.ToDateTimeOffset() > now, "api_key.expire_time", "must be in the future");
        }

        return violations;
    }
}
