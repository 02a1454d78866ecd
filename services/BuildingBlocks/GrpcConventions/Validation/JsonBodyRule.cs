using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// Checks a REST body against the message it will become, as protobuf's JSON mapping does and
/// JSON transcoding does not: an unknown field is refused (not silently dropped), and a value of
/// the wrong JSON type, or JSON that does not parse, is named by its path. Field names may be
/// the JSON (lowerCamel) or the contract's (snake_case) names, as the mapping allows.
/// </summary>
public static class JsonBodyRule
{
    private static readonly ConcurrentDictionary<MessageDescriptor, Dictionary<string, FieldDescriptor>> Names = new();

    /// <summary>Every problem of <paramref name="json"/> as a <paramref name="descriptor"/>, with paths under <paramref name="prefix"/>.</summary>
    public static FieldViolations Check(ReadOnlySpan<byte> json, MessageDescriptor descriptor, string prefix, FieldViolations violations)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            var path = Join(prefix, JsonPath.WhereReadingFails(json));
            return violations.Add(path.Length == 0 ? "$" : path, $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }

        using (document)
        {
            Message(document.RootElement, descriptor, prefix, violations);
        }

        return violations;
    }

    private static void Message(JsonElement element, MessageDescriptor descriptor, string path, FieldViolations violations)
    {
        if (WellKnown(element, descriptor, path, violations))
        {
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            violations.Add(Root(path), "must be a JSON object");
            return;
        }

        var fields = Names.GetOrAdd(descriptor, d => d.Fields.InDeclarationOrder()
            .SelectMany(f => new[] { (f.Name, f), (f.JsonName, f) })
            .DistinctBy(pair => pair.Item1)
            .ToDictionary(pair => pair.Item1, pair => pair.f));
        foreach (var property in element.EnumerateObject())
        {
            if (!fields.TryGetValue(property.Name, out var field))
            {
                violations.Add(Join(path, property.Name), $"is not a field of {descriptor.FullName}");
                continue;
            }

            Field(property.Value, field, Join(path, field.Name), violations);
        }
    }

    private static void Field(JsonElement value, FieldDescriptor field, string path, FieldViolations violations)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (field.IsMap)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                violations.Add(path, "must be a JSON object");
                return;
            }

            var valueField = field.MessageType.FindFieldByNumber(2);
            foreach (var entry in value.EnumerateObject())
            {
                Single(entry.Value, valueField, $"{path}.{entry.Name}", violations);
            }
        }
        else if (field.IsRepeated)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                violations.Add(path, "must be a JSON array");
                return;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Single(item, field, $"{path}[{index++}]", violations);
            }
        }
        else
        {
            Single(value, field, path, violations);
        }
    }

    private static void Single(JsonElement value, FieldDescriptor field, string path, FieldViolations violations)
    {
        if (value.ValueKind == JsonValueKind.Null && field.FieldType != FieldType.Message)
        {
            return;
        }

        var problem = field.FieldType switch
        {
            FieldType.Message => Nested(value, field.MessageType, path, violations),
            FieldType.String => value.ValueKind != JsonValueKind.String ? "must be a string" : IsUnicode(value) ? null : "must be valid Unicode text",
            FieldType.Bytes => value.ValueKind == JsonValueKind.String ? null : "must be a base64 string",
            FieldType.Bool => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false",
            FieldType.Enum => Enum(value, field.EnumType),
            FieldType.Float or FieldType.Double => IsNumber(value) ? null : "must be a number",
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => IsInteger(value, int.MinValue, int.MaxValue) ? null : "must be a 32-bit integer",
            FieldType.UInt32 or FieldType.Fixed32 => IsInteger(value, 0, uint.MaxValue) ? null : "must be a non-negative 32-bit integer",
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => IsInteger(value, long.MinValue, long.MaxValue) ? null : "must be a 64-bit integer",
            _ => IsInteger(value, 0, ulong.MaxValue) ? null : "must be a non-negative 64-bit integer",
        };
        if (problem is not null)
        {
            violations.Add(path, problem);
        }
    }

    private static string? Nested(JsonElement value, MessageDescriptor descriptor, string path, FieldViolations violations)
    {
        Message(value, descriptor, path, violations);
        return null;
    }

    /// <summary>The well-known types have their own JSON forms; true when <paramref name="descriptor"/> is one (and it was checked).</summary>
    private static bool WellKnown(JsonElement element, MessageDescriptor descriptor, string path, FieldViolations violations)
    {
        string? problem;
        switch (descriptor.FullName)
        {
            case "google.protobuf.Timestamp":
            case "google.protobuf.Duration":
            case "google.protobuf.FieldMask":
                problem = element.ValueKind == JsonValueKind.String ? null : "must be a string";
                break;
            case "google.protobuf.Struct":
                problem = element.ValueKind == JsonValueKind.Object ? null : "must be a JSON object";
                break;
            case "google.protobuf.ListValue":
                problem = element.ValueKind == JsonValueKind.Array ? null : "must be a JSON array";
                break;
            case "google.protobuf.Value":
            case "google.protobuf.Any":
                problem = null;
                break;
            case "google.protobuf.StringValue":
            case "google.protobuf.BytesValue":
            case "google.protobuf.BoolValue":
            case "google.protobuf.Int32Value":
            case "google.protobuf.UInt32Value":
            case "google.protobuf.Int64Value":
            case "google.protobuf.UInt64Value":
            case "google.protobuf.FloatValue":
            case "google.protobuf.DoubleValue":
                // A wrapper is written as the value it wraps.
                Single(element, descriptor.FindFieldByNumber(1), path, violations);
                return true;
            default:
                return false;
        }

        if (problem is not null)
        {
            violations.Add(Root(path), problem);
        }

        return true;
    }

    private static string? Enum(JsonElement value, EnumDescriptor type) => value.ValueKind switch
    {
        JsonValueKind.String when type.FindValueByName(value.GetString()!) is not null => null,
        JsonValueKind.Number when value.TryGetInt32(out _) => null,
        _ => $"must be one of {string.Join(", ", type.Values.Select(v => v.Name))}",
    };

    // A lone surrogate escape (\ud800) parses as JSON but cannot become a string: name it before transcoding fails on it.
    private static bool IsUnicode(JsonElement value)
    {
        try
        {
            value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => true,
        JsonValueKind.String => value.GetString() is "NaN" or "Infinity" or "-Infinity"
            || double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    // Protobuf's JSON takes integers as numbers or as strings (64-bit ones usually arrive as strings), and 1.0 as 1.
    private static bool IsInteger(JsonElement value, decimal min, decimal max)
    {
        decimal number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (!value.TryGetDecimal(out number))
            {
                return false;
            }
        }
        else if (value.ValueKind != JsonValueKind.String
            || !decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        return number == decimal.Truncate(number) && number >= min && number <= max;
    }

    private static string Join(string prefix, string name) =>
        prefix.Length == 0 ? name : name.Length == 0 ? prefix : name.StartsWith('[') ? prefix + name : $"{prefix}.{name}";

    private static string Root(string path) => path.Length == 0 ? "$" : path;
}
