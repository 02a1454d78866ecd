using CrmPlatform.ServiceDefaults.Grpc;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Grpc;

/// <summary>Which fields of a resource a client may change, and which a change actually touched.</summary>
internal sealed class UpdatableFields<T>
    where T : IMessage<T>, new()
{
    private readonly string[] names;
    private readonly FieldDescriptor[] fields;

    public UpdatableFields(params string[] names)
    {
        this.names = names;
        fields = names.Select(name => new T().Descriptor.FindFieldByName(name) ?? throw new ArgumentException($"{typeof(T).Name} has no field {name}.")).ToArray();
    }

    /// <summary>The top-level fields a client may name in a mask.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>
    /// The paths to apply: the mask's, each checked, or (AIP-134) every updatable field the
    /// request sets when there is no mask.
    /// </summary>
    public FieldMask Resolve(FieldMask? mask, T message, FieldViolations violations)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            return new FieldMask { Paths = { fields.Where(f => Updatable.IsSet(f.Accessor.GetValue(message))).Select(f => f.Name) } };
        }

        // REST clients write paths as JSON names (accountOwner); the contract's are snake_case.
        // A map key (custom_fields.seatCount) is the tenant's own name and keeps its spelling.
        var paths = mask.Paths.Select(Contract).ToList();
        var invalid = paths.Where(path => !names.Contains(path.Split('.')[0]) || !FieldMaskApplier.IsValid(Descriptor, path)).ToList();
        invalid.ForEach(path => violations.Add("update_mask", $"'{path}' is not a field that can be updated"));
        return invalid.Count == 0 ? new FieldMask { Paths = { paths } } : new FieldMask();
    }

    /// <summary>
    /// The current version with the masked fields taken from <paramref name="changes"/>: messages,
    /// lists and maps replaced whole, one map entry set or removed by <c>map_field.key</c>.
    /// </summary>
    public static T Apply(FieldMask mask, T changes, T current)
    {
        var after = current.Clone();
        FieldMaskApplier.Apply(mask.Paths, changes, after);
        return after;
    }

    /// <summary>The top-level fields whose values differ between two versions.</summary>
    public List<string> Changed(T before, T after) =>
        fields.Where(f => !Equals(f.Accessor.GetValue(before), f.Accessor.GetValue(after))).Select(f => f.Name).ToList();

    private static MessageDescriptor Descriptor => new T().Descriptor;

    private static string Contract(string path)
    {
        var segments = path.Split('.');
        var descriptor = Descriptor;
        for (var i = 0; i < segments.Length && descriptor is not null; i++)
        {
            var field = descriptor.FindFieldByName(SnakeCase(segments[i])) ?? descriptor.FindFieldByName(segments[i]);
            if (field is null)
            {
                break;
            }

            segments[i] = field.Name;
            if (field.IsMap)
            {
                break;
            }

            descriptor = field.FieldType == FieldType.Message ? field.MessageType : null;
        }

        return string.Join('.', segments);
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

}

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
            throw new ServiceDefaults.Grpc.PreconditionFailedException($"{kind} '{id}' has changed since etag '{sent}'; read it again.");
        }
    }
}
