using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Updates;

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
            var field = descriptor.FindFieldByName(MaskPaths.SnakeCase(segments[i])) ?? descriptor.FindFieldByName(segments[i]);
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

}
