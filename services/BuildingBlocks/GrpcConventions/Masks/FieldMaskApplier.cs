using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// Applies an update mask the way AIP-134 and AIP-161 describe it, because Google.Protobuf's
/// <c>FieldMask.Merge</c> throws on map fields: a named field is replaced whole (messages, lists
/// and maps included), a path into a message replaces just that sub-field, and
/// <c>map_field.key</c> sets one entry, or removes it when the source has no such key.
/// </summary>
public static class FieldMaskApplier
{
    /// <summary>Whether <paramref name="path"/> (snake_case, dot-separated) names something in <paramref name="descriptor"/> that can be applied.</summary>
    public static bool IsValid(MessageDescriptor descriptor, string path)
    {
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var field = descriptor.FindFieldByName(segments[i]);
            if (field is null)
            {
                return false;
            }

            var last = i == segments.Length - 1;
            if (last)
            {
                return true;
            }

            if (field.IsMap)
            {
                // Exactly one more segment: the key of the entry.
                return i + 2 == segments.Length && MapKey(field, segments[i + 1]) is not null;
            }

            if (field.IsRepeated || field.FieldType != FieldType.Message)
            {
                return false;
            }

            descriptor = field.MessageType;
        }

        return false;
    }

    /// <summary>Copies every path in <paramref name="paths"/> from <paramref name="source"/> into <paramref name="target"/>; each path must be <see cref="IsValid"/>.</summary>
    public static void Apply(IEnumerable<string> paths, IMessage source, IMessage target)
    {
        foreach (var path in paths)
        {
            Apply(path.Split('.'), 0, source, target);
        }
    }

    private static void Apply(string[] segments, int index, IMessage source, IMessage target)
    {
        var field = target.Descriptor.FindFieldByName(segments[index])
            ?? throw new ArgumentException($"{target.Descriptor.FullName} has no field {segments[index]}.");
        if (index == segments.Length - 1)
        {
            Replace(field, source, target);
            return;
        }

        if (field.IsMap)
        {
            var key = MapKey(field, segments[index + 1]) ?? throw new ArgumentException($"'{segments[index + 1]}' is not a key of {field.FullName}.");
            var from = (IDictionary)field.Accessor.GetValue(source);
            var to = (IDictionary)field.Accessor.GetValue(target);
            if (from.Contains(key))
            {
                to[key] = Clone(from[key]);
            }
            else
            {
                to.Remove(key);
            }

            return;
        }

        var sourceChild = (IMessage?)field.Accessor.GetValue(source);
        var targetChild = (IMessage?)field.Accessor.GetValue(target);
        if (sourceChild is null && targetChild is null)
        {
            return;
        }

        sourceChild ??= New(field.MessageType);
        if (targetChild is null)
        {
            targetChild = New(field.MessageType);
            field.Accessor.SetValue(target, targetChild);
        }

        Apply(segments, index + 1, sourceChild, targetChild);
    }

    private static void Replace(FieldDescriptor field, IMessage source, IMessage target)
    {
        var value = field.Accessor.GetValue(source);
        if (field.IsMap)
        {
            var to = (IDictionary)field.Accessor.GetValue(target);
            to.Clear();
            foreach (DictionaryEntry entry in (IDictionary)value)
            {
                to[entry.Key] = Clone(entry.Value);
            }
        }
        else if (field.IsRepeated)
        {
            var to = (IList)field.Accessor.GetValue(target);
            to.Clear();
            foreach (var item in (IList)value)
            {
                to.Add(Clone(item));
            }
        }
        else if ((field.HasPresence || field.RealContainingOneof is not null) && !field.Accessor.HasValue(source))
        {
            // Setting a default would mark the field (or its oneof case) as present.
            if (field.Accessor.HasValue(target))
            {
                field.Accessor.Clear(target);
            }
        }
        else
        {
            field.Accessor.SetValue(target, Clone(value));
        }
    }

    private static object? MapKey(FieldDescriptor map, string text)
    {
        var keyField = map.MessageType.FindFieldByNumber(1);
        return keyField.FieldType switch
        {
            FieldType.String => text.Length > 0 ? text : null,
            FieldType.Bool => bool.TryParse(text, out var b) ? b : null,
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(text, out var i) ? i : null,
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(text, out var l) ? l : null,
            FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(text, out var u) ? u : null,
            FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(text, out var ul) ? ul : null,
            _ => null,
        };
    }

    private static IMessage New(MessageDescriptor descriptor) => descriptor.Parser.ParseFrom(ByteString.Empty);

    // Messages are mutable: the target must not share them with the source.
    private static object? Clone(object? value) =>
        value is IMessage message ? message.Descriptor.Parser.ParseFrom(message.ToByteString()) : value;
}
