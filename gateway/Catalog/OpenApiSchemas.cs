using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace CrmPlatform.Gateway.Catalog;

/// <summary>
/// JSON schemas of protobuf messages as the protobuf JSON mapping writes them: lowerCamelCase
/// names, 64-bit integers as strings, enums by name, well-known types in their JSON forms.
/// Every message becomes one named component, referenced wherever it is used.
/// </summary>
public sealed class OpenApiSchemas
{
    private readonly SortedDictionary<string, JsonNode> components = new(StringComparer.Ordinal);

    public JsonObject Components()
    {
        var result = new JsonObject();
        foreach (var (name, schema) in components)
        {
            result[name] = schema.DeepClone();
        }

        return result;
    }

    public JsonObject Reference(MessageDescriptor message)
    {
        if (WellKnown(message) is { } wellKnown)
        {
            return wellKnown;
        }

        if (!components.ContainsKey(message.FullName))
        {
            components[message.FullName] = new JsonObject(); // placed first: a message may contain itself
            components[message.FullName] = Object(message.Fields.InDeclarationOrder());
        }

        return new JsonObject { ["$ref"] = $"#/components/schemas/{message.FullName}" };
    }

    /// <summary>An object of the given fields only, for a request body without its path-bound fields.</summary>
    public JsonObject Object(IEnumerable<FieldDescriptor> fields)
    {
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            properties[field.JsonName] = Field(field);
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    public JsonObject Field(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            var value = field.MessageType.FindFieldByNumber(2);
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Single(value) };
        }

        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = Single(field) } : Single(field);
    }

    private JsonObject Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double => Scalar("number", "double"),
        FieldType.Float => Scalar("number", "float"),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Scalar("integer", "int32"),
        FieldType.UInt32 or FieldType.Fixed32 => Scalar("integer", "int64"),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Scalar("string", "int64"),
        FieldType.UInt64 or FieldType.Fixed64 => Scalar("string", "uint64"),
        FieldType.Bool => Scalar("boolean"),
        FieldType.String => Scalar("string"),
        FieldType.Bytes => Scalar("string", "byte"),
        FieldType.Enum => new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray([.. field.EnumType.Values.Select(v => JsonValue.Create(v.Name))]),
        },
        FieldType.Message or FieldType.Group => Reference(field.MessageType),
        _ => throw new InvalidOperationException($"No JSON form for {field.FieldType}."),
    };

    private static JsonObject? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => Scalar("string", "date-time"),
        "google.protobuf.Duration" => Scalar("string", "duration"),
        "google.protobuf.FieldMask" => Scalar("string", "field-mask"),
        "google.protobuf.Struct" or "google.protobuf.Empty" => Scalar("object"),
        "google.protobuf.Value" => new JsonObject(),
        "google.protobuf.ListValue" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject() },
        "google.protobuf.Any" => new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["@type"] = Scalar("string") },
            ["additionalProperties"] = true,
        },
        "google.protobuf.DoubleValue" or "google.protobuf.FloatValue" => Nullable(Scalar("number")),
        "google.protobuf.Int32Value" or "google.protobuf.UInt32Value" => Nullable(Scalar("integer")),
        "google.protobuf.Int64Value" or "google.protobuf.UInt64Value" => Nullable(Scalar("string", "int64")),
        "google.protobuf.BoolValue" => Nullable(Scalar("boolean")),
        "google.protobuf.StringValue" => Nullable(Scalar("string")),
        "google.protobuf.BytesValue" => Nullable(Scalar("string", "byte")),
        _ => null,
    };

    private static JsonObject Scalar(string type, string? format = null) =>
        format is null ? new JsonObject { ["type"] = type } : new JsonObject { ["type"] = type, ["format"] = format };

    private static JsonObject Nullable(JsonObject schema)
    {
        schema["nullable"] = true;
        return schema;
    }
}
