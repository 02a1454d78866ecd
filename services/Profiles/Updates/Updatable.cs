using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Updates;

internal static class Updatable
{
    public static readonly UpdatableFields<Proto.Company> Company = new(
        "name", "legal_name", "website", "domain", "industry", "employee_count", "headquarters",
        "phone", "email", "account_owner", "lifecycle_stage", "tags", "external_id", "registration_number",
        "annual_revenue", "financial_status", "ownership", "addresses", "custom_fields", "strategy");

    // left_date changes only through LeaveCompany, so leaving is always one deliberate act.
    public static readonly UpdatableFields<Proto.Person> Person = new(
        "given_name", "family_name", "title", "department", "roles", "reports_to_id", "emails", "phones",
        "birthday", "preferred_channel", "social_profiles", "notes");

    public static readonly UpdatableFields<Proto.Project> Project = new(
        "name", "description", "products", "value", "stage", "start_date", "close_date");

    /// <summary>
    /// Whether a field value is other than its default. A message counts as set when present,
    /// even empty, unless <paramref name="emptyMessageIsUnset"/>.
    /// </summary>
    public static bool IsSet(object? value, bool emptyMessageIsUnset = false) => value switch
    {
        string text => text.Length > 0,
        int number => number != 0,
        System.Enum choice => Convert.ToInt32(choice) != 0,
        IMessage nested => !emptyMessageIsUnset || nested.CalculateSize() > 0,
        System.Collections.ICollection list => list.Count > 0,
        null => false,
        _ => true,
    };

    /// <summary>Refuses an update made from a version other than the current one, when the caller says which it saw.</summary>
    public static void CheckEtag(string kind, string id, string? sent, string current)
    {
        if (!string.IsNullOrEmpty(sent) && sent != current)
        {
            throw new PreconditionFailedException($"{kind} '{id}' has changed since etag '{sent}'; read it again.");
        }
    }
}
