using CrmPlatform.ServiceDefaults.Grpc;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Grpc;

/// <summary>Which of a company's fields a client may change, and which a change actually touched.</summary>
internal static class CompanyFields
{
    private static readonly string[] Updatable =
    [
        "name", "legal_name", "website", "domain", "industry", "employee_count", "headquarters",
        "phone", "email", "account_owner", "lifecycle_stage", "tags",
    ];

    private static readonly FieldDescriptor[] UpdatableFields =
        Updatable.Select(name => Proto.Company.Descriptor.FindFieldByName(name)).ToArray();

    /// <summary>
    /// The paths to apply: the mask's, each checked, or (AIP-134) every updatable field the
    /// request sets when there is no mask.
    /// </summary>
    public static FieldMask Resolve(FieldMask? mask, Proto.Company company, FieldViolations violations)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            return FieldMask.FromStringEnumerable<Proto.Company>(
                UpdatableFields.Where(f => IsSet(f, company)).Select(f => f.Name));
        }

        // REST clients write paths as JSON names (accountOwner); the contract's are snake_case.
        var paths = mask.Paths.Select(SnakeCase).ToList();
        var invalid = paths.Where(path => !Updatable.Contains(path.Split('.')[0]) || !FieldMask.IsValid<Proto.Company>(path)).ToList();
        invalid.ForEach(path => violations.Add("update_mask", $"'{path}' is not a field that can be updated"));
        return invalid.Count == 0 ? FieldMask.FromStringEnumerable<Proto.Company>(paths) : new FieldMask();
    }

    /// <summary>The top-level fields whose values differ between two versions of a company.</summary>
    public static List<string> Changed(Proto.Company before, Proto.Company after) =>
        UpdatableFields.Where(f => !Equals(f.Accessor.GetValue(before), f.Accessor.GetValue(after))).Select(f => f.Name).ToList();

    private static string SnakeCase(string path) =>
        string.Concat(path.Select(c => char.IsAsciiLetterUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    private static bool IsSet(FieldDescriptor field, IMessage message) => field.Accessor.GetValue(message) switch
    {
        string text => text.Length > 0,
        int number => number != 0,
        System.Enum value => Convert.ToInt32(value) != 0,
        IMessage nested => nested is not null,
        System.Collections.ICollection list => list.Count > 0,
        null => false,
        _ => true,
    };
}
